import { HttpError, notFound, validationFailed } from "../http/errors.js";
import type { IssueRecord, RepoRecord, SandboxState } from "../state.js";
import { ensureUser } from "./accounts.js";
import { branchRef, mergeBase, mergeIntoBranch } from "./git.js";
import { createIssue, recordIssueEvent } from "./issues.js";
import { isCollaborator } from "./repos.js";
import { findTeam, teamRole } from "./teams.js";
import { diffTexts } from "./diff.js";
import { makeNodeId } from "../ids.js";
import { nextId } from "../state.js";
import type { PullRecord, ReviewRecord, ReviewState } from "../state.js";

export interface NewPull {
  title: string;
  head: string;
  base: string;
  body?: string | null;
  draft?: boolean;
  maintainerCanModify?: boolean;
  user: string;
  /** A head in a fork: the fork (`owner/name`) and the commit, already stored in this repository. */
  fork?: { repo: string; headSha: string };
}

/** The ref the head commit is found under: the branch, or for a fork `refs/pull/<number>/head` (GitHub keeps it). */
export function pullHeadRef(issue: { number: number; pull: Pick<PullRecord, "head" | "headRepo"> }): string {
  return issue.pull.headRepo === null ? branchRef(issue.pull.head) : `refs/pull/${issue.number}/head`;
}

/** The sha a pull request's head points at: its ref while it exists, else the last known one. */
export function currentHead(repo: RepoRecord, issue: IssueRecord & { pull: PullRecord }): string {
  return issue.pull.merged ? issue.pull.headSha : (repo.refs.get(pullHeadRef(issue)) ?? issue.pull.headSha);
}

/** Accepts `branch` or `owner:branch` for this repository (a fork's pull request is opened with `fork`, see NewPull). */
export function headBranch(repo: RepoRecord, head: string): string | undefined {
  const [owner, branch] = head.includes(":") ? head.split(":", 2) : [repo.owner, head];
  if (owner === undefined || branch === undefined || owner.toLowerCase() !== repo.owner.toLowerCase()) return undefined;
  return branch;
}

/** Opens a pull request after GitHub's checks: both branches exist, they differ, no open duplicate. */
export function createPull(state: SandboxState, repo: RepoRecord, input: NewPull, now: string): IssueRecord {
  const head = input.fork ? input.head : headBranch(repo, input.head);
  const headSha = input.fork ? input.fork.headSha : head === undefined ? undefined : repo.refs.get(branchRef(head));
  const baseSha = repo.refs.get(branchRef(input.base));
  if (head === undefined || headSha === undefined) {
    throw validationFailed([{ resource: "PullRequest", code: "invalid", field: "head" }]);
  }
  if (baseSha === undefined) throw validationFailed([{ resource: "PullRequest", code: "invalid", field: "base" }]);
  const duplicate = [...repo.issues.values()].some(
    (i) => i.pull && i.state === "open" && i.pull.head === head && i.pull.base === input.base && i.pull.headRepo === (input.fork?.repo ?? null),
  );
  if (duplicate) {
    const message = `A pull request already exists for ${repo.owner}:${head}.`;
    throw validationFailed([{ resource: "PullRequest", code: "custom", message }]);
  }
  if (headSha === baseSha) {
    const message = `No commits between ${input.base} and ${head}`;
    throw validationFailed([{ resource: "PullRequest", code: "custom", message }]);
  }
  const pull = {
    head,
    base: input.base,
    headSha,
    baseSha,
    draft: input.draft ?? false,
    merged: false,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: null,
    maintainerCanModify: input.maintainerCanModify ?? false,
    requestedReviewers: [],
    requestedTeams: [],
    reviews: [],
    headRepo: input.fork?.repo ?? null,
  };
  const issue = createIssue(state, repo, { title: input.title, body: input.body ?? null, user: input.user, pull }, now);
  if (input.fork) repo.refs.set(`refs/pull/${issue.number}/head`, headSha);
  return issue;
}

/** Finds a pull request by number; issue numbers answer 404 as on GitHub. */
export function requirePull(repo: RepoRecord, number: number): IssueRecord & { pull: NonNullable<IssueRecord["pull"]> } {
  const issue = repo.issues.get(number);
  if (!issue?.pull) throw notFound();
  return issue as IssueRecord & { pull: NonNullable<IssueRecord["pull"]> };
}

/** Merges an open pull request into its base branch and closes it. */
export function mergePull(state: SandboxState, repo: RepoRecord, number: number, by: string, now: string, title?: string): IssueRecord {
  const issue = requirePull(repo, number);
  if (issue.state !== "open" || issue.pull.merged) throw new HttpError(405, "Pull Request is not mergeable");
  const headSha = repo.refs.get(pullHeadRef(issue)) ?? issue.pull.headSha;
  const message = title ?? `Merge pull request #${issue.number} from ${repo.owner}/${issue.pull.head}`;
  const commit = mergeIntoBranch(repo, issue.pull.base, headSha, message, by, now);
  Object.assign(issue.pull, { merged: true, mergedAt: now, mergedBy: by, mergeCommitSha: commit.sha, headSha });
  Object.assign(issue, { state: "closed", stateReason: null, closedAt: now, closedBy: by, updatedAt: now });
  recordIssueEvent(state, issue, "closed", by, now);
  return issue;
}

