import { milestoneShape } from "../shapes/issues.js";
import type { MilestoneRecord, RepoRecord } from "../state.js";
import type { MilestoneInput } from "../store/milestones.js";
import { createMilestone, deleteMilestone, requireMilestone, updateMilestone } from "../store/milestones.js";
import type { RestContext, RestHandler } from "./context.js";
import { actorOf, noContent, numberParam, ok, paged, repoOf } from "./context.js";

function completeness(repo: RepoRecord, m: MilestoneRecord): number {
  const issues = [...repo.issues.values()].filter((i) => i.milestone === m.number);
  return issues.length === 0 ? 0 : issues.filter((i) => i.state === "closed").length / issues.length;
}

function list(ctx: RestContext) {
  const repo = repoOf(ctx);
  const state = ctx.query.get("state") ?? "open";
  const sort = ctx.query.get("sort") ?? "due_on";
  const sign = (ctx.query.get("direction") ?? "asc") === "asc" ? 1 : -1;
  const key = (m: MilestoneRecord): string | number =>
    sort === "completeness" ? completeness(repo, m) : (m.dueOn ?? "9999");
  const milestones = [...repo.milestones.values()]
    .filter((m) => state === "all" || m.state === state)
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return sign * (ka === kb ? a.number - b.number : ka < kb ? -1 : 1);
    });
  return paged(ctx, milestones.map((m) => milestoneShape(ctx.state, ctx.urls, repo, m)));
}

/** Milestones: titles are unique per repository, which makes them a safe creation guard. */
export const milestoneRoutes: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}/milestones": list,
  "POST /repos/{owner}/{repo}/milestones": (ctx) => {
    const repo = repoOf(ctx);
    const milestone = createMilestone(ctx.state, repo, ctx.body as MilestoneInput, actorOf(ctx), ctx.clock.iso());
    return ok(milestoneShape(ctx.state, ctx.urls, repo, milestone), 201);
  },
  "GET /repos/{owner}/{repo}/milestones/{milestone_number}": (ctx) => {
    const repo = repoOf(ctx);
    return ok(milestoneShape(ctx.state, ctx.urls, repo, requireMilestone(repo, numberParam(ctx, "milestone_number"))));
  },
  "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}": (ctx) => {
    const repo = repoOf(ctx);
    const milestone = requireMilestone(repo, numberParam(ctx, "milestone_number"));
    updateMilestone(milestone, repo, ctx.body as Partial<MilestoneInput>, ctx.clock.iso());
    return ok(milestoneShape(ctx.state, ctx.urls, repo, milestone));
  },
  "DELETE /repos/{owner}/{repo}/milestones/{milestone_number}": (ctx) => {
    deleteMilestone(repoOf(ctx), numberParam(ctx, "milestone_number"));
    return noContent();
  },
};
