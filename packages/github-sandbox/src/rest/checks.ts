import { HttpError } from "../http/errors.js";
import type { CheckRunRecord, RepoRecord } from "../state.js";
import { createCheckRun, updateCheckRun } from "../store/checks.js";
import { resolveCommit } from "../store/git.js";
import { repoApi } from "../shapes/urls.js";
import { userShape } from "../shapes/users.js";
import type { RestContext, RestHandler } from "./context.js";
import { numberParam, ok, repoOf } from "./context.js";

interface CheckRunBody {
  name?: string;
  head_sha?: string;
  status?: CheckRunRecord["status"];
  conclusion?: CheckRunRecord["conclusion"];
  external_id?: string;
  output?: { title?: string; summary?: string };
}

// Only an app writes check runs: a person's token is refused, as on GitHub.
function appOf(ctx: RestContext): string {
  if (ctx.actor.kind !== "installation") throw new HttpError(403, "You must authenticate via a GitHub App.");
  return ctx.state.app.slug;
}

function checkRunShape(ctx: RestContext, repo: RepoRecord, run: CheckRunRecord): Record<string, unknown> {
  const api = `${repoApi(ctx.urls, repo.owner, repo.name)}/check-runs/${run.id}`;
  const html = `${ctx.urls.web}/${repo.owner}/${repo.name}/runs/${run.id}`;
  return {
    id: run.id, node_id: run.nodeId, head_sha: run.headSha, external_id: run.externalId ?? "", url: api, html_url: html, details_url: html,
    status: run.status, conclusion: run.conclusion, started_at: run.startedAt, completed_at: run.completedAt,
    output: { title: run.title, summary: run.summary, text: null, annotations_count: 0, annotations_url: `${api}/annotations` },
    name: run.name, check_suite: { id: run.suiteId },
    app: { id: run.appSlug === ctx.state.app.slug ? ctx.state.app.id : 0, slug: run.appSlug, node_id: `A_${run.appSlug}`, owner: userShape(ctx.state, ctx.urls, repo.owner), name: run.appSlug, description: null, external_url: ctx.urls.web, html_url: `${ctx.urls.web}/apps/${run.appSlug}`, created_at: "2024-01-01T00:00:00Z", updated_at: "2024-01-01T00:00:00Z", permissions: {}, events: [] },
    pull_requests: [],
  };
}

/** Check runs: create and update (apps only), read one, list those of a commit. */
export const checkRoutes: Record<string, RestHandler> = {
  "POST /repos/{owner}/{repo}/check-runs": (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as CheckRunBody;
    const run = createCheckRun(ctx.state, repo, {
      headSha: body.head_sha ?? "", name: body.name ?? "", appSlug: appOf(ctx), status: body.status, conclusion: body.conclusion,
      title: body.output?.title, summary: body.output?.summary, externalId: body.external_id,
    }, ctx.clock.iso());
    return ok(checkRunShape(ctx, repo, run), 201);
  },
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}": (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as CheckRunBody;
    const run = updateCheckRun(repo, numberParam(ctx, "check_run_id"), appOf(ctx), {
      name: body.name, status: body.status, conclusion: body.conclusion, title: body.output?.title, summary: body.output?.summary, externalId: body.external_id,
    }, ctx.clock.iso());
    return ok(checkRunShape(ctx, repo, run));
  },
  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs": (ctx) => {
    const repo = repoOf(ctx);
    const sha = resolveCommit(repo, ctx.params.ref)?.sha ?? ctx.params.ref;
    const name = ctx.query.get("check_name");
    const runs = repo.checkRuns.filter((r) => r.headSha === sha && (name === null || r.name === name)).reverse();
    return ok({ total_count: runs.length, check_runs: runs.map((r) => checkRunShape(ctx, repo, r)) });
  },
};
