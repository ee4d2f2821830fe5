// The sandbox's data model: plain records held in maps. REST handlers, the
// GraphQL resolvers, webhook payload builders and the test API all read and
// write these, so GitHub-visible behaviour stays consistent across them.

export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";
export type AccountType = "User" | "Organization" | "Bot";
export type StateReason = "completed" | "not_planned" | "duplicate" | "reopened";
export type RepoVisibility = "public" | "private" | "internal";
export type ReactionContent = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

export interface UserRecord {
  login: string;
  id: number;
  nodeId: string;
  type: AccountType;
}

export interface LabelRecord {
  id: number;
  nodeId: string;
  name: string;
  color: string;
  description: string | null;
  isDefault: boolean;
}

export interface ReactionRecord {
  id: number;
  nodeId: string;
  content: ReactionContent;
  user: string;
  createdAt: string;
}

export interface CommentRecord {
  id: number;
  nodeId: string;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
  /** When the body was last edited (null until someone edits it), and by whom. */
  lastEditedAt: string | null;
  editor: string | null;
  reactions: ReactionRecord[];
}

export interface PullRecord {
  head: string;
  base: string;
  headSha: string;
  baseSha: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  maintainerCanModify: boolean;
  requestedReviewers: string[];
  /** Slugs of teams (of the repository's organization) asked to review. */
  requestedTeams: string[];
  /** Submitted reviews, oldest first. */
  reviews: ReviewRecord[];
  /**
   * The fork the head branch lives in (`owner/name`), or null for a branch of this repository. A fork's commits are
   * kept here under `refs/pull/<number>/head`, as GitHub keeps them in the base repository.
   */
  headRepo: string | null;
}

export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";

/** A submitted pull request review; `commitId` is the head it was given on. */
export interface ReviewRecord {
  id: number;
  nodeId: string;
  user: string;
  state: ReviewState;
  body: string;
  commitId: string;
  submittedAt: string;
  /** Changes when the review is dismissed. */
  updatedAt: string;
}

/** A check run on a commit, made by an app (its slug). */
export interface CheckRunRecord {
  id: number;
  nodeId: string;
  headSha: string;
  name: string;
  appSlug: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: "success" | "failure" | "neutral" | "cancelled" | "skipped" | "timed_out" | "action_required" | null;
  title: string | null;
  summary: string | null;
  externalId: string | null;
  startedAt: string;
  completedAt: string | null;
  /** One suite per app and commit, as GitHub groups them. */
  suiteId: number;
}

export interface IssueEventRecord {
  id: number;
  nodeId: string;
  kind: "closed" | "reopened";
  /** REST login of who closed or reopened it (`slug[bot]` for the app). */
  actor: string;
  createdAt: string;
  stateReason: StateReason | null;
}

export type AlertState = "open" | "fixed" | "dismissed";

/** A Dependabot (vulnerability) or code scanning alert. */
export interface AlertRecord {
  id: number;
  nodeId: string;
  number: number;
  state: AlertState;
  createdAt: string;
  updatedAt: string;
  fixedAt: string | null;
  dismissedAt: string | null;
}

export interface IssueRecord {
  id: number;
  nodeId: string;
  number: number;
  title: string;
  body: string | null;
  user: string;
  state: "open" | "closed";
  stateReason: StateReason | null;
  /** Label names as the repository spells them. */
  labels: string[];
  assignees: string[];
  milestone: number | null;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  /** When the body was last edited (null until someone edits it), and by whom. */
  lastEditedAt: string | null;
  editor: string | null;
  comments: CommentRecord[];
  reactions: ReactionRecord[];
  /** Close and reopen events, oldest first (the issue timeline's CLOSED_EVENT / REOPENED_EVENT). */
  events: IssueEventRecord[];
  /** Present when the number belongs to a pull request. */
  pull: PullRecord | null;
}

