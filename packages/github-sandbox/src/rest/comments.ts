import { commentShape, reactionShape } from "../shapes/issues.js";
import type { ReactionContent, ReactionRecord } from "../state.js";
import { addComment, addReaction, deleteComment, editComment, requireComment } from "../store/comments.js";
import { requireIssue } from "../store/issues.js";
import { notFound } from "../http/errors.js";
import type { RestContext, RestHandler, RestResult } from "./context.js";
import { actorOf, noContent, numberParam, ok, paged, repoOf } from "./context.js";

function react(ctx: RestContext, reactions: ReactionRecord[]): RestResult {
  const content = (ctx.body as { content: ReactionContent }).content;
  const { reaction, created } = addReaction(ctx.state, reactions, content, actorOf(ctx), ctx.clock.iso());
  // GitHub answers 200 for a reaction the user already left, 201 for a new one.
  return ok(reactionShape(ctx.state, ctx.urls, reaction), created ? 201 : 200);
}

function listReactions(ctx: RestContext, reactions: readonly ReactionRecord[]): RestResult {
  const content = ctx.query.get("content");
  const matching = reactions.filter((r) => content === null || r.content === content);
  return paged(ctx, matching.map((r) => reactionShape(ctx.state, ctx.urls, r)));
}

function unreact(ctx: RestContext, reactions: ReactionRecord[]): RestResult {
  const id = numberParam(ctx, "reaction_id");
  const index = reactions.findIndex((r) => r.id === id);
  if (index < 0) throw notFound();
  reactions.splice(index, 1);
  return noContent();
}

function commentOf(ctx: RestContext) {
  const repo = repoOf(ctx);
  return { repo, ...requireComment(repo, numberParam(ctx, "comment_id")) };
}

function issueOf(ctx: RestContext) {
  const repo = repoOf(ctx);
  return { repo, issue: requireIssue(repo, numberParam(ctx, "issue_number")) };
}

/** Issue comments and reactions on comments and issues. */
export const commentRoutes: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": (ctx) => {
    const { repo, issue } = issueOf(ctx);
    const since = ctx.query.get("since");
    const comments = issue.comments.filter((c) => since === null || Date.parse(c.updatedAt) >= Date.parse(since));
    return paged(ctx, comments.map((c) => commentShape(ctx.state, ctx.urls, repo, issue, c)));
  },
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": (ctx) => {
    const { repo, issue } = issueOf(ctx);
    const body = (ctx.body as { body: string }).body;
    const comment = addComment(ctx.state, issue, body, actorOf(ctx), ctx.clock.iso());
    return ok(commentShape(ctx.state, ctx.urls, repo, issue, comment), 201);
  },
  "GET /repos/{owner}/{repo}/issues/comments": (ctx) => {
    const repo = repoOf(ctx);
    const since = ctx.query.get("since");
    const all = [...repo.issues.values()]
      .flatMap((issue) => issue.comments.map((comment) => ({ issue, comment })))
      .filter(({ comment }) => since === null || Date.parse(comment.updatedAt) >= Date.parse(since))
      .sort((a, b) => a.comment.id - b.comment.id);
    if (ctx.query.get("direction") === "desc") all.reverse();
    return paged(ctx, all.map(({ issue, comment }) => commentShape(ctx.state, ctx.urls, repo, issue, comment)));
  },
  "GET /repos/{owner}/{repo}/issues/comments/{comment_id}": (ctx) => {
    const { repo, issue, comment } = commentOf(ctx);
    return ok(commentShape(ctx.state, ctx.urls, repo, issue, comment));
  },
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": (ctx) => {
    const { repo, issue, comment } = commentOf(ctx);
    editComment(ctx.state, comment, (ctx.body as { body: string }).body, actorOf(ctx), ctx.clock.iso());
    return ok(commentShape(ctx.state, ctx.urls, repo, issue, comment));
  },
  "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}": (ctx) => {
    deleteComment(repoOf(ctx), numberParam(ctx, "comment_id"));
    return noContent();
  },
  "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions": (ctx) => listReactions(ctx, commentOf(ctx).comment.reactions),
  "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions": (ctx) => react(ctx, commentOf(ctx).comment.reactions),
  "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}": (ctx) =>
    unreact(ctx, commentOf(ctx).comment.reactions),
  "GET /repos/{owner}/{repo}/issues/{issue_number}/reactions": (ctx) => listReactions(ctx, issueOf(ctx).issue.reactions),
  "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions": (ctx) => react(ctx, issueOf(ctx).issue.reactions),
  "DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}": (ctx) => unreact(ctx, issueOf(ctx).issue.reactions),
};
