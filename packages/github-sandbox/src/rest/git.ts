import { HttpError, notFound } from "../http/errors.js";
import { commitShape, refShape } from "../shapes/git.js";
import type { RepoRecord } from "../state.js";
import { isAncestor } from "../store/git.js";
import type { RestContext, RestHandler } from "./context.js";
import { noContent, ok, repoOf } from "./context.js";

function refNodeId(repo: RepoRecord, ref: string): string {
  return `REF_${Buffer.from(`${repo.id}:${ref}`).toString("base64url")}`;
}

function showRef(ctx: RestContext, repo: RepoRecord, ref: string, sha: string) {
  return refShape(ctx.urls, repo, ref, sha, refNodeId(repo, ref));
}

function existingRef(repo: RepoRecord, name: string): { ref: string; sha: string } {
  const ref = `refs/${name}`;
  const sha = repo.refs.get(ref);
  if (sha === undefined) throw new HttpError(422, "Reference does not exist");
  return { ref, sha };
}

/** Git references (branches are `refs/heads/*`; names GitHub keeps unique) and commits. */
export const gitRoutes: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}/git/ref/{ref}": (ctx) => {
    const repo = repoOf(ctx);
    const ref = `refs/${ctx.params.ref ?? ""}`;
    const sha = repo.refs.get(ref);
    if (sha === undefined) throw notFound();
    return ok(showRef(ctx, repo, ref, sha));
  },
  "GET /repos/{owner}/{repo}/git/matching-refs/{ref}": (ctx) => {
    const repo = repoOf(ctx);
    const prefix = `refs/${ctx.params.ref ?? ""}`;
    const refs = [...repo.refs.entries()]
      .filter(([ref]) => ref.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ref, sha]) => showRef(ctx, repo, ref, sha));
    return ok(refs);
  },
  "POST /repos/{owner}/{repo}/git/refs": (ctx) => {
    const repo = repoOf(ctx);
    const { ref, sha } = ctx.body as { ref: string; sha: string };
    if (!/^refs\/[^/]+\/.+/.test(ref)) {
      throw new HttpError(422, "Reference name must start with 'refs/' and have at least two slashes.");
    }
    if (repo.refs.has(ref)) throw new HttpError(422, "Reference already exists");
    if (!repo.commits.has(sha)) throw new HttpError(422, "Object does not exist");
    repo.refs.set(ref, sha);
    return ok(showRef(ctx, repo, ref, sha), 201);
  },
  "PATCH /repos/{owner}/{repo}/git/refs/{ref}": (ctx) => {
    const repo = repoOf(ctx);
    const { ref, sha: current } = existingRef(repo, ctx.params.ref ?? "");
    const { sha, force } = ctx.body as { sha: string; force?: boolean };
    if (!repo.commits.has(sha)) throw new HttpError(422, "Object does not exist");
    if (!force && !isAncestor(repo, current, sha)) throw new HttpError(422, "Update is not a fast forward");
    repo.refs.set(ref, sha);
    return ok(showRef(ctx, repo, ref, sha));
  },
  "DELETE /repos/{owner}/{repo}/git/refs/{ref}": (ctx) => {
    const repo = repoOf(ctx);
    repo.refs.delete(existingRef(repo, ctx.params.ref ?? "").ref);
    return noContent();
  },
  "GET /repos/{owner}/{repo}/git/commits/{commit_sha}": (ctx) => {
    const repo = repoOf(ctx);
    const commit = repo.commits.get(ctx.params.commit_sha ?? "");
    if (!commit) throw notFound();
    return ok(commitShape(ctx.state, ctx.urls, repo, commit));
  },
};
