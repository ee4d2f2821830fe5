import { describe, expect, it } from "vitest";
import { ConfigCache } from "../../src/config/cache.js";
import { appIdentity } from "../../src/triggers/app-identity.js";
import { checkInstallations } from "../../src/triggers/check-all.js";
import type { AppRuntime } from "../../src/triggers/engine-for.js";
import { CONFIG, createWorld, fileIncident, issueState, OWNER, REPO, type World } from "../helpers/world.js";

function runtime(world: World): AppRuntime {
  return { cache: new ConfigCache(), now: () => world.sandbox.clock.now, identity: appIdentity(world.app.probot) };
}

const writes = (world: World) =>
  world.sandbox.requests.filter((r) => r.method !== "GET" && !/^Vigil(Viewer|Observe|Candidates|ReviewIssues|ReadFile)/.test(r.graphqlOperation ?? "") && !r.route.endsWith("/access_tokens"));

describe("the scheduled check over every installation", () => {
  it("visits every repository of every installation (all pages), checks the configured ones, and heals drift", async () => {
    const world = createWorld();
    await world.app.ready;
    const n = await fileIncident(world);
    // A second organisation with its own installation, and enough repositories to need a second page.
    world.sandbox.addUser("globex", "Organization");
    for (let i = 0; i < 105; i++) world.sandbox.addRepo({ owner: "globex", name: `svc-${i}`, ownerType: "Organization" });
    world.sandbox.addRepo({ owner: "globex", name: "sec", ownerType: "Organization" });
    for (const login of ["alice", "bob", "carol"]) world.sandbox.setPermission("globex", "sec", login, "write");
    world.sandbox.setFile("globex", "sec", ".github/incident-response.yml", CONFIG);
    world.sandbox.removeLabel(OWNER, REPO, n, "severity: sev1");

    const summary = await checkInstallations(world.app.probot, runtime(world));
    expect(summary).toMatchObject({ repositories: 107, configured: 2, failed: [] });
    expect(issueState(world, n).labels).toEqual(["incident", "severity: sev1"]);
    expect(summary.written).toBeGreaterThanOrEqual(1);

    world.sandbox.resetCounts();
    const again = await checkInstallations(world.app.probot, runtime(world));
    expect(again.written).toBe(0);
    expect(writes(world)).toEqual([]);
  });

  it("checks one repository when asked (the cron route's ?repo=)", async () => {
    const world = createWorld();
    await world.app.ready;
    const n = await fileIncident(world);
    world.sandbox.removeLabel(OWNER, REPO, n, "severity: sev1");
    const summary = await checkInstallations(world.app.probot, runtime(world), { owner: OWNER, repo: REPO });
    expect(summary).toMatchObject({ repositories: 1, configured: 1, written: 1 });
    expect(issueState(world, n).labels).toContain("severity: sev1");
  });
});
