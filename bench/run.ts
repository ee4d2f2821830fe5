// `npm run bench`: GitHub API calls per operation and handler latency, measured through the real
// Probot app against the in-memory sandbox. Latency here is Vigil's own CPU time plus the sandbox's
// (which validates every request against GitHub's OpenAPI description), with no network: read it as
// a relative figure between versions, not as production latency.
import { performance } from "node:perf_hooks";
import { createVigil } from "../src/index.js";
import { INCIDENT_FORM, option, renderFormBody } from "../tests/helpers/incident-form.js";
import { createTestProbot } from "@vigil/github-sandbox";
import { GitHubSandbox } from "@vigil/github-sandbox";

const OWNER = "acme";
const REPO = "incidents";
const CONFIG = `timezone: America/Los_Angeles
calendar: { country: US, state: CA }
oncall: { rotation: [alice, bob, carol], start: 2026-01-05T09:00, securityOfficer: erin, escalate: ["@acme/security"] }
`;

function world(withProject: boolean) {
  const sandbox = new GitHubSandbox({ now: "2026-11-23T18:00:00Z", strict: true });
  sandbox.addUser(OWNER, "Organization");
  sandbox.addRepo({ owner: OWNER, name: REPO, ownerType: "Organization" });
  for (const login of ["alice", "bob", "carol", "erin"]) sandbox.setPermission(OWNER, REPO, login, "write");
  sandbox.setFile(OWNER, REPO, ".github/incident-response.yml", withProject ? `${CONFIG}project: { owner: acme, number: 7 }\n` : CONFIG);
  if (withProject) {
    sandbox.addProject({ owner: OWNER, number: 7, title: "Incidents", fields: { Severity: ["Emergency", "Sev0", "Sev1", "Sev2", "Triage"], Status: ["Investigating", "Mitigating", "Mitigated", "Resolved"] } });
  }
  const app = createTestProbot(sandbox, createVigil({ now: () => sandbox.clock.now }));
  return { sandbox, app };
}

type World = ReturnType<typeof world>;

const body = renderFormBody(INCIDENT_FORM, {
  summary: "Unusual outbound traffic from db-1.",
  notified_at: "2026-11-23 09:40",
  severity: option(INCIDENT_FORM, "severity", "Sev1"),
});

async function intake(w: World): Promise<number> {
  const issue = w.sandbox.addIssue(OWNER, REPO, { title: "[Incident] bench", body, labels: ["incident"], user: "alice" });
  await w.app.receive("issues", w.sandbox.payloadFor.issues("opened", OWNER, REPO, issue.number, { sender: "alice" }));
  return issue.number;
}

async function command(w: World, n: number, text: string): Promise<void> {
  const c = w.sandbox.addComment(OWNER, REPO, n, text, "bob");
  await w.app.receive("issue_comment", w.sandbox.payloadFor.issueComment("created", OWNER, REPO, c.id, { sender: "bob" }));
}

interface Row {
  operation: string;
  calls: number;
  median: number;
  p95: number;
}

async function measure(operation: string, runs: number, setup: () => Promise<{ w: World; act: () => Promise<void> }>): Promise<Row> {
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
  return { operation, calls: Math.max(...calls), median: at(0.5), p95: at(0.95) };
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 15);
  const rows: Row[] = [];
  const warm = world(false);
  await intake(warm);
  rows.push(await measure("intake, no project", runs, async () => {
    const w = world(false);
    return { w, act: async () => void (await intake(w)) };
  }));
  rows.push(await measure("intake, with project", runs, async () => {
    const w = world(true);
    return { w, act: async () => void (await intake(w)) };
  }));
  for (const existing of [0, 100, 400]) {
    rows.push(await measure(`/note on an incident with ${existing} comments`, Math.max(3, Math.floor(runs / 3)), async () => {
      const w = world(false);
      const n = await intake(w);
      for (let i = 0; i < existing; i++) w.sandbox.addComment(OWNER, REPO, n, `discussion ${i}`, "carol");
      return { w, act: () => command(w, n, "/note checked the WAF logs") };
    }));
  }
  rows.push(await measure("/severity sev0, with project", runs, async () => {
    const w = world(true);
    const n = await intake(w);
    return { w, act: () => command(w, n, "/severity sev0 data was read") };
  }));
  rows.push(await measure("/escalate", runs, async () => {
    const w = world(false);
    const n = await intake(w);
    return { w, act: () => command(w, n, "/escalate") };
  }));
  console.log(`Vigil benchmark (${runs} runs each; Node ${process.version}; sandbox, no network)\n`);
  console.log("| operation | API requests | median ms | p95 ms |");
  console.log("|---|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.operation} | ${r.calls} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} |`);
  console.log("\nThe scheduled-check cost per repository count comes with scheduled checks (SPEC 2.9).");
}

await main();
