// `npm run bench:scale` (or `BENCH_ONLY=scale npm run bench`; also the last part of `npm run bench`): the scheduled
// check as the number of repositories grows, what that means against GitHub's limits for one installation, and the
// server's memory, handler latency and cold start. Everything runs against the in-memory sandbox: wall times include
// its validation of every request against GitHub's OpenAPI description and GraphQL schema, and no network.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createTestProbot, GitHubSandbox } from "@vigil/github-sandbox";
import type { RequestRecord } from "@vigil/github-sandbox";
import { ConfigCache } from "../src/config/cache.js";
import { createVigil } from "../src/index.js";
import { appIdentity } from "../src/triggers/app-identity.js";
import { checkInstallations, type CheckSummary } from "../src/triggers/check-all.js";
import { freePort } from "../tests/helpers/free-port.js";
import { signedDelivery } from "../tests/helpers/signed-delivery.js";
import { INCIDENT_FORM, option, renderFormBody } from "../tests/helpers/incident-form.js";
import { INCIDENT_COMMENTS, INCIDENT_ONLY, incidentRepos, NOW, OWNER, PEOPLE } from "./fixtures.js";

const RECURRING = `${PEOPLE}drill: { month: 3 }\n`;

/** What a repository holds when the measured tick starts; the mix repeats every 20 repositories. */
type Kind = "quiet" | "unconfigured" | "open incident" | "post-mortem PR open" | "cadences on time" | "cadences due";
const MIX: readonly Kind[] = [
  "open incident", "post-mortem PR open", "cadences on time", "cadences on time", "cadences on time", "cadences due", "unconfigured", "unconfigured",
  ...Array<Kind>(12).fill("quiet"),
];
const kindOf = (i: number): Kind => MIX[i % MIX.length]!;

const incidentBody = renderFormBody(INCIDENT_FORM, {
  summary: "Unusual outbound traffic from db-1.",
  notified_at: "2026-11-23 09:40",
  severity: option(INCIDENT_FORM, "severity", "Sev1"),
});

const READS = /^Vigil(Candidates|ReadFile|Viewer|MoreComments|Observe\w*|MergedPulls|ReviewIssues)$/;
const counted = (r: RequestRecord) => !r.route.endsWith("/access_tokens");
/** A content-creating request in GitHub's sense: any REST write, and GraphQL mutations. */
const creates = (r: RequestRecord) => counted(r) && (r.route === "/graphql" ? !READS.test(r.graphqlOperation ?? "") : r.method !== "GET");

function mixedWorld(repos: number) {
  const sandbox = new GitHubSandbox({ now: NOW, strict: true });
  sandbox.addUser(OWNER, "Organization");
  const names = Array.from({ length: repos }, (_, i) => `svc-${String(i).padStart(4, "0")}`);
  names.forEach((name, i) => {
    sandbox.addRepo({ owner: OWNER, name, ownerType: "Organization" });
    for (const login of ["alice", "bob", "carol", "erin"]) sandbox.setPermission(OWNER, name, login, "write");
    const kind = kindOf(i);
    // "cadences due" gets its configuration after the warm-up, so the measured tick is the one that files its work.
    if (kind === "unconfigured" || kind === "cadences due") return;
    sandbox.setFile(OWNER, name, ".github/incident-response.yml", kind === "cadences on time" ? RECURRING : INCIDENT_ONLY);
  });
  const app = createTestProbot(sandbox, createVigil({ now: () => sandbox.clock.now, env: { VIGIL_CHECK_INTERVAL: "0" } }));
  const runtime = { cache: new ConfigCache(), now: () => sandbox.clock.now, identity: appIdentity(app.probot) };
  return { sandbox, app, runtime, names };
}

type MixedWorld = ReturnType<typeof mixedWorld>;

async function openIncident(w: MixedWorld, repo: string): Promise<number> {
  const issue = w.sandbox.addIssue(OWNER, repo, { title: "[Incident] outbound traffic", body: incidentBody, labels: ["incident"], user: "alice" });
  await w.app.receive("issues", w.sandbox.payloadFor.issues("opened", OWNER, repo, issue.number, { sender: "alice" }));
  return issue.number;
}

