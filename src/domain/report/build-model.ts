import type { Identity } from "../../markers/identity.js";
import type { VigilSettings } from "../settings.js";
import { workingCalendar } from "../working-days.js";
import { incidentRow } from "./incidents.js";
import type { IncidentRow, RecurringSection, ReportModel, Totals } from "./model.js";
import type { ReportObservation } from "./observation.js";
import type { ReportPeriod } from "./period.js";
import { pullRows } from "./pulls.js";
import { recurringSection } from "./recurring.js";

/** The configuration a report reads: the calendar for deadlines, the cadences for recurring work. */
export type ReportConfig = Pick<VigilSettings, "timezone" | "calendar" | "securityReview" | "patching" | "drill">;

/** The evidence report's model from what was observed: pure, so every format shows the same numbers. */
export function buildReportModel(observed: ReportObservation, config: ReportConfig, period: ReportPeriod, identity: Identity): ReportModel {
  const calendar = workingCalendar(config);
  const incidents = observed.incidents
    .flatMap((i) => incidentRow(i, period, identity, calendar) ?? [])
    .sort((a, b) => (a.declaredAt === b.declaredAt ? a.number - b.number : a.declaredAt < b.declaredAt ? -1 : 1));
  const local = (at: string) => calendar.localDate(at);
  const recurring: RecurringSection[] = [
    recurringSection(observed.recurring.reviews, { kind: "security-review", everyWeeks: config.securityReview.everyWeeks, maxWeeks: config.securityReview.maxWeeks }, period, identity, local),
    recurringSection(observed.recurring.patching, { kind: "patching", everyWeeks: config.patching.everyWeeks, maxWeeks: config.patching.maxWeeks }, period, identity, local),
    // A drill is yearly and has no hard limit (SPEC 2.4).
    recurringSection(observed.recurring.drills, { kind: "ir-drill", everyWeeks: 52, maxWeeks: null }, period, identity, local),
  ];
  const pulls = pullRows(observed.pulls, period, identity);
  return {
    repo: `${observed.repo.owner}/${observed.repo.name}`,
    period, incidents, recurring, pulls, pullsTruncated: observed.pullsTruncated,
    totals: totals(incidents, recurring, pulls.length, pulls.filter((p) => p.scrutinised).length),
  };
}

function totals(incidents: readonly IncidentRow[], recurring: readonly RecurringSection[], threatPulls: number, scrutinised: number): Totals {
  const bySeverity: Record<string, number> = {};
  for (const i of incidents) bySeverity[i.severity ?? "unknown"] = (bySeverity[i.severity ?? "unknown"] ?? 0) + 1;
  const judged = incidents.filter((i) => ["on time", "late", "overdue"].includes(i.postmortem.status));
  const onTime = judged.filter((i) => i.postmortem.status === "on time").length;
  const longest = (kind: string) => recurring.find((r) => r.kind === kind)?.longestGapDays ?? null;
  return {
    incidents: incidents.length, bySeverity,
    postmortemsJudged: judged.length, postmortemsOnTime: onTime,
    onTimePercent: judged.length ? Math.round((onTime / judged.length) * 100) : null,
    longestReviewGapDays: longest("security-review"), longestPatchingGapDays: longest("patching"),
    integrityFindings: incidents.reduce((n, i) => n + i.ledger.findings.length, 0),
    threatPulls, threatPullsScrutinised: scrutinised,
  };
}
