import Holidays from "date-holidays";
import { closest } from "./suggest.js";

// One instance answers every look-up: the holiday data is static, so sharing it caches nothing that can go stale.
const holidays = new Holidays();

/** A named area that date-holidays knows: a country, a state within it, or a region within a state. */
export interface Place {
  code: string;
  name: string;
}

function toPlaces(map: Record<string, string> | undefined): Place[] {
  return Object.entries(map ?? {}).map(([code, name]) => ({ code, name }));
}

/** Countries date-holidays knows, by ISO 3166-1 code. */
export function knownCountries(): Place[] {
  return toPlaces(holidays.getCountries());
}

/** States or provinces date-holidays knows within a country (none for many countries). */
export function knownStates(country: string): Place[] {
  return toPlaces(holidays.getStates(country));
}

/** Regions date-holidays knows within a state. */
export function knownRegions(country: string, state: string): Place[] {
  return toPlaces(holidays.getRegions(country, state));
}

/** The place with this code, if any (codes are compared as the schema normalises them: upper case). */
export function findPlace(places: readonly Place[], code: string): Place | undefined {
  return places.find((p) => p.code.toUpperCase() === code.toUpperCase());
}

// Common names people write for a country that are not its ISO code.
const COUNTRY_ALIASES: Record<string, string> = { UK: "GB", USA: "US", UAE: "AE", ENGLAND: "GB", HOLLAND: "NL" };

/** The place a user probably meant when they wrote a name, an alias or a near miss instead of a code. */
export function guessPlace(places: readonly Place[], written: string): Place | undefined {
  const text = written.trim();
  const alias = COUNTRY_ALIASES[text.toUpperCase()];
  if (alias !== undefined) {
    const aliased = findPlace(places, alias);
    if (aliased) return aliased;
  }
  const byName = closest(text, places.map((p) => p.name));
  if (byName !== undefined) return places.find((p) => p.name === byName);
  const byCode = closest(text, places.map((p) => p.code));
  return byCode === undefined ? undefined : findPlace(places, byCode);
}
