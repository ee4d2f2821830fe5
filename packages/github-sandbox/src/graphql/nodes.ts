// GraphQL objects are plain objects with `__typename` (for interface and
// union resolution) whose fields are values or functions of the field
// arguments; graphql-js's default resolver calls them. Unmodelled fields
// resolve to null, so asking for a non-null one fails loudly.
import type { SandboxClock } from "../clock.js";
import type { Urls } from "../shapes/urls.js";
import { authorAssociation } from "../shapes/issues.js";
import type {
  Actor,
  CommentRecord,
  IssueRecord,
  LabelRecord,
  ProjectFieldRecord,
  ProjectItemRecord,
  ProjectRecord,
  RepoRecord,
  SandboxState,
  UserRecord,
} from "../state.js";
import { ensureUser, findUser } from "../store/accounts.js";
import { findLabel } from "../store/labels.js";
import type { ConnectionArgs } from "./connection.js";
import { connection } from "./connection.js";
import { notFoundError } from "./errors.js";
import { gitObject } from "./git-objects.js";
import type { IssuesArgs, Order } from "./issue-filters.js";
import { filterIssues, sortBy } from "./issue-filters.js";
import type { PullRequestsArgs } from "./pulls.js";
import { defaultBranchRef, pullConnection, pullFields, refByName } from "./pulls.js";
import type { MilestonesArgs, TimelineArgs } from "./recurring.js";
import { milestoneNode, milestonesConnection, timelineItems, vulnerabilityAlerts } from "./recurring.js";

export interface GraphqlContext {
  state: SandboxState;
  clock: SandboxClock;
  urls: Urls;
  /** Who the token belongs to: answers `viewer` and `viewerDidAuthor`. */
  actor: Actor;
}

type Node = Record<string, unknown>;

const sameLogin = (a: string | null, b: string | null) => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/**
 * The login of the token's owner as REST spells it: an installation token acts as the app's bot
 * account (`slug[bot]`), a user token as the user; an app JWT has no viewer.
 */
export function viewerLogin(ctx: GraphqlContext): string | null {
  if (ctx.actor.kind === "installation") return ctx.state.app.botLogin;
  if (ctx.actor.kind === "app") return null;
  return ctx.actor.login;
}

/**
 * `viewer` (typed `User!` in GitHub's schema). For an installation token it is the app's bot account
 * with the REST-style login `slug[bot]` and, since the field is a User, `__typename: "User"`; the same
 * account as an author (an Actor) is a `Bot` whose login is the bare slug.
 */
export function viewerNode(ctx: GraphqlContext): Node {
  const login = viewerLogin(ctx);
  if (login === null) throw notFoundError("Could not resolve to a User: an app JWT has no viewer.");
  const user = ensureUser(ctx.state, login, ctx.actor.kind === "installation" ? "Bot" : "User");
  return { ...ownerNode(ctx, user), __typename: "User", login: user.login };
}

/** An Actor (author, editor) by REST login; null for an unknown account, as GitHub shows a deleted one. */
export function actorNode(ctx: GraphqlContext, login: string | null): Node | null {
  const user = login === null ? undefined : findUser(ctx.state, login);
  return user ? ownerNode(ctx, user) : null;
}

/** GitHub's `StateReason` enum; DUPLICATE only when asked for with `enableDuplicate: true`. */
function stateReasonOf(issue: IssueRecord, enableDuplicate: boolean): string | null {
  switch (issue.stateReason) {
    case null:
      return null;
    case "duplicate":
      return enableDuplicate ? "DUPLICATE" : "NOT_PLANNED";
    default:
      return issue.stateReason.toUpperCase();
  }
}

/** An issue or pull request comment. */
export function commentNode(ctx: GraphqlContext, repo: RepoRecord, issue: IssueRecord, comment: CommentRecord): Node {
  const path = `/${repo.owner}/${repo.name}/${issue.pull ? "pull" : "issues"}/${issue.number}#issuecomment-${comment.id}`;
  return {
    __typename: "IssueComment",
    id: comment.nodeId,
    databaseId: comment.id,
    body: comment.body,
    bodyText: comment.body,
    createdAt: comment.createdAt,
    publishedAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    lastEditedAt: comment.lastEditedAt,
    includesCreatedEdit: comment.lastEditedAt !== null,
    url: `${ctx.urls.web}${path}`,
    resourcePath: path,
    author: () => actorNode(ctx, comment.user),
    editor: () => actorNode(ctx, comment.editor),
    authorAssociation: authorAssociation(ctx.state, repo, comment.user),
    viewerDidAuthor: sameLogin(comment.user, viewerLogin(ctx)),
    isMinimized: false,
    minimizedReason: null,
    issue: () => issueNode(ctx, repo, issue),
    pullRequest: () => (issue.pull ? issueNode(ctx, repo, issue) : null),
    repository: () => repoNode(ctx, repo),
  };
}