function notCollaborators(repo: RepoRecord, who: "users or teams" | "teams"): HttpError {
  return new HttpError(
    422,
    `Reviews may only be requested from collaborators. One or more of the ${who} you specified is not a collaborator of the ${repo.owner}/${repo.name} repository.`,
  );
}

/**
 * Requests reviews from users (logins) and teams (slugs of the repository's organization). GitHub
 * answers 422 for the author, for users who are not collaborators and for teams without access to
 * the repository; the message names "teams" when only teams were asked for. Repeats are no-ops.
 */
export function requestReviewers(
  state: SandboxState,
  repo: RepoRecord,
  issue: IssueRecord,
  logins: readonly string[],
  teamSlugs: readonly string[],
  now: string,
) {
  const pull = issue.pull;
  if (!pull) throw notFound();
  if (logins.some((l) => l.toLowerCase() === issue.user.toLowerCase())) {
    throw new HttpError(422, "Review cannot be requested from pull request author.");
  }
  const who = logins.length > 0 ? "users or teams" : "teams";
  if (logins.some((l) => !isCollaborator(state, repo, l))) throw notCollaborators(repo, who);
  const teams = teamSlugs.map((slug) => findTeam(state, repo.owner, slug));
  if (teams.some((t) => t === undefined || teamRole(t, repo) === "none")) throw notCollaborators(repo, who);
  for (const login of logins) {
    const user = ensureUser(state, login).login;
    if (!pull.requestedReviewers.some((r) => r.toLowerCase() === login.toLowerCase())) pull.requestedReviewers.push(user);
  }
  for (const team of teams) {
    if (team && !pull.requestedTeams.includes(team.slug)) pull.requestedTeams.push(team.slug);
  }
  issue.updatedAt = now;
}

export interface ChangedFile {
  path: string;
  changeType: "ADDED" | "MODIFIED" | "DELETED";
  additions: number;
  deletions: number;
  patch: string;
}

// Diffs are a function of two immutable commits, so they are worked out once per pair (a 3,000-file pull request
// is listed page by page).
const diffCache = new WeakMap<RepoRecord, Map<string, ChangedFile[]>>();

/**
 * The files a pull request changes: its head against the merge base with its base branch. Once
 * merged, the base is the base branch as it was just before the merge, so the list stays the same.
 */
export function pullFiles(state: SandboxState, repo: RepoRecord, issue: IssueRecord): ChangedFile[] {
  const pull = issue.pull;
  if (!pull) throw notFound();
  const headSha = currentHead(repo, issue as IssueRecord & { pull: PullRecord });
  const mergeCommit = pull.mergeCommitSha === null ? undefined : repo.commits.get(pull.mergeCommitSha);
  const baseTip = mergeCommit?.parents[0] ?? repo.refs.get(branchRef(pull.base)) ?? pull.baseSha;
  const head = repo.commits.get(headSha);
  const base = mergeBase(repo, baseTip, headSha);
  if (!head || !base) return [];
  const cache = diffCache.get(repo) ?? new Map<string, ChangedFile[]>();
  diffCache.set(repo, cache);
  const key = `${base.sha}..${head.sha}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const text = (sha: string | undefined) => (sha === undefined ? "" : (state.blobs.get(sha) ?? ""));
  const paths = [...new Set([...base.files.keys(), ...head.files.keys()])].sort();
  const files = paths.flatMap((path): ChangedFile[] => {
    const was = base.files.get(path);
    const now = head.files.get(path);
    if (was === now) return [];
    const changeType = was === undefined ? "ADDED" : now === undefined ? "DELETED" : "MODIFIED";
    return [{ path, changeType, ...diffTexts(text(was), text(now)) }];
  });
  cache.set(key, files);
  return files;
}

/** Submits a review as `user` on the current head; GitHub refuses an author's approval or change request. */
export function submitReview(state: SandboxState, repo: RepoRecord, issue: IssueRecord & { pull: PullRecord }, input: { user: string; state: Exclude<ReviewState, "DISMISSED">; body?: string; commitId?: string }, now: string): ReviewRecord {
  if (input.user.toLowerCase() === issue.user.toLowerCase() && input.state !== "COMMENTED") {
    const verb = input.state === "APPROVED" ? "approve" : "request changes on";
    throw validationFailed([{ resource: "PullRequestReview", code: "custom", message: `Can not ${verb} your own pull request` }]);
  }
  const id = nextId(state);
  const review: ReviewRecord = { id, nodeId: makeNodeId("PRR", id), user: ensureUser(state, input.user).login, state: input.state, body: input.body ?? "", commitId: input.commitId ?? currentHead(repo, issue), submittedAt: now, updatedAt: now };
  issue.pull.reviews.push(review);
  // A review answers the request: GitHub takes the reviewer off the requested list.
  issue.pull.requestedReviewers = issue.pull.requestedReviewers.filter((l) => l.toLowerCase() !== review.user.toLowerCase());
  issue.updatedAt = now;
  return review;
}

/** Dismisses a review (an approval or change request), as a maintainer does. */
export function dismissReview(issue: IssueRecord & { pull: PullRecord }, reviewId: number, now: string): ReviewRecord {
  const review = issue.pull.reviews.find((r) => r.id === reviewId);
  if (!review) throw notFound();
  if (review.state !== "APPROVED" && review.state !== "CHANGES_REQUESTED") throw validationFailed([{ resource: "PullRequestReview", code: "custom", message: "Can not dismiss a commented pull request review" }]);
  review.state = "DISMISSED";
  review.updatedAt = now;
  issue.updatedAt = now;
  return review;
}
