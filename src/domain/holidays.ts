import Holidays from "date-holidays";
import type { HolidaysTypes } from "date-holidays";
import type { DateTime } from "luxon";
import { findPlace, knownCountries, knownRegions, knownStates } from "./places.js";
import type { CalendarSettings } from "./settings.js";

/** The part of the calendar configuration that says whose public holidays apply. */
type HolidayPlace = Pick<CalendarSettings, "country" | "state" | "region">;

/** A date-holidays holiday type, e.g. "public" or "bank". */
type HolidayType = HolidaysTypes.HolidayType;

/** A holiday in effect at some moment: its name (English where date-holidays has one) and its type. */
interface HolidayInEffect {
  name: string;
  type: HolidayType;
}

/** The holidays of one place, restricted to some types, seen from one time zone. */
interface HolidaySource {
  /** The holidays whose [start, end) interval contains `moment`. */
  inEffectAt(moment: DateTime): HolidayInEffect[];
}

/** A configuration problem with the holiday place: which field, and a message saying how to fix it. */
interface HolidayPlaceProblem {
  field: "country" | "state" | "region";
  message: string;
}

interface Span {
  start: number;
  end: number;
  name: string;
  type: HolidayType;
}

// Building a date-holidays instance parses the country's rules, and listing a year evaluates all of
// them; both are pure functions of their inputs, so they are memoised for the life of the process.
const sources = new Map<string, HolidaySource>();

// date-holidays has no "en" name for some US holidays ("Labour Day"); its "en-us" names are the
// ones Americans use. Asking for en-<country> first is harmless where no such variant exists.
function languagesFor(country: string): string[] {
  return [`en-${country.toLowerCase()}`, "en"];
}

/** The memoised holidays of `place` of the given `types`, in `timezone`; null when no country is configured. */
export function holidaySource(place: HolidayPlace, types: readonly HolidayType[], timezone: string): HolidaySource | null {
  if (!place.country) return null;
  const sortedTypes = [...new Set(types)].sort();
  const key = [place.country, place.state ?? "", place.region ?? "", timezone, sortedTypes.join(",")].join("|");
  const cached = sources.get(key);
  if (cached) return cached;

  const hd = new Holidays(
    { country: place.country, state: place.state, region: place.region },
    { timezone, languages: languagesFor(place.country), types: sortedTypes },
  );
  const years = new Map<number, Span[]>();
  const spansOf = (year: number): Span[] => {
    let spans = years.get(year);
    if (!spans) {
      spans = hd.getHolidays(year).map((h) => ({ start: h.start.getTime(), end: h.end.getTime(), name: h.name, type: h.type }));
      years.set(year, spans);
    }
    return spans;
  };
  const source: HolidaySource = {
    inEffectAt(moment) {
      const t = moment.toMillis();
      // A holiday belongs to the year of its rule but may begin the evening before (Jewish holidays
      // start at sunset) or run past midnight, so the neighbouring years are consulted too.
      return [moment.year - 1, moment.year, moment.year + 1]
        .flatMap(spansOf)
        .filter((s) => t >= s.start && t < s.end)
        .map(({ name, type }) => ({ name, type }));
    },
  };
  sources.set(key, source);
  return source;
}

/** Whether date-holidays knows `place`; it silently falls back to the country for an unknown state, so this must be checked. */
export function holidayPlaceProblem(place: HolidayPlace): HolidayPlaceProblem | null {
  const { country, state, region } = place;
  if (!country) {
    if (state) return { field: "state", message: `state "${state}" needs a country as well, e.g. country US with state ${state}` };
    if (region) return { field: "region", message: `region "${region}" needs a country and a state as well` };
    return null;
  }
  if (!findPlace(knownCountries(), country)) {
    return { field: "country", message: `"${country}" is not a country date-holidays knows; use an ISO 3166-1 code such as US, GB or DE` };
  }
  if (!state) {
    return region ? { field: "region", message: `region "${region}" needs a state as well` } : null;
  }
  const states = knownStates(country).map((p) => p.code.toUpperCase());
  if (!states.includes(state.toUpperCase())) {
    const known = states.length ? `known codes: ${states.join(", ")}` : `date-holidays has no states for ${country}, so leave the state out`;
    return { field: "state", message: `"${state}" is not a state of ${country} that date-holidays knows; ${known}` };
  }
  if (!region) return null;
  const regions = knownRegions(country, state).map((p) => p.code.toUpperCase());
  if (!regions.includes(region.toUpperCase())) {
    const known = regions.length ? `known codes: ${regions.join(", ")}` : `date-holidays has no regions for ${country}-${state}, so leave the region out`;
    return { field: "region", message: `"${region}" is not a region of ${country}-${state} that date-holidays knows; ${known}` };
  }
  return null;
}
