// `npm run bench`: GitHub API requests per operation and handler latency, measured through the real
// Probot app against the in-memory sandbox. Latency here is Vigil's own CPU time plus the sandbox's
// (which validates every request against GitHub's OpenAPI description and GraphQL schema), with no
// network: read it as a relative figure between versions, not as production latency. Requests are
// counted without installation-token exchanges (Octokit caches those for an hour).
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { createTestProbot, GitHubSandbox } from "@vigil/github-sandbox";
import { ConfigCache } from "../src/config/cache.js";
import { createVigil } from "../src/index.js";
import { appIdentity } from "../src/triggers/app-identity.js";
import { checkInstallations } from "../src/triggers/check-all.js";
import { engineFor } from "../src/triggers/engine-for.js";
import { INCIDENT_FORM, option, renderFormBody } from "../tests/helpers/incident-form.js";
import { main as vigilCli } from "../src/cli/main.js";
import { redisServerOnPath, startRedisServer } from "../tests/helpers/redis-server.js";
import { scaleBench } from "./scale.js";
import { serverBench } from "./server.js";

const OWNER = "acme";
const REPO = "incidents";
const CONFIG = `timezone: America/Los_Angeles
calendar: { country: US, state: CA }
oncall: { rotation: [alice, bob, carol], start: 2026-01-05T09:00, securityOfficer: erin, escalate: ["@acme/security"] }
`;
const PROJECT = `${CONFIG}project: { owner: acme, number: 7 }\n`;
// Incident benchmarks leave the recurring work of SPEC 2.4 off so their counts are about incidents alone.
const QUIET = "securityReview: { enabled: false }\npatching: { enabled: false }\ndrill: { enabled: false }\n";

// Top-threat scrutiny (SPEC 2.14): one threat matched by path and pattern, a reviewer and a reviewer team.
const SCRUTINY = `securityReview:
  enabled: false
  reviewers: [carol, "@acme/appsec"]
  topThreats: [{ name: XSS, paths: ["web/**/*.tsx"], patterns: ["dangerouslySetInnerHTML"], checklist: [Escape output] }]
patching: { enabled: false }
drill: { enabled: false }
`;

function world(options: { project?: boolean; repos?: number; postmortem?: boolean; recurring?: boolean; only?: "securityReview"; scrutiny?: boolean } = {}) {
  const sandbox = new GitHubSandbox({ now: "2026-11-23T18:00:00Z", strict: true });
  sandbox.addUser(OWNER, "Organization");
  const names = options.repos ? Array.from({ length: options.repos }, (_, i) => `${REPO}-${i}`) : [REPO];
  for (const name of names) {
    sandbox.addRepo({ owner: OWNER, name, ownerType: "Organization" });
    for (const login of ["alice", "bob", "carol", "erin"]) sandbox.setPermission(OWNER, name, login, "write");
    sandbox.setFile(OWNER, name, ".github/incident-response.yml", `${options.project ? PROJECT : CONFIG}${options.postmortem ? "postmortem: { reviewers: [carol] }\n" : ""}${options.scrutiny ? SCRUTINY : options.recurring ? (options.only ? "patching: { enabled: false }\ndrill: { enabled: false }\n" : "") : QUIET}`);
  }
  if (options.scrutiny) sandbox.addTeam({ org: OWNER, name: "appsec", repos: [REPO], members: ["frank"] });
  if (options.project) {
    sandbox.addProject({ owner: OWNER, number: 7, title: "Incidents", fields: { Severity: ["Emergency", "Sev0", "Sev1", "Sev2", "Triage"], Status: ["Investigating", "Mitigating", "Mitigated", "Resolved"] } });
  }
  const app = createTestProbot(sandbox, createVigil({ now: () => sandbox.clock.now, env: { VIGIL_CHECK_INTERVAL: "0" } }));
  const runtime = { cache: new ConfigCache(), now: () => sandbox.clock.now, identity: appIdentity(app.probot) };
  return { sandbox, app, runtime };
}