export interface MilestoneRecord {
  id: number;
  nodeId: string;
  number: number;
  title: string;
  description: string | null;
  state: "open" | "closed";
  dueOn: string | null;
  creator: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CommitRecord {
  sha: string;
  treeSha: string;
  /** Full tree snapshot: path → blob sha. */
  files: Map<string, string>;
  parents: string[];
  message: string;
  author: string;
  date: string;
}

export interface RepoRecord {
  id: number;
  nodeId: string;
  owner: string;
  name: string;
  /** Internal repositories are private to outsiders (REST `private: true`). */
  visibility: RepoVisibility;
  description: string | null;
  defaultBranch: string;
  createdAt: string;
  pushedAt: string;
  installationId: number | null;
  nextNumber: number;
  issues: Map<number, IssueRecord>;
  labels: LabelRecord[];
  milestones: Map<number, MilestoneRecord>;
  nextMilestoneNumber: number;
  /** Full ref name (`refs/heads/main`) → commit sha. */
  refs: Map<string, string>;
  commits: Map<string, CommitRecord>;
  /** Lower-cased login → explicit permission. */
  permissions: Map<string, Permission>;
  /** Dependabot alerts (GraphQL `vulnerabilityAlerts`), numbered from 1. */
  vulnerabilityAlerts: AlertRecord[];
  /** Code scanning alerts (REST `code-scanning/alerts`), numbered from 1. */
  codeScanningAlerts: AlertRecord[];
  /** Whether code scanning is set up (REST answers 404 "no analysis found" otherwise). */
  codeScanningEnabled: boolean;
  /** Check runs on this repository's commits, oldest first. */
  checkRuns: CheckRunRecord[];
}

export interface TeamRecord {
  id: number;
  nodeId: string;
  /** Organization login. */
  org: string;
  slug: string;
  name: string;
  description: string | null;
  privacy: "closed" | "secret";
  /** Repository key (`owner/name`, lower-cased) → the team's role on it. */
  repos: Map<string, Permission>;
  /** Lower-cased login → membership state (a pending invitation is not yet membership). */
  members: Map<string, "active" | "pending">;
}

/** Installation permissions that can be withheld (null = not granted). */
export interface SecurityPermissions {
  vulnerability_alerts: "read" | null;
  security_events: "read" | null;
}

export interface InstallationRecord {
  id: number;
  account: string;
  createdAt: string;
  /** Both granted by default. */
  securityPermissions: SecurityPermissions;
}

export interface ProjectFieldRecord {
  id: number;
  nodeId: string;
  name: string;
  dataType: "TITLE" | "TEXT" | "SINGLE_SELECT";
  options: { id: string; name: string }[];
}

export interface ProjectItemRecord {
  id: number;
  nodeId: string;
  contentNodeId: string;
  createdAt: string;
  /** Field node id → option id (single select) or text. */
  values: Map<string, string>;
}

export interface ProjectRecord {
  id: number;
  nodeId: string;
  owner: string;
  number: number;
  title: string;
  createdAt: string;
  fields: ProjectFieldRecord[];
  items: ProjectItemRecord[];
}

export type Actor =
  | { kind: "app" }
  | { kind: "installation"; installationId: number }
  | { kind: "user"; login: string }
  | { kind: "admin"; login: string };

export interface AppIdentity {
  id: number;
  slug: string;
  botLogin: string;
  publicKey: string | null;
}

export interface SandboxState {
  users: Map<string, UserRecord>;
  repos: Map<string, RepoRecord>;
  installations: Map<number, InstallationRecord>;
  blobs: Map<string, string>;
  tokens: Map<string, Actor>;
  projects: ProjectRecord[];
  teams: TeamRecord[];
  app: AppIdentity;
  nextId: number;
}

/** An empty GitHub with one app identity. */
export function createState(app: { id: number; slug: string }): SandboxState {
  return {
    users: new Map(),
    repos: new Map(),
    installations: new Map(),
    blobs: new Map(),
    tokens: new Map(),
    projects: [],
    teams: [],
    app: { id: app.id, slug: app.slug, botLogin: `${app.slug}[bot]`, publicKey: null },
    nextId: 1000,
  };
}

/** Hands out the next database id; ids are unique across all record kinds. */
export function nextId(state: SandboxState): number {
  state.nextId += 1;
  return state.nextId;
}

/** The map key for a repository: GitHub owner and repo names are case-insensitive. */
export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}
