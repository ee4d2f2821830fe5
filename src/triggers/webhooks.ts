import type { Probot } from "probot";
import { touchesConfiguration } from "../config/cache.js";
import { parseCommands } from "../domain/commands.js";
import type { EvidenceChange } from "../domain/evidence/plan.js";
import { LABEL } from "../domain/labels.js";
import { incidentOfBranch } from "../domain/postmortem/names.js";
import { isOwn } from "../markers/identity.js";
import type { EngineLog, RunOptions } from "../engine/reconcile.js";
import type { GitHubClient, RepoRef } from "../github/client.js";
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

  // Only deliveries that reach the engine are gated: the filters above it cost nothing anyway.
  type Scope = { id: string; octokit: GitHubClient; log: EngineLog; repo(): RepoRef };
  const gated = async (context: Scope, run: (engine: ReturnType<typeof engineFor>) => Promise<unknown>) => {
    const go = async () => void (await run(engineFor(runtime, context.octokit, context.log)));
    await (runtime.deliveries ? runtime.deliveries.once(context.id, go) : go());
  };
  const reconcile = (context: Scope, number: number, options: RunOptions = {}) => gated(context, (engine) => engine.reconcileIssue(context.repo(), number, options));
  const judge = (context: Scope, number: number) => gated(context, (engine) => engine.reconcilePull(context.repo(), number));

  app.on([...ISSUE_EVENTS], async (context) => {
    const { issue } = context.payload;
    if ("pull_request" in issue && issue.pull_request) return;
    if (await fromVigil(context.payload.sender)) return;
    const label = "label" in context.payload ? context.payload.label : undefined;
    if (!labelled(issue.labels) && label?.name?.toLowerCase() !== LABEL.incident) return;
    await reconcile(context, issue.number);
  });

  app.on(["issue_comment.created", "issue_comment.edited", "issue_comment.deleted"], async (context) => {
    const { issue, comment, sender } = context.payload;
    if (issue.pull_request || !labelled(issue.labels)) return;
    const action = context.payload.action;
    // Ordinary discussion costs nothing: a new comment matters when it holds a command.
    if (action === "created") {
      if (comment.user?.type === "Bot" || parseCommands(comment.body ?? "").length === 0) return;
      await reconcile(context, issue.number);
      return;
    }
    if (await fromVigil(sender)) return;
    let change: EvidenceChange;
    const author = { login: comment.user?.login ?? "ghost", isBot: comment.user?.type === "Bot" };
    if (context.payload.action === "edited") {
      const before = context.payload.changes.body?.from;
      if (before === undefined) return;
      // The ledger holds command comments, and Vigil's own comments must not be edited by anyone: other edits cost nothing.
      if (comment.user?.type !== "Bot" && parseCommands(before).length === 0 && parseCommands(comment.body ?? "").length === 0) return;
      change = { kind: "edited", commentId: comment.id, previousBody: before, author, by: sender.login, at: comment.updated_at };
    } else {
      // A deleted comment may have been ledgered evidence (its text is only in this payload now) or one of Vigil's own.
      change = { kind: "deleted", commentId: comment.id, previousBody: comment.body ?? "", author, by: sender.login, at: runtime.now().toISOString() };
    }
    await reconcile(context, issue.number, { change });
  });

  // A post-mortem pull request merged, closed, reopened or relabelled: its incident is reconciled (SPEC 2.3).
  app.on(["pull_request.closed", "pull_request.reopened", "pull_request.unlabeled", "pull_request.edited", "pull_request.synchronize"], async (context) => {
    const incident = incidentOfBranch(context.payload.pull_request.head.ref);
    if (incident === null || context.payload.pull_request.head.repo?.full_name !== context.payload.repository.full_name) return;
    if (await fromVigil(context.payload.sender)) return;
    await reconcile(context, incident);
  });

  // Top-threat scrutiny (SPEC 2.14): a push, an opened, reopened or un-drafted pull request, a changed base, or a
  // review submitted or dismissed names the pull request; the engine judges it from its whole state, not the event.
  // Vigil's own post-mortem pull requests are judged too, so a required check never blocks them.
  app.on(["pull_request.opened", "pull_request.reopened", "pull_request.synchronize", "pull_request.ready_for_review", "pull_request.edited"], async (context) => {
    const { payload } = context;
    if (payload.action === "edited" && !("base" in (payload.changes ?? {}))) return;
    await judge(context, payload.pull_request.number);
  });

  app.on(["pull_request_review.submitted", "pull_request_review.dismissed"], async (context) => {
    await judge(context, context.payload.pull_request.number);
  });

  // Not gated: each replica keeps its own configuration cache, so every copy of a push that reaches one must drop it.
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
