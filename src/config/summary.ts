import { findPlace, knownCountries, knownRegions, knownStates } from "../domain/places.js";
import type { CalendarSettings } from "../domain/settings.js";
import type { VigilConfig } from "./schema.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function list(items: readonly string[], none = "none"): string {
  return items.length === 0 ? none : items.join(", ");
}

function weeks(n: number): string {
  return n === 1 ? "week" : `${n} weeks`;
}

function place(calendar: CalendarSettings): string {
  const { country, state, region } = calendar;
  if (country === undefined) return "no public holidays (weekends and extra holidays only)";
  const parts = [findPlace(knownCountries(), country)?.name ?? country];
  if (state !== undefined) parts.push(findPlace(knownStates(country), state)?.name ?? state);
  if (state !== undefined && region !== undefined) parts.push(findPlace(knownRegions(country, state), region)?.name ?? region);
  const codes = [country, state, region].filter((c) => c !== undefined).join("-");
  return `${parts.join(", ")} (${codes}); ${list(calendar.holidayTypes)} holidays`;
}

/** A readable account of the effective configuration, one setting per line, as `vigil check-config` prints it. */
export function summarizeConfig(config: VigilConfig): string {
  const { calendar, oncall, project, postmortem, securityReview, patching, drill } = config;
  const rows: Array<[string, string]> = [
    ["Time zone", config.timezone],
    ["Calendar", place(calendar)],
    ["Working days", list(calendar.workingDays)],
    ["Extra holidays", list(calendar.extraHolidays)],
    ["On-call rotation", `${oncall.rotation.join(" -> ")}, weekly from ${oncall.start} (${config.timezone})`],
    ["Overrides", list(oncall.overrides.map((o) => `${o.login} ${o.from} to ${o.to}`))],
    ["Security Officer", oncall.securityOfficer],
    ["Escalate to", list(oncall.escalate)],
    ["Project", project ? `${project.owner} #${project.number} (fields ${project.fields.severity}, ${project.fields.status})` : "none"],
    [
      "Post-mortem",
      `due ${postmortem.workingDays} working day${postmortem.workingDays === 1 ? "" : "s"} after resolution; review ${postmortem.reviewAfterWeeks} week${postmortem.reviewAfterWeeks === 1 ? "" : "s"} after merge; ${postmortem.forNotPlanned ? "also" : "not"} for incidents closed as not planned`,
    ],
    ["Reviewers", list(postmortem.reviewers)],
    [
      "Security review",
      securityReview.enabled
        ? `every ${weeks(securityReview.everyWeeks)}, at most ${weeks(securityReview.maxWeeks)} apart`
        : "off",
    ],
    // Threats and checklist items may contain commas themselves (the defaults do), so semicolons separate them.
    ["Top threats", securityReview.topThreats.map((t) => t.name).join("; ") || "none"],
    ["Review checklist", securityReview.checklist.join("; ") || "none"],
    ["Patching", patching.enabled ? `every ${weeks(patching.everyWeeks)}, at most ${weeks(patching.maxWeeks)} apart; systems ${list(patching.systems)}` : "off"],
    [
      "Drill",
      drill.enabled
        ? `yearly in ${MONTHS[drill.month - 1] ?? drill.month}, ${drill.perYear} plan${drill.perYear === 1 ? "" : "s"} each; plans ${list(drill.plans)}`
        : "off",
    ],
    ["Public repositories", config.allowPublic ? "incident details allowed (allowPublic: true)" : "incident details refused"],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n");
}
