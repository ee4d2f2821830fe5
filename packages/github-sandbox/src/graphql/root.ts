// Root query and mutation fields over sandbox state.
import type { ProjectRecord } from "../state.js";
import { findUser } from "../store/accounts.js";
import { addProjectItem } from "../store/projects.js";
import { findRepo } from "../store/repos.js";
import { GitHubGraphqlError, notFoundError } from "./errors.js";
import type { GraphqlContext } from "./nodes.js";
import { commentNode, fieldNode, findContent, issueNode, itemNode, ownerNode, projectNode, repoNode, viewerNode } from "./nodes.js";

interface FieldValueInput {
  projectId: string;
  itemId: string;
  fieldId: string;
  value: { singleSelectOptionId?: string | null; text?: string | null; number?: number | null; date?: string | null };
  clientMutationId?: string | null;
}

function unresolved(id: string): GitHubGraphqlError {
  return notFoundError(`Could not resolve to a node with the global id of '${id}'`);
}

function projectById(ctx: GraphqlContext, id: string): ProjectRecord {
  const project = ctx.state.projects.find((p) => p.nodeId === id);
  if (!project) throw unresolved(id);
  return project;
}

function nodeById(ctx: GraphqlContext, id: string): Record<string, unknown> | null {
  const user = [...ctx.state.users.values()].find((u) => u.nodeId === id);
  if (user) return ownerNode(ctx, user);
  const repo = [...ctx.state.repos.values()].find((r) => r.nodeId === id);
  if (repo) return repoNode(ctx, repo);
  const content = findContent(ctx.state, id);
  if (content) return issueNode(ctx, content.repo, content.issue);
  for (const repo of ctx.state.repos.values()) {
    for (const issue of repo.issues.values()) {
      const comment = issue.comments.find((c) => c.nodeId === id);
      if (comment) return commentNode(ctx, repo, issue, comment);
    }
  }
  for (const project of ctx.state.projects) {
    if (project.nodeId === id) return projectNode(ctx, project);
    const field = project.fields.find((f) => f.nodeId === id);
    if (field) return fieldNode(ctx, project, field);
    const item = project.items.find((i) => i.nodeId === id);
    if (item) return itemNode(ctx, project, item);
  }
  return null;
}

function ownerOfType(ctx: GraphqlContext, login: string, type: "Organization" | "User") {
  const user = findUser(ctx.state, login);
  if (!user || user.type !== type) {
    throw notFoundError(`Could not resolve to ${type === "Organization" ? "an Organization" : "a User"} with the login of '${login}'.`);
  }
  return ownerNode(ctx, user);
}

function updateFieldValue(ctx: GraphqlContext, input: FieldValueInput) {
  const project = projectById(ctx, input.projectId);
  const item = project.items.find((i) => i.nodeId === input.itemId);
  if (!item) throw unresolved(input.itemId);
  const field = project.fields.find((f) => f.nodeId === input.fieldId);
  if (!field) throw unresolved(input.fieldId);
  if (field.dataType === "SINGLE_SELECT") {
    const optionId = input.value.singleSelectOptionId;
    if (!optionId || !field.options.some((o) => o.id === optionId)) {
      throw new GitHubGraphqlError("UNPROCESSABLE", `The single select option Id does not belong to the field`);
    }
    item.values.set(field.nodeId, optionId);
  } else if (field.dataType === "TEXT" && typeof input.value.text === "string") {
    item.values.set(field.nodeId, input.value.text);
  } else {
    throw new GitHubGraphqlError("UNPROCESSABLE", `The field ${field.name} cannot be updated with this value`);
  }
  return { clientMutationId: input.clientMutationId ?? null, projectV2Item: itemNode(ctx, project, item) };
}

/** The root value: query fields and mutation fields share one object. */
export function rootValue(ctx: GraphqlContext): Record<string, unknown> {
  return {
    viewer: () => viewerNode(ctx),
    organization: (args: { login: string }) => ownerOfType(ctx, args.login, "Organization"),
    user: (args: { login: string }) => ownerOfType(ctx, args.login, "User"),
    repositoryOwner: (args: { login: string }) => {
      const user = findUser(ctx.state, args.login);
      return user ? ownerNode(ctx, user) : null;
    },
    repository: (args: { owner: string; name: string }) => {
      const repo = findRepo(ctx.state, args.owner, args.name);
      if (!repo) throw notFoundError(`Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`);
      return repoNode(ctx, repo);
    },
    node: (args: { id: string }) => nodeById(ctx, args.id),
    nodes: (args: { ids: string[] }) => args.ids.map((id) => nodeById(ctx, id)),
    addProjectV2ItemById: (args: { input: { projectId: string; contentId: string; clientMutationId?: string | null } }) => {
      const project = projectById(ctx, args.input.projectId);
      if (!findContent(ctx.state, args.input.contentId)) throw unresolved(args.input.contentId);
      const item = addProjectItem(ctx.state, project, args.input.contentId, ctx.clock.iso());
      return { clientMutationId: args.input.clientMutationId ?? null, item: itemNode(ctx, project, item) };
    },
    updateProjectV2ItemFieldValue: (args: { input: FieldValueInput }) => updateFieldValue(ctx, args.input),
    clearProjectV2ItemFieldValue: (args: { input: Omit<FieldValueInput, "value"> }) => {
      const project = projectById(ctx, args.input.projectId);
      const item = project.items.find((i) => i.nodeId === args.input.itemId);
      if (!item) throw unresolved(args.input.itemId);
      item.values.delete(args.input.fieldId);
      return { clientMutationId: args.input.clientMutationId ?? null, projectV2Item: itemNode(ctx, project, item) };
    },
    deleteProjectV2Item: (args: { input: { projectId: string; itemId: string; clientMutationId?: string | null } }) => {
      const project = projectById(ctx, args.input.projectId);
      if (!project.items.some((i) => i.nodeId === args.input.itemId)) throw unresolved(args.input.itemId);
      project.items = project.items.filter((i) => i.nodeId !== args.input.itemId);
      return { clientMutationId: args.input.clientMutationId ?? null, deletedItemId: args.input.itemId };
    },
  };
}
