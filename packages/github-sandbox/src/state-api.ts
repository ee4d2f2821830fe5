// The typed state API tests use to arrange GitHub and read it back. Writes
// go through the same store functions as the REST handlers, so arranged
// state obeys the same rules (unique milestone titles, label auto-creation).
import type { SandboxClock } from "./clock.js";
import type {
  AccountType,
  AlertRecord,
  AlertState,
  CheckRunRecord,
  CommentRecord,
  IssueRecord,
  LabelRecord,
  MilestoneRecord,
  Permission,
  ProjectRecord,
  RepoRecord,
  RepoVisibility,
  ReviewRecord,
  ReviewState,
  SandboxState,
  SecurityPermissions,
  StateReason,
  TeamRecord,
  UserRecord,
} from "./state.js";
import { ensureUser } from "./store/accounts.js";
import { addComment, deleteComment, editComment, requireComment } from "./store/comments.js";
import { branchRef, commitToBranch, commitToRef, readFileAt, resolveCommit } from "./store/git.js";
import { createCheckRun, type CheckRunInput } from "./store/checks.js";
import { createIssue, removeLabel, requireIssue, updateIssue } from "./store/issues.js";
import type { LabelInput } from "./store/labels.js";
import { createLabel } from "./store/labels.js";
import type { MilestoneInput } from "./store/milestones.js";
import { createMilestone } from "./store/milestones.js";
import type { AddProjectInput } from "./store/projects.js";
import { addProject, findProject, itemFieldValues } from "./store/projects.js";
import { createPull, dismissReview, mergePull, pullHeadRef, requestReviewers, requirePull, submitReview } from "./store/pulls.js";
import { addAlert } from "./store/security.js";
import type { AddTeamInput } from "./store/teams.js";
import { addTeam } from "./store/teams.js";
import type { AddRepoInput } from "./store/repos.js";
import { addRepo, requireRepo, setPermission, setVisibility } from "./store/repos.js";

export interface AddIssueInput {
  title: string;
  body?: string | null;
  /** Author login; default "octocat". */
  user?: string;
  labels?: readonly string[];
  assignees?: readonly string[];
  milestone?: number | null;
  state?: "open" | "closed";
  stateReason?: StateReason;
}

export interface ProjectItemView {
  itemId: string;
  contentId: string;
  content: { owner: string; repo: string; number: number } | undefined;
  /** Custom field values by field name (option names for single-select fields). */
  fields: Record<string, string>;
}

/** Arrange-and-inspect methods over sandbox state. */
export class SandboxStateApi {
  protected readonly state: SandboxState;
  readonly #clock: SandboxClock;

  constructor(state: SandboxState, clock: SandboxClock) {
    this.state = state;
    this.#clock = clock;
  }

  /** Registers an account (users are also created on first mention). */
  addUser(login: string, type: AccountType = "User"): UserRecord {
    return ensureUser(this.state, login, type);
  }

