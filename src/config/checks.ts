import { IANAZone } from "luxon";
import { checkCalendar } from "./calendar-checks.js";
import { effectiveNumber, error, read, readString, warning, type CheckInput, type Finding } from "./check-input.js";
import { readMoment, zoneSpelling } from "../domain/working-days.js";
import { shiftedWallClock } from "./moment.js";
import { configSchema } from "./schema.js";
import { closest } from "./suggest.js";

// The defaults the schema fills in, so a check can compare against the value that will actually apply.
const DEFAULTS = {
  securityReview: configSchema.shape.securityReview.parse({}),
  patching: configSchema.shape.patching.parse({}),
  drill: configSchema.shape.drill.parse({}),
  timezone: configSchema.shape.timezone.parse(undefined),
};

function zoneSuggestion(written: string): string {
  const zones = Intl.supportedValuesOf("timeZone");
  const normal = written.trim().replace(/\s+/g, "_");
  // People often write just the city; the zone is named after it.
  const byCity = zones.filter((z) => z.split("/").pop()?.toLowerCase() === normal.toLowerCase());
  const guess = byCity.length === 1 ? byCity[0] : closest(normal, zones);
  return guess === undefined ? "" : ` Did you mean ${guess}?`;
}

function checkTimezone(input: CheckInput): Finding[] {
  const zone = readString(input, ["timezone"]);
  if (zone === undefined) return [];
  if (IANAZone.isValidZone(zone)) {
    const spelled = zoneSpelling(zone);
    return spelled === zone ? [] : [error(["timezone"], `${JSON.stringify(zone)} must be written ${spelled}: time zone names are matched exactly, capitals included.`)];
  }
  return [
    error(
      ["timezone"],
      `${JSON.stringify(zone)} is not a time zone.${zoneSuggestion(zone)} Use a name from the IANA time zone database, such as America/Los_Angeles, Europe/Berlin or UTC.`,
    ),
  ];
}

// The zone `oncall.start` is read in: the configured one when it is real, else UTC, so a bad zone is reported once.
function effectiveZone(input: CheckInput): string {
  const zone = readString(input, ["timezone"]);
  return zone !== undefined && IANAZone.isValidZone(zone) ? zone : DEFAULTS.timezone;
}

function checkStart(input: CheckInput): Finding[] {
  const start = readString(input, ["oncall", "start"]);
  if (start === undefined) return [];
  const zone = effectiveZone(input);
  const read = readMoment(start, zone);
  if (!read.ok) {
    return [error(["oncall", "start"], `${JSON.stringify(start)} is not a real moment (${read.reason}); write one such as 2026-01-05T09:00.`)];
  }
  const shifted = shiftedWallClock(start, zone);
  if (shifted === undefined) return [];
  return [
    warning(
      ["oncall", "start"],
      `${JSON.stringify(start)} does not exist in ${zone} because the clocks change then; Vigil reads it as ${shifted}. Pick a time outside the clock change to make the hand-off time explicit.`,
    ),
  ];
}

function checkOverrides(input: CheckInput): Finding[] {
  const overrides = read(input, ["oncall", "overrides"]);
  if (overrides.state !== "present" || !Array.isArray(overrides.value)) return [];
  return overrides.value.flatMap((_, index): Finding[] => {
    const from = readString(input, ["oncall", "overrides", index, "from"]);
    const to = readString(input, ["oncall", "overrides", index, "to"]);
    // Dates written YYYY-MM-DD (which the schema has already ensured) order correctly as text.
    if (from === undefined || to === undefined || from <= to) return [];
    const who = readString(input, ["oncall", "overrides", index, "login"]);
    return [
      error(
        ["oncall", "overrides", index],
        `The override${who ? ` for ${who.replace(/^@/, "")}` : ""} ends (to: ${to}) before it starts (from: ${from}); swap the two dates or correct them.`,
      ),
    ];
  });
}

function checkCadence(input: CheckInput, section: "securityReview" | "patching"): Finding[] {
  const every = effectiveNumber(input, [section, "everyWeeks"], DEFAULTS[section].everyWeeks);
  const max = effectiveNumber(input, [section, "maxWeeks"], DEFAULTS[section].maxWeeks);
  if (every === undefined || max === undefined || max.value >= every.value) return [];
  const maxText = `maxWeeks (${max.value}${max.defaulted ? ", the default" : ""})`;
  const everyText = `everyWeeks (${every.value}${every.defaulted ? ", the default" : ""})`;
  return [
    error(
      [section, "maxWeeks"],
      `The hard limit ${maxText} is shorter than the target ${everyText}, so the limit would pass before the target; set maxWeeks to at least ${every.value} or lower everyWeeks.`,
    ),
  ];
}

function checkDrill(input: CheckInput): Finding[] {
  const plans = read(input, ["drill", "plans"]);
  const perYear = effectiveNumber(input, ["drill", "perYear"], DEFAULTS.drill.perYear);
  if (plans.state !== "present" || !Array.isArray(plans.value) || perYear === undefined) return [];
  const count = plans.value.length;
  if (count === 0 || perYear.value <= count) return [];
  return [
    warning(
      ["drill", "perYear"],
      `perYear is ${perYear.value} but drill.plans lists only ${count}, so each drill can exercise only those ${count}; add plans or lower perYear.`,
    ),
  ];
}

/** Every check the schema cannot express: real time zone and places, sensible cadences, ordered dates. */
export function runChecks(input: CheckInput): Finding[] {
  return [
    ...checkTimezone(input),
    ...checkCalendar(input),
    ...checkStart(input),
    ...checkOverrides(input),
    ...checkCadence(input, "securityReview"),
    ...checkCadence(input, "patching"),
    ...checkDrill(input),
  ];
}
