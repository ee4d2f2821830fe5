// `BENCH_ONLY=server npm run bench` (or `npm run bench:server`): Vigil alone, as production runs it. The built app runs
// in a child process (`npm start`'s command: `node dist/src/server.js` with its Node flags, GHE_HOST pointing at
// loopback); the in-memory sandbox serves GitHub's API over HTTP from this process, so its OpenAPI description,
// GraphQL schema, validation and stored state weigh on this process, not on the app's RSS. 1,000 signed webhook deliveries go to the app's webhook path
// one at a time; Probot answers a delivery once its handlers finish.
// BENCH_THROTTLE=off preloads bench/no-throttle-waits.mjs (see there); BENCH_DELIVERIES sets the count. For digging in:
// BENCH_NODE_ARGS adds Node flags to the app (`--cpu-prof`, `--trace-gc`), BENCH_APP_STDOUT=1 shows its output, and
// BENCH_ROUTES=N prints the API requests of the Nth delivery. The JSON line's `slowest` lists the 15 deliveries with
// the most handler time, each with the pause of any major GC that fell within it (`majorGc`, ms).
import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { INCIDENT_FORM, option, renderFormBody } from "../tests/helpers/incident-form.js";
import { sandboxServer } from "../tests/helpers/sandbox-server.js";
import { freePort } from "../tests/helpers/free-port.js";
import { signedDelivery } from "../tests/helpers/signed-delivery.js";
import { GitHubSandbox } from "@vigil/github-sandbox";
import { INCIDENT_COMMENTS, incidentRepos, NOW, OWNER } from "./fixtures.js";

const SECRET = "bench-secret";
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HERE = fileURLToPath(import.meta.url);
// Node's flags as `npm start` (and the Dockerfile) run the app, so the bench measures what production runs.
const START = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: { start: string } }).scripts.start;
const PRODUCTION_NODE_FLAGS = START.split(" ").filter((arg) => arg.startsWith("--"));
const PRODUCTION_ENTRY = START.split(" ").find((arg) => arg.endsWith(".js"))!;

const incidentBody = renderFormBody(INCIDENT_FORM, {
  summary: "Unusual outbound traffic from db-1.",
  notified_at: "2026-11-23 09:40",
  severity: option(INCIDENT_FORM, "severity", "Sev1"),
});

/** The app's memory after a full GC, from bench/app-probe.mjs. */
interface ProbeReading { rss: number; heapUsed: number; heapTotal: number; external: number; majorGcs: [number, number][] }

async function probe(pid: number, file: string): Promise<ProbeReading> {
  rmSync(file, { force: true });
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 400 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, 25));
  const m = JSON.parse(readFileSync(file, "utf8")) as ProbeReading;
  return { rss: m.rss / 2 ** 20, heapUsed: m.heapUsed / 2 ** 20, heapTotal: m.heapTotal / 2 ** 20, external: m.external / 2 ** 20, majorGcs: m.majorGcs };
}

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

type Result = Record<string, unknown> & { deliveries: number; throttle: boolean; statuses: Record<string, number>; requests: number; violations: number; coldMs: number; rssReadyMb: number; rssAfterMb: number; rssEvery: number[]; afterGc: { rss: number; heapUsed: number; heapTotal: number; majorGcs: number }; wall: Summary; withoutSandbox: Summary; appCpu: Summary; handler: Summary };
interface Summary { p50: number; p95: number; p99: number; max: number }

