// Issue 11: two replicas behind a load balancer, sharing one GitHub and one real Redis.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestProbot, type TestProbot } from "@vigil/github-sandbox";
import type { LeaseOutcome } from "../../src/coordination/lease.js";
import { createVigil } from "../../src/index.js";
import type { CheckSummary } from "../../src/triggers/check-all.js";
import { answers, botComments, createWorld, issueState, OWNER, REPO, type World } from "../helpers/world.js";
import { INCIDENT_FORM, renderFormBody } from "../helpers/incident-form.js";
import { redisForSuite, redisServerOnPath, startRedisServer } from "../helpers/redis-server.js";

const COMMENTS = "/repos/{owner}/{repo}/issues/{issue_number}/comments";

/** Two Vigil replicas on one sandboxed GitHub; their timer ticks are fired by the test. */
interface Replicas {
  world: World;
  apps: [TestProbot, TestProbot];
  ticks: (() => Promise<LeaseOutcome<CheckSummary>>)[];
  /** Delivers the same webhook (same delivery id) to both replicas at once. */
  both(name: string, payload: object): Promise<void>;
}

const stops: AbortController[] = [];

function replicas(redisUrl: string | undefined, world = createWorld()): Replicas {
  const stop = new AbortController();
  stops.push(stop);
  const ticks: Replicas["ticks"] = [];
  const app = () =>
    createTestProbot(world.sandbox, createVigil({
      now: () => world.sandbox.clock.now,
      env: { VIGIL_CHECK_INTERVAL: "1h", ...(redisUrl ? { REDIS_URL: redisUrl } : {}) },
      timer: (_ms, tick) => {
        ticks.push(tick as () => Promise<LeaseOutcome<CheckSummary>>);
        return { stop: () => undefined };
      },
      signal: stop.signal,
    }));
  const apps: [TestProbot, TestProbot] = [app(), app()];
  return {
    world,
    apps,
    ticks,
    async both(name, payload) {
      const id = randomUUID();
      await Promise.all(apps.map((a) => a.receive(name, payload, id)));
    },
  };
}

const fileIssue = (world: World) =>
  world.sandbox.addIssue(OWNER, REPO, { title: "[Incident] Outbound traffic from db-1", body: renderFormBody(INCIDENT_FORM, answers()), labels: ["incident"], user: "reporter" }).number;

const count = (world: World, method: string, route: string) => world.sandbox.countRequests({ method, route });

afterEach(() => {
  for (const stop of stops.splice(0)) stop.abort();
});

