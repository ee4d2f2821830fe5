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

// Every delivery checks the configured place, and listing walks all of date-holidays' data: each list is built once.
// The keys are places a configuration named; past LISTS_MAX (a typo-ridden fleet) lists are built and not kept.
const lists = new Map<string, readonly Place[]>();
const LISTS_MAX = 5_000;

function listed(key: string, list: () => Record<string, string> | undefined): readonly Place[] {
  let places = lists.get(key);
  if (!places) {
    places = Object.freeze(toPlaces(list()).map((p) => Object.freeze(p)));
    if (lists.size < LISTS_MAX) lists.set(key, places);
  }
  return places;
}

/** Countries date-holidays knows, by ISO 3166-1 code. */
export function knownCountries(): readonly Place[] {
  return listed("", () => holidays.getCountries());
}

/** States or provinces date-holidays knows within a country (none for many countries). */
export function knownStates(country: string): readonly Place[] {
  return listed(country, () => holidays.getStates(country));
}

/** Regions date-holidays knows within a state. */
export function knownRegions(country: string, state: string): readonly Place[] {
  return listed(`${country}\u0000${state}`, () => holidays.getRegions(country, state));
}

/** The place with this code, if any (codes are compared as the schema normalises them: upper case). */
export function findPlace(places: readonly Place[], code: string): Place | undefined {
  return places.find((p) => p.code.toUpperCase() === code.toUpperCase());
}
