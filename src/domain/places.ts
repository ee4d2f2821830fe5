import Holidays from "date-holidays";

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
