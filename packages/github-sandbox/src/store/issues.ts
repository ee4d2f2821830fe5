import { makeNodeId } from "../ids.js";
import { notFound, validationFailed } from "../http/errors.js";
import type { IssueRecord, PullRecord, RepoRecord, SandboxState, StateReason } from "../state.js";
import { nextId } from "../state.js";
import { ensureUser } from "./accounts.js";
import { ensureLabel, findLabel } from "./labels.js";
import { isCollaborator } from "./repos.js";

export interface NewIssue {
  title: string;
  body?: string | null;
  user: string;
  labels?: readonly string[];
  assignees?: readonly string[];
  milestone?: number | null;
  pull?: PullRecord;
}

export interface IssuePatch {
  title?: string;
  body?: string | null;
  state?: "open" | "closed";
  stateReason?: StateReason | null;
  labels?: readonly string[];
  assignees?: readonly string[];
  milestone?: number | null;
}

function checkMilestone(repo: RepoRecord, milestone: number | null | undefined): number | null {
  if (milestone === undefined || milestone === null) return null;
  if (!repo.milestones.has(milestone)) throw validationFailed([{ resource: "Issue", code: "invalid", field: "milestone" }]);
  return milestone;
}

function labelNames(state: SandboxState, repo: RepoRecord, names: readonly string[]): string[] {
  const result: string[] = [];
  for (const name of names) {
    const label = ensureLabel(state, repo, name);
    if (!result.includes(label.name)) result.push(label.name);
  }
  return result;
}

// GitHub silently drops assignees who may not be assigned rather than failing.
function assignable(state: SandboxState, repo: RepoRecord, logins: readonly string[], current: readonly string[] = []) {
  const result = [...current];
  for (const login of logins) {
    const lower = login.toLowerCase();
    if (result.some((l) => l.toLowerCase() === lower) || !isCollaborator(state, repo, login)) continue;
    result.push(ensureUser(state, login).login);
  }
  return result.slice(0, 10);
}

/** Opens an issue (or the issue half of a pull request) with the repository's next number. */
export function createIssue(state: SandboxState, repo: RepoRecord, input: NewIssue, now: string): IssueRecord {
  const milestone = checkMilestone(repo, input.milestone);
  ensureUser(state, input.user);
  const id = nextId(state);
  const issue: IssueRecord = {
    id,
    nodeId: makeNodeId(input.pull ? "PR" : "I", id),
    number: repo.nextNumber,
    title: input.title,
    body: input.body ?? null,
    user: input.user,
    state: "open",
    stateReason: null,
    labels: labelNames(state, repo, input.labels ?? []),
    assignees: assignable(state, repo, input.assignees ?? []),
    milestone,
    locked: false,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    lastEditedAt: null,
    editor: null,
    comments: [],
    reactions: [],
    events: [],
    pull: input.pull ?? null,
  };
  repo.nextNumber += 1;
  repo.issues.set(issue.number, issue);
  return issue;
}

/** Finds an issue or pull request by number, or fails with 404. */
export function requireIssue(repo: RepoRecord, number: number): IssueRecord {
  const issue = repo.issues.get(number);
  if (!issue) throw notFound();
  return issue;
}

/** Records a close or reopen on the issue's timeline (actor is the REST login). */
export function recordIssueEvent(state: SandboxState, issue: IssueRecord, kind: "closed" | "reopened", actor: string, now: string): void {
  const id = nextId(state);
  issue.events.push({ id, nodeId: makeNodeId(kind === "closed" ? "CE" : "REE", id), kind, actor, createdAt: now, stateReason: issue.stateReason });
}

function applyState(state: SandboxState, issue: IssueRecord, patch: IssuePatch, actor: string, now: string): void {
  if (patch.state === "closed" && issue.state === "open") {
    issue.state = "closed";
    issue.stateReason = patch.stateReason ?? "completed";
    issue.closedAt = now;
    issue.closedBy = actor;
    recordIssueEvent(state, issue, "closed", actor, now);
  } else if (patch.state === "open" && issue.state === "closed") {
    issue.state = "open";
    issue.stateReason = "reopened";
    issue.closedAt = null;
    issue.closedBy = null;
    recordIssueEvent(state, issue, "reopened", actor, now);
  } else if (patch.state === "closed" && patch.stateReason !== undefined && patch.stateReason !== null) {
    // Changing only the reason of a closed issue is allowed.
    issue.stateReason = patch.stateReason;
  }
}

/** Applies an issue edit the way PATCH /issues/{number} does. */
export function updateIssue(
  state: SandboxState,
  repo: RepoRecord,
  issue: IssueRecord,
  patch: IssuePatch,
  actor: string,
  now: string,
): IssueRecord {
  if (patch.milestone !== undefined) issue.milestone = checkMilestone(repo, patch.milestone);
  if (patch.title !== undefined) issue.title = patch.title;
  if (patch.body !== undefined && patch.body !== issue.body) {
    issue.body = patch.body;
    issue.lastEditedAt = now;
    issue.editor = ensureUser(state, actor).login;
  }
  if (patch.labels !== undefined) issue.labels = labelNames(state, repo, patch.labels);
  if (patch.assignees !== undefined) issue.assignees = assignable(state, repo, patch.assignees);
  applyState(state, issue, patch, actor, now);
  issue.updatedAt = now;
  return issue;
}

/** Adds labels (creating unknown ones) and returns the issue's labels. */
export function addLabels(state: SandboxState, repo: RepoRecord, issue: IssueRecord, names: readonly string[], now: string) {
  issue.labels = labelNames(state, repo, [...issue.labels, ...names]);
  issue.updatedAt = now;
  return issue.labels;
}

/** Removes one label; 404 "Label does not exist" when the issue does not carry it. */
export function removeLabel(repo: RepoRecord, issue: IssueRecord, name: string, now: string): string[] {
  const label = findLabel(repo, name);
  if (!label || !issue.labels.includes(label.name)) throw notFound("Label does not exist");
  issue.labels = issue.labels.filter((l) => l !== label.name);
  issue.updatedAt = now;
  return issue.labels;
}

/** Adds assignees, skipping those GitHub would not accept. */
export function addAssignees(state: SandboxState, repo: RepoRecord, issue: IssueRecord, logins: readonly string[], now: string) {
  issue.assignees = assignable(state, repo, logins, issue.assignees);
  issue.updatedAt = now;
}

/** Removes assignees (unknown logins are ignored, as on GitHub). */
export function removeAssignees(issue: IssueRecord, logins: readonly string[], now: string): void {
  const drop = new Set(logins.map((l) => l.toLowerCase()));
  issue.assignees = issue.assignees.filter((l) => !drop.has(l.toLowerCase()));
  issue.updatedAt = now;
}
