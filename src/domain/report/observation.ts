import type { ObservedIssue, ObservedPull } from "../incident/observation.js";
import type { RecurringIssue } from "../recurring/observation.js";

/** One incident as a report reads it: the issue with every comment, and its post-mortem pull requests. */
export interface ReportIncident {
  issue: ObservedIssue;
  pulls: readonly ObservedPull[];
}

/** A recurring issue as a report reads it (the fields that date it and say who closed it). */
export type ReportRecurringIssue = Pick<RecurringIssue, "number" | "title" | "url" | "state" | "stateReason" | "createdAt" | "closedAt" | "closedBy" | "body" | "author">;

/** A check run on a pull request's head, with the slug of the app that made it. */
export interface ReportCheckRun {
  app: string;
  name: string;
  conclusion: string | null;
}

/** A merged pull request with its labels and the check runs on its head. */
export interface ReportPull {
  number: number;
  title: string;
  url: string;
  mergedAt: string;
  labels: readonly string[];
  headOid: string;
  checkRuns: readonly ReportCheckRun[];
}

/** Everything a report is built from, read once. */
export interface ReportObservation {
  repo: { owner: string; name: string };
  incidents: readonly ReportIncident[];
  recurring: { reviews: readonly ReportRecurringIssue[]; patching: readonly ReportRecurringIssue[]; drills: readonly ReportRecurringIssue[] };
  /** Pull requests merged in the period (more may exist when `pullsTruncated`). */
  pulls: readonly ReportPull[];
  pullsTruncated: boolean;
}
