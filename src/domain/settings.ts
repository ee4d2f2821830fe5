// The settings the domain decides with, as plain types. The configuration (src/config) reads and validates a
// repository's file into a value of these shapes; the domain never imports from src/config.

/** Weekday names as written in `calendar.workingDays`, Monday first (index = luxon weekday - 1). */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** One of WEEKDAYS. */
type Weekday = (typeof WEEKDAYS)[number];

/** date-holidays holiday types a calendar can count as non-working. */
export const HOLIDAY_TYPES = ["public", "bank", "school", "optional", "observance"] as const;

/** The working-day calendar: whose public holidays apply, which weekdays work, and company holidays. */
export interface CalendarSettings {
  /** ISO 3166 country code, upper case; absent for weekends only. */
  country?: string | undefined;
  state?: string | undefined;
  region?: string | undefined;
  holidayTypes: readonly (typeof HOLIDAY_TYPES)[number][];
  workingDays: readonly Weekday[];
  /** Company holidays, `YYYY-MM-DD`. */
  extraHolidays: readonly string[];
}

/** A dated replacement of the on-call primary: inclusive local dates `YYYY-MM-DD`. */
export interface OncallOverride {
  login: string;
  from: string;
  to: string;
}

/** The people: weekly rotation, its overrides and the escalation chain. */
export interface OncallSettings {
  /** GitHub logins, in order, without `@`. */
  rotation: readonly string[];
  /** When the first person starts: local wall-clock moment in the time zone, or an ISO instant. */
  start: string;
  overrides: readonly OncallOverride[];
  securityOfficer: string;
  /** Logins (without `@`) and `@org/team` slugs paged on grave incidents. */
  escalate: readonly string[];
}

/** The GitHub Project (v2) incidents are added to, and the names of its single-select fields. */
export interface ProjectSettings {
  owner: string;
  number: number;
  fields: { severity: string; status: string };
}

/** Post-mortem pull requests and their deadline. */
export interface PostmortemSettings {
  workingDays: number;
  /** Logins and `@org/team` names. */
  reviewers: readonly string[];
  reviewAfterWeeks: number;
  forNotPlanned: boolean;
}

/** One kind of recurring work (SPEC 2.4). */
export interface RecurringSettings {
  enabled: boolean;
  everyWeeks: number;
  maxWeeks: number;
  assignees: readonly string[];
}

/** A top threat (SPEC 2.14); without paths and patterns it is a name for security reviews only. */
export interface TopThreatSettings {
  name: string;
  /** Globs over changed file paths. */
  paths: readonly string[];
  /** RE2 regular expressions over added lines. */
  patterns: readonly string[];
  checklist: readonly string[];
}

/** Everything the domain reads from a repository's configuration. */
export interface VigilSettings {
  /** IANA time zone for deadlines and timestamps. */
  timezone: string;
  calendar: CalendarSettings;
  oncall: OncallSettings;
  project?: ProjectSettings | undefined;
  /** Whether incident details may be written in a public repository. */
  allowPublic: boolean;
  postmortem: PostmortemSettings;
  /** Reviewers added when a post-mortem also changes a response plan. */
  plans: { reviewers: readonly string[] };
  securityReview: RecurringSettings & {
    topThreats: readonly TopThreatSettings[];
    checklist: readonly string[];
    /** Logins and `@org/team` names whose approval clears a pull request touching a top threat. */
    reviewers: readonly string[];
  };
  patching: RecurringSettings & { systems: readonly string[] };
  drill: { enabled: boolean; month: number; perYear: number; plans: readonly string[] };
}
