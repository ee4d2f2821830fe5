import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { runCli } from "../helpers/cli.js";
import { comment, createWorld, fileIncident, issueState, OWNER, REPO, type World } from "../helpers/world.js";

// Writes only: GraphQL reads (who am I, observe) and token exchanges are not writes.
const writes = (world: World) =>
  world.sandbox.requests.filter((r) => r.method !== "GET" && !/^Vigil(Viewer|Observe|Candidates|ReviewIssues|ReadFile)/.test(r.graphqlOperation ?? "") && !r.route.endsWith("/access_tokens"));

const tick = (world: World, ...argv: string[]) => runCli(world, "tick", ...argv);

describe("vigil tick", () => {
  it("--dry-run prints the one effect that restores a label removed by hand; then it applies it; then nothing", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    world.sandbox.removeLabel(OWNER, REPO, n, "severity: sev1");

    world.sandbox.resetCounts();
    const dry = await tick(world, `${OWNER}/${REPO}`, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(`${OWNER}/${REPO}: 1 change\n  - set labels on #${n} to "incident", "severity: sev1" (labels follow the incident (+severity: sev1))`);
    expect(writes(world)).toEqual([]);
    expect(issueState(world, n).labels).toEqual(["incident"]);

    const real = await tick(world, `${OWNER}/${REPO}`);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain("1 written.");
    expect(issueState(world, n).labels).toEqual(["incident", "severity: sev1"]);

    world.sandbox.resetCounts();
    const again = await tick(world, `${OWNER}/${REPO}`);
    expect(again.stdout).toBe(`${OWNER}/${REPO}: nothing to do\n0 written.`);
    expect(writes(world)).toEqual([]);
  });

  it("after webhooks have run, a dry run has nothing to do: every webhook already converged", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    for (const [body, user] of [["/severity sev0 records read", "bob"], ["/status mitigating", "alice"], ["/responder @carol", "bob"], ["/note rotated keys", "carol"], ["/escalate", "carol"], ["/help", "mallory"]]) {
      await comment(world, n, body as string, user as string);
    }
    const dry = await tick(world, `${OWNER}/${REPO}`, "--dry-run");
    expect(dry.stdout).toBe(`${OWNER}/${REPO}: nothing to do`);
  });

  it("--json gives the plan as data", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    world.sandbox.removeLabel(OWNER, REPO, n, "severity: sev1");
    const { stdout } = await tick(world, `${OWNER}/${REPO}`, "--dry-run", "--json");
    const result = JSON.parse(stdout) as { config: string; dryRun: boolean; effects: { kind: string; issue: number }[] };
    expect(result).toMatchObject({ config: "ok", dryRun: true, effects: [{ kind: "setLabels", issue: n }] });
  });

  it("says what is wrong with its arguments or environment", async () => {
    const world = createWorld();
    expect((await tick(world, "not-a-repo")).stderr).toContain("owner/repo");
    expect((await tick(world, `${OWNER}/${REPO}`, "--now", "yesterday")).stderr).toContain("ISO 8601");
    const noToken = await main(["tick", `${OWNER}/${REPO}`], { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: "." });
    expect(noToken).toBe(2);
  });

  it("a repository without configuration has nothing to check", async () => {
    const world = createWorld({ config: null });
    const { code, stdout } = await tick(world, `${OWNER}/${REPO}`);
    expect(code).toBe(0);
    expect(stdout).toContain("nothing to check");
  });
});