/** Builds the mix through the app itself (webhooks and one check per recurring repository), as a running server would have. */
async function prepared(repos: number): Promise<MixedWorld> {
  const w = mixedWorld(repos);
  await w.app.ready;
  await w.runtime.identity();
  for (const [i, repo] of w.names.entries()) {
    const kind = kindOf(i);
    if (kind === "open incident") await openIncident(w, repo);
    if (kind === "post-mortem PR open") {
      const n = await openIncident(w, repo);
      w.sandbox.setIssueState(OWNER, repo, n, "closed", "completed", "bob");
      await w.app.receive("issues", w.sandbox.payloadFor.issues("closed", OWNER, repo, n, { sender: "bob" }));
    }
    if (kind === "cadences on time") await checkInstallations(w.app.probot, w.runtime, { owner: OWNER, repo });
  }
  w.names.forEach((repo, i) => {
    if (kindOf(i) === "cadences due") w.sandbox.setFile(OWNER, repo, ".github/incident-response.yml", RECURRING);
  });
  return w;
}

interface TickRow {
  repos: number;
  requests: number;
  rest: number;
  graphql: number;
  creating: number;
  ms: number;
  summary: CheckSummary;
}

/** One timer tick over every repository, with the configuration cache a server has an hour after its last tick. */
async function tick(repos: number, cache: () => ConfigCache): Promise<TickRow> {
  const w = await prepared(repos);
  w.sandbox.resetCounts();
  const start = performance.now();
  const summary = await checkInstallations(w.app.probot, { ...w.runtime, cache: cache() });
  const ms = performance.now() - start;
  const all = w.sandbox.requests.filter(counted);
  if (summary.failed.length > 0) throw new Error(`the tick failed on ${summary.failed.join(", ")}`);
  return {
    repos, ms, summary,
    requests: all.length,
    rest: all.filter((r) => r.route !== "/graphql").length,
    graphql: all.filter((r) => r.route === "/graphql").length,
    creating: all.filter(creates).length,
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function printTicks(rows: TickRow[]): void {
  console.log("\n### Scale: one timer tick over every repository of one installation\n");
  console.log(`Mix per 20 repositories: ${[...new Set(MIX)].map((k) => `${MIX.filter((m) => m === k).length} ${k}`).join(", ")}.\n`);
  console.log("| repositories | configured | requests | REST | GraphQL | content-creating | written | sandbox ms | ms per repository |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(`| ${fmt(r.repos)} | ${fmt(r.summary.configured)} | ${fmt(r.requests)} | ${fmt(r.rest)} | ${fmt(r.graphql)} | ${fmt(r.creating)} | ${fmt(r.summary.written)} | ${fmt(r.ms)} | ${fmt(r.ms / r.repos, 1)} |`);
  }
}

// GitHub's documented floor for an installation; it grows with repositories and users up to 12,500, and REST
// and GraphQL are separate budgets. Using the floor for both together is the pessimistic reading.
const HOURLY = 5000;
const CREATING_PER_MINUTE = 80;
// Probot's throttling plugin spaces writes one second apart; reads are limited only by round trips.
const WRITE_SPACING_S = 1;
const ASSUMED_READ_S = 0.3;

function printArithmetic(row: TickRow): void {
  const reads = row.requests - row.creating;
  const perHour = row.requests;
  const writesMinutes = row.creating / CREATING_PER_MINUTE;
  const throttled = row.creating * WRITE_SPACING_S;
  const readTime = reads * ASSUMED_READ_S;
  const wall = throttled + readTime;
  console.log(`\n### Does an hourly check of ${fmt(row.repos)} repositories fit one installation's limits?\n`);
  console.log(`- requests per tick: ${fmt(row.requests)} (${fmt(row.rest)} REST + ${fmt(row.graphql)} GraphQL); hourly ticks use ${fmt(perHour)} of ${fmt(HOURLY)} an hour = ${fmt((100 * perHour) / HOURLY, 1)} % (with REST and GraphQL counted against one ${fmt(HOURLY)} budget, the pessimistic reading), leaving ${fmt(HOURLY - perHour)} for webhooks.`);
  console.log(`- shortest interval the request budget allows: 3,600 s × ${fmt(row.requests)} / ${fmt(HOURLY)} = ${fmt((3600 * row.requests) / HOURLY)} s ≈ ${fmt((60 * row.requests) / HOURLY, 1)} min.`);
  console.log(`- content-creating: ${fmt(row.creating)} per tick; at ${CREATING_PER_MINUTE}/min that is ${fmt(writesMinutes, 1)} min of the budget; Probot spaces writes ${WRITE_SPACING_S} s apart (60/min < ${CREATING_PER_MINUTE}/min), so ${fmt(throttled)} s.`);
  console.log(`- time in production, assuming ${ASSUMED_READ_S} s per read: ${fmt(reads)} reads × ${ASSUMED_READ_S} s + ${fmt(row.creating)} writes × ${WRITE_SPACING_S} s = ${fmt(readTime)} s + ${fmt(throttled)} s ≈ ${fmt(wall / 60, 1)} min per tick (${wall < 3600 ? "fits" : "does not fit"} in the hour).`);
  const perDue = row.creating / Math.max(1, row.repos / MIX.length);
  console.log(`- worst case for writes: every repository's cadence due in the same tick (weekly patching falls due together) ≈ ${fmt(perDue, 1)} writes × ${fmt(row.repos)} repositories = ${fmt(perDue * row.repos)} writes ≈ ${fmt((perDue * row.repos) / 60)} min at one a second, ${fmt((perDue * row.repos + readTime) / 60)} min with the reads${perDue * row.repos + readTime > 3600 ? ": such a tick outlasts the hour, and the timer, which never overlaps itself, starts the next one after it" : ", inside the hour"}.`);
}

// `--expose-gc` without restarting node: the flag is honoured for contexts created after it is set.
function collectGarbage(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** 1,000 webhook deliveries (an incident filed, commands, comments, a close) to one app; run in a fresh process. */
async function events(): Promise<void> {
  const gc = collectGarbage();
  gc?.();
  const rssStart = process.memoryUsage().rss;
  const sandbox = new GitHubSandbox({ now: NOW, strict: true });
  const repos = incidentRepos(sandbox);
  const app = createTestProbot(sandbox, createVigil({ now: () => sandbox.clock.now, env: { VIGIL_CHECK_INTERVAL: "0" } }));
  await app.ready;
  gc?.();
  const rssReady = process.memoryUsage().rss;
  const times: number[] = [];
  const timed = async (name: string, payload: object) => {
    const start = performance.now();
    await app.receive(name, payload);
    times.push(performance.now() - start);
  };
  // Each incident's life: filed, 6 commands, 2 discussion comments, closed (its post-mortem opens): 10 deliveries.
  let delivered = 0;
  for (let round = 0; delivered < 1000; round++) {
    const repo = repos[round % repos.length]!;
    const issue = sandbox.addIssue(OWNER, repo, { title: `[Incident] ${round}`, body: incidentBody, labels: ["incident"], user: "alice" });
    await timed("issues", sandbox.payloadFor.issues("opened", OWNER, repo, issue.number, { sender: "alice" }));
    for (const text of INCIDENT_COMMENTS) {
      const c = sandbox.addComment(OWNER, repo, issue.number, text, "bob");
      await timed("issue_comment", sandbox.payloadFor.issueComment("created", OWNER, repo, c.id, { sender: "bob" }));
    }
    sandbox.setIssueState(OWNER, repo, issue.number, "closed", "completed", "bob");
    await timed("issues", sandbox.payloadFor.issues("closed", OWNER, repo, issue.number, { sender: "bob" }));
    delivered += INCIDENT_COMMENTS.length + 2;
  }
  const rssAfter = process.memoryUsage().rss;
  gc?.();
  const rssAfterGc = process.memoryUsage().rss;
  const heapAfterGc = process.memoryUsage().heapUsed;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  console.log(JSON.stringify({
    deliveries: times.length, gc: gc !== undefined,
    rssStartMb: mb(rssStart), rssReadyMb: mb(rssReady), rssAfterMb: mb(rssAfter), rssAfterGcMb: mb(rssAfterGc), heapAfterGcMb: mb(heapAfterGc),
    p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times.at(-1) ?? 0,
    requests: sandbox.requests.filter(counted).length,
  }));
}

/** Runs this file again in a fresh process (so earlier measurements do not weigh on its memory) and reads its JSON line. */
function child(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    proc.stdout.on("data", (d: Buffer) => (out += d.toString()));
    proc.on("error", reject);
    proc.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

const HERE = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Cold start of the production server: `node dist/src/server.js` (as `npm start`) spawned, until it answers a signed `ping`
 * delivery on its webhook path. Needs `npm run build` (done here when `dist/` is missing).
 */
async function coldStart(): Promise<number> {
  const { existsSync } = await import("node:fs");
  if (!existsSync(`${ROOT}dist/src/server.js`)) await child([`${ROOT}node_modules/typescript/bin/tsc`, "-p", `${ROOT}tsconfig.build.json`]);
  const { generateKeyPairSync } = await import("node:crypto");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const port = await freePort();
  const secret = "bench-secret";
  const started = performance.now();
  const proc = spawn(process.execPath, [`${ROOT}dist/src/server.js`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", APP_ID: "1", PRIVATE_KEY: privateKey.export({ type: "pkcs1", format: "pem" }).toString(), WEBHOOK_SECRET: secret, PORT: String(port), LOG_LEVEL: "fatal", VIGIL_CHECK_INTERVAL: "1h" },
    stdio: "ignore",
  });
  const ping = signedDelivery(secret, "ping", { zen: "Keep it logically awesome.", hook_id: 1 }, "bench-1");
  try {
    for (;;) {
      if (performance.now() - started > 30_000) throw new Error("the server did not answer within 30 s");
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, ping);
        if (res.ok) return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    proc.kill();
  }
}

export async function scaleBench(): Promise<void> {
  const sizes = (process.env.BENCH_SCALE_REPOS ?? "10,100,1000").split(",").map(Number);
  const rows: TickRow[] = [];
  for (const repos of sizes) rows.push(await tick(repos, () => new ConfigCache()));
  printTicks(rows);
  const largest = rows.at(-1);
  if (largest) printArithmetic(largest);

  const ev = JSON.parse((await child(["--import", "tsx", HERE, "events"])).trim().split("\n").at(-1)!) as Record<string, number | boolean>;
  const colds: number[] = [];
  for (let i = 0; i < 3; i++) colds.push(await coldStart());
  colds.sort((a, b) => a - b);
  const n = (k: string) => fmt(ev[k] as number, 1);
  console.log("\n### Scale: the server process\n");
  console.log("| measure | value | goal |");
  console.log("|---|---:|---:|");
  console.log(`| RSS before the app / app ready / after ${ev.deliveries} deliveries | ${n("rssStartMb")} / ${n("rssReadyMb")} / ${n("rssAfterMb")} MB | |`);
  console.log(`| RSS after ${ev.deliveries} deliveries, after a full GC${ev.gc ? "" : " (GC unavailable)"} (heap used) | ${n("rssAfterGcMb")} MB (${n("heapAfterGcMb")} MB) | < 150 MB |`);
  console.log(`| handler latency over ${ev.deliveries} deliveries (${fmt(ev.requests as number)} requests), p50 / p95 / p99 / max, sandbox validation included | ${n("p50")} / ${n("p95")} / ${n("p99")} / ${n("max")} ms | p99 < 50 ms |`);
  console.log(`| cold start: \`node dist/src/server.js\` spawned until it answers a signed ping, median of 3 | ${fmt(colds[1] ?? colds[0]!)} ms | |`);
}

if (process.argv[1] === HERE) {
  if (process.argv[2] === "events") await events();
  else await scaleBench();
}
