// The texts of the post-mortem's deadline comments (SPEC 2.3). Each caller puts its own marker
// line first; logins become mentions only where somebody is meant to be notified.
import type { workingCalendar } from "../working-days.js";
import { mentionOrName } from "../sanitize.js";

type Calendar = Pick<ReturnType<typeof workingCalendar>, "localDate" | "workingDaysBetween">;

const days = (n: number) => (n === 1 ? "1 working day" : `${n} working days`);
const zone = (timezone: string | undefined) => (timezone ? ` (${timezone})` : "");

/** The reminder on the post-mortem pull request one working day before it is due; mentions the responder. */
export function reminderNote(input: { responder: string; dueDate: string; timezone?: string }): string {
  return (
    `${mentionOrName(input.responder, true)}: this post-mortem is due at the end of the next working day, ${input.dueDate}${zone(input.timezone)}. ` +
    "Please complete it and get the team's agreement so it can be merged by then."
  );
}

/**
 * The nudge repeated every working day while a post-mortem (or its review) is past its due date;
 * mentions the Security Officer, who is accountable once the responder's deadline has passed.
 */
export function overdueNudge(input: { officer: string; dueDate: string; daysLate: number; what: "post-mortem" | "post-mortem review"; timezone?: string }): string {
  const { officer, dueDate, daysLate, what, timezone } = input;
  const open = what === "post-mortem" ? "is not merged yet" : "is still open";
  return (
    `${mentionOrName(officer, true)}: this ${what} is ${days(Math.max(1, daysLate))} overdue. ` +
    `It was due at the end of ${dueDate}${zone(timezone)} and ${open}; Vigil repeats this every working day until it is ${what === "post-mortem" ? "merged" : "closed"}.`
  );
}

/** The comment on the post-mortem review issue when it falls due; mentions the responder. */
export function reviewDueNote(input: { responder: string; dueDate: string }): string {
  return (
    `${mentionOrName(input.responder, true)}: this post-mortem review is due today, ${input.dueDate}. ` +
    "Check each item, tick what was carried out, say in a comment why anything was not, and close the issue when the review is held."
  );
}

/** The note on the incident when its post-mortem is merged: `Post-mortem agreed on DATE, on time` or `…, N working days late`. */
export function mergeNote(input: { mergedDate: string; daysLate: number; pull: number; review?: number }): string {
  const timing = input.daysLate > 0 ? `${days(input.daysLate)} late` : "on time";
  const review = input.review === undefined ? "" : ` Its review is tracked in #${input.review}.`;
  return `Post-mortem agreed on ${input.mergedDate}, ${timing} (#${input.pull}).${review}`;
}

/**
 * How many working days after the end of `dueDate` the moment `at` (a merge, or now) falls: 0 on
 * or before the due day. Anything after the due day is at least 1, even on a weekend, because the
 * deadline was still missed; each working day begun after the due day adds one.
 */
export function workingDaysLate(calendar: Calendar, dueDate: string, at: Date | string): number {
  const day = calendar.localDate(at);
  // ISO dates compare correctly as strings.
  if (day <= dueDate) return 0;
  return Math.max(1, calendar.workingDaysBetween(dueDate, day));
}
