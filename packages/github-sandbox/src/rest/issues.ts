import { issueShape } from "../shapes/issues.js";
import type { IssueRecord, StateReason } from "../state.js";
import { addAssignees, createIssue, removeAssignees, requireIssue, updateIssue } from "../store/issues.js";
import type { RestContext, RestHandler } from "./context.js";
import { actorOf, numberParam, ok, paged, repoOf } from "./context.js";

interface IssueBody {
  title?: string | number;
  body?: string | null;
  state?: "open" | "closed";
  state_reason?: StateReason | null;
  labels?: (string | { name?: string })[];
  assignees?: string[];
  assignee?: string | null;
  milestone?: string | number | null;
}

function labelList(labels: IssueBody["labels"]): string[] | undefined {
  return labels?.flatMap((l) => (typeof l === "string" ? [l] : l.name === undefined ? [] : [l.name]));
}

function milestoneOf(value: IssueBody["milestone"]): number | null | undefined {
  if (value === undefined || value === null) return value;
  return Number(value);
}

function assigneesOf(body: IssueBody): string[] | undefined {
  if (body.assignees !== undefined) return body.assignees;
  if (body.assignee !== undefined) return body.assignee === null ? [] : [body.assignee];
  return undefined;
}

function matchesFilters(ctx: RestContext, issue: IssueRecord): boolean {
  const q = ctx.query;
  const state = q.get("state") ?? "open";
  if (state !== "all" && issue.state !== state) return false;
  const labels = q.get("labels")?.split(",").map((l) => l.trim().toLowerCase()).filter(Boolean) ?? [];
  if (!labels.every((l) => issue.labels.some((name) => name.toLowerCase() === l))) return false;
  const since = q.get("since");
  if (since !== null && Date.parse(issue.updatedAt) < Date.parse(since)) return false;
  const assignee = q.get("assignee");
  if (assignee === "none" && issue.assignees.length > 0) return false;
  if (assignee === "*" && issue.assignees.length === 0) return false;
  if (assignee && assignee !== "none" && assignee !== "*" && !issue.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase())) return false;
  const creator = q.get("creator");
  if (creator !== null && issue.user.toLowerCase() !== creator.toLowerCase()) return false;
  const milestone = q.get("milestone");
  if (milestone === "none" && issue.milestone !== null) return false;
  if (milestone === "*" && issue.milestone === null) return false;
  if (milestone !== null && /^\d+$/.test(milestone) && issue.milestone !== Number(milestone)) return false;
  return true;
}

function sortKey(sort: string | null): (issue: IssueRecord) => string | number {
  if (sort === "updated") return (i) => i.updatedAt;
  if (sort === "comments") return (i) => i.comments.length;
  return (i) => i.createdAt;
}

const list: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  const key = sortKey(ctx.query.get("sort"));
  const sign = ctx.query.get("direction") === "asc" ? 1 : -1;
  const issues = [...repo.issues.values()]
    .filter((i) => matchesFilters(ctx, i))
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      // Equal keys (a frozen clock) fall back to number order, like GitHub's id tiebreak.
      return sign * (ka === kb ? a.number - b.number : ka < kb ? -1 : 1);
    });
  return paged(ctx, issues.map((i) => issueShape(ctx.state, ctx.urls, repo, i)));
};

const create: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  const body = ctx.body as IssueBody;
  const issue = createIssue(
    ctx.state,
    repo,
    {
      title: String(body.title),
      body: body.body ?? null,
      user: actorOf(ctx),
      labels: labelList(body.labels),
      assignees: assigneesOf(body),
      milestone: milestoneOf(body.milestone),
    },
    ctx.clock.iso(),
  );
  return ok(issueShape(ctx.state, ctx.urls, repo, issue), 201);
};

const get: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  return ok(issueShape(ctx.state, ctx.urls, repo, requireIssue(repo, numberParam(ctx, "issue_number"))));
};

const update: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  const issue = requireIssue(repo, numberParam(ctx, "issue_number"));
  const body = ctx.body as IssueBody;
  updateIssue(
    ctx.state,
    repo,
    issue,
    {
      title: body.title === undefined ? undefined : String(body.title),
      body: body.body,
      state: body.state,
      stateReason: body.state_reason,
      labels: labelList(body.labels),
      assignees: assigneesOf(body),
      milestone: milestoneOf(body.milestone),
    },
    actorOf(ctx),
    ctx.clock.iso(),
  );
  return ok(issueShape(ctx.state, ctx.urls, repo, issue));
};

const assign: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  const issue = requireIssue(repo, numberParam(ctx, "issue_number"));
  addAssignees(ctx.state, repo, issue, (ctx.body as IssueBody).assignees ?? [], ctx.clock.iso());
  return ok(issueShape(ctx.state, ctx.urls, repo, issue), 201);
};

const unassign: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  const issue = requireIssue(repo, numberParam(ctx, "issue_number"));
  removeAssignees(issue, (ctx.body as IssueBody).assignees ?? [], ctx.clock.iso());
  return ok(issueShape(ctx.state, ctx.urls, repo, issue));
};

/** Issue endpoints: list, create, get, update, assignees. */
export const issueRoutes: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}/issues": list,
  "POST /repos/{owner}/{repo}/issues": create,
  "GET /repos/{owner}/{repo}/issues/{issue_number}": get,
  "PATCH /repos/{owner}/{repo}/issues/{issue_number}": update,
  "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees": assign,
  "DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees": unassign,
};
