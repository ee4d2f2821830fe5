import { DateTime } from "luxon";
import { readMarker } from "../../markers/define.js";
import { isOwn, type Identity } from "../../markers/identity.js";
import { RECURRING } from "../../markers/kinds.js";
import type { Gap, RecurringKind, RecurringRow, RecurringSection } from "./model.js";
import type { ReportRecurringIssue } from "./observation.js";
import type { ReportPeriod } from "./period.js";

const days = (from: string, to: string) => Math.round(DateTime.fromISO(to, { zone: "utc" }).diff(DateTime.fromISO(from, { zone: "utc" }), "days").days);
const plusWeeks = (date: string, weeks: number) => DateTime.fromISO(date, { zone: "utc" }).plus({ weeks }).toISODate() as string;

interface Cadence {
  kind: RecurringKind;
  everyWeeks: number;
  maxWeeks: number | null;
}

/**
 * One kind of recurring work over the period. Only Vigil's own issues with its marker count. Completed means closed
 * as completed by a person (Vigil closing a superseded issue proves nothing), on the local date of the closing.
 */
export function recurringSection(issues: readonly ReportRecurringIssue[], cadence: Cadence, period: ReportPeriod, identity: Identity, localDate: (at: string) => string): RecurringSection {
  const filed = issues
    .flatMap((issue) => {
      if (!isOwn(issue.author, identity)) return [];
      const marker = readMarker(RECURRING, issue, identity);
      if (!marker || marker.kind !== cadence.kind) return [];
      const byPerson = issue.state === "closed" && issue.stateReason === "completed" && issue.closedAt !== null && !(issue.closedBy && isOwn(issue.closedBy, identity));
      return [{ issue, date: marker.date, completed: byPerson ? localDate(issue.closedAt as string) : null }];
    })
    .sort((a, b) => (a.date === b.date ? a.issue.number - b.issue.number : a.date < b.date ? -1 : 1));
  const completions = filed.flatMap((f) => (f.completed && f.completed <= period.untilDate ? [f.completed] : [])).sort();
  const limitDays = cadence.maxWeeks === null ? null : cadence.maxWeeks * 7;

  const rows: RecurringRow[] = filed
    .filter((f) => (f.date >= period.sinceDate && f.date <= period.untilDate) || (f.completed !== null && f.completed >= period.sinceDate && f.completed <= period.untilDate))
    .map((f) => {
      const previous = f.completed ? completions.filter((c) => c < f.completed!).at(-1) : undefined;
      const interval = f.completed && previous ? days(previous, f.completed) : null;
      const status = f.completed ? "completed" : f.issue.state === "open" ? "open" : f.issue.stateReason === "not_planned" ? "superseded" : "closed";
      return {
        number: f.issue.number, title: f.issue.title, url: f.issue.url, date: f.date, completed: f.completed, status,
        intervalDays: interval,
        targetMet: f.completed !== null && f.completed < plusWeeks(f.date, cadence.everyWeeks),
        limitMet: limitDays === null || interval === null ? null : interval <= limitDays,
      };
    });

  const gaps = gapsOf(completions, period, limitDays);
  const longest = gaps.length ? Math.max(...gaps.map((g) => g.days)) : null;
  return { kind: cadence.kind, everyWeeks: cadence.everyWeeks, maxWeeks: cadence.maxWeeks, rows, gaps, longestGapDays: longest };
}

// The stretches between consecutive completions that reach into the period, and the one from the last completion to
// the period's end (still running: the hard limit may already be past). Before the first completion on record there
// is nothing to measure from.
function gapsOf(completions: readonly string[], period: ReportPeriod, limitDays: number | null): Gap[] {
  const points = [...new Set(completions)];
  const gaps: Gap[] = [];
  points.forEach((from, i) => {
    const next = points[i + 1];
    const to = next ?? period.untilDate;
    if (to < period.sinceDate || (next === undefined && from === to)) return;
    const d = days(from, to);
    gaps.push({ from, to, days: d, overLimit: limitDays !== null && d > limitDays, open: next === undefined });
  });
  return gaps;
}
