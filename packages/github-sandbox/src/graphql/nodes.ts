// GraphQL objects are plain objects with `__typename` (for interface and
// union resolution) whose fields are values or functions of the field
// arguments; graphql-js's default resolver calls them. Unmodelled fields
// resolve to null, so asking for a non-null one fails loudly.
import type { SandboxClock } from "../clock.js";
import type { Urls } from "../shapes/urls.js";
import type {
  IssueRecord,
  ProjectFieldRecord,
  ProjectItemRecord,
  ProjectRecord,
  RepoRecord,
  SandboxState,
  UserRecord,
} from "../state.js";
import { findUser } from "../store/accounts.js";
import { findLabel } from "../store/labels.js";
import type { ConnectionArgs } from "./connection.js";
import { connection } from "./connection.js";
import { notFoundError } from "./errors.js";

export interface GraphqlContext {
  state: SandboxState;
  clock: SandboxClock;
  urls: Urls;
}

type Node = Record<string, unknown>;

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
  return {
    __typename: user.type === "Organization" ? "Organization" : user.type === "Bot" ? "Bot" : "User",
    id: user.nodeId,
    databaseId: user.id,
    login: user.login,
    name: user.login,
    url: `${ctx.urls.web}/${user.login}`,
    resourcePath: `/${user.login}`,
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
    state: issue.pull?.merged ? "MERGED" : issue.state.toUpperCase(),
    closed: issue.state === "closed",
    closedAt: issue.closedAt,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    url: `${ctx.urls.web}${webPath}`,
    resourcePath: webPath,
    merged: issue.pull?.merged ?? null,
    headRefName: issue.pull?.head ?? null,
    baseRefName: issue.pull?.base ?? null,
    repository: () => repoNode(ctx, repo),
    projectItems: (args: ConnectionArgs) => connection(items(), args, "projectItems"),
    labels: (args: ConnectionArgs) => connection(issue.labels.flatMap((name) => labelNode(repo, name)), args, "labels"),
  };
}

function labelNode(repo: RepoRecord, name: string): Node[] {
  const label = findLabel(repo, name);
  if (!label) return [];
  return [{ __typename: "Label", id: label.nodeId, name: label.name, color: label.color, description: label.description, isDefault: label.isDefault }];
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
    isPrivate: repo.isPrivate,
    url: `${ctx.urls.web}/${repo.owner}/${repo.name}`,
    owner: () => (owner ? ownerNode(ctx, owner) : null),
    issue: byNumber(false, "an Issue"),
    pullRequest: byNumber(true, "a PullRequest"),
  };
}
