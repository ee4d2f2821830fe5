import { readMoment } from "../domain/working-days.js";

// Written with an offset or Z, a moment names an instant; without one it is wall-clock time in the zone.
// Moments are read by the on-call code's own parser, so what validation accepts is what on-call reads.
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * For a local moment that does not exist in the zone (skipped by a clock change), the wall-clock time luxon moved it
 * to; undefined when the moment exists as written or carries its own offset.
 */
export function shiftedWallClock(text: string, zone: string): string | undefined {
  const trimmed = text.trim();
  if (HAS_OFFSET.test(trimmed) || trimmed.length < 16) return undefined;
  const read = readMoment(trimmed, zone);
  if (!read.ok) return undefined;
  const moment = read.moment;
  const written = trimmed.slice(0, 16).replace(" ", "T");
  const kept = moment.toFormat("yyyy-MM-dd'T'HH:mm");
  return kept === written ? undefined : kept;
}
