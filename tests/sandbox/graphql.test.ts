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

// The query Vigil's observe step sends (issue and open-incident variants share the issue fields).
const ISSUE_FIELDS = `
  id number title body url state stateReason createdAt closedAt lastEditedAt
  author { login __typename }
  labels(first: 100) { nodes { name } }
  assignees(first: 100) { nodes { login } }
  projectItems(first: 20) { nodes { id project { id number owner { ... on Organization { login } ... on User { login } } }
    fieldValues(first: 50) { nodes { ... on ProjectV2ItemFieldSingleSelectValue { optionId field { ... on ProjectV2SingleSelectField { id name } } } } } } }
  comments(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    nodes { databaseId id body url createdAt updatedAt lastEditedAt author { login __typename } } }`;

const OBSERVE = `
  query VigilObserve($owner: String!, $name: String!, $number: Int!, $after: String) {
    viewer { login __typename }
    repository(owner: $owner, name: $name) {
      isPrivate visibility
      labels(first: 100) { nodes { name } }
      object(expression: "HEAD:.github/ISSUE_TEMPLATE/security-incident.yml") { ... on Blob { text } }
      issue(number: $number) { ${ISSUE_FIELDS} }
    }
  }`;

const INCIDENTS = `
  query VigilIncidents($owner: String!, $name: String!, $after: String, $labels: [String!], $direction: OrderDirection!) {
    repository(owner: $owner, name: $name) {
      issues(first: 2, after: $after, states: [OPEN], labels: $labels, orderBy: { field: CREATED_AT, direction: $direction }) {
        totalCount pageInfo { hasNextPage endCursor } nodes { number title }
      }
    }
  }`;

interface Author {
  login: string;
  __typename: string;
}
interface CommentNode {
  databaseId: number;
  id: string;
  body: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  lastEditedAt: string | null;
  author: Author | null;
}
interface Comments {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: CommentNode[];
}
interface ObservedIssue {
  number: number;
  state: string;
  stateReason: string | null;
  closedAt: string | null;
  lastEditedAt: string | null;
  author: Author | null;
  labels: { nodes: { name: string }[] };
  assignees: { nodes: { login: string }[] };
  projectItems: { nodes: { project: { number: number; owner: { login: string } }; fieldValues: { nodes: { optionId?: string; field?: { name: string } }[] } }[] };
  comments: Comments;
}
interface Observed {
  viewer: Author;
  repository: {
    isPrivate: boolean;
    visibility: string;
    labels: { nodes: { name: string }[] };
    object: { text: string } | null;
    issue: ObservedIssue;
  };
}

const NOW = "2026-11-23T18:00:00Z";

function incidentRepo() {
  const sandbox = createSandbox({ now: NOW });
  sandbox.setPermission(ORG, REPO, "alice", "write");
  sandbox.addLabel(ORG, REPO, { name: "Incident" });
  const issue = sandbox.addIssue(ORG, REPO, { title: "Leaked key", body: "### Summary\n\nkey", user: "reporter", labels: ["incident"], assignees: ["alice"] });
  return { sandbox, issue };
}

async function observe(gh: ReturnType<typeof createTestOctokit>, number: number, after: string | null = null): Promise<Observed> {
  return gh.graphql<Observed>(OBSERVE, { owner: ORG, name: REPO, number, after });
}

