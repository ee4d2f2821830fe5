import { HttpError, notFound } from "../http/errors.js";
import { commitShape, entryShape, fileShape } from "../shapes/git.js";
import type { RepoRecord } from "../state.js";
import { branchRef, commitToBranch, listFolder, readFileAt, resolveCommit } from "../store/git.js";
import type { RestContext, RestHandler, RestResult } from "./context.js";
import { actorOf, ok, repoOf } from "./context.js";

// Probot's config loader asks for the raw media type and treats a JSON
// content-type as "this is a folder", so raw answers must not be JSON.
const RAW = /application\/vnd\.github(\.v3)?\.raw/;

interface WriteBody {
  message: string;
  content?: string;
  sha?: string;
  branch?: string;
}

function read(ctx: RestContext): RestResult {
  const repo = repoOf(ctx);
  const path = ctx.params.path ?? "";
  const refName = ctx.query.get("ref") ?? undefined;
  const commit = resolveCommit(repo, refName);
  if (!commit) throw notFound(`No commit found for the ref ${refName ?? repo.defaultBranch}`);
  const ref = refName ?? repo.defaultBranch;
  const file = readFileAt(ctx.state, commit, path);
  if (file) {
    if (RAW.test(ctx.accept)) return { status: 200, text: file.content, contentType: "text/plain; charset=utf-8" };
    return ok(fileShape(ctx.urls, repo, path, ref, file));
  }
  const folder = listFolder(commit, path);
  if (!folder) throw notFound();
  const sizeOf = (sha: string | null) => (sha === null ? 0 : Buffer.byteLength(ctx.state.blobs.get(sha) ?? ""));
  return ok(folder.map((entry) => entryShape(ctx.urls, repo, entry, ref, sizeOf(entry.sha))));
}

function targetBranch(repo: RepoRecord, body: WriteBody): string {
  const branch = body.branch ?? repo.defaultBranch;
  if (!repo.refs.has(branchRef(branch))) throw notFound(`Branch ${branch} not found`);
  return branch;
}

function checkSha(existing: string | undefined, path: string, given: string | undefined): void {
  if (existing === undefined) return;
  if (given === undefined) throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
  if (given !== existing) throw new HttpError(409, `${path} does not match ${given}`);
}

function write(ctx: RestContext): RestResult {
  const repo = repoOf(ctx);
  const body = ctx.body as WriteBody;
  const path = ctx.params.path ?? "";
  const branch = targetBranch(repo, body);
  const existing = resolveCommit(repo, branch)?.files.get(path);
  checkSha(existing, path, body.sha);
  const base64 = (body.content ?? "").replace(/\s/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new HttpError(422, "content is not valid Base64");
  const content = Buffer.from(base64, "base64").toString("utf8");
  const commit = commitToBranch(ctx.state, repo, branch, new Map([[path, content]]), body.message, actorOf(ctx), ctx.clock.iso());
  const file = readFileAt(ctx.state, commit, path);
  if (!file) throw new Error(`Sandbox lost ${path} after committing it`);
  const { content: _content, encoding: _encoding, ...summary } = fileShape(ctx.urls, repo, path, branch, file);
  return ok({ content: summary, commit: commitShape(ctx.state, ctx.urls, repo, commit) }, existing === undefined ? 201 : 200);
}

function remove(ctx: RestContext): RestResult {
  const repo = repoOf(ctx);
  const body = ctx.body as WriteBody;
  const path = ctx.params.path ?? "";
  const branch = targetBranch(repo, body);
  const existing = resolveCommit(repo, branch)?.files.get(path);
  if (existing === undefined) throw notFound();
  checkSha(existing, path, body.sha);
  const commit = commitToBranch(ctx.state, repo, branch, new Map([[path, null]]), body.message, actorOf(ctx), ctx.clock.iso());
  return ok({ content: null, commit: commitShape(ctx.state, ctx.urls, repo, commit) });
}

/** Repository contents: read (JSON or raw), create/update with sha checks, delete. */
export const contentRoutes: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}/contents/{path}": read,
  "PUT /repos/{owner}/{repo}/contents/{path}": write,
  "DELETE /repos/{owner}/{repo}/contents/{path}": remove,
};
