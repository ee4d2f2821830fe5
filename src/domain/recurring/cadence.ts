import { DateTime } from "luxon";

/** The part of a working-day calendar (`workingCalendar`) that recurring work needs. */
export interface RecurringCalendar {
  nextWorkingDayOnOrAfter(date: string): string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

// Dates are stepped in UTC, where every day has 24 hours; holidays are the calendar's business.
function day(date: string): DateTime {
  const dt = DATE_RE.test(date) ? DateTime.fromISO(date, { zone: "utc" }) : null;
  if (!dt?.isValid) throw new RangeError(`"${date}" is not a date written YYYY-MM-DD`);
  return dt;
}

/** A date (YYYY-MM-DD) moved by whole weeks. */
export function plusWeeks(date: string, weeks: number): string {
  return day(date).plus({ weeks }).toISODate() as string;
}

function wholeWeeks(weeks: number, what: string): void {
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`${what} must be a whole number of weeks of 1 or more, not ${weeks}`);
}

/**
 * The date (YYYY-MM-DD) of the review (or patching round) to file today, or null when none is due.
 * The first one is due today; each next one `everyWeeks` weeks after `previousDate`. Either way it
 * is filed on the first working day on or after its due date, so it is returned only once that day
 * has come (SPEC 2.4). Pass the previous one's due date rather than the day it was filed where it is
 * known (for patching: `patchingWeekOf`), so a holiday does not shift every later one.
 */
export function reviewDate(
  previousDate: string | null,
  everyWeeks: number,
  today: string,
  calendar: RecurringCalendar,
): string | null {
  wholeWeeks(everyWeeks, "the interval");
  day(today);
  const due = previousDate === null ? today : plusWeeks(previousDate, everyWeeks);
  const filed = calendar.nextWorkingDayOnOrAfter(due);
  // ISO dates compare correctly as strings.
  return filed <= today ? filed : null;
}

/** The Monday (ISO week start) of the week of `date`: which week a patching round belongs to. */
export function patchingWeekOf(date: string): string {
  return day(date).startOf("week").toISODate() as string;
}

/** The first working day of `month` (1–12) of `year`: the day that year's drill is filed. */
export function drillDate(year: number, month: number, calendar: RecurringCalendar): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`the drill month must be 1 to 12, not ${month}`);
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`${year} is not a year`);
  const first = DateTime.utc(year, month, 1).toISODate() as string;
  return calendar.nextWorkingDayOnOrAfter(first);
}

/**
 * The year whose drill should be filed today: this year's, once its drill date has come and no
 * drill was filed for it yet; else null. A missed earlier year is not filed late: its turn is over.
 */
export function drillDue(today: string, month: number, lastDrillYear: number | null, calendar: RecurringCalendar): number | null {
  const year = day(today).year;
  if (lastDrillYear !== null && lastDrillYear >= year) return null;
  return drillDate(year, month, calendar) <= today ? year : null;
}

/**
 * Whether the hard limit has passed: more than `maxWeeks` weeks since the last completed one, or,
 * when none was ever completed, since the first one was filed. With neither nothing is late yet.
 */
export function hardLimitPassed(
  lastCompletedDate: string | null,
  firstFiledDate: string | null,
  maxWeeks: number,
  today: string,
): boolean {
  wholeWeeks(maxWeeks, "the hard limit");
  const since = lastCompletedDate ?? firstFiledDate;
  if (since === null) return false;
  return day(today) > day(since).plus({ weeks: maxWeeks });
}