function optionNode(option: { id: string; name: string }): Node {
  return { id: option.id, name: option.name, nameHTML: option.name, color: "GRAY", description: "", descriptionHTML: "" };
}

/** A project field (Title/text or single select). */
export function fieldNode(ctx: GraphqlContext, project: ProjectRecord, field: ProjectFieldRecord): Node {
  const common = {
    id: field.nodeId,
    databaseId: field.id,
    name: field.name,
    dataType: field.dataType,
    createdAt: project.createdAt,
    updatedAt: project.createdAt,
    project: () => projectNode(ctx, project),
  };
  if (field.dataType !== "SINGLE_SELECT") return { __typename: "ProjectV2Field", ...common };
  return {
    __typename: "ProjectV2SingleSelectField",
    ...common,
    options: (args: { names?: string[] | null }) =>
      field.options.filter((o) => !args.names || args.names.includes(o.name)).map(optionNode),
  };
}

function fieldValueNodes(ctx: GraphqlContext, project: ProjectRecord, item: ProjectItemRecord): Node[] {
  const content = findContent(ctx.state, item.contentNodeId);
  return project.fields.flatMap((field): Node[] => {
    const base = { field: fieldNode(ctx, project, field), item: () => itemNode(ctx, project, item), createdAt: item.createdAt, updatedAt: item.createdAt };
    if (field.dataType === "TITLE") {
      return content ? [{ __typename: "ProjectV2ItemFieldTextValue", id: `${item.nodeId}:${field.id}`, text: content.issue.title, ...base }] : [];
    }
    const raw = item.values.get(field.nodeId);
    if (raw === undefined) return [];
    if (field.dataType === "TEXT") return [{ __typename: "ProjectV2ItemFieldTextValue", id: `${item.nodeId}:${field.id}`, text: raw, ...base }];
    const option = field.options.find((o) => o.id === raw);
    return [
      { __typename: "ProjectV2ItemFieldSingleSelectValue", id: `${item.nodeId}:${field.id}`, optionId: raw, name: option?.name ?? null, nameHTML: option?.name ?? null, color: "GRAY", description: null, descriptionHTML: null, ...base },
    ];
  });
}

/** A project item with its content and field values. */
export function itemNode(ctx: GraphqlContext, project: ProjectRecord, item: ProjectItemRecord): Node {
  const content = findContent(ctx.state, item.contentNodeId);
  return {
    __typename: "ProjectV2Item",
    id: item.nodeId,
    databaseId: item.id,
    type: content?.issue.pull ? "PULL_REQUEST" : content ? "ISSUE" : "REDACTED",
    isArchived: false,
    createdAt: item.createdAt,
    updatedAt: item.createdAt,
    project: () => projectNode(ctx, project),
    content: () => (content ? issueNode(ctx, content.repo, content.issue) : null),
    fieldValues: (args: ConnectionArgs) => connection(fieldValueNodes(ctx, project, item), args, "fieldValues"),
    fieldValueByName: (args: { name: string }) =>
      fieldValueNodes(ctx, project, item).find((v) => ((v.field as Node).name as string) === args.name) ?? null,
  };
}

/** A Projects v2 board. */
export function projectNode(ctx: GraphqlContext, project: ProjectRecord): Node {
  const owner = findUser(ctx.state, project.owner);
  const path = `/${owner?.type === "User" ? "users" : "orgs"}/${project.owner}/projects/${project.number}`;
  return {
    __typename: "ProjectV2",
    id: project.nodeId,
    databaseId: project.id,
    number: project.number,
    title: project.title,
    closed: false,
    closedAt: null,
    public: false,
    template: false,
    readme: null,
    shortDescription: null,
    createdAt: project.createdAt,
    updatedAt: project.createdAt,
    resourcePath: path,
    url: `${ctx.urls.web}${path}`,
    viewerCanUpdate: true,
    viewerCanClose: true,
    viewerCanReopen: true,
    owner: () => (owner ? ownerNode(ctx, owner) : null),
    fields: (args: ConnectionArgs) => connection(project.fields.map((f) => fieldNode(ctx, project, f)), args, "fields"),
    field: (args: { name: string }) => {
      const field = project.fields.find((f) => f.name === args.name);
      return field ? fieldNode(ctx, project, field) : null;
    },
    items: (args: ConnectionArgs) => connection(project.items.map((i) => itemNode(ctx, project, i)), args, "items"),
  };
}

