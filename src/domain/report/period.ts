import { DateTime } from "luxon";

/** The period a report covers: instants (ISO, UTC) and the local dates they fall on in the repository's zone. */
export interface ReportPeriod {
  since: string;
  until: string;
  sinceDate: string;
  untilDate: string;
  timezone: string;
}

type Bound = { ok: true; instant: DateTime } | { ok: false; reason: string };

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
// An instant must name its offset: a local time without one would silently depend on the zone.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A `--since` / `--until` value: a date in the repository's zone (the start of that day for `since`, its end for
 * `until`, so `--until 2026-12-31` includes the 31st) or an ISO 8601 instant with its offset.
 */
export function parseBound(value: string, zone: string, edge: "start" | "end"): Bound {
  if (DATE_RE.test(value)) {
    const day = DateTime.fromISO(value, { zone });
    if (!day.isValid) return { ok: false, reason: `${JSON.stringify(value)} is not a calendar date` };
    return { ok: true, instant: edge === "start" ? day.startOf("day") : day.endOf("day") };
  }
  if (INSTANT_RE.test(value)) {
    const at = DateTime.fromISO(value, { setZone: true });
    if (at.isValid) return { ok: true, instant: at };
  }
  return { ok: false, reason: `${JSON.stringify(value)} is neither a date (YYYY-MM-DD) nor an ISO 8601 instant with an offset (2026-12-01T09:00:00Z)` };
}

/** The period from two bounds; an error when it is empty. */
export function makePeriod(since: DateTime, until: DateTime, zone: string): ReportPeriod | { error: string } {
  if (until <= since) return { error: `the period is empty: ${since.toISO()} is not before ${until.toISO()}` };
  return {
    since: since.toUTC().toISO() as string,
    until: until.toUTC().toISO() as string,
    sinceDate: since.setZone(zone).toISODate() as string,
    untilDate: until.setZone(zone).toISODate() as string,
    timezone: zone,
  };
}
