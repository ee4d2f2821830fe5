/**
 * Reading the free-text "when were you notified?" answer of the incident form.
 *
 * Accepted (case-insensitive; commas, "at" and a leading weekday name are ignored):
 * - `2026-11-22 14:05`, `2026-11-22T14:05`, with optional seconds: local time in the configured zone;
 * - full ISO 8601 with `Z` or an offset (`2026-11-22T14:05:00-08:00`): that exact instant;
 * - `22 Nov 2026 14:05`, `Nov 22, 2026 2:05 PM`, `November 22 2026 at 14:05`, and the time first;
 * - a trailing `UTC`, `GMT`, `Z`, `+01:00` or IANA zone name (`Europe/Berlin`) overriding the configured zone;
 * - `2026-11-22` or `22 Nov 2026` without a time: the start of that day in the zone. A reporter who
 *   only knows the day gets the earliest moment it could have been, which never makes an incident
 *   look younger than it is; `dateOnly` tells renderers to show the date alone;
 * - `14:05`, `2:05 PM`, `today 14:05`, `yesterday 2:05 PM`: a time alone means the most recent such
 *   moment, so `23:50` typed just after midnight means yesterday evening; `now` means `now`.
 * Rejected: numeric dates with slashes (22/11 or 11/22 is ambiguous), zone abbreviations such as PST
 * (ambiguous too), and any moment more than FUTURE_TOLERANCE_MINUTES after `now`.
 * A local time that falls in a daylight-saving gap is moved forward by the gap, as Luxon does.
 */
import { DateTime } from "luxon";
import { isKnownZone, readMoment } from "./working-days.js";

/** How far ahead of `now` an answer may be before it is refused; absorbs clocks that disagree a little. */
export const FUTURE_TOLERANCE_MINUTES = 5;

/** The outcome of reading a notification time: an ISO instant in the configured zone, or what is wrong and how to fix it. */
type NotifiedAtResult =
  | { ok: true; iso: string; dateOnly: boolean }
  | { ok: false; problem: "unreadable" | "future"; reason: string; fix: string; message: string };

const WEEKDAY_PREFIX = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?\s+/i;
const RELATIVE_PREFIX = /^(today|yesterday)\s+/i;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s?(?:z|[+-]\d{2}(?::?\d{2})?)$/i;
const TRAILING_ZONE = /\s+(utc|gmt|z|[+-]\d{2}(?::?\d{2})?|[a-z]+(?:\/[a-z0-9_+-]+)+)$/i;

const DATE_FORMATS = ["yyyy-MM-dd", "d MMM yyyy", "d MMMM yyyy", "MMM d yyyy", "MMMM d yyyy"];
const TIME_FORMATS = ["H:mm", "H:mm:ss", "h:mm a", "h:mma", "h:mm:ss a", "h a", "ha"];
// Every date with every time, in both orders; built once because Luxon compiles formats per call anyway.
const DATE_TIME_FORMATS = DATE_FORMATS.flatMap((d) => TIME_FORMATS.flatMap((t) => [`${d} ${t}`, `${t} ${d}`]));

const EXAMPLES = (timezone: string): string =>
  `2026-11-22 14:05 (${timezone} time) or full ISO 8601 such as 2026-11-22T14:05:00Z`;

function failure(problem: "unreadable" | "future", reason: string, fix: string): NotifiedAtResult {
  return { ok: false, problem, reason, fix, message: `${reason}. ${fix[0]?.toUpperCase() ?? ""}${fix.slice(1)}.` };
}

/** Reads a reporter's notification time leniently; see the file comment for what is accepted. */
export function parseNotifiedAt(text: string, timezone: string, now: Date): NotifiedAtResult {
  if (!isKnownZone(timezone)) throw new RangeError(`Vigil: "${timezone}" is not an IANA time zone`);
  const typed = text.trim();
  const parsed = readTyped(typed, timezone, DateTime.fromJSDate(now, { zone: timezone }));
  if (!parsed) {
    const slashes = /\d\/\d/.test(typed) ? " (a date with slashes can be read day-first or month-first)" : "";
    return failure("unreadable", `"${oneLine(typed)}" is not a date and time Vigil can read${slashes}`, `write it as ${EXAMPLES(timezone)}`);
  }
  const local = parsed.moment.setZone(timezone);
  if (local.toMillis() > now.getTime() + FUTURE_TOLERANCE_MINUTES * 60_000) {
    const nowText = DateTime.fromJSDate(now, { zone: timezone }).toFormat("yyyy-MM-dd HH:mm");
    return failure(
      "future",
      `"${oneLine(typed)}" is ${local.toFormat("yyyy-MM-dd HH:mm")} ${timezone} time, which is in the future (it is now ${nowText})`,
      `write when you were notified, no later than now, as ${EXAMPLES(timezone)}`,
    );
  }
  return { ok: true, iso: local.toISO({ suppressMilliseconds: true }) ?? "", dateOnly: parsed.dateOnly };
}