/** An organization or user, with its projects. */
export function ownerNode(ctx: GraphqlContext, user: UserRecord): Node {
  const projects = () => ctx.state.projects.filter((p) => p.owner.toLowerCase() === user.login.toLowerCase());
  // GraphQL names a GitHub App's bot by its slug; REST adds `[bot]` (`vigil` vs `vigil[bot]`).
  const isBot = user.type === "Bot";
  const login = isBot ? user.login.replace(/\[bot\]$/, "") : user.login;
  const path = isBot ? `/apps/${login}` : `/${login}`;
  return {
    __typename: user.type === "Organization" ? "Organization" : isBot ? "Bot" : "User",
    id: user.nodeId,
    databaseId: user.id,
    login,
    name: isBot ? null : user.login,
    url: `${ctx.urls.web}${path}`,
    resourcePath: path,
    avatarUrl: `https://avatars.githubusercontent.com/${isBot ? "in" : "u"}/${user.id}?v=4`,
    projectV2: (args: { number: number }) => {
      const project = projects().find((p) => p.number === args.number);
      if (!project) throw notFoundError(`Could not resolve to a ProjectV2 with the number ${args.number}.`);
      return projectNode(ctx, project);
    },
    projectsV2: (args: ConnectionArgs) => connection(projects().map((p) => projectNode(ctx, p)), args, "projectsV2"),
  };
}

/** Finds an issue or pull request by node id. */
export function findContent(state: SandboxState, nodeId: string): { repo: RepoRecord; issue: IssueRecord } | undefined {
  for (const repo of state.repos.values()) {
    for (const issue of repo.issues.values()) if (issue.nodeId === nodeId) return { repo, issue };
  }
  return undefined;
}

/** An issue or pull request. */
export function issueNode(ctx: GraphqlContext, repo: RepoRecord, issue: IssueRecord): Node {
  const webPath = `/${repo.owner}/${repo.name}/${issue.pull ? "pull" : "issues"}/${issue.number}`;
  const items = () =>
    ctx.state.projects.flatMap((p) => p.items.filter((i) => i.contentNodeId === issue.nodeId).map((i) => itemNode(ctx, p, i)));
  return {
    __typename: issue.pull ? "PullRequest" : "Issue",
    id: issue.nodeId,
    databaseId: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    bodyText: issue.body ?? "",
    state: issue.state.toUpperCase(),
    stateReason: (args: { enableDuplicate?: boolean | null }) => stateReasonOf(issue, args.enableDuplicate === true),
    author: () => actorNode(ctx, issue.user),
    editor: () => actorNode(ctx, issue.editor),
    lastEditedAt: issue.lastEditedAt,
    includesCreatedEdit: issue.lastEditedAt !== null,
    authorAssociation: authorAssociation(ctx.state, repo, issue.user),
    viewerDidAuthor: sameLogin(issue.user, viewerLogin(ctx)),
    locked: issue.locked,
    closed: issue.state === "closed",
    closedAt: issue.closedAt,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    url: `${ctx.urls.web}${webPath}`,
    resourcePath: webPath,
    repository: () => repoNode(ctx, repo),
    projectItems: (args: ConnectionArgs) => connection(items(), args, "projectItems"),
    milestone: () => {
      const milestone = issue.milestone === null ? undefined : repo.milestones.get(issue.milestone);
      return milestone ? milestoneNode(ctx, repo, milestone) : null;
    },
    timelineItems: (args: TimelineArgs) => timelineItems(ctx, repo, issue, args),
    labels: (args: LabelArgs) => connection(orderLabels(issue.labels.flatMap((name) => findLabel(repo, name) ?? []), args).map((l) => labelNode(ctx, repo, l)), args, "labels"),
    assignees: (args: ConnectionArgs) =>
      connection(issue.assignees.flatMap((login) => actorNode(ctx, login) ?? []), args, "assignees"),
    comments: (args: ConnectionArgs & { orderBy?: Order | null }) => {
      // Oldest first by default; deleted comments are gone from the record, so from the connection.
      const comments = args.orderBy ? sortBy(issue.comments, (c) => c.updatedAt, args.orderBy.direction) : issue.comments;
      return connection(comments.map((c) => commentNode(ctx, repo, issue, c)), args, "comments");
    },
    ...(issue.pull ? pullFields(ctx, repo, issue as IssueRecord & { pull: NonNullable<IssueRecord["pull"]> }) : {}),
  };
}

