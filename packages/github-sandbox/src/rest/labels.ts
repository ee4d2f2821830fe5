import { labelShape } from "../shapes/issues.js";
import type { IssueRecord, RepoRecord } from "../state.js";
import { addLabels, removeLabel, requireIssue, updateIssue } from "../store/issues.js";
import { createLabel, deleteLabel, findLabel, requireLabel, updateLabel } from "../store/labels.js";
import type { RestContext, RestHandler, RestResult } from "./context.js";
import { actorOf, noContent, numberParam, ok, paged, repoOf } from "./context.js";

type LabelsBody = { labels?: (string | { name: string })[] } | undefined;

function names(body: unknown): string[] {
  const labels = Array.isArray(body) ? body : ((body as LabelsBody)?.labels ?? []);
  return labels.map((l: string | { name: string }) => (typeof l === "string" ? l : l.name));
}

function issueLabels(ctx: RestContext, repo: RepoRecord, issue: IssueRecord): RestResult {
  const labels = issue.labels.flatMap((name) => {
    const label = findLabel(repo, name);
    return label ? [labelShape(ctx.urls, repo, label)] : [];
  });
  return ok(labels);
}

function issueOf(ctx: RestContext): { repo: RepoRecord; issue: IssueRecord } {
  const repo = repoOf(ctx);
  return { repo, issue: requireIssue(repo, numberParam(ctx, "issue_number")) };
}

/** Repository labels and the labels of an issue. */
export const labelRoutes: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}/labels": (ctx) => {
    const repo = repoOf(ctx);
    return paged(ctx, repo.labels.map((l) => labelShape(ctx.urls, repo, l)));
  },
  "POST /repos/{owner}/{repo}/labels": (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as { name: string; color?: string; description?: string };
    return ok(labelShape(ctx.urls, repo, createLabel(ctx.state, repo, body)), 201);
  },
  "GET /repos/{owner}/{repo}/labels/{name}": (ctx) => {
    const repo = repoOf(ctx);
    return ok(labelShape(ctx.urls, repo, requireLabel(repo, ctx.params.name ?? "")));
  },
  "PATCH /repos/{owner}/{repo}/labels/{name}": (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as { new_name?: string; color?: string; description?: string };
    return ok(labelShape(ctx.urls, repo, updateLabel(repo, ctx.params.name ?? "", body)));
  },
  "DELETE /repos/{owner}/{repo}/labels/{name}": (ctx) => {
    deleteLabel(repoOf(ctx), ctx.params.name ?? "");
    return noContent();
  },
  "GET /repos/{owner}/{repo}/issues/{issue_number}/labels": (ctx) => {
    const { repo, issue } = issueOf(ctx);
    const all = issueLabels(ctx, repo, issue).body as unknown[];
    return paged(ctx, all);
  },
  "POST /repos/{owner}/{repo}/issues/{issue_number}/labels": (ctx) => {
    const { repo, issue } = issueOf(ctx);
    addLabels(ctx.state, repo, issue, names(ctx.body), ctx.clock.iso());
    return issueLabels(ctx, repo, issue);
  },
  "PUT /repos/{owner}/{repo}/issues/{issue_number}/labels": (ctx) => {
    const { repo, issue } = issueOf(ctx);
    updateIssue(ctx.state, repo, issue, { labels: names(ctx.body) }, actorOf(ctx), ctx.clock.iso());
    return issueLabels(ctx, repo, issue);
  },
  "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels": (ctx) => {
    const { repo, issue } = issueOf(ctx);
    updateIssue(ctx.state, repo, issue, { labels: [] }, actorOf(ctx), ctx.clock.iso());
    return noContent();
  },
  "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}": (ctx) => {
    const { repo, issue } = issueOf(ctx);
    removeLabel(repo, issue, ctx.params.name ?? "", ctx.clock.iso());
    return issueLabels(ctx, repo, issue);
  },
};
