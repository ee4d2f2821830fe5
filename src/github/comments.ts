import type { GitHubClient, IssueRef, RepoRef } from "./client.js";

/** The parts of an issue comment Vigil reads. */
export interface CommentState {
  id: number;
  body: string;
  author: string;
  authorType: string;
  createdAt: string;
  updatedAt: string;
  htmlUrl: string;
}

/** Lists every comment of an issue, oldest first. */
export async function listComments(gh: GitHubClient, ref: IssueRef): Promise<CommentState[]> {
  const data = await gh.paginate(gh.rest.issues.listComments, { ...ref, per_page: 100 });
  return data.map((c) => ({
    id: c.id,
    body: c.body ?? "",
    author: c.user?.login ?? "ghost",
    authorType: c.user?.type ?? "User",
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    htmlUrl: c.html_url,
  }));
}

/** Posts a comment and returns its id. */
export async function createComment(gh: GitHubClient, ref: IssueRef, body: string): Promise<number> {
  const { data } = await gh.rest.issues.createComment({ ...ref, body });
  return data.id;
}

/** Replaces the body of a comment. */
export async function updateComment(gh: GitHubClient, repo: RepoRef, commentId: number, body: string): Promise<void> {
  await gh.rest.issues.updateComment({ ...repo, comment_id: commentId, body });
}

/** Deletes a comment. */
export async function deleteComment(gh: GitHubClient, repo: RepoRef, commentId: number): Promise<void> {
  await gh.rest.issues.deleteComment({ ...repo, comment_id: commentId });
}

/** Reacts to a comment; GitHub answers 200 instead of 201 when the reaction is already there. */
export async function reactToComment(
  gh: GitHubClient,
  repo: RepoRef,
  commentId: number,
  content: "+1" | "-1" | "eyes" | "confused" | "rocket",
): Promise<void> {
  await gh.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content });
}
