import type { IssueRecord, PullRecord, RepoRecord, SandboxState } from "../state.js";
import { branchRef } from "../store/git.js";
import { currentHead, pullFiles } from "../store/pulls.js";
import { findRepo } from "../store/repos.js";
import { findTeam } from "../store/teams.js";
import { authorAssociation, issueShape } from "./issues.js";
import { repoSummaryShape } from "./repos.js";
import { teamShape } from "./teams.js";
import { userShape } from "./users.js";
import type { Urls } from "./urls.js";
import { repoApi } from "./urls.js";


function branchSide(state: SandboxState, urls: Urls, repo: RepoRecord, ref: string, sha: string) {
  return {
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: userShape(state, urls, repo.owner),
    repo: repoSummaryShape(state, urls, repo),
  };
}

/** A pull request as GET /pulls/{number} and webhook payloads show it. */
export function pullShape(state: SandboxState, urls: Urls, repo: RepoRecord, issue: IssueRecord): Record<string, unknown> {
  const pull = issue.pull;
  if (!pull) throw new Error(`#${issue.number} is not a pull request`);
  const asIssue = issueShape(state, urls, repo, issue);
  const api = `${repoApi(urls, repo.owner, repo.name)}/pulls/${issue.number}`;
  const issueApi = `${repoApi(urls, repo.owner, repo.name)}/issues/${issue.number}`;
  const headSha = currentHead(repo, issue as IssueRecord & { pull: PullRecord });
  const [forkOwner = repo.owner, forkName = repo.name] = pull.headRepo?.split("/") ?? [];
  const headRepo = pull.headRepo === null ? repo : (findRepo(state, forkOwner, forkName) ?? repo);
  const baseSha = repo.refs.get(branchRef(pull.base)) ?? pull.baseSha;
  const statuses = `${repoApi(urls, repo.owner, repo.name)}/statuses/${headSha}`;
  const web = asIssue.html_url as string;
  const files = pullFiles(state, repo, issue);
  return {
    url: api,
    id: issue.id,
    node_id: issue.nodeId,
    html_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    issue_url: issueApi,
    number: issue.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: asIssue.user,
    body: issue.body,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: asIssue.assignee,
    assignees: asIssue.assignees,
    requested_reviewers: pull.requestedReviewers.map((login) => userShape(state, urls, login)),
    requested_teams: pull.requestedTeams.flatMap((slug) => {
      const team = findTeam(state, repo.owner, slug);
      return team ? [teamShape(state, urls, team, repo)] : [];
    }),
    labels: asIssue.labels,
    milestone: asIssue.milestone,
    draft: pull.draft,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApi(urls, repo.owner, repo.name)}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: statuses,
    head: branchSide(state, urls, headRepo, pull.head, headSha),
    base: branchSide(state, urls, repo, pull.base, baseSha),
    _links: {
      self: { href: api },
      html: { href: web },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${repoApi(urls, repo.owner, repo.name)}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: statuses },
    },
    author_association: authorAssociation(state, repo, issue.user),
    auto_merge: null,
    active_lock_reason: null,
    merged: pull.merged,
    mergeable: issue.state === "open" ? true : null,
    rebaseable: issue.state === "open" ? true : null,
    mergeable_state: issue.state === "open" ? "clean" : "unknown",
    merged_by: pull.mergedBy === null ? null : userShape(state, urls, pull.mergedBy),
    comments: issue.comments.length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: 1,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changed_files: files.length,
  };
}
