import { HttpError, notFound } from "../http/errors.js";
import { pullShape } from "../shapes/pulls.js";
import { teamShape } from "../shapes/teams.js";
import { userShape } from "../shapes/users.js";
import type { IssueRecord } from "../state.js";
import { updateIssue } from "../store/issues.js";
import { findTeam } from "../store/teams.js";
import { createPull, currentHead, headBranch, mergePull, pullFiles, requestReviewers, requirePull } from "../store/pulls.js";
import { repoApi } from "../shapes/urls.js";
import type { RestContext, RestHandler } from "./context.js";
import { actorOf, noContent, numberParam, ok, paged, repoOf } from "./context.js";

interface PullBody {
  title?: string;
  head?: string;
  base?: string;
  body?: string;
  draft?: boolean;
  state?: "open" | "closed";
  maintainer_can_modify?: boolean;
  reviewers?: string[];
  team_reviewers?: string[];
  commit_title?: string;
}

function list(ctx: RestContext) {
  const repo = repoOf(ctx);
  const state = ctx.query.get("state") ?? "open";
  const head = ctx.query.get("head");
  const headName = head === null ? null : (headBranch(repo, head) ?? "\0");
  const base = ctx.query.get("base");
  const sort = ctx.query.get("sort");
  // GitHub: descending by default only when sorting by creation time.
  const direction = ctx.query.get("direction") ?? (sort === null || sort === "created" ? "desc" : "asc");
  const sign = direction === "asc" ? 1 : -1;
  const sortField = sort === "updated" ? "updatedAt" : "createdAt";
  const pulls = [...repo.issues.values()]
    .filter((i): i is IssueRecord & { pull: NonNullable<IssueRecord["pull"]> } => i.pull !== null)
    .filter((i) => state === "all" || i.state === state)
    .filter((i) => headName === null || i.pull.head === headName)
    .filter((i) => base === null || i.pull.base === base)
    .sort((a, b) => sign * (a[sortField] === b[sortField] ? a.number - b.number : a[sortField] < b[sortField] ? -1 : 1));
  return paged(ctx, pulls.map((p) => pullShape(ctx.state, ctx.urls, repo, p)));
}

/** GitHub's files list stops at 3,000 files. */
const MAX_FILES = 3_000;
/**
 * GitHub sends no `patch` for a file whose diff is too large, and none for the rows after a page's patches have
 * added up to about 20,000 lines (community discussion 213491); either way the row is there, without its diff.
 */
const MAX_FILE_PATCH_LINES = 20_000;
const MAX_PAGE_PATCH_LINES = 20_000;

function files(ctx: RestContext) {
  const repo = repoOf(ctx);
  const issue = requirePull(repo, numberParam(ctx, "pull_number"));
  const head = currentHead(repo, issue);
  const all = pullFiles(ctx.state, repo, issue).slice(0, MAX_FILES);
  const page = paged(ctx, all);
  let lines = 0;
  page.body = (page.body as typeof all).map((f) => {
    const patchLines = f.patch === "" ? 0 : f.patch.split("\n").length;
    const withPatch = f.patch !== "" && patchLines <= MAX_FILE_PATCH_LINES && lines < MAX_PAGE_PATCH_LINES;
    if (withPatch) lines += patchLines;
    const status = f.changeType === "ADDED" ? "added" : f.changeType === "DELETED" ? "removed" : "modified";
    const path = f.path.split("/").map(encodeURIComponent).join("/");
    return {
      sha: head,
      filename: f.path,
      status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.additions + f.deletions,
      blob_url: `${ctx.urls.web}/${repo.owner}/${repo.name}/blob/${head}/${path}`,
      raw_url: `${ctx.urls.web}/${repo.owner}/${repo.name}/raw/${head}/${path}`,
      contents_url: `${repoApi(ctx.urls, repo.owner, repo.name)}/contents/${path}?ref=${head}`,
      ...(withPatch ? { patch: f.patch } : {}),
    };
  });
  return page;
}

