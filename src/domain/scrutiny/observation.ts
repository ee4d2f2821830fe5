import type { Author } from "../../markers/identity.js";

// What observe reads for top-threat scrutiny on one pull request (SPEC 2.14), as plain values.

/** A changed file; `patch` is null when GitHub sent no diff (too large, or binary). */
export interface PullFile {
  path: string;
  patch: string | null;
}

/** A submitted review. `commitOid` is the head it was given on. */
export interface ObservedReview {
  author: Author;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  commitOid: string | null;
  submittedAt: string | null;
}

/** A check run on the head commit, with the slug of the app that made it (null when GitHub does not say). */
export interface ObservedCheckRun {
  id: number;
  appSlug: string | null;
  name: string;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  /** What Vigil stored with its run: the reviewsDigest it was decided from. */
  externalId: string | null;
}

/** A pull request as scrutiny sees it. */
export interface ObservedPull {
  number: number;
  state: "open" | "closed" | "merged";
  isDraft: boolean;
  headOid: string;
  author: Author;
  /** Whether the head branch lives in another repository (a fork): read through the API only. */
  fromFork: boolean;
  labels: string[];
  /** The repository's labels, to create a threat's label with its colour once. */
  repoLabels: string[];
  comments: { id: number; body: string; author: Author; createdAt: string }[];
  reviews: ObservedReview[];
  /** Pending review requests: logins, and teams as `org/slug`. */
  requested: { users: string[]; teams: string[] };
  checkRuns: ObservedCheckRun[];
  /** How many files GitHub says the pull request changes (its files list stops at 3,000). */
  changedFiles: number;
}
