// Webhook payloads built from current sandbox state, so a test can change
// state through the API and then deliver the event GitHub would send.
import { installationShape } from "./shapes/apps.js";
import { commentShape, issueShape, labelShape, milestoneShape } from "./shapes/issues.js";
import { pullShape } from "./shapes/pulls.js";
import { repoShape, repoSummaryShape } from "./shapes/repos.js";
import { teamShape } from "./shapes/teams.js";
import { organizationShape, userShape } from "./shapes/users.js";
import type { Urls } from "./shapes/urls.js";
import type { IssueRecord, RepoRecord, SandboxState } from "./state.js";
import { ensureUser, findUser } from "./store/accounts.js";
import { requireComment } from "./store/comments.js";
import { requireIssue } from "./store/issues.js";
import { requireLabel } from "./store/labels.js";
import { requirePull } from "./store/pulls.js";
import { requireRepo } from "./store/repos.js";
import { findTeam } from "./store/teams.js";

export interface PayloadOptions {
  /** Login of the person (or bot) who caused the event. */
  sender: string;
  /** For labeled/unlabeled. */
  label?: string;
  /** For assigned/unassigned. */
  assignee?: string;
  /** For edited: what changed, e.g. `{ body: { from: "old" } }`. */
  changes?: Record<string, unknown>;
  /** For pull_request.synchronize: the head sha before the push (default: the head commit's first parent). */
  before?: string;
  /** For pull_request.review_requested / review_request_removed: the user (login) or team (slug) concerned. */
  requestedReviewer?: string;
  requestedTeam?: string;
}

type Payload = Record<string, unknown>;

// Webhooks carry only the id and GitHub's legacy-format node id of the installation.
function installationRef(id: number): Payload {
  return { id, node_id: Buffer.from(`023:IntegrationInstallation${id}`).toString("base64") };
}

// Webhook issues always carry `draft`, which REST only shows for pull requests.
function webhookIssue(state: SandboxState, urls: Urls, repo: RepoRecord, issue: IssueRecord): Payload {
  return { ...issueShape(state, urls, repo, issue), draft: issue.pull?.draft ?? false };
}

function envelope(state: SandboxState, urls: Urls, repo: RepoRecord, sender: string): Payload {
  ensureUser(state, sender);
  const isOrg = findUser(state, repo.owner)?.type === "Organization";
  return {
    repository: repoShape(state, urls, repo),
    ...(isOrg ? { organization: organizationShape(state, urls, repo.owner) } : {}),
    sender: userShape(state, urls, sender),
    ...(repo.installationId === null ? {} : { installation: installationRef(repo.installationId) }),
  };
}

function extras(state: SandboxState, urls: Urls, repo: RepoRecord, issueMilestone: number | null, options: PayloadOptions, action: string): Payload {
  const out: Payload = {};
  if (options.label !== undefined) out.label = labelShape(urls, repo, requireLabel(repo, options.label));
  if (options.assignee !== undefined) out.assignee = userShape(state, urls, ensureUser(state, options.assignee).login);
  if (options.changes !== undefined || action === "edited") out.changes = options.changes ?? {};
  const milestone = issueMilestone === null ? undefined : repo.milestones.get(issueMilestone);
  if ((action === "milestoned" || action === "demilestoned") && milestone) out.milestone = milestoneShape(state, urls, repo, milestone);
  return out;
}

/** Builders for the webhook events Vigil handles. */
export function payloadBuilders(state: SandboxState, urls: Urls) {
  return {
    /** An `issues` event for the issue's current state. */
    issues(action: string, owner: string, repo: string, number: number, options: PayloadOptions): Payload {
      const r = requireRepo(state, owner, repo);
      const issue = requireIssue(r, number);
      return { action, issue: webhookIssue(state, urls, r, issue), ...extras(state, urls, r, issue.milestone, options, action), ...envelope(state, urls, r, options.sender) };
    },
    /** An `issue_comment` event for a comment (by id) as it is now. */
    issueComment(action: string, owner: string, repo: string, commentId: number, options: PayloadOptions): Payload {
      const r = requireRepo(state, owner, repo);
      const { issue, comment } = requireComment(r, commentId);
      return {
        action,
        issue: webhookIssue(state, urls, r, issue),
        comment: commentShape(state, urls, r, issue, comment),
        ...(options.changes !== undefined || action === "edited" ? { changes: options.changes ?? {} } : {}),
        ...envelope(state, urls, r, options.sender),
      };
    },
    /**
     * A `pull_request` event for the pull request's current state: `opened`, `closed` (with `merged`
     * from state), `synchronize` (with `before`/`after`), `labeled` (`label`), `review_requested`
     * (`requestedReviewer` or `requestedTeam`), ...
     */
    pullRequest(action: string, owner: string, repo: string, number: number, options: PayloadOptions): Payload {
      const r = requireRepo(state, owner, repo);
      const issue = requirePull(r, number);
      const pull_request = pullShape(state, urls, r, issue);
      const out: Payload = { action, number, pull_request, ...extras(state, urls, r, issue.milestone, options, action) };
      if (action === "synchronize") {
        const after = (pull_request.head as { sha: string }).sha;
        out.before = options.before ?? r.commits.get(after)?.parents[0] ?? after;
        out.after = after;
      }
      if (options.requestedReviewer !== undefined) out.requested_reviewer = userShape(state, urls, ensureUser(state, options.requestedReviewer).login);
      if (options.requestedTeam !== undefined) {
        const team = findTeam(state, r.owner, options.requestedTeam);
        if (!team) throw new Error(`No team ${r.owner}/${options.requestedTeam}`);
        out.requested_team = teamShape(state, urls, team, r);
      }
      return { ...out, ...envelope(state, urls, r, options.sender) };
    },
    /** A `pull_request_review` event (`submitted`, `dismissed`) for a review (by id) as it is now. */
    pullRequestReview(action: string, owner: string, repo: string, number: number, reviewId: number, options: PayloadOptions): Payload {
      const r = requireRepo(state, owner, repo);
      const issue = requirePull(r, number);
      const review = issue.pull.reviews.find((x) => x.id === reviewId);
      if (!review) throw new Error(`No review ${reviewId} on #${number}`);
      const pull_request = pullShape(state, urls, r, issue);
      const html = `${pull_request.html_url as string}#pullrequestreview-${review.id}`;
      return {
        action,
        review: {
          id: review.id, node_id: review.nodeId, user: userShape(state, urls, review.user), body: review.body || null, commit_id: review.commitId,
          submitted_at: review.submittedAt, state: review.state.toLowerCase(), html_url: html, pull_request_url: pull_request.url,
          author_association: pull_request.author_association, _links: { html: { href: html }, pull_request: { href: pull_request.url } },
        },
        pull_request,
        ...envelope(state, urls, r, options.sender),
      };
    },
    /** An `installation` event listing the installation's repositories. */
    installation(action: string, installationId: number, options: PayloadOptions): Payload {
      const installation = state.installations.get(installationId);
      if (!installation) throw new Error(`No installation ${installationId}`);
      ensureUser(state, options.sender);
      const repositories = [...state.repos.values()]
        .filter((r) => r.installationId === installationId)
        .map((r) => {
          const full = repoSummaryShape(state, urls, r);
          return { id: full.id, node_id: full.node_id, name: full.name, full_name: full.full_name, private: full.private };
        });
      return { action, installation: installationShape(state, urls, installation), repositories, requester: null, sender: userShape(state, urls, options.sender) };
    },
  };
}

export type PayloadBuilders = ReturnType<typeof payloadBuilders>;