/** Pull requests: create (GitHub's head/base/duplicate checks), read, list, update, merge, reviewers. */
export const pullRoutes: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}/pulls": list,
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/files": files,
  "POST /repos/{owner}/{repo}/pulls": (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as PullBody;
    if (body.title === undefined) throw new HttpError(422, "Validation Failed", [{ resource: "PullRequest", code: "missing_field", field: "title" }]);
    const issue = createPull(
      ctx.state,
      repo,
      {
        title: body.title,
        head: body.head ?? "",
        base: body.base ?? "",
        body: body.body ?? null,
        draft: body.draft,
        maintainerCanModify: body.maintainer_can_modify,
        user: actorOf(ctx),
      },
      ctx.clock.iso(),
    );
    return ok(pullShape(ctx.state, ctx.urls, repo, issue), 201);
  },
  "GET /repos/{owner}/{repo}/pulls/{pull_number}": (ctx) => {
    const repo = repoOf(ctx);
    return ok(pullShape(ctx.state, ctx.urls, repo, requirePull(repo, numberParam(ctx, "pull_number"))));
  },
  "PATCH /repos/{owner}/{repo}/pulls/{pull_number}": (ctx) => {
    const repo = repoOf(ctx);
    const issue = requirePull(repo, numberParam(ctx, "pull_number"));
    const body = ctx.body as PullBody;
    if (body.state === "open" && issue.pull.merged) throw new HttpError(422, "Validation Failed", [{ resource: "PullRequest", code: "custom", message: "state cannot be changed. The pull request has been merged." }]);
    if (body.base !== undefined) {
      if (!repo.refs.has(`refs/heads/${body.base}`)) throw new HttpError(422, "Validation Failed", [{ resource: "PullRequest", code: "invalid", field: "base" }]);
      issue.pull.base = body.base;
    }
    updateIssue(ctx.state, repo, issue, { title: body.title, body: body.body, state: body.state }, actorOf(ctx), ctx.clock.iso());
    if (issue.state === "closed") issue.stateReason = null;
    return ok(pullShape(ctx.state, ctx.urls, repo, issue));
  },
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/merge": (ctx) => {
    const issue = requirePull(repoOf(ctx), numberParam(ctx, "pull_number"));
    if (!issue.pull.merged) throw notFound();
    return noContent();
  },
  "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge": (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as PullBody | undefined;
    const issue = mergePull(ctx.state, repo, numberParam(ctx, "pull_number"), actorOf(ctx), ctx.clock.iso(), body?.commit_title);
    return ok({ sha: issue.pull?.mergeCommitSha, merged: true, message: "Pull Request successfully merged" });
  },
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers": (ctx) => {
    const repo = repoOf(ctx);
    const { pull } = requirePull(repo, numberParam(ctx, "pull_number"));
    return ok({
      users: pull.requestedReviewers.map((login) => userShape(ctx.state, ctx.urls, login)),
      teams: pull.requestedTeams.flatMap((slug) => {
        const team = findTeam(ctx.state, repo.owner, slug);
        return team ? [teamShape(ctx.state, ctx.urls, team, repo)] : [];
      }),
    });
  },
  "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers": (ctx) => {
    const repo = repoOf(ctx);
    const issue = requirePull(repo, numberParam(ctx, "pull_number"));
    const body = ctx.body as PullBody;
    requestReviewers(ctx.state, repo, issue, body.reviewers ?? [], body.team_reviewers ?? [], ctx.clock.iso());
    return ok(pullShape(ctx.state, ctx.urls, repo, issue), 201);
  },
  "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers": (ctx) => {
    const repo = repoOf(ctx);
    const issue = requirePull(repo, numberParam(ctx, "pull_number"));
    const body = ctx.body as PullBody;
    const users = new Set((body.reviewers ?? []).map((l) => l.toLowerCase()));
    const teams = new Set((body.team_reviewers ?? []).map((t) => t.toLowerCase()));
    issue.pull.requestedReviewers = issue.pull.requestedReviewers.filter((l) => !users.has(l.toLowerCase()));
    issue.pull.requestedTeams = issue.pull.requestedTeams.filter((t) => !teams.has(t.toLowerCase()));
    issue.updatedAt = ctx.clock.iso();
    return ok(pullShape(ctx.state, ctx.urls, repo, issue));
  },
};