describe("the observe query over GraphQL", () => {
  it("reads repository, issue, labels, assignees, project values and comments by a person and by the app", async () => {
    const { sandbox, issue } = incidentRepo();
    sandbox.setFile(ORG, REPO, ".github/ISSUE_TEMPLATE/security-incident.yml", "name: Security incident\n");
    sandbox.addProject({ owner: ORG, number: 7, title: "Incidents", fields: { Severity: ["Sev0", "Sev1"] } });
    const app = createTestOctokit(sandbox, { installationId: 1 });
    const p = await project(app);
    const { addProjectV2ItemById } = await app.graphql<{ addProjectV2ItemById: { item: { id: string } } }>(ADD, { projectId: p.id, contentId: issue.nodeId });
    const severity = p.fields.nodes.find((f) => f.name === "Severity");
    await app.graphql(SET, { projectId: p.id, itemId: addProjectV2ItemById.item.id, fieldId: severity?.id, optionId: severity?.options?.[1]?.id });
    sandbox.addComment(ORG, REPO, issue.number, "I can help", "alice");
    sandbox.clock.advance(60_000);
    const { data: botComment } = await app.rest.issues.createComment({ owner: ORG, repo: REPO, issue_number: issue.number, body: "Declared" });
    expect(botComment.user?.login).toBe("vigil[bot]");

    const data = await observe(app, issue.number);
    expect(data.viewer).toEqual({ login: "vigil[bot]", __typename: "User" });
    const repo = data.repository;
    expect(repo).toMatchObject({ isPrivate: true, visibility: "PRIVATE", labels: { nodes: [{ name: "Incident" }] }, object: { text: "name: Security incident\n" } });
    expect(repo.issue).toMatchObject({
      number: issue.number,
      state: "OPEN",
      stateReason: null,
      closedAt: null,
      lastEditedAt: null,
      author: { login: "reporter", __typename: "User" },
      labels: { nodes: [{ name: "Incident" }] },
      assignees: { nodes: [{ login: "alice" }] },
    });
    expect(repo.issue.projectItems.nodes).toEqual([
      {
        id: addProjectV2ItemById.item.id,
        project: { id: p.id, number: 7, owner: { login: ORG } },
        fieldValues: { nodes: [{}, { optionId: severity?.options?.[1]?.id, field: { id: severity?.id, name: "Severity" } }] },
      },
    ]);
    const [human, bot] = repo.issue.comments.nodes;
    expect(human).toMatchObject({ body: "I can help", author: { login: "alice", __typename: "User" }, createdAt: NOW, lastEditedAt: null });
    expect(bot).toMatchObject({ databaseId: botComment.id, id: botComment.node_id, url: botComment.html_url, body: "Declared", author: { login: "vigil", __typename: "Bot" } });
    expect(repo.issue.comments).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
  });

  it("pages through more than 100 comments and drops deleted ones", async () => {
    const { sandbox, issue } = incidentRepo();
    const comments = Array.from({ length: 150 }, (_, i) => sandbox.addComment(ORG, REPO, issue.number, `c${i}`, "alice"));
    sandbox.deleteComment(ORG, REPO, comments[3]?.id ?? 0);
    const gh = createTestOctokit(sandbox, { installationId: 1 });
    const first = (await observe(gh, issue.number)).repository.issue.comments;
    expect(first.totalCount).toBe(149);
    expect(first.nodes).toHaveLength(100);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.nodes.map((c) => c.body)).not.toContain("c3");
    const second = (await observe(gh, issue.number, first.pageInfo.endCursor)).repository.issue.comments;
    expect(second.nodes).toHaveLength(49);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false });
    expect(second.nodes.at(-1)?.body).toBe("c149");
  });

  it("records edits by a person (lastEditedAt, updatedAt) on comments and issue bodies", async () => {
    const { sandbox, issue } = incidentRepo();
    const comment = sandbox.addComment(ORG, REPO, issue.number, "/severity sev1", "alice");
    sandbox.clock.advance(5 * 60_000);
    const edited = sandbox.editComment(ORG, REPO, comment.id, "/severity sev0", "alice");
    expect(edited.previousBody).toBe("/severity sev1");
    const later = sandbox.clock.iso();
    sandbox.clock.advance(60_000);
    expect(sandbox.editIssueBody(ORG, REPO, issue.number, "### Summary\n\nrotated", "reporter").previousBody).toBe("### Summary\n\nkey");
    const data = await observe(createTestOctokit(sandbox, { installationId: 1 }), issue.number);
    expect(data.repository.issue.comments.nodes[0]).toMatchObject({ body: "/severity sev0", createdAt: NOW, updatedAt: later, lastEditedAt: later });
    expect(data.repository.issue.lastEditedAt).toBe(sandbox.clock.iso());
  });

  it("shows an edit through REST too, but not a PATCH that leaves the body unchanged", async () => {
    const { sandbox, issue } = incidentRepo();
    const gh = createTestOctokit(sandbox, { installationId: 1 });
    const { data: c } = await gh.rest.issues.createComment({ owner: ORG, repo: REPO, issue_number: issue.number, body: "record" });
    sandbox.clock.advance(1000);
    await gh.rest.issues.updateComment({ owner: ORG, repo: REPO, comment_id: c.id, body: "record" });
    expect((await observe(gh, issue.number)).repository.issue.comments.nodes[0]?.lastEditedAt).toBeNull();
    await gh.rest.issues.updateComment({ owner: ORG, repo: REPO, comment_id: c.id, body: "record v2" });
    expect((await observe(gh, issue.number)).repository.issue.comments.nodes[0]?.lastEditedAt).toBe(sandbox.clock.iso());
  });

  it("reports visibility, including a repository made public later", async () => {
    const { sandbox, issue } = incidentRepo();
    const gh = createTestOctokit(sandbox, { installationId: 1 });
    expect((await observe(gh, issue.number)).repository).toMatchObject({ isPrivate: true, visibility: "PRIVATE" });
    sandbox.setVisibility(ORG, REPO, "public");
    expect((await observe(gh, issue.number)).repository).toMatchObject({ isPrivate: false, visibility: "PUBLIC" });
    expect((await gh.rest.repos.get({ owner: ORG, repo: REPO })).data).toMatchObject({ private: false, visibility: "public" });
    sandbox.setVisibility(ORG, REPO, "internal");
    expect((await observe(gh, issue.number)).repository).toMatchObject({ isPrivate: true, visibility: "INTERNAL" });
    sandbox.addRepo({ owner: "solo", name: "notes", ownerType: "User", installationId: 1 });
    expect(() => sandbox.setVisibility("solo", "notes", "internal")).toThrow(/organization/);
  });

  it("maps stateReason and removes a label taken off by hand (matched case-insensitively)", async () => {
    const { sandbox, issue } = incidentRepo();
    const gh = createTestOctokit(sandbox, { installationId: 1 });
    await gh.rest.issues.update({ owner: ORG, repo: REPO, issue_number: issue.number, state: "closed", state_reason: "not_planned" });
    expect((await observe(gh, issue.number)).repository.issue).toMatchObject({ state: "CLOSED", stateReason: "NOT_PLANNED", closedAt: NOW });
    await gh.rest.issues.update({ owner: ORG, repo: REPO, issue_number: issue.number, state: "open" });
    expect((await observe(gh, issue.number)).repository.issue).toMatchObject({ state: "OPEN", stateReason: "REOPENED", closedAt: null });
    sandbox.removeLabel(ORG, REPO, issue.number, "INCIDENT");
    expect((await observe(gh, issue.number)).repository.issue.labels.nodes).toEqual([]);
    expect(() => sandbox.removeLabel(ORG, REPO, issue.number, "incident")).toThrow();
  });
});

