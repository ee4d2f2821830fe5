import type { GitHubClient } from "./client.js";

/** A single-select field of a Project (v2), with its options. */
export interface SelectField {
  id: string;
  name: string;
  options: { id: string; name: string }[];
}

/** A Project (v2) as Vigil needs it: its id and single-select fields by name. */
export interface ProjectInfo {
  id: string;
  title: string;
  selectFields: SelectField[];
}

const FIND_PROJECT = `
query VigilFindProject($owner: String!, $number: Int!) {
  repositoryOwner(login: $owner) {
    __typename
    ... on Organization { projectV2(number: $number) { ...VigilProject } }
    ... on User { projectV2(number: $number) { ...VigilProject } }
  }
}
fragment VigilProject on ProjectV2 {
  id
  title
  fields(first: 50) {
    nodes {
      ... on ProjectV2SingleSelectField { id name options { id name } }
    }
  }
}`;

interface FindProjectResult {
  repositoryOwner: {
    projectV2?: {
      id: string;
      title: string;
      fields: { nodes: ({ id?: string; name?: string; options?: { id: string; name: string }[] } | null)[] };
    } | null;
  } | null;
}

/**
 * Looks a project up by owner and number; null when the owner or project does not exist or
 * the app cannot see it (GitHub answers NOT_FOUND errors for both).
 */
export async function findProject(gh: GitHubClient, owner: string, number: number): Promise<ProjectInfo | null> {
  let result: FindProjectResult;
  try {
    result = await gh.graphql<FindProjectResult>(FIND_PROJECT, { owner, number });
  } catch (error) {
    const partial = (error as { data?: FindProjectResult; errors?: { type?: string }[] }) ?? {};
    if (partial.errors?.every((e) => e.type === "NOT_FOUND")) return null;
    throw error;
  }
  const project = result.repositoryOwner?.projectV2;
  if (!project) return null;
  const selectFields: SelectField[] = [];
  for (const node of project.fields.nodes) {
    if (node?.id && node.name && node.options) selectFields.push({ id: node.id, name: node.name, options: node.options });
  }
  return { id: project.id, title: project.title, selectFields };
}

/** Adds an issue or PR to a project; GitHub returns the existing item when it is already there. */
export async function addProjectItem(gh: GitHubClient, projectId: string, contentId: string): Promise<string> {
  const result = await gh.graphql<{ addProjectV2ItemById: { item: { id: string } } }>(
    `mutation VigilAddItem($projectId: ID!, $contentId: ID!) {
      addProjectV2ItemById(input: { projectId: $projectId, contentId: $contentId }) { item { id } }
    }`,
    { projectId, contentId },
  );
  return result.addProjectV2ItemById.item.id;
}

/** Sets a single-select field of a project item to one of its options. */
export async function setSelectField(
  gh: GitHubClient,
  projectId: string,
  itemId: string,
  fieldId: string,
  optionId: string,
): Promise<void> {
  await gh.graphql(
    `mutation VigilSetField($projectId: ID!, $itemId: ID!, $fieldId: ID!, $optionId: String!) {
      updateProjectV2ItemFieldValue(
        input: { projectId: $projectId, itemId: $itemId, fieldId: $fieldId, value: { singleSelectOptionId: $optionId } }
      ) { projectV2Item { id } }
    }`,
    { projectId, itemId, fieldId, optionId },
  );
}
