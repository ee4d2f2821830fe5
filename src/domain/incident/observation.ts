import type { Author } from "../../markers/identity.js";

// What observe reads from GitHub for one incident, as plain values. The planner decides from these
// alone: a webhook payload is only a hint about which issue to look at.

/** A comment on an issue. */
export interface ObservedComment {
  id: number;
  body: string;
  author: Author;
  createdAt: string;
  url: string;
  /** Whether it was edited after it was posted (GitHub keeps the history). */
  edited?: boolean;
  /** Who edited it last; null or absent when nobody has. */
  editor?: Author | null;
}

/** A project item of the issue and its single-select values (field id → option id). */
export interface ObservedProjectItem {
  id: string;
  projectId: string;
  values: Readonly<Record<string, string>>;
}

/** An issue as it is now. */
export interface ObservedIssue {
  number: number;
  nodeId: string;
  title: string;
  body: string;
  url: string;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | null;
  createdAt: string;
  closedAt: string | null;
  author: Author;
  labels: readonly string[];
  assignees: readonly string[];
  projectItems: readonly ObservedProjectItem[];
  /** Every comment, oldest first (all pages). */
  comments: readonly ObservedComment[];
}

/** The repository, read afresh on every run (its visibility may have changed since the incident began). */
export interface ObservedRepo {
  owner: string;
  name: string;
  isPublic: boolean;
  /** Names of the labels the repository has. */
  labels: readonly string[];
  /** The repository's own incident form, or null when it has none. */
  formText: string | null;
}

/** A Project (v2) with its single-select fields. */
export interface ObservedProject {
  id: string;
  fields: readonly { id: string; name: string; options: readonly { id: string; name: string }[] }[];
}

/** A pull request as observe reads it (the post-mortem's). */
export interface ObservedPull {
  number: number;
  nodeId: string;
  state: "open" | "closed" | "merged";
  mergedAt: string | null;
  createdAt: string;
  url: string;
  body: string;
  author: Author;
  labels: readonly string[];
  /** Paths the pull request changes (first 100). */
  files: readonly string[];
  /** Every comment, oldest first. */
  comments: readonly ObservedComment[];
}

/** What the repository holds for an incident's post-mortem. */
export interface ObservedPostmortem {
  /** The default branch and its head commit; null for an empty repository. */
  defaultBranch: { name: string; oid: string } | null;
  /** Whether `postmortem/incident-<n>` exists. */
  branchExists: boolean;
  /** The repository's `.github/postmortem-template.md`, or null. */
  template: string | null;
  /** The files of `.github/incident-plans/` (Markdown only). */
  plans: readonly { file: string; text: string }[];
  /** Pull requests from `postmortem/incident-<n>`, oldest first. */
  pulls: readonly ObservedPull[];
}

/** An issue as listed when looking for Vigil's post-mortem review issue. */
export interface ListedIssue {
  number: number;
  state: "open" | "closed";
  title: string;
  body: string;
  author: Author;
  createdAt: string;
  labels: readonly string[];
  assignees: readonly string[];
  comments: readonly ObservedComment[];
}