describe.skipIf(!redisServerOnPath())("two replicas sharing Redis", () => {
  const redis = redisForSuite();
  beforeEach(async () => {
    await redis.admin.flushall();
  });

  it("the same deliveries to both at once give one of everything, written once", async () => {
    const { world, both } = replicas(redis.server.url);
    const n = fileIssue(world);
    await both("issues", world.sandbox.payloadFor.issues("opened", OWNER, REPO, n, { sender: "reporter" }));
    const c = world.sandbox.addComment(OWNER, REPO, n, "/severity sev0 customer records were read\n/note rotated the DB credentials", "bob");
    await both("issue_comment", world.sandbox.payloadFor.issueComment("created", OWNER, REPO, c.id, { sender: "bob" }));
    world.sandbox.setIssueState(OWNER, REPO, n, "closed", "completed", "bob");
    await both("issues", world.sandbox.payloadFor.issues("closed", OWNER, REPO, n, { sender: "bob" }));

    expect(botComments(world, n, "incident-record")).toHaveLength(1);
    expect(botComments(world, n, "command-reply")).toHaveLength(1);
    expect(botComments(world, n, "postmortem-link")).toHaveLength(1);
    expect(world.sandbox.listComments(OWNER, REPO, n).find((x) => x.id === c.id)?.reactions.map((r) => r.content)).toEqual(["+1"]);
    expect(issueState(world, n).labels).toEqual(["incident", "severity: sev0"]);
    expect(issueState(world, n).assignees).toEqual(["bob"]);
    const pulls = world.sandbox.requests.filter((r) => r.method === "POST" && r.route === "/repos/{owner}/{repo}/pulls");
    expect(pulls).toHaveLength(1);
    // Written once, not written twice and tidied up: the second replica waited, observed, found nothing to do.
    expect(botComments(world, n, "evidence-ledger")).toHaveLength(1);
    expect(count(world, "POST", COMMENTS)).toBe(4); // record, paging reply, evidence ledger, post-mortem link
    expect(count(world, "PUT", "/repos/{owner}/{repo}/issues/{issue_number}/labels")).toBe(2); // intake, sev0
    expect(count(world, "DELETE", "/repos/{owner}/{repo}/issues/comments/{comment_id}")).toBe(0);
    expect(count(world, "POST", "/repos/{owner}/{repo}/git/refs")).toBe(1);
  });

  it("two different deliveries for one issue on two replicas at once take turns: one record, written once", async () => {
    const { world, apps } = replicas(redis.server.url);
    const n = fileIssue(world);
    // Filing a labelled issue sends issues.opened and issues.labeled together; the balancer may split them.
    await Promise.all([
      apps[0].receive("issues", world.sandbox.payloadFor.issues("opened", OWNER, REPO, n, { sender: "reporter" })),
      apps[1].receive("issues", world.sandbox.payloadFor.issues("labeled", OWNER, REPO, n, { sender: "reporter", label: "incident" })),
    ]);
    expect(botComments(world, n, "incident-record")).toHaveLength(1);
    expect(count(world, "POST", COMMENTS)).toBe(1);
    expect(count(world, "PUT", "/repos/{owner}/{repo}/issues/{issue_number}/labels")).toBe(1);
    expect(count(world, "DELETE", "/repos/{owner}/{repo}/issues/comments/{comment_id}")).toBe(0);
  });

  it("a copy of a delivery another replica handled costs nothing; a failed one is handled again on redelivery", async () => {
    const { world, apps } = replicas(redis.server.url);
    const n = fileIssue(world);
    const opened = world.sandbox.payloadFor.issues("opened", OWNER, REPO, n, { sender: "reporter" });
    world.sandbox.injectFault({ kind: "server-error", status: 500, method: "POST", route: "/graphql", times: 10 });
    await expect(apps[0].receive("issues", opened, "delivery-1")).rejects.toThrow();
    world.sandbox.clearFaults();
    world.sandbox.resetCounts();
    await apps[1].receive("issues", opened, "delivery-1"); // the manual redelivery keeps the id
    expect(botComments(world, n, "incident-record")).toHaveLength(1);
    world.sandbox.resetCounts();
    await apps[0].receive("issues", opened, "delivery-1");
    expect(world.sandbox.requests).toEqual([]);
  });

  it("both timers firing at once do the check once: the other replica's tick costs no request", async () => {
    const { world, apps, ticks } = replicas(redis.server.url);
    await Promise.all(apps.map((a) => a.ready));
    const n = fileIssue(world); // filed while no webhook arrived: only the check can take it in
    world.sandbox.resetCounts();
    const outcomes = await Promise.all(ticks.map((t) => t()));
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(botComments(world, n, "incident-record")).toHaveLength(1);
    const paired = world.sandbox.requests.filter((r) => !r.route.endsWith("/access_tokens")).length;

    // The same check on one replica alone, in an identical world, costs exactly as much.
    const solo = replicas(undefined);
    await solo.apps[0].ready;
    fileIssue(solo.world);
    solo.world.sandbox.resetCounts();
    await solo.ticks[0]!();
    expect(paired).toBe(solo.world.sandbox.requests.filter((r) => !r.route.endsWith("/access_tokens")).length);

    // A tick later in the same period, on either replica, is skipped: the lease holds for 0.8 × the interval.
    world.sandbox.resetCounts();
    expect(await Promise.all(ticks.map((t) => t()))).toEqual([{ ran: false }, { ran: false }]);
    expect(world.sandbox.requests).toEqual([]);
  });

  it("without Redis the same concurrent intake races: two records are written (the control for the above)", async () => {
    const { world, both } = replicas(undefined);
    const n = fileIssue(world);
    await both("issues", world.sandbox.payloadFor.issues("opened", OWNER, REPO, n, { sender: "reporter" }));
    expect(count(world, "POST", COMMENTS)).toBe(2);
  });
});

describe.skipIf(!redisServerOnPath())("two replicas when Redis goes away", () => {
  it("keep working: each runs its own work, and the engine leaves one of everything", async () => {
    const server = await startRedisServer();
    try {
      const { world, both, ticks } = replicas(server.url);
      const n = fileIssue(world);
      await both("issues", world.sandbox.payloadFor.issues("opened", OWNER, REPO, n, { sender: "reporter" }));
      expect(count(world, "POST", COMMENTS)).toBe(1);

      await server.stop();
      const c = world.sandbox.addComment(OWNER, REPO, n, "/status mitigating\n/note blocked 203.0.113.9 at the edge", "bob");
      await both("issue_comment", world.sandbox.payloadFor.issueComment("created", OWNER, REPO, c.id, { sender: "bob" }));
      world.sandbox.removeLabel(OWNER, REPO, n, "severity: sev1");
      const outcomes = await Promise.all(ticks.map((t) => t()));
      expect(outcomes.every((o) => o.ran)).toBe(true); // no lease to be had: both check

      const [only, ...copies] = botComments(world, n, "incident-record");
      expect(copies).toEqual([]);
      expect(only!.body).toContain("| Status | Mitigating |");
      expect(only!.body.split("blocked 203.0.113.9 at the edge").length - 1).toBe(1);
      expect(world.sandbox.listComments(OWNER, REPO, n).find((x) => x.id === c.id)?.reactions).toHaveLength(1);
      expect(issueState(world, n).labels).toEqual(["incident", "severity: sev1"]);
    } finally {
      await server.stop();
    }
  });
});
