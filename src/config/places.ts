import { closest } from "./suggest.js";
import { findPlace, type Place } from "../domain/places.js";

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
