// The report model from plain observed values: which incidents are in the period, deadlines, recurring gaps, trust.
import { describe, expect, it } from "vitest";
import { buildReportModel, type ReportConfig } from "../../../src/domain/report/build-model.js";
import type { ReportObservation, ReportRecurringIssue } from "../../../src/domain/report/observation.js";
import { makePeriod, parseBound } from "../../../src/domain/report/period.js";
import type { ObservedIssue, ObservedPull } from "../../../src/domain/incident/observation.js";
import { renderMarker } from "../../../src/markers/define.js";
import { POSTMORTEM_PULL, RECURRING } from "../../../src/markers/kinds.js";

const ZONE = "America/Los_Angeles";
const VIGIL = { login: "vigil[bot]", isBot: true };
const ALICE = { login: "alice", isBot: false };
const config = { timezone: ZONE, calendar: { country: "US", state: "CA", holidayTypes: ["public"], workingDays: ["mon", "tue", "wed", "thu", "fri"], extraHolidays: [] }, securityReview: { everyWeeks: 4, maxWeeks: 8 }, patching: { everyWeeks: 1, maxWeeks: 2 }, drill: {} } as unknown as ReportConfig;
const bound = (v: string, edge: "start" | "end") => { const b = parseBound(v, ZONE, edge); if (!b.ok) throw new Error(b.reason); return b.instant; };
const period = makePeriod(bound("2026-12-01", "start"), bound("2026-12-31", "end"), ZONE) as Exclude<ReturnType<typeof makePeriod>, { error: string }>;

function issue(n: number, createdAt: string, closedAt: string | null, labels: string[] = ["incident", "severity: sev2"]): ObservedIssue {
  return { number: n, nodeId: `I${n}`, title: `Incident ${n}`, body: "", url: `https://github.com/acme/x/issues/${n}`, state: closedAt ? "closed" : "open", stateReason: closedAt ? "completed" : null, createdAt, closedAt, author: ALICE, labels, assignees: [], projectItems: [], comments: [] };
}
function pull(n: number, due: string | null, mergedAt: string | null, author = VIGIL): ObservedPull {
  return { number: n, nodeId: `P${n}`, state: mergedAt ? "merged" : "open", mergedAt, createdAt: "2026-12-01T00:00:00Z", url: `https://github.com/acme/x/pull/${n}`, body: `${renderMarker(POSTMORTEM_PULL, { issue: 1, due })}\nbody`, author, labels: [], files: [], comments: [] };
}
function recurring(n: number, kind: "patching" | "security-review", date: string, closedAt: string | null, by = ALICE, author = VIGIL): ReportRecurringIssue {
  return { number: n, title: `t${n}`, url: `https://github.com/acme/x/issues/${n}`, state: closedAt ? "closed" : "open", stateReason: closedAt ? "completed" : null, createdAt: `${date}T17:00:00Z`, closedAt, closedBy: closedAt ? by : null, body: `${renderMarker(RECURRING, { kind, date })}\n`, author };
}
const observed = (o: Partial<ReportObservation>): ReportObservation => ({ repo: { owner: "acme", name: "x" }, incidents: [], recurring: { reviews: [], patching: [], drills: [] }, pulls: [], pullsTruncated: false, ...o });

describe("report model", () => {
  it("keeps incidents declared, resolved or open in the period, and says which", () => {
    const m = buildReportModel(observed({ incidents: [
      { issue: issue(1, "2026-11-01T18:00:00Z", "2026-11-20T18:00:00Z"), pulls: [] }, // closed before: out
      { issue: issue(2, "2026-11-10T18:00:00Z", "2026-12-03T18:00:00Z"), pulls: [] },
      { issue: issue(3, "2026-11-10T18:00:00Z", null), pulls: [] },
      { issue: issue(4, "2026-12-05T18:00:00Z", null), pulls: [] },
      { issue: issue(5, "2027-01-05T18:00:00Z", null), pulls: [] }, // declared after: out
    ] }), config, period, VIGIL);
    expect(m.incidents.map((i) => [i.number, i.inPeriod])).toEqual([[2, "resolved"], [3, "open"], [4, "declared"]]);
    expect(m.totals.bySeverity).toEqual({ sev2: 3 });
  });

  it("judges the deadline the pull request's marker states, in working days, and only a marker Vigil wrote", () => {
    const m = buildReportModel(observed({ incidents: [
      { issue: issue(1, "2026-12-01T18:00:00Z", "2026-12-02T18:00:00Z"), pulls: [pull(10, "2026-12-07", "2026-12-07T23:00:00Z")] },
      { issue: issue(2, "2026-12-01T18:00:00Z", "2026-12-02T18:00:00Z"), pulls: [pull(11, "2026-12-04", "2026-12-08T18:00:00Z")] },
      { issue: issue(3, "2026-12-01T18:00:00Z", "2026-12-02T18:00:00Z"), pulls: [pull(12, "2026-12-04", null)] },
      { issue: issue(4, "2026-12-01T18:00:00Z", "2026-12-02T18:00:00Z"), pulls: [pull(13, "2026-12-04", null, ALICE)] },
    ] }), config, period, VIGIL);
    expect(m.incidents.map((i) => [i.postmortem.status, i.postmortem.daysLate])).toEqual([["on time", 0], ["late", 2], ["overdue", 18], ["none", null]]);
    expect(m.totals).toMatchObject({ postmortemsJudged: 3, postmortemsOnTime: 1, onTimePercent: 33 });
  });

  it("measures recurring gaps between completions by people, with the running gap to the period's end", () => {
    const m = buildReportModel(observed({ recurring: { drills: [], reviews: [], patching: [
      recurring(1, "patching", "2026-11-23", "2026-11-24T18:00:00Z"),
      recurring(2, "patching", "2026-11-30", "2026-12-01T18:00:00Z"),
      recurring(3, "patching", "2026-12-07", "2026-12-09T18:00:00Z", VIGIL), // closed by Vigil: not a completion
      recurring(4, "patching", "2026-12-14", "2026-12-16T18:00:00Z", ALICE, ALICE), // not Vigil's issue: not counted
    ] } }), config, period, VIGIL);
    const s = m.recurring.find((r) => r.kind === "patching")!;
    expect(s.rows.map((r) => [r.number, r.completed, r.intervalDays, r.targetMet, r.limitMet])).toEqual([[2, "2026-12-01", 7, true, true], [3, null, null, false, null]]);
    // The gap that ends in the period counts too: it is part of the period's record.
    expect(s.gaps).toEqual([{ from: "2026-11-24", to: "2026-12-01", days: 7, overLimit: false, open: false }, { from: "2026-12-01", to: "2026-12-31", days: 30, overLimit: true, open: true }]);
    expect(m.totals.longestPatchingGapDays).toBe(30);
  });

  it("reads periods in the configured zone and refuses an empty one", () => {
    expect(period).toMatchObject({ since: "2026-12-01T08:00:00.000Z", until: "2027-01-01T07:59:59.999Z", sinceDate: "2026-12-01", untilDate: "2026-12-31" });
    expect(parseBound("2026-12-01T09:00:00+01:00", ZONE, "start")).toMatchObject({ ok: true });
    expect(parseBound("2026-12-01T09:00", ZONE, "start")).toMatchObject({ ok: false });
    expect(makePeriod(bound("2026-12-02", "start"), bound("2026-12-01", "end"), ZONE)).toHaveProperty("error");
  });
});
