import { parseCommands } from "../domain/commands.js";
import type { CommandComment, IncidentSnapshot, IncidentState } from "../domain/incident-state.js";
import { replayIncident } from "../domain/incident-state.js";
import { renderIncidentRecord } from "../domain/incident-record.js";
import { MARKER } from "../domain/markers.js";
import type { IssueRef } from "../github/client.js";
import { listComments, updateComment, type CommentState } from "../github/comments.js";
import { getIssue, type IssueState } from "../github/issues.js";
import { findMarked, type MarkedComment } from "../github/marked-comments.js";
import { canCommand, getRole, type RepoRole } from "../github/permissions.js";
import type { Run } from "./run.js";

/** An incident issue as read from GitHub: the issue, its comments, and Vigil's record if declared. */
export interface LoadedIncident {
  ref: IssueRef;
  issue: IssueState;
  comments: CommentState[];
  record: (MarkedComment & { snapshot: IncidentSnapshot }) | null;
}

/** Reads an issue, its comments and its incident record. */
export async function loadIncident(run: Run, issueNumber: number): Promise<LoadedIncident> {
  const ref: IssueRef = { ...run.repo, issue_number: issueNumber };
  const [issue, comments] = await Promise.all([getIssue(run.gh, ref), listComments(run.gh, ref)]);
  return { ref, issue, comments, record: recordOf(comments) };
}

/** Vigil's incident record among the comments, with its snapshot; the oldest wins. */
export function recordOf(comments: readonly CommentState[]): LoadedIncident["record"] {
  const marked = findMarked(comments, MARKER.incidentRecord, isSnapshot)[0];
  return marked ? { ...marked, snapshot: marked.data as unknown as IncidentSnapshot } : null;
}

function isSnapshot(data: Record<string, unknown>): boolean {
  return data.v === 1 && typeof data.report === "object" && data.report !== null && Array.isArray(data.chain);
}

/**
 * The comments that carry commands, with whether each author may run them. Roles are looked up once
 * per author per run (`roles` is the run's cache; callers may pre-fill the author they already know).
 */
export async function collectCommandComments(
  run: Run,
  comments: readonly CommentState[],
  roles: Map<string, RepoRole>,
): Promise<CommandComment[]> {
  const result: CommandComment[] = [];
  for (const comment of comments) {
    if (comment.authorType === "Bot") continue;
    const commands = parseCommands(comment.body);
    if (commands.length === 0) continue;
    let role = roles.get(comment.author.toLowerCase());
    if (!role) {
      role = await getRole(run.gh, run.repo, comment.author);
      roles.set(comment.author.toLowerCase(), role);
    }
    result.push({ id: comment.id, at: comment.createdAt, author: comment.author, url: comment.htmlUrl, allowed: canCommand(role), commands });
  }
  return result;
}

/** How the issue's open/closed state enters the replay. */
export function closedInfo(issue: IssueState): { at: string; reason: "completed" | "not_planned" | "other" } | null {
  if (issue.state !== "closed" || !issue.closedAt) return null;
  const reason = issue.stateReason === "not_planned" ? "not_planned" : issue.stateReason === "completed" ? "completed" : "other";
  return { at: issue.closedAt, reason };
}

/** Replays the incident from its comments. */
export async function replay(run: Run, incident: LoadedIncident & { record: NonNullable<LoadedIncident["record"]> }, roles: Map<string, RepoRole>) {
  const commandComments = await collectCommandComments(run, incident.comments, roles);
  return replayIncident(incident.record.snapshot, commandComments, closedInfo(incident.issue));
}

/** Re-renders the record from the state and writes it only when the text changed. */
export async function writeRecord(run: Run, incident: LoadedIncident, snapshot: IncidentSnapshot, state: IncidentState): Promise<void> {
  if (!incident.record) return;
  const body = renderIncidentRecord({ snapshot, state, config: run.config, previousBody: incident.record.comment.body });
  if (body !== incident.record.comment.body) await updateComment(run.gh, run.repo, incident.record.comment.id, body);
}

/** Re-reads the comments (after Vigil wrote some) so later steps see them. */
export async function refreshComments(run: Run, incident: LoadedIncident): Promise<LoadedIncident> {
  const comments = await listComments(run.gh, incident.ref);
  return { ...incident, comments, record: recordOf(comments) };
}