interface LabelArgs extends ConnectionArgs {
  orderBy?: { field: "NAME" | "CREATED_AT"; direction: "ASC" | "DESC" } | null;
}

function orderLabels(labels: readonly LabelRecord[], args: LabelArgs): readonly LabelRecord[] {
  if (!args.orderBy) return labels;
  // Label ids grow with creation, so they order by creation time.
  return args.orderBy.field === "NAME"
    ? sortBy(labels, (l) => l.name.toLowerCase(), args.orderBy.direction)
    : sortBy(labels, (l) => l.id, args.orderBy.direction);
}

function labelNode(ctx: GraphqlContext, repo: RepoRecord, label: LabelRecord): Node {
  const path = `/${repo.owner}/${repo.name}/labels/${encodeURIComponent(label.name)}`;
  return {
    __typename: "Label",
    id: label.nodeId,
    name: label.name,
    color: label.color,
    description: label.description,
    isDefault: label.isDefault,
    resourcePath: path,
    url: `${ctx.urls.web}${path}`,
  };
}

/** A repository. */
export function repoNode(ctx: GraphqlContext, repo: RepoRecord): Node {
  const owner = findUser(ctx.state, repo.owner);
  const byNumber = (pull: boolean, kind: string) => (args: { number: number }) => {
    const issue = repo.issues.get(args.number);
    if (!issue || (issue.pull !== null) !== pull) throw notFoundError(`Could not resolve to ${kind} with the number of ${args.number}.`);
    return issueNode(ctx, repo, issue);
  };
  return {
    __typename: "Repository",
    id: repo.nodeId,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: `${repo.owner}/${repo.name}`,
    isPrivate: repo.visibility !== "public",
    visibility: repo.visibility.toUpperCase(),
    url: `${ctx.urls.web}/${repo.owner}/${repo.name}`,
    owner: () => (owner ? ownerNode(ctx, owner) : null),
    issue: byNumber(false, "an Issue"),
    pullRequest: byNumber(true, "a PullRequest"),
    // Either kind by number; GitHub answers NOT_FOUND for a number that is neither.
    issueOrPullRequest: (args: { number: number }) => {
      const issue = repo.issues.get(args.number);
      if (!issue) throw notFoundError(`Could not resolve to an issue or pull request with the number of ${args.number}.`);
      return issueNode(ctx, repo, issue);
    },
    defaultBranchRef: () => defaultBranchRef(ctx, repo),
    ref: (args: { qualifiedName: string }) => refByName(ctx, repo, args.qualifiedName),
    pullRequests: (args: PullRequestsArgs) => pullConnection(ctx, repo, args),
    issues: (args: IssuesArgs) => connection(filterIssues(repo, args).map((i) => issueNode(ctx, repo, i)), args, "issues"),
    label: (args: { name: string }) => {
      const label = findLabel(repo, args.name);
      return label ? labelNode(ctx, repo, label) : null;
    },
    labels: (args: LabelArgs & { query?: string | null }) => {
      const query = args.query?.toLowerCase() ?? "";
      const matching = repo.labels.filter((l) => l.name.toLowerCase().includes(query) || (l.description ?? "").toLowerCase().includes(query));
      return connection(orderLabels(matching, args).map((l) => labelNode(ctx, repo, l)), args, "labels");
    },
    object: (args: { expression?: string | null; oid?: string | null }) => gitObject(ctx, repo, args),
    milestone: (args: { number: number }) => {
      const milestone = repo.milestones.get(args.number);
      return milestone ? milestoneNode(ctx, repo, milestone) : null;
    },
    milestones: (args: MilestonesArgs) => milestonesConnection(ctx, repo, args),
    vulnerabilityAlerts: (args: Parameters<typeof vulnerabilityAlerts>[2]) => vulnerabilityAlerts(ctx, repo, args),
  };
}