// ISO 8601 forms go to readMoment, the one moment parser; the lenient forms around it are this file's own.
function iso(text: string, zone: string, dateOnly: boolean): { moment: DateTime; dateOnly: boolean } | null {
  const read = readMoment(text, zone);
  return read.ok ? { moment: read.moment, dateOnly } : null;
}

function readTyped(typed: string, timezone: string, now: DateTime): { moment: DateTime; dateOnly: boolean } | null {
  // "2026-11-22 14:05 Z" and "2026-11-22 14:05:00 -08:00": an instant, whatever the configured zone.
  if (ISO_WITH_OFFSET.test(typed)) return iso(typed.replace(/^(\S+) (?=\d)/, "$1T").replace(/\s+/g, ""), timezone, false);
  let s = normalise(typed);
  if (/^(?:just )?now$/i.test(s)) return { moment: now.startOf("minute"), dateOnly: false };
  let zone = timezone;
  const zoneMatch = TRAILING_ZONE.exec(s);
  if (zoneMatch?.[1]) {
    const named = zoneName(zoneMatch[1]);
    if (!named) return null;
    zone = named;
    s = s.slice(0, zoneMatch.index);
  }
  const nowInZone = now.setZone(zone);
  const relative = RELATIVE_PREFIX.exec(s);
  if (relative?.[1]) {
    const day = relative[1].toLowerCase() === "today" ? nowInZone : nowInZone.minus({ days: 1 });
    const time = readTime(s.slice(relative[0].length));
    return time ? { moment: onDay(day, time), dateOnly: false } : null;
  }
  // ISO first, as it is what the form asks for: no time format can read an ISO date (Luxon anchors its formats and
  // every one begins with a 1- or 2-digit hour), so the order changes only how many formats are tried.
  const written = iso(s, zone, !/[T ]/i.test(s));
  if (written) return written;
  const time = readTime(s);
  if (time) {
    const today = onDay(nowInZone, time);
    // A bare time later than now (beyond the tolerance) can only mean the same time yesterday.
    const latest = nowInZone.plus({ minutes: FUTURE_TOLERANCE_MINUTES });
    return { moment: today > latest ? onDay(nowInZone.minus({ days: 1 }), time) : today, dateOnly: false };
  }
  for (const format of DATE_TIME_FORMATS) {
    const moment = DateTime.fromFormat(s, format, { zone, locale: "en-US" });
    if (moment.isValid) return { moment, dateOnly: false };
  }
  for (const format of DATE_FORMATS) {
    const moment = DateTime.fromFormat(s, format, { zone, locale: "en-US" });
    if (moment.isValid) return { moment: moment.startOf("day"), dateOnly: true };
  }
  return null;
}

// Parsed in UTC because only the clock fields are wanted: a zone's DST gap on the parser's own
// "today" must not shift them.
function readTime(s: string): { hour: number; minute: number; second: number } | null {
  for (const format of TIME_FORMATS) {
    const t = DateTime.fromFormat(s, format, { zone: "UTC", locale: "en-US" });
    if (t.isValid) return { hour: t.hour, minute: t.minute, second: t.second };
  }
  return null;
}

function onDay(day: DateTime, time: { hour: number; minute: number; second: number }): DateTime {
  return day.set({ hour: time.hour, minute: time.minute, second: time.second, millisecond: 0 });
}

// Commas, "at" and weekday names carry no information once the date is there; dropping them keeps
// the format list short. "p.m." and "pm" become "PM" because Luxon knows only the bare form.
function normalise(typed: string): string {
  return typed
    .replace(/,/g, " ")
    .replace(/\s+at\s+/gi, " ")
    .replace(/\b([ap])\.?m\.?(?=\s|$)/gi, (_m, p: string) => `${p.toUpperCase()}M`)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\.$/, "")
    .replace(WEEKDAY_PREFIX, "");
}

function zoneName(designator: string): string | null {
  const d = designator.toUpperCase();
  if (d === "UTC" || d === "GMT" || d === "Z") return "UTC";
  const offset = /^([+-])(\d{2}):?(\d{2})?$/.exec(designator);
  if (offset) return `UTC${offset[1]}${Number(offset[2])}${offset[3] && offset[3] !== "00" ? `:${offset[3]}` : ""}`;
  return isKnownZone(designator) ? designator : null;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, " ");
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
