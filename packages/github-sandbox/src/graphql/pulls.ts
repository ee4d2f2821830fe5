// Pull request parts of the GraphQL model: `Repository.pullRequests` and
// `Ref.associatedPullRequests` filters, refs (`defaultBranchRef`, `ref`),
// review requests (users and teams) and changed files.
import type { IssueRecord, RepoRecord, TeamRecord } from "../state.js";
import { findUser } from "../store/accounts.js";
import { branchRef } from "../store/git.js";
import { currentHead, pullFiles } from "../store/pulls.js";
import { findRepo } from "../store/repos.js";
import { isAncestor } from "../store/git.js";
import { findTeam } from "../store/teams.js";
import type { ConnectionArgs } from "./connection.js";
import { connection } from "./connection.js";
import { commitObject } from "./git-objects.js";
import type { Order } from "./issue-filters.js";
import { sortBy } from "./issue-filters.js";
import type { GraphqlContext } from "./nodes.js";
import { actorNode, issueNode, ownerNode, repoNode } from "./nodes.js";

type Node = Record<string, unknown>;
type Pull = IssueRecord & { pull: NonNullable<IssueRecord["pull"]> };

export interface PullRequestsArgs extends ConnectionArgs {
  states?: ("OPEN" | "CLOSED" | "MERGED")[] | null;
  labels?: string[] | null;
  headRefName?: string | null;
  baseRefName?: string | null;
  orderBy?: (Order & { field: "CREATED_AT" | "UPDATED_AT" | "COMMENTS" }) | null;
}

/** GitHub's PullRequestState: a merged pull request is MERGED, not CLOSED. */
export function pullState(issue: Pull): "OPEN" | "CLOSED" | "MERGED" {
  if (issue.pull.merged) return "MERGED";
  return issue.state === "open" ? "OPEN" : "CLOSED";
}

/**
 * The repository's pull requests the arguments select: `states` by PullRequestState, `labels` keeps
 * those carrying ANY of the names (case-insensitive, as for issues), `headRefName`/`baseRefName` are
 * exact branch names; oldest first unless `orderBy` says otherwise.
 */
export function filterPulls(repo: RepoRecord, args: PullRequestsArgs): Pull[] {
  const wanted = args.labels ? new Set(args.labels.map((l) => l.toLowerCase())) : null;
  const pulls = [...repo.issues.values()]
    .filter((i): i is Pull => i.pull !== null)
    .filter((i) => !args.states || args.states.includes(pullState(i)))
    .filter((i) => !wanted || i.labels.some((l) => wanted.has(l.toLowerCase())))
    .filter((i) => args.headRefName === undefined || args.headRefName === null || i.pull.head === args.headRefName)
    .filter((i) => args.baseRefName === undefined || args.baseRefName === null || i.pull.base === args.baseRefName)
    .sort((a, b) => a.number - b.number);
  const order = args.orderBy;
  if (!order) return pulls;
  if (order.field === "COMMENTS") return sortBy(pulls, (i) => i.comments.length, order.direction);
  return sortBy(pulls, (i) => Date.parse(order.field === "CREATED_AT" ? i.createdAt : i.updatedAt), order.direction);
}

/** A `pullRequests`-style connection over the repository. */
export function pullConnection(ctx: GraphqlContext, repo: RepoRecord, args: PullRequestsArgs, name = "pullRequests") {
  return connection(filterPulls(repo, args).map((p) => issueNode(ctx, repo, p)), args, name);
}

function refId(repo: RepoRecord, qualified: string): string {
  return `REF_kwDO${Buffer.from(`sandbox:${repo.id}:${qualified}`).toString("base64url")}`;
}

/** A git ref: `name` is the short name (`main`, `postmortem/incident-1`), `prefix` the rest (`refs/heads/`). */
export function refNode(ctx: GraphqlContext, repo: RepoRecord, qualified: string): Node | null {
  const sha = repo.refs.get(qualified);
  if (sha === undefined) return null;
  const match = /^(refs\/[^/]+\/)(.+)$/.exec(qualified);
  const prefix = match?.[1] ?? "refs/";
  const name = match?.[2] ?? qualified.slice(5);
  const isBranch = prefix === "refs/heads/";
  return {
    __typename: "Ref",
    id: refId(repo, qualified),
    name,
    prefix,
    target: () => commitObject(ctx, repo, sha),
    repository: () => repoNode(ctx, repo),
    // "Pull requests with this ref as the head ref"; only branches head pull requests.
    associatedPullRequests: (args: PullRequestsArgs) =>
      isBranch
        ? pullConnection(ctx, repo, { ...args, headRefName: name }, "associatedPullRequests")
        : connection([], args, "associatedPullRequests"),
  };
}

/**
 * `Repository.ref(qualifiedName:)`: fully qualified names match first, then short names as a
 * branch, then as a tag (GitHub's documented order); null when nothing matches.
 */
export function refByName(ctx: GraphqlContext, repo: RepoRecord, qualifiedName: string): Node | null {
  for (const candidate of [qualifiedName, `refs/heads/${qualifiedName}`, `refs/tags/${qualifiedName}`]) {
    if (candidate.startsWith("refs/") && repo.refs.has(candidate)) return refNode(ctx, repo, candidate);
  }
  return null;
}

/** The default branch as a Ref (null for a repository without one, which the sandbox never has). */
export function defaultBranchRef(ctx: GraphqlContext, repo: RepoRecord): Node | null {
  return refNode(ctx, repo, branchRef(repo.defaultBranch));
}