type World = ReturnType<typeof world>;

const body = renderFormBody(INCIDENT_FORM, {
  summary: "Unusual outbound traffic from db-1.",
  notified_at: "2026-11-23 09:40",
  severity: option(INCIDENT_FORM, "severity", "Sev1"),
});

async function intake(w: World, repo = REPO): Promise<number> {
  const issue = w.sandbox.addIssue(OWNER, repo, { title: "[Incident] bench", body, labels: ["incident"], user: "alice" });
  await w.app.receive("issues", w.sandbox.payloadFor.issues("opened", OWNER, repo, issue.number, { sender: "alice" }));
  return issue.number;
}

async function command(w: World, n: number, text: string): Promise<void> {
  const c = w.sandbox.addComment(OWNER, REPO, n, text, "bob");
  await w.app.receive("issue_comment", w.sandbox.payloadFor.issueComment("created", OWNER, REPO, c.id, { sender: "bob" }));
}

let branches = 0;

/** Opens a pull request of ten files (one under web/ when it should touch the threat) and delivers pull_request.opened. */
async function pull(w: World, touch: boolean, deliver = true): Promise<number> {
  const branch = `change-${++branches}`;
  w.sandbox.setFile(OWNER, REPO, `docs/${branch}.md`, "first\n", { branch });
  const pr = w.sandbox.openPull(OWNER, REPO, { title: "A change", head: branch, user: "alice" });
  const files = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [i === 0 && touch ? `web/${branch}.tsx` : `docs/${branch}-${i}.md`, `page ${i}\n`]));
  w.sandbox.pushToPull(OWNER, REPO, pr.number, files);
  if (deliver) await w.app.receive("pull_request", w.sandbox.payloadFor.pullRequest("opened", OWNER, REPO, pr.number, { sender: "alice" }));
  return pr.number;
}

interface Row {
  operation: string;
  goal: string;
  calls: number;
  median: number;
  p95: number;
}

async function measure(operation: string, goal: string, runs: number, setup: () => Promise<{ w: Pick<World, "sandbox">; act: () => Promise<unknown> }>): Promise<Row> {
  const times: number[] = [];
  const calls: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { w, act } = await setup();
    w.sandbox.resetCounts();
    const start = performance.now();
    await act();
    times.push(performance.now() - start);
    calls.push(w.sandbox.requests.filter((r) => !r.route.endsWith("/access_tokens")).length);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { operation, goal, calls: Math.max(...calls), median: at(0.5), p95: at(0.95) };
}

// A process that has handled an incident already: Vigil's identity known, configuration cached, labels made.
async function warmed(options: { project?: boolean; postmortem?: boolean } = {}): Promise<{ w: World; n: number }> {
  const w = world(options);
  const n = await intake(w);
  return { w, n };
}

const stops: AbortController[] = [];

// Two replicas of a server that has been up a while (bot login known) over `repos` configured
// repositories with an open incident each; their timer ticks are fired here rather than by the clock.
async function replicaPair(repos: number, redisUrl: string | undefined) {
  const w = world({ repos });
  for (let i = 0; i < repos; i++) await intake(w, `${REPO}-${i}`);
  const stop = new AbortController();
  stops.push(stop);
  const ticks: (() => Promise<unknown>)[] = [];
  const env = { VIGIL_CHECK_INTERVAL: "1h", ...(redisUrl ? { REDIS_URL: redisUrl } : {}) };
  const apps = [0, 1].map(() => createTestProbot(w.sandbox, createVigil({ now: () => w.sandbox.clock.now, env, signal: stop.signal, timer: (_ms, tick) => {
    ticks.push(tick);
    return { stop: () => undefined };
  } })));
  for (const app of apps) await app.probot.auth().then(() => app.ready);
  return { w, ticks };
}

