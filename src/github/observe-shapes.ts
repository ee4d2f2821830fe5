import type { ListedIssue, ObservedIssue, ObservedPostmortem, ObservedProject, ObservedRepo } from "../domain/incident/observation.js";
import type { RepoRef } from "./client.js";

// The GraphQL answers of observe-query.ts, and their conversion into the domain's plain values.

interface AuthorNode {
  login: string;
  __typename: string;
}

/** An issue as the observe queries return it. */
export interface IssueNode {
  id: string;
  number: number;
  title: string;
  body: string;
  url: string;
  state: "OPEN" | "CLOSED";
  stateReason: "COMPLETED" | "NOT_PLANNED" | "REOPENED" | "DUPLICATE" | null;
  createdAt: string;
  closedAt: string | null;
  author: AuthorNode | null;
  labels: { nodes: { name: string }[] };
  assignees: { nodes: { login: string }[] };
  projectItems: { nodes: { id: string; project: { id: string }; fieldValues: { nodes: ({ optionId?: string; field?: { id?: string } } | null)[] } }[] };
  comments: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { databaseId: number; body: string; url: string; createdAt: string; lastEditedAt?: string | null; editor?: AuthorNode | null; author: AuthorNode | null }[];
  };
}

/** The repository fields the observe queries read. */
export interface RepoNode {
  isPrivate: boolean;
  visibility: "PUBLIC" | "PRIVATE" | "INTERNAL";
  labels: { nodes: { name: string }[] };
  form: { text?: string | null } | null;
}

/** The configured project's owner, with the project when it exists. */
export interface ProjectOwnerNode {
  projectV2?: { id: string; fields: { nodes: ({ id?: string; name?: string; options?: { id: string; name: string }[] } | null)[] } } | null;
}

/** An author as plain values; a deleted account shows as null, which GitHub names "ghost". */
export const authorOf = (node: AuthorNode | null) => ({ login: node?.login ?? "ghost", isBot: node?.__typename === "Bot" });

/** The repository as plain values. */
export function repoOf(ref: RepoRef, node: RepoNode): ObservedRepo {
  return {
    owner: ref.owner,
    name: ref.repo,
    isPublic: node.visibility === "PUBLIC",
    labels: node.labels.nodes.map((l) => l.name),
    formText: typeof node.form?.text === "string" ? node.form.text : null,
  };
}

/** An issue as plain values, comments oldest first. */
export function issueOf(node: IssueNode): ObservedIssue {
  const reason = node.stateReason === "COMPLETED" ? "completed" : node.stateReason === "NOT_PLANNED" ? "not_planned" : node.stateReason === "REOPENED" ? "reopened" : null;
  return {
    number: node.number,
    nodeId: node.id,
    title: node.title,
    body: node.body,
    url: node.url,
    state: node.state === "CLOSED" ? "closed" : "open",
    stateReason: reason,
    createdAt: node.createdAt,
    closedAt: node.closedAt,
    author: authorOf(node.author),
    labels: node.labels.nodes.map((l) => l.name),
    assignees: node.assignees.nodes.map((a) => a.login),
    projectItems: node.projectItems.nodes.map((item) => ({
      id: item.id,
      projectId: item.project.id,
      values: Object.fromEntries(item.fieldValues.nodes.flatMap((v) => (v?.optionId && v.field?.id ? [[v.field.id, v.optionId]] : []))),
    })),
    comments: node.comments.nodes
      .map((c) => ({ id: c.databaseId, body: c.body, author: authorOf(c.author), createdAt: c.createdAt, url: c.url, edited: Boolean(c.lastEditedAt), editor: c.editor ? authorOf(c.editor) : null }))
      .sort((a, b) => a.id - b.id),
  };
}

