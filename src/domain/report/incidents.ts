import { findMarked, readMarker } from "../../markers/define.js";
import type { Identity } from "../../markers/identity.js";
import { INCIDENT_RECORD, POSTMORTEM_PULL } from "../../markers/kinds.js";
import { verifyEvidence } from "../evidence/verify.js";
import { workingDaysLate } from "../postmortem/deadline-notes.js";
import { severityFromLabels } from "../severity.js";
import type { workingCalendar } from "../working-days.js";
import type { IncidentRow, PostmortemRow } from "./model.js";
import type { ReportIncident } from "./observation.js";
import type { ReportPeriod } from "./period.js";

type Calendar = ReturnType<typeof workingCalendar>;

/** The incident's row, or null when it lies wholly outside the period. */
export function incidentRow(input: ReportIncident, period: ReportPeriod, identity: Identity, calendar: Calendar): IncidentRow | null {
  const { issue } = input;
  const record = findMarked(INCIDENT_RECORD, issue.comments, identity)[0]?.data;
  // Instants are compared as times: GitHub writes `…:00Z`, Luxon `…:00.000Z`.
  const declaredAt = new Date(record?.declaredAt ?? issue.createdAt).toISOString();
  const closedAt = issue.state === "closed" && issue.closedAt ? new Date(issue.closedAt).toISOString() : null;
  const since = Date.parse(period.since);
  const until = Date.parse(period.until);
  if (Date.parse(declaredAt) > until || (closedAt !== null && Date.parse(closedAt) < since)) return null;
  const inPeriod = Date.parse(declaredAt) >= since ? "declared" : closedAt !== null && Date.parse(closedAt) <= until ? "resolved" : "open";
  const resolvedAt = closedAt !== null && issue.stateReason === "completed" ? closedAt : null;
  // The labels are what the state converged to; the record is the fallback when a person took them off.
  const fromLabels = severityFromLabels(issue.labels);
  const ledger = verifyEvidence(issue, identity);
  return {
    number: issue.number, title: issue.title, url: issue.url,
    severity: fromLabels.length === 1 ? fromLabels[0]! : (record?.severity ?? null),
    inPeriod,
    state: closedAt === null ? "open" : resolvedAt ? "resolved" : "closed as not planned",
    declaredAt, resolvedAt,
    postmortem: postmortemRow(input, period, identity, calendar),
    ledger: { head: ledger.head, entries: ledger.entries, findings: ledger.findings },
  };
}

function postmortemRow(input: ReportIncident, period: ReportPeriod, identity: Identity, calendar: Calendar): PostmortemRow {
  // The same choice the post-mortem planner makes: the merged one, else the open one, else the first.
  const pull = input.pulls.find((p) => p.state === "merged") ?? input.pulls.find((p) => p.state === "open") ?? input.pulls[0];
  if (!pull) return { pr: null, url: null, mergedAt: null, due: null, daysLate: null, status: "none" };
  const due = readMarker(POSTMORTEM_PULL, pull, identity)?.due ?? null;
  const mergedAt = pull.state === "merged" ? pull.mergedAt : null;
  const base = { pr: pull.number, url: pull.url, mergedAt, due };
  if (due === null) return { ...base, daysLate: null, status: "none" };
  if (mergedAt !== null) {
    const late = workingDaysLate(calendar, due, mergedAt);
    return { ...base, daysLate: late, status: late === 0 ? "on time" : "late" };
  }
  // Unmerged: judged as of the period's end, so a report of a closed period does not change later.
  const late = workingDaysLate(calendar, due, period.until);
  return { ...base, daysLate: late === 0 ? null : late, status: late === 0 ? "pending" : "overdue" };
}
