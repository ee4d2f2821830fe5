import { inlineText, mentionOrName } from "../sanitize.js";

/**
 * The comment on a recurring issue closed because a newer one replaces it (SPEC 2.4); `next` may be the placeholder
 * the filing step replaces with the new number once it exists.
 */
export function supersededNote(next: number | string): string {
  return `Superseded by #${next}: its unchecked items were carried over.`;
}

/** What `overdueRecurringNote` says. */
export interface OverdueRecurringInput {
  /** The Security Officer's login. */
  officer: string;
  /** What is overdue, e.g. "the security review". */
  what: string;
  /** When the last one was completed (YYYY-MM-DD), or null when none ever was. */
  lastCompleted: string | null;
  /** The hard limit, in weeks. */
  maxWeeks: number;
}

/**
 * The comment on an open recurring issue once its hard limit has passed (SPEC 2.4): it mentions the
 * Security Officer, who is answerable for the policy, and says how late it is and what ends the reminders.
 */
export function overdueRecurringNote({ officer, what, lastCompleted, maxWeeks }: OverdueRecurringInput): string {
  const since = lastCompleted ? `the last one was completed on ${inlineText(lastCompleted)}` : "none has been completed yet";
  return (
    `${mentionOrName(officer, true)}: ${inlineText(what)} is overdue. The policy allows at most ${maxWeeks} weeks ` +
    `between completed ones, and ${since}. Vigil will remind you here every working day until this issue is closed as completed.`
  );
}
