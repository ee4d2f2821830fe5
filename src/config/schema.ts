import { z } from "zod";
import { LOGIN_RE, TEAM_RE } from "../domain/sanitize.js";
import { globProblem, patternProblem } from "../domain/scrutiny/patterns.js";
import { HOLIDAY_TYPES, WEEKDAYS } from "../domain/settings.js";
import { MOMENT_PATTERN } from "../domain/working-days.js";

/** Where a repository keeps its Vigil configuration, relative to `.github/`. */
const CONFIG_FILE_NAME = "incident-response.yml";
/** The configuration file's path in a repository. */
export const CONFIG_PATH = `.github/${CONFIG_FILE_NAME}`;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date written `YYYY-MM-DD`. */
const isoDate = z
  .string()
  .regex(DATE_RE, "must be a date written YYYY-MM-DD, for example 2026-12-24")
  // Only a well-formed date can be checked against the calendar; the regex has already said what is wrong otherwise.
  .refine((value) => !DATE_RE.test(value) || isRealDate(value), "is not a real calendar date; check the month and the day");

/** The range of `postmortem.workingDays`, which `vigil deadline --days` shares. */
export const POSTMORTEM_DAYS = { min: 1, max: 30 } as const;

/** A GitHub user login; a leading `@` is accepted and dropped. */
const login = z
  .string()
  .transform((s) => s.trim().replace(/^@/, ""))
  .pipe(z.string().regex(LOGIN_RE, "must be a GitHub user login such as alice (letters, digits and single hyphens)"));

/** A GitHub user login or an `@org/team` slug; users are stored without `@`, teams keep it. */
const userOrTeam = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z.union([
      z.string().startsWith("@").regex(TEAM_RE),
      z
        .string()
        .transform((s) => s.replace(/^@/, ""))
        .pipe(z.string().regex(LOGIN_RE)),
    ], { error: "must be a GitHub login such as alice or a team such as @my-org/security" }),
  );

const calendarSchema = z.strictObject({
  country: z.string().trim().toUpperCase().optional().describe("ISO 3166 country code for public holidays, e.g. US; omit for weekends only"),
  state: z.string().trim().toUpperCase().optional().describe("State or province code within the country, e.g. CA"),
  region: z.string().trim().toUpperCase().optional().describe("Region within the state, where date-holidays knows one"),
  holidayTypes: z
    .array(z.enum(HOLIDAY_TYPES))
    .default(["public"])
    .describe("date-holidays types that make a day non-working"),
  workingDays: z
    .array(z.enum(WEEKDAYS))
    .min(1, "needs at least one working day, for example [mon, tue, wed, thu, fri]")
    .default(["mon", "tue", "wed", "thu", "fri"])
    .describe("Weekdays that are working days"),
  extraHolidays: z.array(isoDate).default([]).describe("Company holidays, YYYY-MM-DD"),
});

const overrideSchema = z.strictObject({
  login: login.describe("Who is on call instead"),
  from: isoDate.describe("First day of the override, inclusive, in the configured time zone"),
  to: isoDate.describe("Last day of the override, inclusive"),
});

const oncallSchema = z.strictObject({
  rotation: z.array(login).min(1, "needs at least one GitHub login, for example [alice, bob, carol]").describe("Weekly rotation of GitHub logins, in order"),
  start: z
    .string()
    .regex(MOMENT_PATTERN, "must be a moment such as 2026-01-05T09:00 (local time in the configured time zone) or 2026-01-05T09:00:00Z")
    .default("2024-01-01T09:00")
    .describe("When the first person in the rotation starts; each hand-off is a week later"),
  overrides: z.array(overrideSchema).default([]).describe("Dated replacements of the primary (vacations, swaps)"),
  securityOfficer: login.describe("The Security Officer: last in every escalation chain"),
  escalate: z.array(userOrTeam).default([]).describe("Teams or people mentioned on Emergency and Sev0 incidents"),
});

const projectSchema = z.strictObject({
  owner: z.string().min(1).describe("Organisation or user that owns the GitHub Project (v2)"),
  number: z.number().int().positive().describe("The Project's number, as in its URL"),
  fields: z
    .strictObject({
      severity: z.string().min(1).default("Severity").describe("Single-select field that follows the incident's severity"),
      status: z.string().min(1).default("Status").describe("Single-select field that follows the incident's status"),
    })
    .default({ severity: "Severity", status: "Status" })
    .describe("Names of the single-select fields Vigil keeps in step"),
});

const postmortemSchema = z.strictObject({
  workingDays: z.number().int().min(POSTMORTEM_DAYS.min).max(POSTMORTEM_DAYS.max).default(3).describe("Working days after resolution until the post-mortem is due"),
  reviewers: z.array(userOrTeam).default([]).describe("Reviewers requested on post-mortem pull requests"),
  reviewAfterWeeks: z.number().int().min(1).max(52).default(4).describe("Weeks after the merge when the post-mortem review is due"),
  forNotPlanned: z.boolean().default(false).describe("Open a post-mortem also for incidents closed as not planned"),
});

const plansSchema = z.strictObject({
  reviewers: z.array(userOrTeam).default([]).describe("Also asked to review a post-mortem pull request that changes .github/incident-plans/*.md"),
});

