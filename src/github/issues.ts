import type { GitHubClient, IssueRef } from "./client.js";

/** The parts of an issue Vigil reads. */
export interface IssueState {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  stateReason: string | null;
  labels: string[];
  assignees: string[];
  nodeId: string;
  htmlUrl: string;
  createdAt: string;
  closedAt: string | null;
  author: string;
  isPullRequest: boolean;
}

/** Reads an issue fresh from GitHub (webhook payloads can be stale by the time a handler runs). */
export async function getIssue(gh: GitHubClient, ref: IssueRef): Promise<IssueState> {
  const { data } = await gh.rest.issues.get(ref);
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? "",
    state: data.state === "closed" ? "closed" : "open",
    stateReason: data.state_reason ?? null,
    labels: data.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter(Boolean),
    assignees: (data.assignees ?? []).map((a) => a.login),
    nodeId: data.node_id,
    htmlUrl: data.html_url,
    createdAt: data.created_at,
    closedAt: data.closed_at ?? null,
    author: data.user?.login ?? "ghost",
    isPullRequest: Boolean(data.pull_request),
  };
}

/** Replaces an issue's labels in one request, so a severity swap is never seen half-done. */
export async function setLabels(gh: GitHubClient, ref: IssueRef, labels: string[]): Promise<void> {
  await gh.rest.issues.setLabels({ ...ref, labels });
}

/** Adds labels without touching the others. */
export async function addLabels(gh: GitHubClient, ref: IssueRef, labels: string[]): Promise<void> {
  if (labels.length === 0) return;
  await gh.rest.issues.addLabels({ ...ref, labels });
}

/** Adds assignees; returns who is assigned afterwards (GitHub silently drops people without access). */
export async function addAssignees(gh: GitHubClient, ref: IssueRef, logins: string[]): Promise<string[]> {
  const { data } = await gh.rest.issues.addAssignees({ ...ref, assignees: logins });
  return (data.assignees ?? []).map((a) => a.login);
}

/** Removes assignees. */
export async function removeAssignees(gh: GitHubClient, ref: IssueRef, logins: string[]): Promise<void> {
  if (logins.length === 0) return;
  await gh.rest.issues.removeAssignees({ ...ref, assignees: logins });
}

/** Closes an issue with the given reason. */
export async function closeIssue(gh: GitHubClient, ref: IssueRef, reason: "completed" | "not_planned"): Promise<void> {
  await gh.rest.issues.update({ ...ref, state: "closed", state_reason: reason });
}