/** A team, as a requested reviewer. */
export function teamNode(ctx: GraphqlContext, team: TeamRecord): Node {
  const path = `/orgs/${team.org}/teams/${team.slug}`;
  const org = findUser(ctx.state, team.org);
  return {
    __typename: "Team",
    id: team.nodeId,
    databaseId: team.id,
    name: team.name,
    slug: team.slug,
    combinedSlug: `${team.org}/${team.slug}`,
    description: team.description,
    privacy: team.privacy === "secret" ? "SECRET" : "VISIBLE",
    resourcePath: path,
    url: `${ctx.urls.web}${path}`,
    organization: () => (org ? ownerNode(ctx, org) : null),
  };
}

/** The pull-request-only fields of a PullRequest node. */
export function pullFields(ctx: GraphqlContext, repo: RepoRecord, issue: Pull): Node {
  const pull = issue.pull;
  const headOid = () => currentHead(repo, issue);
  const [forkOwner = "", forkName = ""] = pull.headRepo?.split("/") ?? [];
  const fork = pull.headRepo === null ? undefined : findRepo(ctx.state, forkOwner, forkName);
  // The pull request's own commits: from the head back along first parents to the base branch.
  const commits = (): Node[] => {
    const baseTip = repo.refs.get(branchRef(pull.base)) ?? pull.baseSha;
    const out: Node[] = [];
    for (let sha: string | undefined = headOid(); sha !== undefined && !isAncestor(repo, sha, baseTip); sha = repo.commits.get(sha)?.parents[0]) {
      const oid = sha;
      out.unshift({ __typename: "PullRequestCommit", id: `PURC_${issue.id}_${oid.slice(0, 12)}`, commit: () => commitObject(ctx, repo, oid), pullRequest: () => issueNode(ctx, repo, issue), resourcePath: `/${repo.owner}/${repo.name}/pull/${issue.number}/commits/${oid}`, url: `${ctx.urls.web}/${repo.owner}/${repo.name}/pull/${issue.number}/commits/${oid}` });
    }
    return out;
  };
  const reviews = (): Node[] =>
    pull.reviews.map((r) => ({
      __typename: "PullRequestReview", id: r.nodeId, databaseId: r.id, fullDatabaseId: String(r.id), state: r.state, body: r.body, submittedAt: r.submittedAt, publishedAt: r.submittedAt,
      createdAt: r.submittedAt, updatedAt: r.updatedAt, author: () => actorNode(ctx, r.user), commit: () => commitObject(ctx, repo, r.commitId),
      url: `${ctx.urls.web}/${repo.owner}/${repo.name}/pull/${issue.number}#pullrequestreview-${r.id}`, resourcePath: `/${repo.owner}/${repo.name}/pull/${issue.number}#pullrequestreview-${r.id}`,
    }));
  const self = () => issueNode(ctx, repo, issue);
  const requests = (): Node[] => [
    ...pull.requestedReviewers.map((login, i) => ({ key: `u${i}`, reviewer: () => actorNode(ctx, login) })),
    ...pull.requestedTeams.map((slug, i) => ({
      key: `t${i}`,
      reviewer: () => {
        const team = findTeam(ctx.state, repo.owner, slug);
        return team ? teamNode(ctx, team) : null;
      },
    })),
  ].map(({ key, reviewer }) => ({
    __typename: "ReviewRequest",
    id: `RR_kwDO${Buffer.from(`sandbox:${issue.id}:${key}`).toString("base64url")}`,
    databaseId: null,
    asCodeOwner: false,
    requestedReviewer: reviewer,
    pullRequest: self,
  }));
  const files = () =>
    pullFiles(ctx.state, repo, issue).map((f) => ({ __typename: "PullRequestChangedFile", ...f, viewerViewedState: "UNVIEWED" }));
  return {
    state: pullState(issue),
    merged: pull.merged,
    mergedAt: pull.mergedAt,
    mergedBy: () => actorNode(ctx, pull.mergedBy),
    mergeCommit: () => (pull.mergeCommitSha === null ? null : commitObject(ctx, repo, pull.mergeCommitSha)),
    isDraft: pull.draft,
    headRefName: pull.head,
    baseRefName: pull.base,
    headRefOid: headOid,
    baseRefOid: () => repo.refs.get(branchRef(pull.base)) ?? pull.baseSha,
    headRef: () => (pull.headRepo === null ? refNode(ctx, repo, branchRef(pull.head)) : null),
    baseRef: () => refNode(ctx, repo, branchRef(pull.base)),
    headRepository: () => (pull.headRepo === null ? repoNode(ctx, repo) : fork ? repoNode(ctx, fork) : null),
    headRepositoryOwner: () => actorNode(ctx, pull.headRepo === null ? repo.owner : forkOwner),
    baseRepository: () => repoNode(ctx, repo),
    isCrossRepository: pull.headRepo !== null,
    maintainerCanModify: pull.maintainerCanModify,
    permalink: `${ctx.urls.web}/${repo.owner}/${repo.name}/pull/${issue.number}`,
    changedFiles: () => pullFiles(ctx.state, repo, issue).length,
    additions: () => pullFiles(ctx.state, repo, issue).reduce((n, f) => n + f.additions, 0),
    deletions: () => pullFiles(ctx.state, repo, issue).reduce((n, f) => n + f.deletions, 0),
    files: (args: ConnectionArgs) => connection(files(), args, "files"),
    reviewRequests: (args: ConnectionArgs) => connection(requests(), args, "reviewRequests"),
    reviews: (args: ConnectionArgs) => connection(reviews(), args, "reviews"),
    commits: (args: ConnectionArgs) => connection(commits(), args, "commits"),
  };
}
