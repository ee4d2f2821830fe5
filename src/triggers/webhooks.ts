import type { Probot } from "probot";
import { touchesConfiguration } from "../config/cache.js";
import { parseCommands } from "../domain/commands.js";
import { LABEL } from "../domain/labels.js";
import { incidentOfBranch } from "../domain/postmortem/names.js";
import { isOwn } from "../markers/identity.js";
import type { AppRuntime } from "./engine-for.js";
import { engineFor } from "./engine-for.js";

type Labels = readonly ({ name?: string } | string | null)[] | undefined;

// A payload is a hint about which issue to look at, never the truth about it: the engine reads
// the issue afresh. The hint only spares the calls for issues that are plainly not incidents.
const labelled = (labels: Labels) => (labels ?? []).some((l) => (typeof l === "string" ? l : l?.name)?.toLowerCase() === LABEL.incident);

const ISSUE_EVENTS = ["issues.opened", "issues.edited", "issues.labeled", "issues.unlabeled", "issues.closed", "issues.reopened", "issues.assigned", "issues.unassigned"] as const;

/** Wires the webhook events to the engine: each names one issue to reconcile, or invalidates cached configuration. */
export function registerWebhooks(app: Probot, runtime: AppRuntime): void {
  // Vigil's own writes come back as webhooks too; the run that made them has already converged.
  const fromVigil = async (sender: { login: string; type: string } | undefined) =>
    sender?.type === "Bot" && isOwn({ login: sender.login, isBot: true }, await runtime.identity());

  app.on([...ISSUE_EVENTS], async (context) => {
    const { issue } = context.payload;
    if ("pull_request" in issue && issue.pull_request) return;
    if (await fromVigil(context.payload.sender)) return;
    const label = "label" in context.payload ? context.payload.label : undefined;
    if (!labelled(issue.labels) && label?.name?.toLowerCase() !== LABEL.incident) return;
    await engineFor(runtime, context.octokit, context.log).reconcileIssue(context.repo(), issue.number);
  });

  app.on(["issue_comment.created", "issue_comment.deleted"], async (context) => {
    const { issue, comment } = context.payload;
    if (issue.pull_request || !labelled(issue.labels)) return;
    // Ordinary discussion costs nothing: a new comment matters when it holds a command; a deleted one may have been Vigil's.
    if (context.payload.action === "created" && (comment.user?.type === "Bot" || parseCommands(comment.body ?? "").length === 0)) return;
    await engineFor(runtime, context.octokit, context.log).reconcileIssue(context.repo(), issue.number);
  });

  // A post-mortem pull request merged, closed, reopened or relabelled: its incident is reconciled (SPEC 2.3).
  app.on(["pull_request.closed", "pull_request.reopened", "pull_request.unlabeled", "pull_request.edited", "pull_request.synchronize"], async (context) => {
    const incident = incidentOfBranch(context.payload.pull_request.head.ref);
    if (incident === null || context.payload.pull_request.head.repo?.full_name !== context.payload.repository.full_name) return;
    if (await fromVigil(context.payload.sender)) return;
    await engineFor(runtime, context.octokit, context.log).reconcileIssue(context.repo(), incident);
  });

  // Top-threat scrutiny (SPEC 2.14): a push, an opened, reopened or un-drafted pull request, a changed base, or a
  // review submitted or dismissed names the pull request; the engine judges it from its whole state, not the event.
  // Vigil's own post-mortem pull requests are judged too, so a required check never blocks them.
  app.on(["pull_request.opened", "pull_request.reopened", "pull_request.synchronize", "pull_request.ready_for_review", "pull_request.edited"], async (context) => {
    const { payload } = context;
    if (payload.action === "edited" && !("base" in (payload.changes ?? {}))) return;
    await engineFor(runtime, context.octokit, context.log).reconcilePull(context.repo(), payload.pull_request.number);
  });

  app.on(["pull_request_review.submitted", "pull_request_review.dismissed"], async (context) => {
    await engineFor(runtime, context.octokit, context.log).reconcilePull(context.repo(), context.payload.pull_request.number);
  });

  app.on("push", async (context) => {
    const { repository, commits, ref } = context.payload;
    if (ref !== `refs/heads/${repository.default_branch}`) return;
    const paths = commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])]);
    if (!touchesConfiguration(paths)) return;
    const owner = repository.owner?.login ?? "";
    if (repository.name === ".github") runtime.cache.invalidateOwner(owner);
    else runtime.cache.invalidate(owner, repository.name);
  });
}
