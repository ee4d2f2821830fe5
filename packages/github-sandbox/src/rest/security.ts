import { HttpError, notFound } from "../http/errors.js";
import { repoApi, repoWeb } from "../shapes/urls.js";
import type { AlertRecord, RepoRecord } from "../state.js";
import { hasSecurityPermission } from "../store/security.js";
import type { RestContext, RestHandler } from "./context.js";
import { paged, repoOf } from "./context.js";

function codeScanningAlertShape(ctx: RestContext, repo: RepoRecord, alert: AlertRecord): Record<string, unknown> {
  const url = `${repoApi(ctx.urls, repo.owner, repo.name)}/code-scanning/alerts/${alert.number}`;
  const sha = repo.refs.get(`refs/heads/${repo.defaultBranch}`) ?? "0".repeat(40);
  return {
    number: alert.number,
    created_at: alert.createdAt,
    updated_at: alert.updatedAt,
    url,
    html_url: `${repoWeb(ctx.urls, repo.owner, repo.name)}/security/code-scanning/${alert.number}`,
    instances_url: `${url}/instances`,
    state: alert.state,
    fixed_at: alert.fixedAt,
    dismissed_by: null,
    dismissed_at: alert.dismissedAt,
    dismissed_reason: alert.state === "dismissed" ? "won't fix" : null,
    dismissed_comment: null,
    rule: { id: "js/sandbox-rule", severity: "error", security_severity_level: "high", tags: ["security"], description: "Sandbox code scanning rule", name: "js/sandbox-rule" },
    tool: { name: "CodeQL", guid: null, version: "2.0.0" },
    most_recent_instance: {
      ref: `refs/heads/${repo.defaultBranch}`,
      analysis_key: ".github/workflows/codeql.yml:analyze",
      category: ".github/workflows/codeql.yml:analyze",
      environment: "{}",
      state: alert.state,
      commit_sha: sha,
      message: { text: "Sandbox finding" },
      location: { path: "src/index.ts", start_line: 1, end_line: 1, start_column: 1, end_column: 2 },
      classifications: [],
    },
  };
}

/** Code scanning: 403 without `security_events: read`, 404 "no analysis found" when not set up. */
export const securityRoutes: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}/code-scanning/alerts": (ctx) => {
    const repo = repoOf(ctx);
    if (!hasSecurityPermission(ctx.state, ctx.actor, "security_events")) throw new HttpError(403, "Resource not accessible by integration");
    if (!repo.codeScanningEnabled) throw notFound("no analysis found");
    const state = ctx.query.get("state");
    const ref = ctx.query.get("ref");
    if (ref !== null && ref !== repo.defaultBranch && ref !== `refs/heads/${repo.defaultBranch}`) throw new Error("The sandbox models code scanning alerts on the default branch only");
    const direction = ctx.query.get("direction") ?? "desc";
    const alerts = repo.codeScanningAlerts
      .filter((a) => state === null || a.state === state)
      .sort((a, b) => (direction === "asc" ? a.number - b.number : b.number - a.number));
    return paged(ctx, alerts.map((a) => codeScanningAlertShape(ctx, repo, a)));
  },
};