async function replicaRows(runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  const server = redisServerOnPath() ? await startRedisServer() : undefined;
  const admin = server ? new Redis(server.url) : undefined;
  try {
    for (const repos of [10, 100]) {
      const n = Math.max(2, Math.floor(runs / 5));
      rows.push(await measure(`2 replicas, same timer tick, ${repos} repositories: no Redis, both tick together`, "", n, async () => {
        const { w, ticks } = await replicaPair(repos, undefined);
        return { w, act: () => Promise.all(ticks.map((t) => t())) };
      }));
      rows.push(await measure(`2 replicas, ${repos} repositories: no Redis, ticks apart (jitter + idempotence only)`, "", n, async () => {
        const { w, ticks } = await replicaPair(repos, undefined);
        return { w, act: async () => { for (const t of ticks) await t(); } };
      }));
      if (!server || !admin) continue;
      rows.push(await measure(`2 replicas, same timer tick, ${repos} repositories: Redis lease`, "", n, async () => {
        await admin.flushall();
        const { w, ticks } = await replicaPair(repos, server.url);
        return { w, act: () => Promise.all(ticks.map((t) => t())) };
      }));
    }
  } finally {
    for (const stop of stops.splice(0)) stop.abort();
    admin?.disconnect();
    await server?.stop();
  }
  if (!server) console.log("redis-server is not on PATH: the lease rows are left out (apt-get install redis-server).\n");
  return rows;
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 15);
  const rows: Row[] = [];
  // `BENCH_ONLY=replicas npm run bench` measures the replica rows alone.
  if (process.env.BENCH_ONLY === "replicas") return print(runs, await replicaRows(runs));
  // `BENCH_ONLY=scale npm run bench` (or `npm run bench:scale`): the scale section alone (bench/scale.ts).
  if (process.env.BENCH_ONLY === "scale") return scaleBench();
  // `BENCH_ONLY=server npm run bench` (or `npm run bench:server`): the built app alone, in its own process (bench/server.ts).
  if (process.env.BENCH_ONLY === "server") return serverBench();
  rows.push(await measure("intake", "≤ 6", runs, async () => {
    const { w } = await warmed();
    return { w, act: () => intake(w) };
  }));
  rows.push(await measure("intake, with project", "≤ 8", runs, async () => {
    const { w } = await warmed({ project: true });
    return { w, act: () => intake(w) };
  }));
  rows.push(await measure("first intake of a process, new repository", "", runs, async () => {
    const w = world();
    return { w, act: () => intake(w) };
  }));
  for (const existing of [0, 100, 400]) {
    rows.push(await measure(`/note, incident with ${existing} other comments`, existing === 0 ? "≤ 5" : "", Math.max(3, Math.floor(runs / 3)), async () => {
      const { w, n } = await warmed();
      for (let i = 0; i < existing; i++) w.sandbox.addComment(OWNER, REPO, n, `discussion ${i}`, "carol");
      return { w, act: () => command(w, n, "/note checked the WAF logs") };
    }));
  }
  rows.push(await measure("/severity sev0, with project", "", runs, async () => {
    const { w, n } = await warmed({ project: true });
    return { w, act: () => command(w, n, "/severity sev0 data was read") };
  }));
  rows.push(await measure("vigil verify, incident with 500 ledgered notes (5 ledger parts)", "", Math.max(2, Math.floor(runs / 5)), async () => {
    const { w, n } = await warmed();
    for (let i = 0; i < 500; i++) w.sandbox.addComment(OWNER, REPO, n, `/note step ${i}: ${"checked ".repeat(20)}`, i % 2 ? "alice" : "bob");
    await checkInstallations(w.app.probot, w.runtime, { owner: OWNER, repo: REPO });
    const installationId = w.sandbox.getRepo(OWNER, REPO).installationId as number;
    const io = { stdout: () => undefined, stderr: () => undefined, env: { GITHUB_TOKEN: w.sandbox.issueToken({ installationId }) }, cwd: process.cwd(), fetch: w.sandbox.fetch };
    return { w, act: async () => { if ((await vigilCli(["verify", `${OWNER}/${REPO}#${n}`], io)) !== 0) throw new Error("verify found something on an untouched incident"); } };
  }));
  rows.push(await measure("comment without a command", "0", runs, async () => {
    const { w, n } = await warmed();
    return { w, act: () => command(w, n, "looking at the WAF logs now") };
  }));
  rows.push(await measure("quiet tick of one repository (cron ?repo=), no open incident", "≤ 3", runs, async () => {
    const w = world();
    await w.app.ready;
    await w.runtime.identity(); // a running server knows its bot login already
    return { w, act: () => checkInstallations(w.app.probot, { ...w.runtime, cache: new ConfigCache() }, { owner: OWNER, repo: REPO }) };
  }));
  rows.push(await measure("quiet tick of one repository, 3 open incidents", "", runs, async () => {
    const { w } = await warmed();
    await intake(w);
    await intake(w);
    await w.runtime.identity();
    return { w, act: () => checkInstallations(w.app.probot, { ...w.runtime, cache: new ConfigCache() }, { owner: OWNER, repo: REPO }) };
  }));
  rows.push(await measure("open a post-mortem: incident closed as completed (observe, record, branch, file, PR, label, reviewers, link)", "≤ 8", runs, async () => {
    const { w, n } = await warmed({ postmortem: true });
    w.sandbox.setIssueState(OWNER, REPO, n, "closed", "completed", "bob");
    return { w, act: () => w.app.receive("issues", w.sandbox.payloadFor.issues("closed", OWNER, REPO, n, { sender: "bob" })) };
  }));
  rows.push(await measure("/status resolved, post-mortem included (command, close, then the above)", "", runs, async () => {
    const { w, n } = await warmed({ postmortem: true });
    return { w, act: () => command(w, n, "/status resolved") };
  }));
  rows.push(await measure("quiet tick of one repository with one open post-mortem PR", "≤ 4", runs, async () => {
    const { w, n } = await warmed({ postmortem: true });
    await command(w, n, "/status resolved");
    await w.runtime.identity();
    return { w, act: () => checkInstallations(w.app.probot, { ...w.runtime, cache: new ConfigCache() }, { owner: OWNER, repo: REPO }) };
  }));
  rows.push(await measure("an overdue day: label and nudge on the post-mortem PR", "", runs, async () => {
    const { w, n } = await warmed({ postmortem: true });
    await command(w, n, "/status resolved");
    w.sandbox.clock.now = "2026-12-03T17:00:00Z"; // resolved Mon 23 Nov, due Thu 26 Nov: a week late
    await w.runtime.identity();
    return { w, act: () => checkInstallations(w.app.probot, { ...w.runtime, cache: new ConfigCache() }, { owner: OWNER, repo: REPO }) };
  }));
  rows.push(await measure("file a security review with carry-over and milestone (one repository's check)", "≤ 7", runs, async () => {
    const w = world({ recurring: true, only: "securityReview" });
    await w.app.ready;
    await w.runtime.identity();
    const installation = w.sandbox.getRepo(OWNER, REPO).installationId as number;
    const check = async () => engineFor({ ...w.runtime, cache: new ConfigCache() }, await w.app.probot.auth(installation), w.app.probot.log).reconcileRepository({ owner: OWNER, repo: REPO });
    w.sandbox.clock.now = "2026-11-30T17:00:00Z";
    await check();
    w.sandbox.clock.now = "2026-12-28T17:00:00Z";
    return { w, act: check };
  }));
  rows.push(await measure("quiet tick with every cadence on time (cron ?repo=)", "≤ 3", runs, async () => {
    const w = world({ recurring: true });
    await w.app.ready;
    await w.runtime.identity();
    w.sandbox.clock.now = "2026-11-30T17:00:00Z";
    await checkInstallations(w.app.probot, { ...w.runtime, now: () => w.sandbox.clock.now, cache: new ConfigCache() }, { owner: OWNER, repo: REPO });
    w.sandbox.clock.now = "2026-12-01T17:00:00Z";
    return { w, act: () => checkInstallations(w.app.probot, { ...w.runtime, now: () => w.sandbox.clock.now, cache: new ConfigCache() }, { owner: OWNER, repo: REPO }) };
  }));
  // Scrutiny: a process that has judged one pull request already (identity known, configuration cached, label made).
  const warmScrutiny = async () => {
    const w = world({ scrutiny: true });
    await pull(w, true);
    return w;
  };
  rows.push(await measure("scrutiny: a 10-file pull request touching no threat (observe, files, check run)", "≤ 5", runs, async () => {
    const w = await warmScrutiny();
    return { w, act: () => pull(w, false) };
  }));
  rows.push(await measure("scrutiny: a 10-file pull request touching a threat, first judgement (observe, files, label, reviewers, comment, check run)*", "≤ 5", runs, async () => {
    const w = await warmScrutiny();
    return { w, act: () => pull(w, true) };
  }));
  rows.push(await measure("scrutiny: approval by a member of a reviewer team (observe, files, membership, check run)", "", runs, async () => {
    const w = await warmScrutiny();
    const n = await pull(w, true);
    const review = w.sandbox.submitReview(OWNER, REPO, n, { user: "frank", state: "APPROVED" });
    return { w, act: () => w.app.receive("pull_request_review", w.sandbox.payloadFor.pullRequestReview("submitted", OWNER, REPO, n, review.id, { sender: "frank" })) };
  }));
  rows.push(await measure("quiet tick (cron ?repo=) with scrutiny on, 5 open pull requests judged", "≤ 3", runs, async () => {
    const w = await warmScrutiny();
    for (let i = 0; i < 4; i++) await pull(w, i % 2 === 0);
    await w.runtime.identity();
    return { w, act: () => checkInstallations(w.app.probot, { ...w.runtime, cache: new ConfigCache() }, { owner: OWNER, repo: REPO }) };
  }));
  for (const repos of [1, 10, 100]) {
    rows.push(await measure(`tick of every repository, ${repos} configured, one open incident each`, "", Math.max(2, Math.floor(runs / 5)), async () => {
      const w = world({ repos });
      for (let i = 0; i < repos; i++) await intake(w, `${REPO}-${i}`);
      await w.runtime.identity();
      return { w, act: () => checkInstallations(w.app.probot, { ...w.runtime, cache: new ConfigCache() }) };
    }));
  }
  rows.push(...(await replicaRows(runs)));
  print(runs, rows);
  await scaleBench();
}

function print(runs: number, rows: Row[]): void {
  console.log(`Vigil benchmark (${runs} runs each; Node ${process.version}; sandbox, no network)\n`);
  console.log("| operation | API requests | goal | median ms | p95 ms |");
  console.log("|---|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.operation} | ${r.calls} | ${r.goal} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} |`);
  console.log(
    "\n* Over the goal of 5, and why: the first judgement of a matching pull request is two reads (one GraphQL query for the\n" +
      "  pull request, its reviews and check runs; the REST files list, as GraphQL has no patches) and four writes to four\n" +
      "  REST endpoints (add labels, request reviewers, create the comment, create the check run). GitHub has no REST write\n" +
      "  that does two of these. Only aliasing GraphQL mutations (addLabelsToLabelable, requestReviews, addComment,\n" +
      "  createCheckRun) into one document would pack them; Vigil does not, because a comment create must never be\n" +
      "  repeated blindly and a multi-mutation document that fails halfway leaves an outcome per mutation to sort out,\n" +
      "  and those mutations need node ids (labels, users, teams) that REST takes as names. So 6, honestly.",
  );

}

await main();