async function measure(): Promise<Result> {
  if (!existsSync(`${ROOT}${PRODUCTION_ENTRY}`)) throw new Error("run `npm run build` first");
  const deliveries = Number(process.env.BENCH_DELIVERIES ?? 1000);
  const throttle = process.env.BENCH_THROTTLE !== "off";
  const gh = await sandboxServer((apiUrl) => new GitHubSandbox({ now: NOW, strict: false, apiUrl }));
  const { sandbox } = gh;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  sandbox.registerAppKey(publicKey);
  const repos = incidentRepos(sandbox);

  const port = await freePort();
  const started = performance.now();
  const probeFile = join(mkdtempSync(join(tmpdir(), "vigil-bench-")), "probe.json");
  const nodeArgs = [...PRODUCTION_NODE_FLAGS, "--expose-gc", "--import", `${ROOT}bench/app-probe.mjs`, ...(throttle ? [] : ["--import", `${ROOT}bench/no-throttle-waits.mjs`]), ...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean)];
  const app = spawn(process.execPath, [...nodeArgs, `${ROOT}${PRODUCTION_ENTRY}`], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "", NODE_ENV: "production",
      APP_ID: String(sandbox.app.id), PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET,
      GHE_HOST: gh.host, GHE_PROTOCOL: "http", PORT: String(port), HOST: "127.0.0.1",
      LOG_LEVEL: "warn", VIGIL_CHECK_INTERVAL: "0", BENCH_PROBE_FILE: probeFile,
      ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}),
    },
    stdio: ["ignore", process.env.BENCH_APP_STDOUT ? "inherit" : "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (performance.now() - started > 60_000) throw new Error("the app did not answer within 60 s");
      const ok = await fetch(`${base}/api/vigil/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const coldMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 500));
    const rssReady = rssOf(app.pid!);
    const readyGc = await probe(app.pid!, probeFile);
    const rssEvery: number[] = [];

    const times: number[] = [];
    const vigilTimes: number[] = [];
    const cpuTimes: number[] = [];
    const ownTimes: number[] = [];
    const kinds: string[] = [];
    const spans: [number, number][] = [];
    const statuses = new Map<number, number>();
    const deliver = async (name: string, payload: object) => {
      const busy = gh.busyMs();
      const before = sandbox.requests.length;
      const start = performance.now();
      const startEpoch = Date.now();
      const res = await fetch(`${base}/api/github/webhooks`, signedDelivery(SECRET, name, payload));
      await res.text();
      const ms = performance.now() - start;
      spans.push([startEpoch, Date.now()]);
      cpuTimes.push(Number(res.headers.get("x-bench-cpu-us") ?? Number.NaN) / 1000);
      ownTimes.push(Number(res.headers.get("x-bench-busy-ms") ?? Number.NaN));
      kinds.push(`${name}.${(payload as { action?: string }).action ?? ""}`);
      if (process.env.BENCH_ROUTES && times.length === Number(process.env.BENCH_ROUTES)) console.error(kinds.at(-1), sandbox.requests.slice(before).map((r) => `${r.method} ${r.route}`).join("\n"));
      times.push(ms);
      vigilTimes.push(ms - (gh.busyMs() - busy));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (times.length % 100 === 0) rssEvery.push(Math.round(rssOf(app.pid!)));
    };
    // As bench/scale.ts: each incident filed, 6 commands, 2 discussion comments, closed (its post-mortem opens).
    for (let round = 0; times.length < deliveries; round++) {
      const repo = repos[round % repos.length]!;
      const issue = sandbox.addIssue(OWNER, repo, { title: `[Incident] ${round}`, body: incidentBody, labels: ["incident"], user: "alice" });
      await deliver("issues", sandbox.payloadFor.issues("opened", OWNER, repo, issue.number, { sender: "alice" }));
      for (const text of INCIDENT_COMMENTS) {
        if (times.length >= deliveries) break;
        const c = sandbox.addComment(OWNER, repo, issue.number, text, "bob");
        await deliver("issue_comment", sandbox.payloadFor.issueComment("created", OWNER, repo, c.id, { sender: "bob" }));
      }
      if (times.length >= deliveries) break;
      sandbox.setIssueState(OWNER, repo, issue.number, "closed", "completed", "bob");
      await deliver("issues", sandbox.payloadFor.issues("closed", OWNER, repo, issue.number, { sender: "bob" }));
    }
    const rssAfter = rssOf(app.pid!);
    await new Promise((r) => setTimeout(r, 2000));
    const rssSettled = rssOf(app.pid!);
    const afterGc = await probe(app.pid!, probeFile);
    // The pause of the major GCs that fell within a delivery (the app's own clock; the same machine's).
    const majorGcMs = spans.map(([from, to]) => afterGc.majorGcs.filter(([t]) => t >= from - 1 && t <= to + 1).reduce((sum, [, d]) => sum + d, 0));
    const pct = (xs: number[], q: number) => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
    };
    const summary = (xs: number[]): Summary => ({ p50: pct(xs, 0.5), p95: pct(xs, 0.95), p99: pct(xs, 0.99), max: pct(xs, 1) });
    return ({
      deliveries: times.length, throttle, statuses: Object.fromEntries(statuses),
      requests: sandbox.requests.filter((r) => !r.route.endsWith("/access_tokens")).length,
      violations: sandbox.violations.length,
      coldMs, rssReadyMb: rssReady, rssAfterMb: rssAfter, rssSettledMb: rssSettled, rssEvery, readyGc: { ...readyGc, majorGcs: readyGc.majorGcs.length }, afterGc: { ...afterGc, majorGcs: afterGc.majorGcs.length },
      wall: summary(times), withoutSandbox: summary(vigilTimes), appCpu: summary(cpuTimes), handler: summary(ownTimes), slowest: vigilTimes.map((ms, i) => ({ i, kind: kinds[i], ms: Math.round(ms), cpu: Math.round(cpuTimes[i] ?? 0), own: Math.round(ownTimes[i] ?? 0), majorGc: Math.round(majorGcMs[i] ?? 0) })).sort((a, b) => b.own - a.own).slice(0, 15), byKind: Object.fromEntries([...new Set(kinds)].map((k) => [k, { wall: summary(times.filter((_, i) => kinds[i] === k)), withoutSandbox: summary(vigilTimes.filter((_, i) => kinds[i] === k)), appCpu: summary(cpuTimes.filter((_, i) => kinds[i] === k)), handler: summary(ownTimes.filter((_, i) => kinds[i] === k)) }])), sandboxMs: gh.busyMs(),
    });
  } finally {
    app.kill("SIGTERM");
    await gh.close();
    rmSync(dirname(probeFile), { recursive: true, force: true });
  }
}

const f = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
const row = (s: Summary) => `${f(s.p50)} / ${f(s.p95)} / ${f(s.p99)} / ${f(s.max)} ms`;

/** Measures and prints the table of the README's "The server process" (Vigil alone). */
export async function serverBench(): Promise<void> {
  const r = await measure();
  console.log(JSON.stringify(r));
  console.log(`\n### Scale: the server process alone (app in its own process, sandbox over loopback HTTP${r.throttle ? "" : ", throttling waits off"})\n`);
  console.log("| measure | value | goal |");
  console.log("|---|---:|---:|");
  console.log(`| RSS ready / after ${f(r.deliveries)} deliveries | ${f(r.rssReadyMb)} / ${f(r.rssAfterMb)} MB | < 150 MB |`);
  console.log(`| RSS after a full GC (V8 heap used / committed) | ${f(r.afterGc.rss)} MB (${f(r.afterGc.heapUsed)} / ${f(r.afterGc.heapTotal)} MB) | |`);
  console.log(`| delivery latency p50 / p95 / p99 / max, over HTTP (${f(r.requests)} API requests; answers ${JSON.stringify(r.statuses)}) | ${row(r.wall)} | |`);
  console.log(`| the same without the time the sandbox spent answering | ${row(r.withoutSandbox)} | |`);
  console.log(`| handler time in the app's process: its main thread busy from request to answer, not idle awaiting GitHub | ${row(r.handler)} | p99 < 50 ms |`);
  console.log(`| the app's CPU from request to answer (all its threads: GC runs in parallel) | ${row(r.appCpu)} | |`);
  console.log(`| cold start: spawned until \`GET /api/vigil/health\` answers 200 | ${f(r.coldMs)} ms | |`);
  if (r.violations > 0) console.log(`\n${r.violations} sandbox violations: the figures are not of a correct run.`);
}

if (process.argv[1] === HERE) await serverBench();