/** The project with its single-select fields, or null when it cannot be seen. */
export function projectOf(owner: ProjectOwnerNode | null | undefined): ObservedProject | null {
  const project = owner?.projectV2;
  if (!project) return null;
  const fields = project.fields.nodes.flatMap((f) => (f?.id && f.name && f.options ? [{ id: f.id, name: f.name, options: f.options }] : []));
  return { id: project.id, fields };
}

/** A pull request as the observe query returns it. */
export interface PullNode {
  id: string;
  number: number;
  state: "OPEN" | "CLOSED" | "MERGED";
  merged: boolean;
  mergedAt: string | null;
  createdAt: string;
  url: string;
  body: string;
  author: AuthorNode | null;
  labels: { nodes: { name: string }[] };
  files: { nodes: { path: string }[] } | null;
  comments: CommentPage;
}

/** A page of comments. */
export interface CommentPage {
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  nodes: CommentNode[];
}

export type CommentNode = { databaseId: number; body: string; url: string; createdAt: string; author: AuthorNode | null };

/** A comment as plain values. */
export const commentOf = (c: CommentNode) => ({ id: c.databaseId, body: c.body, author: authorOf(c.author), createdAt: c.createdAt, url: c.url });

/** The post-mortem fields of the observe query. */
export interface PostmortemNodes {
  defaultBranchRef: { name: string; target: { oid: string } | null } | null;
  pmRef?: { name: string } | null;
  pmTemplate?: { text?: string | null } | null;
  plans?: { entries?: { name: string; type: string; object: { text?: string | null } | null }[] } | null;
  pmPulls?: { nodes: PullNode[] } | null;
}

/** The post-mortem side of an incident as plain values. */
export function postmortemOf(node: PostmortemNodes): ObservedPostmortem {
  const head = node.defaultBranchRef;
  return {
    defaultBranch: head?.target ? { name: head.name, oid: head.target.oid } : null,
    branchExists: Boolean(node.pmRef),
    template: typeof node.pmTemplate?.text === "string" ? node.pmTemplate.text : null,
    plans: planFilesOf(node.plans),
    pulls: (node.pmPulls?.nodes ?? []).map((p) => ({
      number: p.number,
      nodeId: p.id,
      state: p.merged || p.state === "MERGED" ? "merged" : p.state === "CLOSED" ? "closed" : "open",
      mergedAt: p.mergedAt,
      createdAt: p.createdAt,
      url: p.url,
      body: p.body,
      author: authorOf(p.author),
      labels: p.labels.nodes.map((l) => l.name),
      files: (p.files?.nodes ?? []).map((f) => f.path),
      comments: p.comments.nodes.map(commentOf).sort((a, b) => a.id - b.id),
    })),
  };
}

/** An issue of the review-issue list. */
export interface ListedIssueNode {
  number: number;
  state: "OPEN" | "CLOSED";
  title: string;
  body: string;
  createdAt: string;
  author: AuthorNode | null;
  labels: { nodes: { name: string }[] };
  assignees: { nodes: { login: string }[] };
  comments: CommentPage;
}

/** A listed issue as plain values. */
export function listedIssueOf(node: ListedIssueNode): ListedIssue {
  return {
    number: node.number,
    state: node.state === "CLOSED" ? "closed" : "open",
    title: node.title,
    body: node.body,
    author: authorOf(node.author),
    createdAt: node.createdAt,
    labels: node.labels.nodes.map((l) => l.name),
    assignees: node.assignees.nodes.map((a) => a.login),
    comments: node.comments.nodes.map(commentOf).sort((a, b) => a.id - b.id),
  };
}

/** The Markdown files of `.github/incident-plans/` as the tree query returns them. */
export function planFilesOf(tree: { entries?: { name: string; type: string; object: { text?: string | null } | null }[] } | null | undefined): { file: string; text: string }[] {
  return (tree?.entries ?? []).flatMap((e) => (e.type === "blob" && /\.md$/i.test(e.name) && typeof e.object?.text === "string" ? [{ file: e.name, text: e.object.text }] : []));
}
