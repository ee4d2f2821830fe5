import type {
  CommentRecord,
  IssueRecord,
  LabelRecord,
  MilestoneRecord,
  ReactionRecord,
  RepoRecord,
  SandboxState,
} from "../state.js";
import { findUser } from "../store/accounts.js";
import { findLabel } from "../store/labels.js";
import { userShape } from "./users.js";
import type { Urls } from "./urls.js";
import { repoApi, repoWeb } from "./urls.js";

const REACTIONS = ["+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"] as const;

/** GitHub's relationship of an author to the repository. */
export function authorAssociation(state: SandboxState, repo: RepoRecord, login: string): string {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return "OWNER";
  const explicit = repo.permissions.get(login.toLowerCase());
  if (explicit && explicit !== "none") return findUser(state, repo.owner)?.type === "Organization" ? "MEMBER" : "COLLABORATOR";
  return "NONE";
}

/** The `reaction-rollup` summary embedded in issues and comments. */
export function reactionRollup(reactions: readonly ReactionRecord[], url: string): Record<string, unknown> {
  const counts: Record<string, number> = {};
  for (const content of REACTIONS) counts[content] = reactions.filter((r) => r.content === content).length;
  return { url, total_count: reactions.length, ...counts };
}

/** A single reaction. */
export function reactionShape(state: SandboxState, urls: Urls, reaction: ReactionRecord): Record<string, unknown> {
  return {
    id: reaction.id,
    node_id: reaction.nodeId,
    user: userShape(state, urls, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}

/** A repository label. */
export function labelShape(urls: Urls, repo: RepoRecord, label: LabelRecord): Record<string, unknown> {
  return {
    id: label.id,
    node_id: label.nodeId,
    url: `${repoApi(urls, repo.owner, repo.name)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.isDefault,
    description: label.description,
  };
}

/** A milestone with its open/closed issue counts. */
export function milestoneShape(state: SandboxState, urls: Urls, repo: RepoRecord, m: MilestoneRecord): Record<string, unknown> {
  const api = `${repoApi(urls, repo.owner, repo.name)}/milestones/${m.number}`;
  const issues = [...repo.issues.values()].filter((i) => i.milestone === m.number);
  return {
    url: api,
    html_url: `${repoWeb(urls, repo.owner, repo.name)}/milestone/${m.number}`,
    labels_url: `${api}/labels`,
    id: m.id,
    node_id: m.nodeId,
    number: m.number,
    title: m.title,
    description: m.description,
    creator: userShape(state, urls, m.creator),
    open_issues: issues.filter((i) => i.state === "open").length,
    closed_issues: issues.filter((i) => i.state === "closed").length,
    state: m.state,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    due_on: m.dueOn,
    closed_at: m.closedAt,
  };
}

function issueLabels(urls: Urls, repo: RepoRecord, issue: IssueRecord) {
  return issue.labels.flatMap((name) => {
    const label = findLabel(repo, name);
    return label ? [labelShape(urls, repo, label)] : [];
  });
}

/** An issue as REST and webhooks show it; pull requests get the `pull_request` key. */
export function issueShape(state: SandboxState, urls: Urls, repo: RepoRecord, issue: IssueRecord): Record<string, unknown> {
  const api = `${repoApi(urls, repo.owner, repo.name)}/issues/${issue.number}`;
  const web = `${repoWeb(urls, repo.owner, repo.name)}/${issue.pull ? "pull" : "issues"}/${issue.number}`;
  const assignees = issue.assignees.map((login) => userShape(state, urls, login));
  const milestone = issue.milestone === null ? undefined : repo.milestones.get(issue.milestone);
  const pullApi = `${repoApi(urls, repo.owner, repo.name)}/pulls/${issue.number}`;
  return {
    url: api,
    repository_url: repoApi(urls, repo.owner, repo.name),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: web,
    id: issue.id,
    node_id: issue.nodeId,
    number: issue.number,
    title: issue.title,
    user: userShape(state, urls, issue.user),
    labels: issueLabels(urls, repo, issue),
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: milestone ? milestoneShape(state, urls, repo, milestone) : null,
    comments: issue.comments.length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: authorAssociation(state, repo, issue.user),
    type: null,
    active_lock_reason: null,
    ...(issue.pull
      ? {
          draft: issue.pull.draft,
          pull_request: {
            url: pullApi,
            html_url: web,
            diff_url: `${web}.diff`,
            patch_url: `${web}.patch`,
            merged_at: issue.pull.mergedAt,
          },
        }
      : {}),
    body: issue.body,
    closed_by: issue.closedBy === null ? null : userShape(state, urls, issue.closedBy),
    reactions: reactionRollup(issue.reactions, `${api}/reactions`),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
  };
}

/** An issue comment. */
export function commentShape(
  state: SandboxState,
  urls: Urls,
  repo: RepoRecord,
  issue: IssueRecord,
  comment: CommentRecord,
): Record<string, unknown> {
  const api = repoApi(urls, repo.owner, repo.name);
  const web = `${repoWeb(urls, repo.owner, repo.name)}/${issue.pull ? "pull" : "issues"}/${issue.number}`;
  return {
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${web}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${issue.number}`,
    id: comment.id,
    node_id: comment.nodeId,
    user: userShape(state, urls, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(state, repo, comment.user),
    body: comment.body,
    reactions: reactionRollup(comment.reactions, `${api}/issues/comments/${comment.id}/reactions`),
    performed_via_github_app: null,
  };
}
