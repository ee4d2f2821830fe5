import { DateTime } from "luxon";
import type { PostmortemRow, RecurringKind, RecurringRow } from "./model.js";

// Wording shared by the Markdown and HTML renderers, so both say exactly the same.

/** An instant as local time in the repository's zone, e.g. `2026-11-23 10:00 PST`. */
export function localTime(iso: string | null, zone: string): string {
  if (iso === null) return "—";
  return DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).toFormat("yyyy-MM-dd HH:mm ZZZZ");
}

export const KIND_NAME: Readonly<Record<RecurringKind, string>> = { "security-review": "Security reviews", patching: "OS patching", "ir-drill": "Incident response drills" };

export const daysText = (n: number | null) => (n === null ? "—" : n === 1 ? "1 day" : `${n} days`);

/** The deadline verdict in words: never a colour alone. */
export function deadlineText(pm: PostmortemRow): string {
  switch (pm.status) {
    case "on time": return "met (0 working days late)";
    case "late": return `missed: ${pm.daysLate} working day${pm.daysLate === 1 ? "" : "s"} late`;
    case "overdue": return `missed: unmerged, ${pm.daysLate} working day${pm.daysLate === 1 ? "" : "s"} late at the period's end`;
    case "pending": return "not due yet at the period's end";
    case "none": return pm.pr === null ? "no post-mortem" : "no due date (not resolved)";
  }
}

export const targetText = (r: RecurringRow) => (r.completed === null ? `not completed (${r.status})` : r.targetMet ? "met" : "missed");
export const limitText = (r: RecurringRow) => (r.limitMet === null ? "—" : r.limitMet ? "met" : "missed");
