import { makeNodeId } from "../ids.js";
import { notFound } from "../http/errors.js";
import type { CommentRecord, IssueRecord, ReactionContent, ReactionRecord, RepoRecord, SandboxState } from "../state.js";
import { nextId } from "../state.js";
import { ensureUser } from "./accounts.js";

/** Adds a comment to an issue or pull request; commenting bumps the issue's updated_at. */
export function addComment(
  state: SandboxState,
  issue: IssueRecord,
  body: string,
  user: string,
  now: string,
): CommentRecord {
  ensureUser(state, user);
  const id = nextId(state);
  const comment: CommentRecord = {
    id,
    nodeId: makeNodeId("IC", id),
    issueNumber: issue.number,
    body,
    user,
    createdAt: now,
    updatedAt: now,
    lastEditedAt: null,
    editor: null,
    reactions: [],
  };
  issue.comments.push(comment);
  issue.updatedAt = now;
  return comment;
}

/** Edits a comment's body; a changed body records the edit (lastEditedAt/editor) as GitHub does. */
export function editComment(state: SandboxState, comment: CommentRecord, body: string, editor: string, now: string): CommentRecord {
  ensureUser(state, editor);
  if (body !== comment.body) {
    comment.lastEditedAt = now;
    comment.editor = editor;
  }
  comment.body = body;
  comment.updatedAt = now;
  return comment;
}

/** Finds a comment anywhere in the repository by id. */
function findComment(repo: RepoRecord, id: number): { issue: IssueRecord; comment: CommentRecord } | undefined {
  for (const issue of repo.issues.values()) {
    const comment = issue.comments.find((c) => c.id === id);
    if (comment) return { issue, comment };
  }
  return undefined;
}

/** Finds a comment or fails with 404. */
export function requireComment(repo: RepoRecord, id: number): { issue: IssueRecord; comment: CommentRecord } {
  const found = findComment(repo, id);
  if (!found) throw notFound();
  return found;
}

/** Deletes a comment by id (404 when absent). */
export function deleteComment(repo: RepoRecord, id: number): void {
  const { issue, comment } = requireComment(repo, id);
  issue.comments = issue.comments.filter((c) => c !== comment);
}

/** Adds a reaction unless the same user already reacted with the same content (then returns that one). */
export function addReaction(
  state: SandboxState,
  reactions: ReactionRecord[],
  content: ReactionContent,
  user: string,
  now: string,
): { reaction: ReactionRecord; created: boolean } {
  const existing = reactions.find((r) => r.content === content && r.user.toLowerCase() === user.toLowerCase());
  if (existing) return { reaction: existing, created: false };
  const id = nextId(state);
  const reaction: ReactionRecord = { id, nodeId: makeNodeId("REA", id), content, user, createdAt: now };
  reactions.push(reaction);
  return { reaction, created: true };
}
