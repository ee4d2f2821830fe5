import { DateTime } from "luxon";

// Written with an offset or Z, a moment names an instant; without one it is wall-clock time in the zone.
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/** Parses a configured moment such as `oncall.start`: local wall-clock time in `zone`, or an ISO 8601 instant. */
export function parseConfigMoment(text: string, zone: string): DateTime {
  // The schema allows a space between date and time, as people write it; ISO 8601 wants a T.
  return DateTime.fromISO(text.trim().replace(" ", "T"), { zone });
}

/**
 * For a local moment that does not exist in the zone (skipped by a clock change), the wall-clock time luxon moved it
 * to; undefined when the moment exists as written or carries its own offset.
 */
export function shiftedWallClock(text: string, zone: string): string | undefined {
  const trimmed = text.trim();
  if (HAS_OFFSET.test(trimmed) || trimmed.length < 16) return undefined;
  const moment = parseConfigMoment(trimmed, zone);
  if (!moment.isValid) return undefined;
  const written = trimmed.slice(0, 16).replace(" ", "T");
  const kept = moment.toFormat("yyyy-MM-dd'T'HH:mm");
  return kept === written ? undefined : kept;
}
