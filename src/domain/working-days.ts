import { DateTime, IANAZone } from "luxon";
import { holidayPlaceProblem, holidaySource } from "./holidays.js";
import { WEEKDAYS, type VigilSettings } from "./settings.js";

/** A non-working day passed over while counting, and why it does not count. */
interface SkippedDay {
  date: string;
  reason: string;
}

/** When something counted in working days is due. */
export interface Deadline {
  /** End of the due day (23:59:59 local) as an ISO instant with offset, e.g. 2026-12-02T23:59:59-08:00. */
  due: string;
  /** The due day, YYYY-MM-DD in the configured time zone. */
  dueDate: string;
  /** Non-working days after the start day and before the due day, in order. */
  skipped: SkippedDay[];
}

/** Working-day arithmetic for one configuration; every date is a local YYYY-MM-DD in `timezone`. */
interface WorkingCalendar {
  /** The IANA time zone the dates are in. */
  readonly timezone: string;
  /** Why `date` is not a working day, or null when it is one. */
  nonWorkingReason(date: string): string | null;
  /** Whether `date` counts as a working day. */
  isWorkingDay(date: string): boolean;
  /** End of the n-th working day after the local day of `from`; n = 0 is the end of that day itself. */
  addWorkingDays(from: Date | string, n: number): Deadline;
  /** `date` itself when it is a working day, else the first working day after it (where recurring issues are filed). */
  nextWorkingDayOnOrAfter(date: string): string;
  /** The last working day strictly before `date`. */
  previousWorkingDay(date: string): string;
  /** How many working days come after `a` up to and including `b`; 0 when b is not after a. */
  workingDaysBetween(a: string, b: string): number;
  /** The local date (YYYY-MM-DD) of an instant, or of a local moment written without offset. */
  localDate(instant: Date | string): string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * How a moment is written: a date, a local wall-clock time, or an instant with Z or an offset. The one grammar of
 * moments: readMoment reads exactly these, and the configuration schema (`oncall.start`) checks against it. No regex
 * flags, so the JSON Schema shipped for editors can carry it as a `pattern`.
 */
export const MOMENT_PATTERN = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
// With at least one working weekday this is never reached; it turns a miscalculation into an error instead of a hang.
const MAX_CONSECUTIVE_NON_WORKING = 400;
const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

// Zones Intl already accepted, in any spelling. Luxon builds an Intl formatter for every check, and every incident
// delivery checks the configured zone again. Bounded, since a reporter may type any spelling of a zone.
const acceptedZones = new Set<string>();
const ACCEPTED_ZONES_MAX = 1_000;

/** Whether this runtime's Intl knows `zone` as an IANA time zone, in any capitalisation (luxon's check, remembered). */
export function isKnownZone(zone: string): boolean {
  if (acceptedZones.has(zone)) return true;
  if (!IANAZone.isValidZone(zone)) return false;
  if (acceptedZones.size < ACCEPTED_ZONES_MAX) acceptedZones.add(zone);
  return true;
}

// Zones already found valid and spelled as the IANA database does. Checking builds Intl formatters and walks every
// zone name, and every moment read checks its zone: a handler reads dozens. Only valid zones are kept (a few hundred).
const checkedZones = new Set<string>();

/** Throws a RangeError unless `zone` is an IANA time zone that this runtime knows. */
export function assertTimeZone(zone: string): void {
  if (checkedZones.has(zone)) return;
  if (!isKnownZone(zone)) {
    throw new RangeError(`"${zone}" is not a known IANA time zone; use a name such as America/Los_Angeles, Europe/Berlin or UTC`);
  }
  const spelled = zoneSpelling(zone);
  if (spelled !== zone) throw new RangeError(`"${zone}" must be written ${spelled}: time zone names are matched exactly, capitals included`);
  checkedZones.add(zone);
}

/**
 * How the IANA database spells a zone that Intl accepts: Intl ignores case, so `europe/london` would
 * silently work here and fail in any stricter reader of the same file (and reads as a typo). Aliases
 * Intl resolves to another name (`US/Pacific`) are left as written.
 */
export function zoneSpelling(zone: string): string {
  const resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  const lower = zone.toLowerCase();
  return [resolved, ...Intl.supportedValuesOf("timeZone")].find((z) => z.toLowerCase() === lower) ?? zone;
}

/** Reads a Date, an ISO instant with offset/Z, or a local "YYYY-MM-DD[THH:mm[:ss]]" (wall-clock time in `zone`) as a DateTime in `zone`. */
export function parseMoment(value: Date | string, zone: string): DateTime {
  assertTimeZone(zone);
  if (value instanceof Date) {
    const dt = DateTime.fromJSDate(value, { zone });
    if (!dt.isValid) throw new RangeError("the given Date is invalid");
    return dt;
  }
  const read = readMoment(value, zone);
  if (!read.ok) {
    throw new RangeError(
      `"${value}" is not a moment: write an ISO 8601 instant such as 2026-11-25T16:30:00Z, or a local date or time such as 2026-11-25 or 2026-11-25T08:30`,
    );
  }
  return read.moment;
}

/** Reads a moment as `parseMoment` does, saying why it cannot instead of throwing (for validation messages). */
export function readMoment(value: string, zone: string): { ok: true; moment: DateTime } | { ok: false; reason: string } {
  const text = value.trim().toUpperCase();
  // Luxon alone would also accept week dates, ordinals and bare years ("2026"), which are more likely typos than intent.
  if (!MOMENT_PATTERN.test(text)) return { ok: false, reason: "it is not written as an ISO 8601 date or moment" };
  const moment = DateTime.fromISO(text.replace(" ", "T"), { zone });
  if (!moment.isValid) return { ok: false, reason: moment.invalidExplanation ?? moment.invalidReason ?? "it cannot be read" };
  return { ok: true, moment };
}

// Calendar dates are stepped in UTC, where every day has 24 hours; the zone only matters for holidays and `due`.
function calendarDay(date: string): DateTime {
  const dt = DATE_RE.test(date) ? DateTime.fromISO(date, { zone: "utc" }) : null;
  if (!dt?.isValid) throw new RangeError(`"${date}" is not a date written YYYY-MM-DD`);
  return dt;
}

function shiftDate(date: string, days: number): string {
  return calendarDay(date).plus({ days }).toISODate() as string;
}

// A repository's settings stay the same object while its configuration is cached, and every delivery asks for its
// calendar: built once per settings object and zone, with the days it has already judged.
const calendars = new WeakMap<VigilSettings["calendar"], Map<string, WorkingCalendar>>();

/** Builds the working-day calendar of SPEC 2.5 from the `calendar` and `timezone` settings. */
export function workingCalendar(config: Pick<VigilSettings, "calendar" | "timezone">): WorkingCalendar {
  let byZone = calendars.get(config.calendar);
  if (!byZone) {
    byZone = new Map();
    calendars.set(config.calendar, byZone);
  }
  let built = byZone.get(config.timezone);
  if (!built) {
    built = buildCalendar(config);
    byZone.set(config.timezone, built);
  }
  return built;
}

function buildCalendar(config: Pick<VigilSettings, "calendar" | "timezone">): WorkingCalendar {
  const { calendar, timezone } = config;
  assertTimeZone(timezone);
  const problem = holidayPlaceProblem(calendar);
  if (problem) throw new RangeError(`calendar.${problem.field}: ${problem.message}`);

  const holidays = holidaySource(calendar, calendar.holidayTypes, timezone);
  const workingWeekdays = new Set(calendar.workingDays);
  const extra = new Set(calendar.extraHolidays);
  const reasons = new Map<string, string | null>();

  const nonWorkingReason = (date: string): string | null => {
    const known = reasons.get(date);
    if (known !== undefined) return known;
    const day = calendarDay(date);
    const found: string[] = [];
    const weekday = WEEKDAYS[day.weekday - 1];
    if (weekday && !workingWeekdays.has(weekday)) {
      const name = WEEKDAY_NAMES[day.weekday - 1] ?? weekday;
      found.push(day.weekday >= 6 ? `weekend (${name})` : `not a working day (${name})`);
    }
    if (extra.has(date)) found.push("company holiday");
    if (holidays) {
      // Noon decides: a holiday from 14:00 (German Christmas Eve) leaves a working morning, and one
      // starting the evening before (Jewish holidays begin at sunset) does not spoil the eve.
      const noon = DateTime.fromISO(`${date}T12:00`, { zone: timezone });
      for (const h of holidays.inEffectAt(noon)) if (!found.includes(h.name)) found.push(h.name);
    }
    const reason = found.length ? found.join("; ") : null;
    reasons.set(date, reason);
    return reason;
  };

  const isWorkingDay = (date: string): boolean => nonWorkingReason(date) === null;

  // Walks from `date` in `step` direction until a working day, bounded so a broken calendar fails loudly.
  const seek = (date: string, step: 1 | -1): string => {
    let day = date;
    for (let i = 0; i < MAX_CONSECUTIVE_NON_WORKING; i++) {
      if (isWorkingDay(day)) return day;
      day = shiftDate(day, step);
    }
    throw new Error(`no working day within ${MAX_CONSECUTIVE_NON_WORKING} days of ${date}; check calendar.workingDays and holidays`);
  };

  const localDate = (instant: Date | string): string => parseMoment(instant, timezone).toISODate() as string;

  const addWorkingDays = (from: Date | string, n: number): Deadline => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`the number of working days must be a whole number of 0 or more, not ${n}`);
    let day = localDate(from);
    const skipped: SkippedDay[] = [];
    let run = 0;
    for (let counted = 0; counted < n; ) {
      day = shiftDate(day, 1);
      const reason = nonWorkingReason(day);
      if (reason === null) {
        counted++;
        run = 0;
        continue;
      }
      skipped.push({ date: day, reason });
      if (++run >= MAX_CONSECUTIVE_NON_WORKING) {
        throw new Error(`no working day in the ${MAX_CONSECUTIVE_NON_WORKING} days up to ${day}; check calendar.workingDays and holidays`);
      }
    }
    const due = DateTime.fromISO(`${day}T23:59:59`, { zone: timezone }).toISO({ suppressMilliseconds: true }) as string;
    return { due, dueDate: day, skipped };
  };

  return {
    timezone,
    nonWorkingReason,
    isWorkingDay,
    addWorkingDays,
    nextWorkingDayOnOrAfter: (date) => seek(calendarDay(date).toISODate() as string, 1),
    previousWorkingDay: (date) => seek(shiftDate(date, -1), -1),
    workingDaysBetween(a, b) {
      const last = calendarDay(b).toISODate() as string;
      let count = 0;
      // ISO dates compare correctly as strings.
      for (let day = shiftDate(a, 1); day <= last; day = shiftDate(day, 1)) {
        if (isWorkingDay(day)) count++;
      }
      return count;
    },
    localDate,
  };
}