describe("repository issues, objects and viewer over GraphQL", () => {
  it("lists open issues with any of the labels (case-insensitive), oldest first, page by page, without pull requests", async () => {
    const { sandbox } = incidentRepo();
    for (const title of ["second", "third", "fourth"]) {
      sandbox.clock.advance(60_000);
      sandbox.addIssue(ORG, REPO, { title, labels: ["Incident"] });
    }
    sandbox.addIssue(ORG, REPO, { title: "closed", labels: ["incident"], state: "closed" });
    sandbox.addIssue(ORG, REPO, { title: "unlabelled" });
    sandbox.createBranch(ORG, REPO, "fix");
    sandbox.setFile(ORG, REPO, "fix.txt", "x", { branch: "fix" });
    sandbox.openPull(ORG, REPO, { title: "pull", head: "fix" });
    const gh = createTestOctokit(sandbox, { installationId: 1 });
    type Page = { repository: { issues: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { number: number; title: string }[] } } };
    const page = (after: string | null, direction = "ASC", labels = ["incident"]) =>
      gh.graphql<Page>(INCIDENTS, { owner: ORG, name: REPO, after, labels, direction }).then((d) => d.repository.issues);
    const first = await page(null);
    expect(first.totalCount).toBe(4);
    expect(first.nodes.map((n) => n.title)).toEqual(["Leaked key", "second"]);
    const second = await page(first.pageInfo.endCursor);
    expect(second.nodes.map((n) => n.title)).toEqual(["third", "fourth"]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await page(null, "DESC")).nodes.map((n) => n.title)).toEqual(["fourth", "third"]);
    expect((await page(null, "ASC", ["nope", "INCIDENT"])).totalCount).toBe(4);
    expect((await page(null, "ASC", ["nope"])).totalCount).toBe(0);
  });

  it("resolves HEAD:path and BRANCH:path to a Blob, a folder to a Tree, a bare revision to a Commit, and a missing path to null", async () => {
    const { sandbox } = incidentRepo();
    sandbox.setFile(ORG, REPO, ".github/incident-response.yml", "timezone: UTC\n");
    sandbox.setFile(ORG, REPO, ".github/incident-response.yml", "timezone: Europe/Paris\n", { branch: "draft" });
    const gh = createTestOctokit(sandbox, { installationId: 1 });
    const data = await gh.graphql<Record<string, { repository: unknown }>>(
      `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {
        head: object(expression: "HEAD:.github/incident-response.yml") { __typename ... on Blob { text byteSize } }
        main: object(expression: "main:.github/incident-response.yml") { ... on Blob { text } }
        draft: object(expression: "draft:.github/incident-response.yml") { ... on Blob { text } }
        missing: object(expression: "HEAD:.github/nope.yml") { __typename }
        noBranch: object(expression: "gone:.github/incident-response.yml") { __typename }
        folder: object(expression: "HEAD:.github") { ... on Tree { entries { name type } } }
        commit: object(expression: "HEAD") { ... on Commit { message } }
      } }`,
      { owner: ORG, name: REPO },
    );
    expect(data.repository).toEqual({
      head: { __typename: "Blob", text: "timezone: UTC\n", byteSize: 14 },
      main: { text: "timezone: UTC\n" },
      draft: { text: "timezone: Europe/Paris\n" },
      missing: null,
      noBranch: null,
      folder: { entries: [{ name: "incident-response.yml", type: "blob" }] },
      commit: { message: "Update .github/incident-response.yml" },
    });
  });

  it("answers viewer as the token's owner: the app's bot account for an installation, the person for a user token", async () => {
    const { sandbox } = incidentRepo();
    const query = `{ viewer { login __typename databaseId } }`;
    const bot = await createTestOctokit(sandbox, { installationId: 1 }).graphql<{ viewer: Author & { databaseId: number } }>(query);
    // viewer is a User in GitHub's schema; an installation's viewer is its bot, with REST's login.
    expect(bot.viewer).toMatchObject({ login: "vigil[bot]", __typename: "User" });
    const { data: comment } = await createTestOctokit(sandbox, { installationId: 1 }).rest.issues.createComment({ owner: ORG, repo: REPO, issue_number: 1, body: "hi" });
    expect(bot.viewer.databaseId).toBe(comment.user?.id);
    const alice = await createTestOctokit(sandbox, { login: "alice" }).graphql<{ viewer: Author }>(query);
    expect(alice.viewer).toMatchObject({ login: "alice", __typename: "User" });
  });

  it("finds a comment by node id", async () => {
    const { sandbox, issue } = incidentRepo();
    const comment = sandbox.addComment(ORG, REPO, issue.number, "hello", "alice");
    const gh = createTestOctokit(sandbox, { installationId: 1 });
    const data = await gh.graphql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { ... on IssueComment { body author { login } issue { number } } } }`, { id: comment.nodeId });
    expect(data.node).toEqual({ body: "hello", author: { login: "alice" }, issue: { number: issue.number } });
  });
});

describe("issueOrPullRequest", () => {
  it("resolves an issue or a pull request by number, and NOT_FOUND for neither", async () => {
    const sandbox = createSandbox();
    const issue = sandbox.addIssue(ORG, REPO, { title: "an issue", body: "", user: "alice" });
    sandbox.setFile(ORG, REPO, "notes.md", "a change", { branch: "topic" });
    const pull = sandbox.openPull(ORG, REPO, { title: "a pull", head: "topic" });
    const octokit = createTestOctokit(sandbox);
    const query = `query($n: Int!) { repository(owner: "${ORG}", name: "${REPO}") { issueOrPullRequest(number: $n) { __typename ... on Issue { title } ... on PullRequest { title } } } }`;
    const a = await octokit.graphql<{ repository: { issueOrPullRequest: { __typename: string; title: string } } }>(query, { n: issue.number });
    const b = await octokit.graphql<{ repository: { issueOrPullRequest: { __typename: string; title: string } } }>(query, { n: pull.number });
    expect(a.repository.issueOrPullRequest).toEqual({ __typename: "Issue", title: "an issue" });
    expect(b.repository.issueOrPullRequest).toEqual({ __typename: "PullRequest", title: "a pull" });
    await expect(octokit.graphql(query, { n: 999 })).rejects.toThrow(/Could not resolve/);
  });
});
