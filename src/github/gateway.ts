import type { ObservedIssue, ObservedProject, ObservedRepo } from "../domain/incident/observation.js";
import type { RepoRole } from "../domain/incident/permission.js";
import type { LabelDefinition } from "../domain/labels.js";
import type { Identity } from "../markers/identity.js";
import type { RepoRef } from "./client.js";

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
}

/** What observe reads for a repository's scheduled check. */
export interface RepoObservation {
  repo: ObservedRepo;
  /** Every open issue labelled `incident`, with all its comments. */
  incidents: ObservedIssue[];
  project: ObservedProject | null | undefined;
}

/**
 * The only way Vigil talks to GitHub: typed reads into plain values, and the writes the engine's
 * apply step makes. The Octokit implementation serves the app, the CLI and Actions alike.
 */
export interface GitHubGateway {
  /** Vigil's own identity on GitHub (resolved once). */
  identity(): Promise<Identity>;
  observeIssue(repo: RepoRef, number: number, project?: ProjectRef): Promise<IssueObservation>;
  observeRepository(repo: RepoRef, project?: ProjectRef): Promise<RepoObservation>;
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
  /** Adds the content to the project (GitHub returns the existing item) and returns the item id. */
  addProjectItem(projectId: string, contentId: string): Promise<string>;
  /** Sets single-select fields of an item in one request. */
  setProjectFields(projectId: string, itemId: string, fields: { fieldId: string; optionId: string }[]): Promise<void>;
}
