import { describe, expect, it } from "vitest";
import { ORG, REPO, createSandbox, createTestOctokit } from "../helpers/sandbox.js";

const FIELDS = `
  query($login: String!, $number: Int!) {
    organization(login: $login) {
      projectV2(number: $number) {
        id
        title
        fields(first: 20) {
          nodes {
            ... on ProjectV2SingleSelectField { id name options { id name } }
            ... on ProjectV2Field { id name }
          }
        }
      }
    }
  }`;

const ADD = `
  mutation($projectId: ID!, $contentId: ID!) {
    addProjectV2ItemById(input: { projectId: $projectId, contentId: $contentId }) { item { id } }
  }`;

const SET = `
  mutation($projectId: ID!, $itemId: ID!, $fieldId: ID!, $optionId: String!) {
    updateProjectV2ItemFieldValue(input: { projectId: $projectId, itemId: $itemId, fieldId: $fieldId, value: { singleSelectOptionId: $optionId } }) {
      projectV2Item { id }
    }
  }`;

interface Project {
  id: string;
  title: string;
  fields: { nodes: { id: string; name: string; options?: { id: string; name: string }[] }[] };
}

function setup() {
  const sandbox = createSandbox();
  sandbox.addProject({ owner: ORG, number: 7, title: "Incidents", fields: { Severity: ["Emergency", "Sev0", "Sev1", "Sev2"], Status: ["Open", "Resolved"] } });
  const issue = sandbox.addIssue(ORG, REPO, { title: "Breach" });
  const gh = createTestOctokit(sandbox, { installationId: 1 });
  return { sandbox, gh, issue };
}

async function project(gh: ReturnType<typeof createTestOctokit>): Promise<Project> {
  const data = await gh.graphql<{ organization: { projectV2: Project } }>(FIELDS, { login: ORG, number: 7 });
  return data.organization.projectV2;
}

describe("Projects v2 over GraphQL", () => {
  it("reads a project's fields and single-select options", async () => {
    const { gh } = setup();
    const p = await project(gh);
    expect(p.title).toBe("Incidents");
    expect(p.fields.nodes.map((f) => [f.name, f.options?.map((o) => o.name)])).toEqual([
      ["Title", undefined],
      ["Severity", ["Emergency", "Sev0", "Sev1", "Sev2"]],
      ["Status", ["Open", "Resolved"]],
    ]);
  });

  it("adds an item idempotently and sets a single-select value", async () => {
    const { sandbox, gh, issue } = setup();
    const p = await project(gh);
    const add = () => gh.graphql<{ addProjectV2ItemById: { item: { id: string } } }>(ADD, { projectId: p.id, contentId: issue.nodeId });
    const first = await add();
    const second = await add();
    expect(second.addProjectV2ItemById.item.id).toBe(first.addProjectV2ItemById.item.id);
    const severity = p.fields.nodes.find((f) => f.name === "Severity");
    const sev1 = severity?.options?.find((o) => o.name === "Sev1");
    await gh.graphql(SET, { projectId: p.id, itemId: first.addProjectV2ItemById.item.id, fieldId: severity?.id, optionId: sev1?.id });
    expect(sandbox.projectItems(ORG, 7)).toHaveLength(1);
    expect(sandbox.projectItemFor(ORG, 7, { owner: ORG, repo: REPO, number: issue.number })?.fields).toEqual({ Severity: "Sev1" });
    expect(sandbox.countRequests({ route: "/graphql", graphqlOperation: "addProjectV2ItemById" })).toBe(2);
  });

  it("lists items with their content and field values", async () => {
    const { sandbox, gh, issue } = setup();
    const p = await project(gh);
    const { addProjectV2ItemById } = await gh.graphql<{ addProjectV2ItemById: { item: { id: string } } }>(ADD, { projectId: p.id, contentId: issue.nodeId });
    const status = p.fields.nodes.find((f) => f.name === "Status");
    await gh.graphql(SET, { projectId: p.id, itemId: addProjectV2ItemById.item.id, fieldId: status?.id, optionId: status?.options?.[1]?.id });
    const data = await gh.graphql<{ node: { items: { nodes: unknown[] } } }>(
      `query($id: ID!) { node(id: $id) { ... on ProjectV2 { items(first: 10) { nodes {
          content { ... on Issue { number title } }
          fieldValueByName(name: "Status") { ... on ProjectV2ItemFieldSingleSelectValue { name } }
      } } } } }`,
      { id: p.id },
    );
    expect(data.node.items.nodes).toEqual([{ content: { number: issue.number, title: "Breach" }, fieldValueByName: { name: "Resolved" } }]);
    expect(sandbox.violations).toHaveLength(0);
  });

  it("answers a missing project with GitHub's NOT_FOUND error", async () => {
    const { gh } = setup();
    const error = await gh.graphql(FIELDS, { login: ORG, number: 8 }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      errors: [{ type: "NOT_FOUND", path: ["organization", "projectV2"], message: "Could not resolve to a ProjectV2 with the number 8." }],
      data: { organization: { projectV2: null } },
    });
  });

  it("resolves user-owned projects and repositoryOwner", async () => {
    const { sandbox, gh } = setup();
    sandbox.addUser("solo");
    sandbox.addProject({ owner: "solo", number: 1, title: "Mine" });
    const data = await gh.graphql<{ user: { projectV2: { title: string } }; repositoryOwner: { login: string } | null }>(
      `{ user(login: "solo") { projectV2(number: 1) { title } } repositoryOwner(login: "nobody") { login } }`,
    );
    expect(data).toEqual({ user: { projectV2: { title: "Mine" } }, repositoryOwner: null });
  });

  it("enforces GitHub's pagination boundaries on connections", async () => {
    const { gh } = setup();
    const error = await gh
      .graphql(`{ organization(login: "${ORG}") { projectV2(number: 7) { fields { totalCount } } } }`)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ errors: [{ type: "MISSING_PAGINATION_BOUNDARIES" }] });
  });
});
