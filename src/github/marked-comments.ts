import { findMarker, type MarkerData } from "../domain/markers.js";
import { statusOf, type GitHubClient, type IssueRef } from "./client.js";
import { createComment, deleteComment, listComments, updateComment, type CommentState } from "./comments.js";

/** A comment Vigil wrote, recognised by its marker, with the marker's data. */
export interface MarkedComment {
  comment: CommentState;
  data: MarkerData;
}

/**
 * Vigil's comments carrying a marker of this kind, oldest first. Only bot-authored comments count:
 * a person cannot post as a bot, so quoting a marker cannot make a comment look like Vigil's.
 */
export function findMarked(comments: readonly CommentState[], kind: string, match?: (data: MarkerData) => boolean): MarkedComment[] {
  const found: MarkedComment[] = [];
  for (const comment of comments) {
    if (comment.authorType !== "Bot") continue;
    const data = findMarker(comment.body, kind);
    if (data && (!match || match(data))) found.push({ comment, data });
  }
  return found.sort((a, b) => a.comment.id - b.comment.id);
}

/**
 * Writes a marked comment once: creates it when missing, updates it when its text changed, leaves
 * it alone otherwise. After creating, it re-reads the comments and keeps only the oldest copy, so
 * two deliveries racing each other converge on a single comment. Returns the surviving comment id.
 */
export async function upsertMarkedComment(
  gh: GitHubClient,
  ref: IssueRef,
  comments: readonly CommentState[],
  kind: string,
  body: string,
  match?: (data: MarkerData) => boolean,
): Promise<number> {
  const repo = { owner: ref.owner, repo: ref.repo };
  const existing = findMarked(comments, kind, match)[0];
  if (existing) {
    if (existing.comment.body !== body) await updateComment(gh, repo, existing.comment.id, body);
    return existing.comment.id;
  }
  const created = await createComment(gh, ref, body);
  const copies = findMarked(await listComments(gh, ref), kind, match);
  const keep = copies[0]?.comment.id ?? created;
  for (const copy of copies.slice(1)) {
    try {
      await deleteComment(gh, repo, copy.comment.id);
    } catch (error) {
      // The racing delivery saw the same copies and deleted this one first.
      if (statusOf(error) !== 404) throw error;
    }
  }
  return keep;
}
