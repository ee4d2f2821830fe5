import { error, readString, type CheckInput, type Finding } from "./check-input.js";
import { findPlace, knownCountries, knownRegions, knownStates, type Place } from "../domain/places.js";
import { guessPlace } from "./places.js";

// Listing every code is helpful while the list fits on a line or two; beyond that it buries the message.
const LIST_LIMIT = 60;

function suggestion(places: readonly Place[], written: string): string {
  const guess = guessPlace(places, written);
  return guess === undefined ? "" : ` Did you mean ${guess.code} (${guess.name})?`;
}

function choices(kind: string, places: readonly Place[]): string {
  return places.length <= LIST_LIMIT ? ` Known ${kind}: ${places.map((p) => p.code).join(", ")}.` : "";
}

// The schema trims and upper-cases codes, so the checks compare what the schema will keep.
function code(text: string): string {
  return text.trim().toUpperCase();
}

/** Checks that the country, state and region are ones date-holidays knows, nesting included. */
export function checkCalendar(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  const country = readString(input, ["calendar", "country"]);
  const state = readString(input, ["calendar", "state"]);
  const region = readString(input, ["calendar", "region"]);
  const countries = knownCountries();
  const countryPlace = country === undefined ? undefined : findPlace(countries, code(country));
  if (country !== undefined && countryPlace === undefined) {
    findings.push(
      error(
        ["calendar", "country"],
        `${JSON.stringify(country)} is not a country Vigil has holidays for.${suggestion(countries, country)} Use an ISO 3166 two-letter code such as US, GB or DE, or remove country to count only weekends and extraHolidays as non-working.`,
      ),
    );
  }
  if (state !== undefined && country === undefined) {
    findings.push(error(["calendar", "state"], `state ${JSON.stringify(state)} needs a country; add calendar.country, for example country: US.`));
  }
  if (state !== undefined && countryPlace !== undefined) {
    const states = knownStates(countryPlace.code);
    if (states.length === 0) {
      findings.push(error(["calendar", "state"], `Vigil knows no states or provinces of ${countryPlace.name}; remove state and its national holidays apply.`));
    } else if (!findPlace(states, code(state))) {
      findings.push(
        error(
          ["calendar", "state"],
          `${JSON.stringify(state)} is not a state or province of ${countryPlace.name} that Vigil has holidays for.${suggestion(states, state)} Use its code.${choices("codes", states)}`,
        ),
      );
    }
  }
  if (region !== undefined && state === undefined) {
    findings.push(error(["calendar", "region"], `region ${JSON.stringify(region)} needs a state; add calendar.state as well.`));
  }
  const statePlace = state !== undefined && countryPlace !== undefined ? findPlace(knownStates(countryPlace.code), code(state)) : undefined;
  if (region !== undefined && countryPlace !== undefined && statePlace !== undefined) {
    const regions = knownRegions(countryPlace.code, statePlace.code);
    if (regions.length === 0) {
      findings.push(error(["calendar", "region"], `Vigil knows no regions of ${statePlace.name}; remove region and the state's holidays apply.`));
    } else if (!findPlace(regions, code(region))) {
      findings.push(
        error(
          ["calendar", "region"],
          `${JSON.stringify(region)} is not a region of ${statePlace.name} that Vigil has holidays for.${suggestion(regions, region)} Use its code.${choices("codes", regions)}`,
        ),
      );
    }
  }
  return findings;
}
