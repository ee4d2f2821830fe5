import { HttpError, notFound } from "../http/errors.js";
import { randomToken } from "../ids.js";
import { INSTALLATION_PERMISSIONS, installationPermissions, installationShape } from "../shapes/apps.js";
import { repoSummaryShape } from "../shapes/repos.js";
import { toGitHubTime } from "../clock.js";
import { linkHeaders, paginate } from "../http/pagination.js";
import { requireRepo } from "../store/repos.js";
import type { RestContext, RestHandler } from "./context.js";
import { numberParam, ok, paged } from "./context.js";

function installationOf(ctx: RestContext) {
  const installation = ctx.state.installations.get(numberParam(ctx, "installation_id"));
  if (!installation) throw notFound();
  return installation;
}

/** App-level endpoints (JWT) and the installation's repository list (installation token). */
export const appRoutes: Record<string, RestHandler> = {
  "GET /app": (ctx) =>
    ok({
      id: ctx.state.app.id,
      slug: ctx.state.app.slug,
      node_id: `A_${ctx.state.app.id}`,
      name: ctx.state.app.slug,
      description: null,
      external_url: ctx.urls.web,
      html_url: `${ctx.urls.web}/apps/${ctx.state.app.slug}`,
      created_at: "2024-01-01T00:00:00Z",
      updated_at: "2024-01-01T00:00:00Z",
      owner: null,
      permissions: { ...INSTALLATION_PERMISSIONS },
      events: ["issue_comment", "issues", "pull_request", "pull_request_review", "push"],
      installations_count: ctx.state.installations.size,
    }),
  "GET /app/installations": (ctx) =>
    paged(ctx, [...ctx.state.installations.values()].map((i) => installationShape(ctx.state, ctx.urls, i))),
  "GET /app/installations/{installation_id}": (ctx) => ok(installationShape(ctx.state, ctx.urls, installationOf(ctx))),
  "POST /app/installations/{installation_id}/access_tokens": (ctx) => {
    const installation = installationOf(ctx);
    const token = randomToken("ghs");
    ctx.state.tokens.set(token, { kind: "installation", installationId: installation.id });
    // Token expiry is real time: Octokit's token cache compares it with the real clock.
    const expiresAt = toGitHubTime(new Date(Date.now() + 60 * 60 * 1000));
    return ok({ token, expires_at: expiresAt, permissions: installationPermissions(installation), repository_selection: "selected" }, 201);
  },
  "GET /repos/{owner}/{repo}/installation": (ctx) => {
    const repo = requireRepo(ctx.state, ctx.params.owner ?? "", ctx.params.repo ?? "");
    const installation = repo.installationId === null ? undefined : ctx.state.installations.get(repo.installationId);
    if (!installation) throw notFound();
    return ok(installationShape(ctx.state, ctx.urls, installation));
  },
  "GET /installation/repositories": (ctx) => {
    if (ctx.actor.kind !== "installation") throw new HttpError(403, "This endpoint requires an installation access token.");
    const installationId = ctx.actor.installationId;
    const repos = [...ctx.state.repos.values()].filter((r) => r.installationId === installationId);
    const page = paginate(repos, ctx.url);
    return {
      status: 200,
      body: { total_count: repos.length, repository_selection: "selected", repositories: page.items.map((r) => repoSummaryShape(ctx.state, ctx.urls, r)) },
      headers: linkHeaders(page),
    };
  },
};
