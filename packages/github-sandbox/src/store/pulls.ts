import { HttpError, notFound, validationFailed } from "../http/errors.js";
import type { IssueRecord, RepoRecord, SandboxState } from "../state.js";
import { ensureUser } from "./accounts.js";
import { branchRef, mergeIntoBranch } from "./git.js";
import { createIssue } from "./issues.js";
import { isCollaborator } from "./repos.js";

export interface NewPull {
  title: string;
  head: string;
  base: string;
  body?: string | null;
  draft?: boolean;
  maintainerCanModify?: boolean;
  user: string;
}

/** Accepts `branch` or `owner:branch` for this repository (forks are not modelled). */
export function headBranch(repo: RepoRecord, head: string): string | undefined {
  const [owner, branch] = head.includes(":") ? head.split(":", 2) : [repo.owner, head];
  if (owner === undefined || branch === undefined || owner.toLowerCase() !== repo.owner.toLowerCase()) return undefined;
  return branch;
}

/** Opens a pull request after GitHub's checks: both branches exist, they differ, no open duplicate. */
export function createPull(state: SandboxState, repo: RepoRecord, input: NewPull, now: string): IssueRecord {
  const head = headBranch(repo, input.head);
  const headSha = head === undefined ? undefined : repo.refs.get(branchRef(head));
  const baseSha = repo.refs.get(branchRef(input.base));
  if (head === undefined || headSha === undefined) {
    throw validationFailed([{ resource: "PullRequest", code: "invalid", field: "head" }]);
  }
  if (baseSha === undefined) throw validationFailed([{ resource: "PullRequest", code: "invalid", field: "base" }]);
  const duplicate = [...repo.issues.values()].some(
    (i) => i.pull && i.state === "open" && i.pull.head === head && i.pull.base === input.base,
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
  };
  return createIssue(state, repo, { title: input.title, body: input.body ?? null, user: input.user, pull }, now);
}

/** Finds a pull request by number; issue numbers answer 404 as on GitHub. */
export function requirePull(repo: RepoRecord, number: number): IssueRecord & { pull: NonNullable<IssueRecord["pull"]> } {
  const issue = repo.issues.get(number);
  if (!issue?.pull) throw notFound();
  return issue as IssueRecord & { pull: NonNullable<IssueRecord["pull"]> };
}

/** Merges an open pull request into its base branch and closes it. */
export function mergePull(repo: RepoRecord, number: number, by: string, now: string, title?: string): IssueRecord {
  const issue = requirePull(repo, number);
  if (issue.state !== "open" || issue.pull.merged) throw new HttpError(405, "Pull Request is not mergeable");
  const headSha = repo.refs.get(branchRef(issue.pull.head)) ?? issue.pull.headSha;
  const message = title ?? `Merge pull request #${issue.number} from ${repo.owner}/${issue.pull.head}`;
  const commit = mergeIntoBranch(repo, issue.pull.base, headSha, message, by, now);
  Object.assign(issue.pull, { merged: true, mergedAt: now, mergedBy: by, mergeCommitSha: commit.sha, headSha });
  Object.assign(issue, { state: "closed", stateReason: null, closedAt: now, closedBy: by, updatedAt: now });
  return issue;
}

/** Requests reviews; GitHub refuses non-collaborators and the author with a 422. */
export function requestReviewers(state: SandboxState, repo: RepoRecord, issue: IssueRecord, logins: readonly string[], now: string) {
  const pull = issue.pull;
  if (!pull) throw notFound();
  if (logins.some((l) => l.toLowerCase() === issue.user.toLowerCase())) {
    throw new HttpError(422, "Review cannot be requested from pull request author.");
  }
  if (logins.some((l) => !isCollaborator(state, repo, l))) {
    throw new HttpError(
      422,
      `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.owner}/${repo.name} repository.`,
    );
  }
  for (const login of logins) {
    const user = ensureUser(state, login).login;
    if (!pull.requestedReviewers.some((r) => r.toLowerCase() === login.toLowerCase())) pull.requestedReviewers.push(user);
  }
  issue.updatedAt = now;
}
