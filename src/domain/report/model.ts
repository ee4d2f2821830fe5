import type { Finding } from "../evidence/verify.js";
import type { Severity } from "../severity.js";
import type { ReportPeriod } from "./period.js";

/** Why an incident is in the period: declared in it, else resolved (or closed) in it, else open throughout it. */
export type InPeriod = "declared" | "resolved" | "open";

/** The post-mortem's deadline and whether it was met. */
export interface PostmortemRow {
  pr: number | null;
  url: string | null;
  mergedAt: string | null;
  /** The due date the pull request's marker states (YYYY-MM-DD); null before resolution or without a pull request. */
  due: string | null;
  /** Working days late: at the merge, or at the period's end while unmerged; 0 on time; null when not due yet. */
  daysLate: number | null;
  status: "on time" | "late" | "overdue" | "pending" | "none";
}

export interface IncidentRow {
  number: number;
  title: string;
  url: string;
  severity: Severity | null;
  inPeriod: InPeriod;
  state: "open" | "resolved" | "closed as not planned";
  declaredAt: string;
  resolvedAt: string | null;
  postmortem: PostmortemRow;
  ledger: { head: string; entries: number; findings: readonly Finding[] };
}

export type RecurringKind = "security-review" | "patching" | "ir-drill";

export interface RecurringRow {
  number: number;
  title: string;
  url: string;
  /** The period date its marker names. */
  date: string;
  /** Local date it was closed as completed by a person; null when it was not. */
  completed: string | null;
  status: "completed" | "superseded" | "open" | "closed";
  /** Days since the previous completion of its kind; null for the first on record or when not completed. */
  intervalDays: number | null;
  /** Completed before the next one was due (its date + the target interval). */
  targetMet: boolean;
  /** The interval stayed within the hard limit; null when there is no limit or nothing to measure. */
  limitMet: boolean | null;
}

/** A stretch between two completions (or from the last one to the period's end). */
export interface Gap {
  from: string;
  to: string;
  days: number;
  overLimit: boolean;
  /** Whether it ends at the period's end rather than at a completion. */
  open: boolean;
}

export interface RecurringSection {
  kind: RecurringKind;
  everyWeeks: number;
  maxWeeks: number | null;
  rows: readonly RecurringRow[];
  /** Gaps that reach into the period. */
  gaps: readonly Gap[];
  longestGapDays: number | null;
}

export interface PullRow {
  number: number;
  title: string;
  url: string;
  mergedAt: string;
  threats: readonly string[];
  /** Vigil's check run on the merged head concluded `success`. */
  scrutinised: boolean;
  /** The conclusion of Vigil's check run on the merged head, or null when it has none. */
  conclusion: string | null;
}

export interface Totals {
  incidents: number;
  bySeverity: Readonly<Record<string, number>>;
  /** Post-mortems whose deadline has passed or which were merged with one: the denominator of the share. */
  postmortemsJudged: number;
  postmortemsOnTime: number;
  /** Percentage, rounded; null when none was judged. */
  onTimePercent: number | null;
  longestReviewGapDays: number | null;
  longestPatchingGapDays: number | null;
  integrityFindings: number;
  threatPulls: number;
  threatPullsScrutinised: number;
}

/** The evidence report (SPEC 2.12) as plain values: every renderer reads this and nothing else. */
export interface ReportModel {
  repo: string;
  period: ReportPeriod;
  incidents: readonly IncidentRow[];
  recurring: readonly RecurringSection[];
  pulls: readonly PullRow[];
  pullsTruncated: boolean;
  totals: Totals;
}
