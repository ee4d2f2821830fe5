import type { ObservedComment } from "../incident/observation.js";
import type { Author } from "../../markers/identity.js";

/** A recurring issue (security review, patching, drill) as observe reads it. */
export interface RecurringIssue {
  number: number;
  title: string;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | null;
  createdAt: string;
  closedAt: string | null;
  /** Who closed it last; null while open or unknown. */
  closedBy: Author | null;
  body: string;
  url: string;
  author: Author;
  labels: readonly string[];
  milestone: { number: number; title: string; openIssues: readonly { number: number; title: string; url: string }[] } | null;
  /** The latest comments (Vigil's nudges among them). */
  comments: readonly ObservedComment[];
}

/** What a repository holds for its recurring work. */
export interface ObservedRecurring {
  /** Open Dependabot alerts; null when the app may not read them. */
  dependabotAlerts: number | null;
  milestones: readonly { number: number; title: string; state: "open" | "closed" }[];
  reviews: readonly RecurringIssue[];
  patching: readonly RecurringIssue[];
  drills: readonly RecurringIssue[];
  /** Open post-mortem review issues: defenses still being put in place. */
  postmortemReviews: readonly { number: number; title: string; url: string }[];
  /** The files of `.github/incident-plans/`. */
  plans: readonly { file: string; text: string }[];
  /** The most recently updated merged pull requests (one page), and whether there are more. */
  recentMerged: { pulls: readonly (MergedPull & { updatedAt: string })[]; more: boolean };
}

/** A merged pull request, for the security review's list of changes. */
export interface MergedPull {
  number: number;
  title: string;
  url: string;
  mergedAt: string;
  labels: readonly string[];
}
