import type { RepoRef } from "../github/client.js";
import { statusOf } from "../github/client.js";
import type { GitHubGateway } from "../github/gateway.js";
import type { Effect } from "./effects.js";

/** What applying a plan did. */
export interface ApplyResult {
  applied: Effect[];
  /** A create whose outcome is unknown (5xx, timeout): observe again before anything else. */
  uncertain: Effect | null;
  /** Something changed that further effects build on (an issue closed, a review issue filed): observe and plan again. */
  followUp: boolean;
}

// Creates GitHub does not make idempotent for us: on an ambiguous answer, observe before trying again.
const CREATES = new Set<Effect["kind"]>(["createComment", "createIssue", "openPostmortem", "fileRecurring", "checkRun"]);

// A 5xx, a timeout or a dropped connection may come after GitHub applied the write.
function isAmbiguous(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

/**
 * The one place Vigil writes. Effects are applied in order; updates, label and assignee writes are
 * idempotent and retried by Octokit. A create is not retried blindly: when its answer is ambiguous,
 * apply stops so the caller observes again and finds whether the comment landed (its marker says so).
 */
export async function applyEffects(gateway: GitHubGateway, repo: RepoRef, effects: readonly Effect[]): Promise<ApplyResult> {
  const applied: Effect[] = [];
  for (const effect of effects) {
    try {
      await applyOne(gateway, repo, effect);
    } catch (error) {
      if (CREATES.has(effect.kind) && isAmbiguous(error)) return { applied, uncertain: effect, followUp: false };
      throw error;
    }
    applied.push(effect);
  }
  return { applied, uncertain: null, followUp: applied.some((e) => e.kind === "createIssue" || e.kind === "closeIssue" || (e.kind === "fileRecurring" && e.recheck)) };
}

async function applyOne(gateway: GitHubGateway, repo: RepoRef, effect: Effect): Promise<void> {
  switch (effect.kind) {
    case "createLabel":
      return gateway.createLabel(repo, effect.label);
    case "setLabels":
      return gateway.setLabels(repo, effect.issue, effect.labels);
    case "addAssignees":
      return gateway.addAssignees(repo, effect.issue, effect.logins);
    case "removeAssignees":
      return gateway.removeAssignees(repo, effect.issue, effect.logins);
    case "closeIssue":
      return gateway.closeIssue(repo, effect.issue, effect.reason);
    case "createComment":
      await gateway.createComment(repo, effect.issue, effect.body);
      return;
    case "updateComment":
      return gateway.updateComment(repo, effect.commentId, effect.body);
    case "deleteComment":
      return gateway.deleteComment(repo, effect.commentId);
    case "react":
      return gateway.react(repo, effect.commentId, effect.content);
    case "addLabels":
      return gateway.addLabels(repo, effect.issue, effect.labels);
    case "removeLabel":
      return gateway.removeLabel(repo, effect.issue, effect.label);
    case "createIssue":
      await gateway.createIssue(repo, { title: effect.title, body: effect.body, labels: effect.labels, assignees: effect.assignees });
      return;
    case "requestReviewers":
      await gateway.requestReviewers(repo, effect.issue, effect.reviewers, effect.teamReviewers);
      return;
    case "fileRecurring": {
      const m = effect.milestone;
      const milestone = m ? await gateway.ensureMilestone(repo, m.title, m.dueOn, m.description) : null;
      const number = await gateway.createIssueIn(repo, { title: effect.title, body: effect.body, labels: effect.labels, assignees: effect.assignees, milestone });
      if (effect.previous) {
        await gateway.createComment(repo, effect.previous.number, effect.previous.note.replaceAll("{{next}}", String(number)));
        await gateway.closeIssue(repo, effect.previous.number, "not_planned");
      }
      return;
    }
    case "updatePullBody":
      return gateway.updatePullBody(repo, effect.issue, effect.body);
    case "openPostmortem": {
      // Each step finds what a racing run (or an applied-but-failed write) left and goes on from there.
      await gateway.createBranch(repo, effect.branch, effect.baseSha);
      await gateway.createFile(repo, effect.branch, effect.path, effect.content, effect.message);
      const pull = await gateway.openPull(repo, { head: effect.branch, base: effect.base, title: effect.title, body: effect.body });
      await gateway.addLabels(repo, pull, effect.labels);
      const refused = await gateway.requestReviewers(repo, pull, effect.reviewers, effect.teamReviewers);
      if (refused) await gateway.createComment(repo, pull, effect.reviewersRefused);
      await gateway.createComment(repo, effect.issue, effect.linkBody.replaceAll("{{pr}}", String(pull)));
      return;
    }
    case "checkRun": {
      const run = { headSha: effect.headSha, name: effect.name, conclusion: effect.conclusion, title: effect.title, summary: effect.summary, externalId: effect.externalId };
      if (effect.checkRunId === null) await gateway.createCheckRun(repo, run);
      else await gateway.updateCheckRun(repo, effect.checkRunId, run);
      return;
    }
    case "projectItem": {
      const itemId = effect.itemId ?? (await gateway.addProjectItem(effect.projectId, effect.contentId));
      return gateway.setProjectFields(effect.projectId, itemId, effect.fields);
    }
  }
}
