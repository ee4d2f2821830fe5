// `vigil report` end to end against the sandbox, over a period of real app history (tests/helpers/report-world.ts).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportModel } from "../../src/domain/report/model.js";
import { runCli } from "../helpers/cli.js";
import { reportWorld, TRICKY_TITLE } from "../helpers/report-world.js";
import { OWNER, REPO, type World } from "../helpers/world.js";

const PERIOD = ["--since", "2026-11-23", "--until", "2027-01-10"];
let world: World;
let incidents: number[];
let pulls: number[];
let json: ReportModel;
let cost: { total: number; graphql: number };

beforeAll(async () => {
  ({ world, incidents, pulls } = await reportWorld());
  world.sandbox.resetCounts();
  const run = await runCli(world, "report", `${OWNER}/${REPO}`, ...PERIOD, "--format", "json");
  expect(run.code, run.stderr).toBe(0);
  const requests = world.sandbox.requests.filter((r) => !r.route.endsWith("/access_tokens"));
  cost = { total: requests.length, graphql: requests.filter((r) => r.graphqlOperation).length };
  json = JSON.parse(run.stdout) as ReportModel;
}, 60_000);

describe("vigil report", () => {
  it("lists both incidents with severity, deadlines met and missed by working days, and an intact ledger", () => {
    const [a, b] = json.incidents;
    expect(json.incidents.map((i) => i.number)).toEqual(incidents);
    expect(a).toMatchObject({ severity: "sev1", inPeriod: "declared", state: "resolved", postmortem: { due: "2026-12-02", daysLate: 0, status: "on time" } });
    expect(b).toMatchObject({ title: TRICKY_TITLE, severity: "sev0", postmortem: { due: "2026-12-04", daysLate: 2, status: "late" } });
    expect(a!.ledger.head).toMatch(/^[0-9a-f]{64}$/);
    expect(a!.ledger.entries).toBe(2);
    expect(json.totals).toMatchObject({ incidents: 2, bySeverity: { sev1: 1, sev0: 1 }, postmortemsJudged: 2, postmortemsOnTime: 1, onTimePercent: 50, integrityFindings: 0 });
  });

  it("measures recurring work by completions: intervals, the 21-day patching gap over its 2-week limit", () => {
    const patching = json.recurring.find((s) => s.kind === "patching")!;
    expect(patching.rows.map((r) => [r.date, r.completed, r.intervalDays, r.targetMet, r.limitMet])).toEqual([
      ["2026-11-30", "2026-12-01", null, true, null],
      ["2026-12-07", "2026-12-08", 7, true, true],
      ["2026-12-14", null, null, false, null],
      ["2026-12-21", null, null, false, null],
      ["2026-12-28", "2026-12-29", 21, true, false],
      ["2027-01-04", "2027-01-05", 7, true, true],
    ]);
    expect(patching.rows[2]!.status).toBe("superseded");
    expect(patching.gaps.filter((g) => g.overLimit).map((g) => [g.from, g.to])).toEqual([["2026-12-08", "2026-12-29"]]);
    const reviews = json.recurring.find((s) => s.kind === "security-review")!;
    expect(reviews.rows.map((r) => [r.date, r.completed, r.intervalDays, r.limitMet])).toEqual([["2026-11-30", "2026-12-02", null, null], ["2026-12-28", "2026-12-30", 28, true]]);
    expect(json.totals).toMatchObject({ longestPatchingGapDays: 21, longestReviewGapDays: 28 });
  });

  it("counts scrutiny only from Vigil's own successful check on the merged head", () => {
    expect(json.pulls.map((p) => [p.number, p.threats, p.scrutinised, p.conclusion])).toEqual([
      [pulls[0], ["XSS"], true, "success"],
      [pulls[1], ["XSS"], false, "neutral"],
      [pulls[2], ["XSS"], false, null],
    ]);
    expect(json.totals).toMatchObject({ threatPulls: 3, threatPullsScrutinised: 1 });
  });

  it("costs a fixed number of requests (pinned in the README)", () => {
    // viewer, configuration, the lists (one page), the head checks, and one observe per incident.
    expect(cost).toEqual({ total: 6, graphql: 5 });
  });

  it("writes Markdown with the user's title escaped, and HTML to a file with --out", async () => {
    const md = await runCli(world, "report", `${OWNER}/${REPO}`, ...PERIOD);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("- Post-mortems on time: 50% (1 of 2)");
    expect(md.stdout).not.toContain("<img");
    expect(md.stdout).toContain("&lt;img src=x onerror=alert\\(1\\)&gt; \\| \\*db-2\\* @\u200berin");
    const dir = mkdtempSync(join(tmpdir(), "vigil-report-"));
    const out = await runCli(world, "report", `${OWNER}/${REPO}`, ...PERIOD, "--format", "html", "--out", join(dir, "r.html"));
    expect(out.code).toBe(0);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toMatch(/<img/);
  });

  it("refuses bad arguments with exit 2 and a clear message, before any request", async () => {
    world.sandbox.resetCounts();
    for (const [args, message] of [
      [[`${OWNER}/${REPO}`], /--since is required/],
      [[`${OWNER}/${REPO}`, "--since", "2026-13-01"], /--since: "2026-13-01" is not a calendar date/],
      [[`${OWNER}/${REPO}`, "--since", "yesterday"], /neither a date/],
      [[`${OWNER}/${REPO}`, "--since", "2026-11-01", "--format", "pdf"], /--format must be md, json or html/],
      [[`${OWNER}/${REPO}`, "--since", "2026-11-01", "--colour"], /unknown option --colour/],
      [["nope", "--since", "2026-11-01"], /owner\/repo/],
    ] as const) {
      const run = await runCli(world, "report", ...args);
      expect([run.code, run.stderr]).toEqual([2, expect.stringMatching(message)]);
    }
    expect(world.sandbox.requests).toEqual([]);
    const empty = await runCli(world, "report", `${OWNER}/${REPO}`, "--since", "2026-12-01", "--until", "2026-11-01");
    expect([empty.code, empty.stderr]).toEqual([2, expect.stringMatching(/the period is empty/)]);
    const help = await runCli(world, "report", "--help");
    expect([help.code, help.stdout]).toEqual([0, expect.stringMatching(/^Usage: vigil report/)]);
  });
});
