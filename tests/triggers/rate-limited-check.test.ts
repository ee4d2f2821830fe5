// A rate limit met in the middle of the scheduled check (SPEC 4): Vigil waits what GitHub asks, resumes where it
// stopped, and never carries on through the other repositories while GitHub is refusing them.
import { describe, expect, it } from "vitest";
import { ConfigCache } from "../../src/config/cache.js";
import { appIdentity } from "../../src/triggers/app-identity.js";
import { checkInstallations } from "../../src/triggers/check-all.js";
import type { AppRuntime } from "../../src/triggers/engine-for.js";
import { CONFIG, createWorld, OWNER, type World } from "../helpers/world.js";

// Faults are counted, not timed: "every request to svc-4 … svc-8 is refused" stands for GitHub's window, which the
// test closes (clears the faults) when Vigil waits.
const LIMITED = /\/repos\/acme\/svc-[4-8]\//;

async function world(): Promise<World> {
  const w = createWorld();
  for (let i = 0; i < 9; i++) {
    w.sandbox.addRepo({ owner: OWNER, name: `svc-${i}`, ownerType: "Organization" });
    w.sandbox.setFile(OWNER, `svc-${i}`, ".github/incident-response.yml", CONFIG);
  }
  await w.app.ready;
  return w;
}

function runtime(w: World, sleep: (ms: number) => Promise<void>): AppRuntime {
  return { cache: new ConfigCache(), now: () => w.sandbox.clock.now, identity: appIdentity(w.app.probot), sleep };
}

const limited = (w: World) => w.sandbox.requests.filter((r) => r.status === 429);
const firstLimited = (w: World) => w.sandbox.requests.findIndex((r) => r.status === 429);

describe("the scheduled check under a secondary rate limit", () => {
  it("backs off for retry-after, resumes with the repository it stopped at, and sends nothing meanwhile", async () => {
    const w = await world();
    await runtime(w, async () => undefined).identity();
    w.sandbox.resetCounts();
    w.sandbox.injectFault({ kind: "too-many-requests", route: LIMITED, retryAfterSeconds: 120, times: 1000 });
    const waits: { ms: number; requestsSinceFirst429: number }[] = [];
    const summary = await checkInstallations(w.app.probot, runtime(w, async (ms) => {
      waits.push({ ms, requestsSinceFirst429: w.sandbox.requests.length - firstLimited(w) });
      w.sandbox.clearFaults();
    }));
    expect(waits).toHaveLength(1);
    expect(waits[0]!.ms).toBe(120_000);
    // Only Octokit's own bounded retries of the one request (one 429 and its 3 retries) before Vigil stops to wait.
    expect(waits[0]!.requestsSinceFirst429).toBeLessThanOrEqual(4);
    expect(limited(w).every((r) => r.path.startsWith("/repos/acme/svc-4/"))).toBe(true);
    expect(summary).toMatchObject({ repositories: 10, configured: 10, failed: [], deferred: 0 });
  });

  it("when the limit outlasts the wait, leaves the rest to the next check instead of pressing on", async () => {
    const w = await world();
    await runtime(w, async () => undefined).identity();
    w.sandbox.resetCounts();
    w.sandbox.injectFault({ kind: "too-many-requests", route: LIMITED, retryAfterSeconds: 60, times: 1000 });
    const waits: number[] = [];
    const summary = await checkInstallations(w.app.probot, runtime(w, async (ms) => {
      waits.push(ms);
    }));
    expect(waits).toEqual([60_000]);
    expect(limited(w).length).toBeLessThanOrEqual(8);
    expect(limited(w).every((r) => r.path.startsWith("/repos/acme/svc-4/"))).toBe(true);
    expect(summary).toMatchObject({ repositories: 10, configured: 5, deferred: 5 });

    w.sandbox.clearFaults();
    const next = await checkInstallations(w.app.probot, runtime(w, async () => undefined));
    expect(next).toMatchObject({ repositories: 10, configured: 10, failed: [], deferred: 0 });
  });
});