const DEFAULT_THREATS = [
  "Broken access control",
  "Injection (SQL, command, XSS)",
  "Authentication failures and credential stuffing",
  "Vulnerable and outdated dependencies",
  "Security misconfiguration",
  "Sensitive data exposure",
];
const DEFAULT_REVIEW_CHECKLIST = [
  "Examine every significant change merged since the last review",
  "Review the list of top threats",
  "Track progress on defenses identified by earlier reviews",
  "Review access grants and remove those no longer needed",
];

// A message fragment from a checker: zod shows it after the value ("\"a(\" is not a regular expression …").
const checkedBy = (problem: (value: string) => string | null) => (value: string, ctx: z.RefinementCtx) => {
  const message = problem(value);
  if (message !== null) ctx.addIssue({ code: "custom", message, input: value });
};

/** A top threat with what makes a pull request touch it (SPEC 2.14). */
const threatObject = z.strictObject({
  name: z.string().trim().min(1).max(40).describe("The threat's name; pull requests that touch it get the label `security: <name>`"),
  paths: z.array(z.string().min(1).superRefine(checkedBy(globProblem))).max(100).default([]).describe("Globs over changed file paths, e.g. web/**/*.tsx"),
  patterns: z.array(z.string().min(1).superRefine(checkedBy(patternProblem))).max(50).default([]).describe("Regular expressions (RE2 syntax) over added lines, e.g. dangerouslySetInnerHTML"),
  checklist: z.array(z.string().min(1)).max(50).default([]).describe("What a reviewer checks on a pull request touching this threat"),
});

/** A name alone (walked through by security reviews, never matched on pull requests), or the object form. */
const topThreat = z
  .union([z.string().trim().min(1).max(40), threatObject], { error: "must be a threat's name, or { name, paths, patterns, checklist }" })
  .transform((t) => (typeof t === "string" ? { name: t, paths: [] as string[], patterns: [] as string[], checklist: [] as string[] } : t));

const securityReviewSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("File recurring security review issues"),
  everyWeeks: z.number().int().min(1).max(52).default(4).describe("Target interval between security reviews"),
  maxWeeks: z.number().int().min(1).max(104).default(8).describe("Hard limit between security reviews"),
  topThreats: z.array(topThreat).default(DEFAULT_THREATS.map((name) => ({ name, paths: [], patterns: [], checklist: [] }))).describe("Top threats every review walks through; with paths or patterns, pull requests touching one get extra scrutiny"),
  reviewers: z.array(userOrTeam).default([]).describe("Who approves a pull request touching a top threat (logins and @org/team); asked to review it"),
  checklist: z.array(z.string().min(1)).default(DEFAULT_REVIEW_CHECKLIST).describe("Standing checklist of every review"),
  assignees: z.array(login).default([]).describe("Assigned to each review; empty: the on-call primary"),
});

const patchingSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("File recurring OS patching issues"),
  everyWeeks: z.number().int().min(1).max(52).default(1).describe("Target interval between patching rounds"),
  maxWeeks: z.number().int().min(1).max(104).default(2).describe("Hard limit between patching rounds"),
  systems: z
    .array(z.string().min(1))
    .min(1, "needs at least one system to patch, for example [production, development]")
    .default(["production", "development"])
    .describe("Systems patched each round; each becomes a checklist item"),
  assignees: z.array(login).default([]).describe("Assigned to each patching round; empty: the on-call primary"),
});

const drillSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("File the yearly incident-response drill issue"),
  month: z.number().int().min(1).max(12).default(3).describe("Month of the yearly drill, 1-12"),
  perYear: z.number().int().min(1).default(2).describe("How many response plans each drill exercises"),
  plans: z.array(z.string().min(1)).default([]).describe("Names of the scenario-specific response plans"),
});

/** The whole `.github/incident-response.yml`, with defaults for everything but the people. */
export const configSchema = z.strictObject({
  timezone: z.string().default("UTC").describe("IANA time zone for deadlines and timestamps, e.g. America/Los_Angeles"),
  calendar: calendarSchema.prefault({}).describe("Working-day calendar for deadlines"),
  oncall: oncallSchema.describe("The people: weekly on-call rotation and escalation chain"),
  project: projectSchema.optional().describe("GitHub Project (v2) that incidents are added to"),
  plans: plansSchema.prefault({}).describe("Scenario-specific response plans in .github/incident-plans/"),
  postmortem: postmortemSchema.prefault({}).describe("Post-mortem pull requests and their deadline"),
  securityReview: securityReviewSchema.prefault({}).describe("Recurring holistic security review"),
  patching: patchingSchema.prefault({}).describe("Recurring OS patching"),
  drill: drillSchema.prefault({}).describe("Yearly incident-response drill"),
  allowPublic: z.boolean().default(false).describe("Allow incident details in a public repository"),
});

/**
 * The effective, fully defaulted configuration. It is a VigilSettings (src/domain/settings.ts), the shape the domain
 * decides with; tests/config/settings.test.ts holds that in place.
 */
export type VigilConfig = z.output<typeof configSchema>;
