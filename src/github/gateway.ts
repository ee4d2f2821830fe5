import type { ListedIssue, ObservedIssue, ObservedPostmortem, ObservedProject, ObservedRepo } from "../domain/incident/observation.js";
import type { RepoRole } from "../domain/incident/permission.js";
import type { LabelDefinition } from "../domain/labels.js";
import type { Identity } from "../markers/identity.js";
import type { ObservedRecurring } from "../domain/recurring/observation.js";
import type { RepoRef } from "./client.js";
import type { RecurringGateway } from "./recurring-gateway.js";
import type { ListedPull } from "../domain/scrutiny/candidates.js";
import type { ScrutinyGateway } from "./scrutiny-gateway.js";

/** The configured project to read along with an issue. */
export interface ProjectRef {
  owner: string;
  number: number;
}

/** What observe reads for one issue. `issue` is null when the number is a pull request or does not exist. */
export interface IssueObservation {
  repo: ObservedRepo;
  issue: ObservedIssue | null;
  /** Undefined when no project was asked for, null when it cannot be found. */
  project: ObservedProject | null | undefined;
  /** The post-mortem's branch, pull requests, template and plans. */
  postmortem: ObservedPostmortem;
}

/** A check run as Vigil writes it: completed, with a conclusion and its output. */
export interface CheckRunWrite {
  headSha: string;
  name: string;
  conclusion: "success" | "neutral";
  title: string;
  summary: string;
  /** The reviews digest the outcome was decided from. */
  externalId: string;
}

/** What a scheduled check looks at in a repository, as raw lists the domain turns into incident numbers. */
export interface CheckCandidates {
  /** Open incidents, and closed ones updated since the moment asked for. */
  incidents: number[];
  /** Head branches of post-mortem pull requests not merged. */
  postmortemBranches: string[];
  /** Open post-mortem review issues (body and author, to read Vigil's marker). */
  reviews: { body: string; author: { login: string; isBot: boolean } }[];
  /** The recurring work, when asked for (read in the same request). */
  recurring: ObservedRecurring | undefined;
  /** Open pull requests for top-threat scrutiny, when asked for (read in the same request). */
  pulls?: ListedPull[] | undefined;
}

/**
 * The only way Vigil talks to GitHub: typed reads into plain values, and the writes the engine's
 * apply step makes. The Octokit implementation serves the app, the CLI and Actions alike.
 */
export interface GitHubGateway extends RecurringGateway, ScrutinyGateway {
  /** Vigil's own identity on GitHub (resolved once). */
  identity(): Promise<Identity>;
  observeIssue(repo: RepoRef, number: number, project?: ProjectRef): Promise<IssueObservation>;
  /** What a scheduled check should reconcile: see CheckCandidates. */
  checkCandidates(repo: RepoRef, closedSince: string, withRecurring: boolean, withScrutiny?: boolean): Promise<CheckCandidates>;
  /** Vigil's post-mortem review issues created or updated since a moment. */
  reviewIssues(repo: RepoRef, since: string): Promise<ListedIssue[]>;
  /** A text file on the default branch, or null. */
  readFile(repo: RepoRef, path: string): Promise<string | null>;
  role(repo: RepoRef, login: string): Promise<RepoRole>;
  canAssign(repo: RepoRef, login: string): Promise<boolean>;

  createLabel(repo: RepoRef, label: LabelDefinition): Promise<void>;
  setLabels(repo: RepoRef, issue: number, labels: string[]): Promise<void>;
  addAssignees(repo: RepoRef, issue: number, logins: string[]): Promise<void>;
  removeAssignees(repo: RepoRef, issue: number, logins: string[]): Promise<void>;
  closeIssue(repo: RepoRef, issue: number, reason: "completed" | "not_planned"): Promise<void>;
  /** Never retried blindly: GitHub may have created it and still answered an error. */
  createComment(repo: RepoRef, issue: number, body: string): Promise<number>;
  updateComment(repo: RepoRef, commentId: number, body: string): Promise<void>;
  /** A comment already gone counts as deleted. */
  deleteComment(repo: RepoRef, commentId: number): Promise<void>;
  react(repo: RepoRef, commentId: number, content: "+1"): Promise<void>;
  addLabels(repo: RepoRef, issue: number, labels: string[]): Promise<void>;
  /** A label already gone counts as removed. */
  removeLabel(repo: RepoRef, issue: number, label: string): Promise<void>;
  /** Never retried blindly, like a comment. */
  createIssue(repo: RepoRef, issue: { title: string; body: string; labels: string[]; assignees: string[] }): Promise<number>;
  updatePullBody(repo: RepoRef, pull: number, body: string): Promise<void>;
  /** Creates a branch; false when it exists already (GitHub answers 422). */
  createBranch(repo: RepoRef, branch: string, sha: string): Promise<boolean>;
  /** Creates a file on a branch; false when it exists already (GitHub answers 422 without its sha). */
  createFile(repo: RepoRef, branch: string, path: string, content: string, message: string): Promise<boolean>;
  /** Opens a pull request, or returns the open one from the same head (GitHub answers 422 for a second). */
  openPull(repo: RepoRef, pull: { head: string; base: string; title: string; body: string }): Promise<number>;
  /** Requests reviews; true when GitHub refused them (people without access, unknown teams), which is not an error. */
  requestReviewers(repo: RepoRef, pull: number, reviewers: string[], teamReviewers: string[]): Promise<boolean>;
  /** Adds the content to the project (GitHub returns the existing item) and returns the item id. */
  addProjectItem(projectId: string, contentId: string): Promise<string>;
  /** Sets single-select fields of an item in one request. */
  setProjectFields(projectId: string, itemId: string, fields: { fieldId: string; optionId: string }[]): Promise<void>;
}