  /** Creates a repository (private, organization-owned, app installed, branch `main` by default). */
  addRepo(input: AddRepoInput): RepoRecord {
    return addRepo(this.state, input, this.#clock.iso());
  }

  /** The repository record. */
  getRepo(owner: string, repo: string): RepoRecord {
    return requireRepo(this.state, owner, repo);
  }

  /** Makes a repository public, private or internal (organization owners only), as its settings page does. */
  setVisibility(owner: string, repo: string, visibility: RepoVisibility): RepoRecord {
    const r = requireRepo(this.state, owner, repo);
    setVisibility(this.state, r, visibility);
    return r;
  }

  /** Grants a role on a repository. */
  setPermission(owner: string, repo: string, login: string, permission: Permission): void {
    setPermission(this.state, requireRepo(this.state, owner, repo), login, permission);
  }

  /** Commits a file (creating the branch from the default branch if needed); returns the commit sha. */
  setFile(owner: string, repo: string, path: string, content: string, options: { branch?: string; message?: string } = {}): string {
    const r = requireRepo(this.state, owner, repo);
    const branch = options.branch ?? r.defaultBranch;
    if (!r.refs.has(branchRef(branch))) this.createBranch(owner, repo, branch);
    const commit = commitToBranch(this.state, r, branch, new Map([[path, content]]), options.message ?? `Update ${path}`, r.owner, this.#clock.iso());
    return commit.sha;
  }

  /** A file's content at a ref (default branch when omitted), or undefined. */
  getFile(owner: string, repo: string, path: string, options: { ref?: string } = {}): string | undefined {
    const commit = resolveCommit(requireRepo(this.state, owner, repo), options.ref);
    return commit ? readFileAt(this.state, commit, path)?.content : undefined;
  }

  /** Creates a branch at another branch's head (default branch by default); returns its sha. */
  createBranch(owner: string, repo: string, branch: string, options: { from?: string } = {}): string {
    const r = requireRepo(this.state, owner, repo);
    const from = resolveCommit(r, options.from);
    if (!from) throw new Error(`No ref ${options.from ?? r.defaultBranch} in ${owner}/${repo}`);
    r.refs.set(branchRef(branch), from.sha);
    return from.sha;
  }

  /** The sha a ref (`heads/main`, `main`, ...) points at, or undefined. */
  getRef(owner: string, repo: string, ref: string): string | undefined {
    return resolveCommit(requireRepo(this.state, owner, repo), ref)?.sha;
  }

  /** Creates a label. */
  addLabel(owner: string, repo: string, input: LabelInput): LabelRecord {
    return createLabel(this.state, requireRepo(this.state, owner, repo), input);
  }

  /** Creates a milestone. */
  addMilestone(owner: string, repo: string, input: MilestoneInput, creator = "octocat"): MilestoneRecord {
    ensureUser(this.state, creator);
    return createMilestone(this.state, requireRepo(this.state, owner, repo), input, creator, this.#clock.iso());
  }

  /** Opens an issue (optionally already closed) and returns its record. */
  addIssue(owner: string, repo: string, input: AddIssueInput): IssueRecord {
    const r = requireRepo(this.state, owner, repo);
    const user = ensureUser(this.state, input.user ?? "octocat").login;
    const issue = createIssue(this.state, r, { ...input, user }, this.#clock.iso());
    if (input.state === "closed") updateIssue(this.state, r, issue, { state: "closed", stateReason: input.stateReason }, user, this.#clock.iso());
    return issue;
  }

  /** The internal issue (or pull request) record: labels, assignees, state, state_reason, comments with reactions. */
  getIssue(owner: string, repo: string, number: number): IssueRecord {
    return requireIssue(requireRepo(this.state, owner, repo), number);
  }

  /** Comments on an issue, oldest first. */
  listComments(owner: string, repo: string, number: number): readonly CommentRecord[] {
    return this.getIssue(owner, repo, number).comments;
  }

  /** Adds a comment as a user. */
  addComment(owner: string, repo: string, number: number, body: string, user = "octocat"): CommentRecord {
    return addComment(this.state, this.getIssue(owner, repo, number), body, user, this.#clock.iso());
  }

  /**
   * Edits a comment (by id) as a person in the web UI: a changed body sets `lastEditedAt`, `editor`
   * and `updatedAt`. Returns the previous body, for an `issue_comment.edited` payload's `changes`.
   */
  editComment(owner: string, repo: string, commentId: number, body: string, editor = "octocat"): { previousBody: string; comment: CommentRecord } {
    const { comment } = requireComment(requireRepo(this.state, owner, repo), commentId);
    const previousBody = comment.body;
    editComment(this.state, comment, body, ensureUser(this.state, editor).login, this.#clock.iso());
    return { previousBody, comment };
  }

  /** Deletes a comment (by id) as a person would; it disappears from REST lists and GraphQL connections. */
  deleteComment(owner: string, repo: string, commentId: number): void {
    deleteComment(requireRepo(this.state, owner, repo), commentId);
  }

  /**
   * Edits an issue's body as a person in the web UI (sets `lastEditedAt`, `editor`, `updatedAt`).
   * Returns the previous body, for an `issues.edited` payload's `changes`.
   */
  editIssueBody(owner: string, repo: string, number: number, body: string, editor = "octocat"): { previousBody: string | null; issue: IssueRecord } {
    const r = requireRepo(this.state, owner, repo);
    const issue = requireIssue(r, number);
    const previousBody = issue.body;
    updateIssue(this.state, r, issue, { body }, ensureUser(this.state, editor).login, this.#clock.iso());
    return { previousBody, issue };
  }

  /**
   * Removes a label from an issue by hand (name matched case-insensitively); throws when the issue
   * does not carry it. Deliver `payloadFor.issues("unlabeled", ..., { label, sender })` to tell the app.
   */
  removeLabel(owner: string, repo: string, number: number, name: string): IssueRecord {
    const r = requireRepo(this.state, owner, repo);
    const issue = requireIssue(r, number);
    removeLabel(r, issue, name, this.#clock.iso());
    return issue;
  }

  /** Opens a pull request from an existing branch (base: default branch). */
  openPull(owner: string, repo: string, input: { title: string; head: string; base?: string; body?: string; user?: string }): IssueRecord {
    const r = requireRepo(this.state, owner, repo);
    const user = ensureUser(this.state, input.user ?? "octocat").login;
    return createPull(this.state, r, { ...input, base: input.base ?? r.defaultBranch, user }, this.#clock.iso());
  }

  /**
   * Opens a pull request from a fork: `forkOwner/<repo name>` (created when missing, not installed) holds `branch`
   * with `files` committed on top of this repository's default branch. The head commit is also kept here under
   * `refs/pull/<number>/head`, as GitHub keeps it, so the base repository can show its diff.
   */
  openForkPull(owner: string, repo: string, input: { forkOwner: string; branch: string; files: Readonly<Record<string, string>>; title: string; user?: string; body?: string }): IssueRecord {
    const r = requireRepo(this.state, owner, repo);
    const forkKey = `${input.forkOwner}/${r.name}`;
    if (!this.state.repos.has(forkKey.toLowerCase())) addRepo(this.state, { owner: input.forkOwner, name: r.name, ownerType: "User", private: false, installationId: null }, this.#clock.iso());
    const user = ensureUser(this.state, input.user ?? input.forkOwner).login;
    const tmp = `refs/sandbox/fork-head-${this.state.nextId + 1}`;
    const base = resolveCommit(r);
    if (!base) throw new Error(`No default branch in ${owner}/${repo}`);
    r.refs.set(tmp, base.sha);
    const commit = commitToRef(this.state, r, tmp, new Map(Object.entries(input.files)), `Change ${Object.keys(input.files).join(", ")}`, user, this.#clock.iso());
    r.refs.delete(tmp);
    return createPull(this.state, r, { title: input.title, head: input.branch, base: r.defaultBranch, body: input.body ?? null, user, fork: { repo: forkKey, headSha: commit.sha } }, this.#clock.iso());
  }

  /** Pushes a commit with `files` (content, or null to delete) to a pull request's head (its branch, or a fork's head); returns the new head sha. */
  pushToPull(owner: string, repo: string, number: number, files: Readonly<Record<string, string | null>>, options: { author?: string; message?: string } = {}): string {
    const r = requireRepo(this.state, owner, repo);
    const issue = requirePull(r, number);
    const author = ensureUser(this.state, options.author ?? issue.user).login;
    const commit = commitToRef(this.state, r, pullHeadRef(issue), new Map(Object.entries(files)), options.message ?? `Update ${Object.keys(files).join(", ")}`, author, this.#clock.iso());
    issue.updatedAt = this.#clock.iso();
    return commit.sha;
  }

  /** Submits a review on a pull request's current head (GitHub refuses the author's approval). */
  submitReview(owner: string, repo: string, number: number, input: { user: string; state: Exclude<ReviewState, "DISMISSED">; body?: string }): ReviewRecord {
    const r = requireRepo(this.state, owner, repo);
    return submitReview(this.state, r, requirePull(r, number), input, this.#clock.iso());
  }

  /** Dismisses a review by id. */
  dismissReview(owner: string, repo: string, number: number, reviewId: number): ReviewRecord {
    return dismissReview(requirePull(requireRepo(this.state, owner, repo), number), reviewId, this.#clock.iso());
  }

  /** Adds a member to a team (active, or a pending invitation). */
  addTeamMember(org: string, slug: string, login: string, state: "active" | "pending" = "active"): void {
    const team = this.state.teams.find((t) => t.org.toLowerCase() === org.toLowerCase() && t.slug.toLowerCase() === slug.toLowerCase());
    if (!team) throw new Error(`No team ${org}/${slug}`);
    team.members.set(ensureUser(this.state, login).login.toLowerCase(), state);
  }

  /** Check runs on a commit of a repository (every commit when `sha` is omitted), oldest first. */
  checkRuns(owner: string, repo: string, sha?: string): CheckRunRecord[] {
    return requireRepo(this.state, owner, repo).checkRuns.filter((c) => sha === undefined || c.headSha === sha);
  }

  /** Creates a check run as any app (by slug), e.g. another app's run that looks like Vigil's. */
  addCheckRun(owner: string, repo: string, input: CheckRunInput): CheckRunRecord {
    return createCheckRun(this.state, requireRepo(this.state, owner, repo), input, this.#clock.iso());
  }

  /** Creates a team in an organization with access to the given repositories (see AddTeamInput). */
  addTeam(input: AddTeamInput): TeamRecord {
    return addTeam(this.state, input);
  }

  /** Requests reviews on a pull request from users and/or teams (slugs), with GitHub's 422 checks. */
  requestReviewers(owner: string, repo: string, number: number, reviewers: { users?: readonly string[]; teams?: readonly string[] }): IssueRecord {
    const r = requireRepo(this.state, owner, repo);
    const issue = requirePull(r, number);
    requestReviewers(this.state, r, issue, reviewers.users ?? [], reviewers.teams ?? [], this.#clock.iso());
    return issue;
  }

  /** Closes (or reopens, with `open`) an issue as a person in the web UI; no webhook is sent. */
  setIssueState(owner: string, repo: string, number: number, state: "open" | "closed", reason: "completed" | "not_planned" | null = "completed", by = "octocat"): IssueRecord {
    const r = requireRepo(this.state, owner, repo);
    const issue = requireIssue(r, number);
    const update = state === "closed" ? { state, stateReason: reason } : { state, stateReason: "reopened" as const };
    updateIssue(this.state, r, issue, update, ensureUser(this.state, by).login, this.#clock.iso());
    return issue;
  }

  /** Closes a pull request without merging it, as a user. */
  closePull(owner: string, repo: string, number: number, by = "octocat"): IssueRecord {
    const r = requireRepo(this.state, owner, repo);
    const issue = requirePull(r, number);
    updateIssue(this.state, r, issue, { state: "closed" }, ensureUser(this.state, by).login, this.#clock.iso());
    issue.stateReason = null;
    return issue;
  }

  /**
   * Merges a pull request as a user, as if they pressed the button: a merge commit on the base
   * branch (so `HEAD:path` shows the head's files), `merged`/`mergedAt`/`mergedBy` set, closed.
   */
  mergePull(owner: string, repo: string, number: number, by = "octocat"): IssueRecord {
    ensureUser(this.state, by);
    return mergePull(this.state, requireRepo(this.state, owner, repo), number, by, this.#clock.iso());
  }

  /** Creates a Projects v2 board with single-select fields. */
  addProject(input: AddProjectInput): ProjectRecord {
    return addProject(this.state, input, this.#clock.iso());
  }

  /** Items on a project with their field values. */
  projectItems(owner: string, number: number): ProjectItemView[] {
    const project = findProject(this.state, owner, number);
    if (!project) throw new Error(`No project ${owner}#${number}`);
    return project.items.map((item) => {
      let content: ProjectItemView["content"];
      for (const repo of this.state.repos.values()) {
        for (const issue of repo.issues.values()) {
          if (issue.nodeId === item.contentNodeId) content = { owner: repo.owner, repo: repo.name, number: issue.number };
        }
      }
      return { itemId: item.nodeId, contentId: item.contentNodeId, content, fields: itemFieldValues(project, item) };
    });
  }

  /** The project item holding an issue or pull request, if any. */
  projectItemFor(projectOwner: string, projectNumber: number, content: { owner: string; repo: string; number: number }) {
    return this.projectItems(projectOwner, projectNumber).find(
      (i) =>
        i.content?.owner.toLowerCase() === content.owner.toLowerCase() &&
        i.content.repo.toLowerCase() === content.repo.toLowerCase() &&
        i.content.number === content.number,
    );
  }

  /** Adds a Dependabot alert (GraphQL `vulnerabilityAlerts`), open by default. */
  addVulnerabilityAlert(owner: string, repo: string, input: { state?: AlertState } = {}): AlertRecord {
    const r = requireRepo(this.state, owner, repo);
    return addAlert(this.state, r.vulnerabilityAlerts, "RVA", input.state ?? "open", this.#clock.iso());
  }

  /** Adds a code scanning alert (REST `code-scanning/alerts`), open by default; also sets code scanning up. */
  addCodeScanningAlert(owner: string, repo: string, input: { state?: AlertState } = {}): AlertRecord {
    const r = requireRepo(this.state, owner, repo);
    r.codeScanningEnabled = true;
    return addAlert(this.state, r.codeScanningAlerts, "CSA", input.state ?? "open", this.#clock.iso());
  }

  /** Sets code scanning up (or not: the alerts endpoint then answers 404 "no analysis found"). */
  setCodeScanning(owner: string, repo: string, enabled: boolean): void {
    requireRepo(this.state, owner, repo).codeScanningEnabled = enabled;
  }

  /**
   * Grants (`"read"`) or withholds (`null`) an installation's "Dependabot alerts" (`vulnerability_alerts`)
   * and "Code scanning alerts" (`security_events`) permissions; both are granted by default.
   * Omitted keys keep their current value.
   */
  setInstallationPermissions(installationId: number, permissions: Partial<SecurityPermissions>): SecurityPermissions {
    const installation = this.state.installations.get(installationId);
    if (!installation) throw new Error(`No installation ${installationId}`);
    for (const key of ["vulnerability_alerts", "security_events"] as const) {
      const value = permissions[key];
      if (value !== undefined) installation.securityPermissions[key] = value;
    }
    return { ...installation.securityPermissions };
  }
}
