// Vigil's recurring-issue observe query (security reviews, patching, drills) read back from the
// sandbox: milestones, merged pull requests, close events and Dependabot alerts, plus the code
// scanning REST endpoint and the installation permissions that guard both.
import { GraphqlResponseError } from "@octokit/graphql";
import { describe, expect, it } from "vitest";
import { ORG, REPO, createSandbox, createTestOctokit } from "../helpers/sandbox.js";

const OBSERVE_RECURRING = `
query VigilObserveRecurring($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    vulnerabilityAlerts(states: [OPEN], first: 1) { totalCount }
    milestones(first: 50, states: [OPEN, CLOSED], orderBy: { field: CREATED_AT, direction: DESC }) { nodes { number title state dueOn } }
    mergedPulls: pullRequests(states: [MERGED], first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor } nodes { number title url mergedAt labels(first: 20) { nodes { name } } }
    }
    reviews: issues(labels: ["security-review"], first: 10, states: [OPEN, CLOSED], orderBy: { field: CREATED_AT, direction: DESC }) {
      nodes {
        number title state stateReason createdAt closedAt body url
        author { login __typename }
        labels(first: 20) { nodes { name } }
        milestone { number title dueOn issues(states: [OPEN], first: 100) { nodes { number title url } } }
        comments(last: 50) { nodes { databaseId body url createdAt author { login __typename } } }
        timelineItems(itemTypes: [CLOSED_EVENT], last: 1) { nodes { ... on ClosedEvent { createdAt actor { login __typename } } } }
      }
    }
  }
}`;

interface Actor {
  login: string;
  __typename: string;
}
interface Observed {
  repository: {
    vulnerabilityAlerts: { totalCount: number } | null;
    milestones: { nodes: { number: number; title: string; state: string; dueOn: string | null }[] };
    mergedPulls: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { number: number; title: string; url: string; mergedAt: string | null; labels: { nodes: { name: string }[] } }[];
    };
    reviews: {
      nodes: {
        number: number;
        title: string;
        state: string;
        stateReason: string | null;
        createdAt: string;
        closedAt: string | null;
        body: string;
        url: string;
        author: Actor | null;
        labels: { nodes: { name: string }[] };
        milestone: { number: number; title: string; dueOn: string | null; issues: { nodes: { number: number; title: string; url: string }[] } } | null;
        comments: { nodes: { databaseId: number; body: string; url: string; createdAt: string; author: Actor | null }[] };
        timelineItems: { nodes: { createdAt: string; actor: Actor | null }[] };
      }[];
    };
  };
}

const T0 = "2026-05-01T09:00:00Z";
const DUE = "2026-06-30T07:00:00Z";

async function failure(promise: Promise<unknown>): Promise<{ status: number; data: { message: string; errors?: { code?: string; field?: string; resource?: string }[] } }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status: number; response: { data: { message: string } } };
    return { status: e.status, data: e.response.data };
  }
  throw new Error("expected the request to fail");
}

async function arrange() {
  const sandbox = createSandbox({ now: T0, checkResponses: true });
  sandbox.setPermission(ORG, REPO, "alice", "write");
  const app = createTestOctokit(sandbox, { installationId: 1 });
  const alice = createTestOctokit(sandbox, { login: "alice" });

  // Two security reviews: the older closed by Alice through REST, the newer closed by the app.
  const { data: q1 } = await app.rest.issues.create({ owner: ORG, repo: REPO, title: "Security review Q1", body: "Q1 checklist", labels: ["security-review"] });
  sandbox.clock.advance(60_000);
  await app.rest.issues.createComment({ owner: ORG, repo: REPO, issue_number: q1.number, body: "Reminder: due soon" });
  sandbox.clock.advance(60_000);
  await alice.rest.issues.update({ owner: ORG, repo: REPO, issue_number: q1.number, state: "closed", state_reason: "completed" });
  const aliceClosedAt = sandbox.clock.iso();

  // The patching milestone (duplicate title is 422) with an open issue filed into it through REST.
  sandbox.clock.advance(60_000);
  const { data: milestone } = await app.rest.issues.createMilestone({ owner: ORG, repo: REPO, title: "Patching 2026-05", due_on: DUE });
  sandbox.clock.advance(60_000);
  const { data: q2 } = await app.rest.issues.create({ owner: ORG, repo: REPO, title: "Security review Q2", body: "Q2 checklist", labels: ["security-review"], milestone: milestone.number });
  const { data: patch } = await app.rest.issues.create({ owner: ORG, repo: REPO, title: "Patch openssl", milestone: milestone.number });
  sandbox.clock.advance(60_000);
  await app.rest.issues.update({ owner: ORG, repo: REPO, issue_number: q2.number, state: "closed", state_reason: "not_planned" });
  const appClosedAt = sandbox.clock.iso();

  // Two merged pull requests with labels and one still open.
  const pulls: number[] = [];
  for (const [branch, label] of [["bump-openssl", "dependencies"], ["bump-lodash", "security"]] as const) {
    sandbox.setFile(ORG, REPO, `${branch}.txt`, branch, { branch });
    const pr = sandbox.openPull(ORG, REPO, { title: `Bump ${branch}`, head: branch });
    await app.rest.issues.addLabels({ owner: ORG, repo: REPO, issue_number: pr.number, labels: [label] });
    sandbox.clock.advance(60_000);
    await app.rest.pulls.merge({ owner: ORG, repo: REPO, pull_number: pr.number });
    pulls.push(pr.number);
  }
  sandbox.setFile(ORG, REPO, "wip.txt", "wip", { branch: "wip" });
  sandbox.openPull(ORG, REPO, { title: "WIP", head: "wip" });

  sandbox.addVulnerabilityAlert(ORG, REPO);
  sandbox.addVulnerabilityAlert(ORG, REPO);
  sandbox.addVulnerabilityAlert(ORG, REPO, { state: "fixed" });
  sandbox.addVulnerabilityAlert(ORG, REPO, { state: "dismissed" });
  return { sandbox, app, q1, q2, patch, milestone, pulls, aliceClosedAt, appClosedAt };
}

describe("the recurring-issue observe query", () => {
  it("reads alerts, milestones, merged pull requests and security reviews with who closed them", async () => {
    const { sandbox, app, q1, q2, patch, milestone, pulls, aliceClosedAt, appClosedAt } = await arrange();
    const { repository: r } = await app.graphql<Observed>(OBSERVE_RECURRING, { owner: ORG, name: REPO });

    expect(r.vulnerabilityAlerts).toEqual({ totalCount: 2 });
    expect(r.milestones.nodes).toEqual([{ number: milestone.number, title: "Patching 2026-05", state: "OPEN", dueOn: DUE }]);

    expect(r.mergedPulls.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    expect(r.mergedPulls.nodes.map((p) => [p.number, p.labels.nodes.map((l) => l.name)])).toEqual([
      [pulls[1], ["security"]],
      [pulls[0], ["dependencies"]],
    ]);
    for (const p of r.mergedPulls.nodes) {
      expect(p.mergedAt).toBe(sandbox.getIssue(ORG, REPO, p.number).pull?.mergedAt);
      expect(p.url).toBe(`https://github.com/${ORG}/${REPO}/pull/${p.number}`);
    }

    const [newer, older] = r.reviews.nodes;
    expect(r.reviews.nodes).toHaveLength(2);
    expect(newer).toMatchObject({
      number: q2.number,
      state: "CLOSED",
      stateReason: "NOT_PLANNED",
      closedAt: appClosedAt,
      body: "Q2 checklist",
      author: { login: "vigil", __typename: "Bot" },
      labels: { nodes: [{ name: "security-review" }] },
      milestone: {
        number: milestone.number,
        title: "Patching 2026-05",
        dueOn: DUE,
        issues: { nodes: [{ number: patch.number, title: "Patch openssl", url: `https://github.com/${ORG}/${REPO}/issues/${patch.number}` }] },
      },
      comments: { nodes: [] },
      timelineItems: { nodes: [{ createdAt: appClosedAt, actor: { login: "vigil", __typename: "Bot" } }] },
    });
    expect(older).toMatchObject({
      number: q1.number,
      state: "CLOSED",
      stateReason: "COMPLETED",
      closedAt: aliceClosedAt,
      url: `https://github.com/${ORG}/${REPO}/issues/${q1.number}`,
      milestone: null,
      comments: { nodes: [{ body: "Reminder: due soon", author: { login: "vigil", __typename: "Bot" } }] },
      timelineItems: { nodes: [{ createdAt: aliceClosedAt, actor: { login: "alice", __typename: "User" } }] },
    });
    expect(older?.comments.nodes[0]?.databaseId).toBe(sandbox.listComments(ORG, REPO, q1.number)[0]?.id);
  });

  it("answers FORBIDDEN for vulnerabilityAlerts when the installation lacks Dependabot alerts: read, with the rest of data", async () => {
    const { sandbox, app, milestone } = await arrange();
    expect(sandbox.setInstallationPermissions(1, { vulnerability_alerts: null })).toEqual({ vulnerability_alerts: null, security_events: "read" });
    const error = await app.graphql<Observed>(OBSERVE_RECURRING, { owner: ORG, name: REPO }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphqlResponseError);
    const { errors, data } = error as GraphqlResponseError<Observed>;
    expect(errors).toEqual([expect.objectContaining({ type: "FORBIDDEN", message: "Resource not accessible by integration", path: ["repository", "vulnerabilityAlerts"] })]);
    expect(data.repository.vulnerabilityAlerts).toBeNull();
    expect(data.repository.milestones.nodes.map((m) => m.number)).toEqual([milestone.number]);
    expect(data.repository.reviews.nodes).toHaveLength(2);

    // A person with access still sees the alerts; granting the permission again restores them.
    const admin = createTestOctokit(sandbox);
    const { repository } = await admin.graphql<Observed>(OBSERVE_RECURRING, { owner: ORG, name: REPO });
    expect(repository.vulnerabilityAlerts).toEqual({ totalCount: 2 });
    sandbox.setInstallationPermissions(1, { vulnerability_alerts: "read" });
    expect((await app.graphql<Observed>(OBSERVE_RECURRING, { owner: ORG, name: REPO })).repository.vulnerabilityAlerts).toEqual({ totalCount: 2 });
  });

  it("records reopen and close events from REST and the state API on the timeline", async () => {
    const sandbox = createSandbox({ now: T0 });
    const app = createTestOctokit(sandbox, { installationId: 1 });
    const issue = sandbox.addIssue(ORG, REPO, { title: "Drill", state: "closed", user: "bob" });
    sandbox.clock.advance(1000);
    sandbox.setIssueState(ORG, REPO, issue.number, "open", null, "carol");
    sandbox.clock.advance(1000);
    await app.rest.issues.update({ owner: ORG, repo: REPO, issue_number: issue.number, state: "closed" });
    const { repository } = await app.graphql<{ repository: { issue: { timelineItems: { totalCount: number; nodes: { __typename: string; actor: Actor; stateReason: string | null }[] } } } }>(
      `query($owner: String!, $name: String!, $n: Int!) { repository(owner: $owner, name: $name) { issue(number: $n) {
        timelineItems(itemTypes: [CLOSED_EVENT, REOPENED_EVENT], first: 10) { totalCount nodes { __typename
          ... on ClosedEvent { actor { login } stateReason } ... on ReopenedEvent { actor { login } stateReason } } } } } }`,
      { owner: ORG, name: REPO, n: issue.number },
    );
    expect(repository.issue.timelineItems.nodes).toEqual([
      { __typename: "ClosedEvent", actor: { login: "bob" }, stateReason: "COMPLETED" },
      { __typename: "ReopenedEvent", actor: { login: "carol" }, stateReason: "REOPENED" },
      { __typename: "ClosedEvent", actor: { login: "vigil" }, stateReason: "COMPLETED" },
    ]);
    expect(sandbox.getIssue(ORG, REPO, issue.number).events.map((e) => [e.kind, e.actor])).toEqual([
      ["closed", "bob"],
      ["reopened", "carol"],
      ["closed", "vigil[bot]"],
    ]);
  });

  it("refuses a duplicate milestone title with 422 already_exists", async () => {
    const sandbox = createSandbox({ now: T0 });
    const app = createTestOctokit(sandbox, { installationId: 1 });
    await app.rest.issues.createMilestone({ owner: ORG, repo: REPO, title: "Drill 2026-05" });
    expect(await failure(app.rest.issues.createMilestone({ owner: ORG, repo: REPO, title: "Drill 2026-05" }))).toMatchObject({
      status: 422,
      data: { message: "Validation Failed", errors: [{ resource: "Milestone", code: "already_exists", field: "title" }] },
    });
  });
});

describe("code scanning alerts over REST", () => {
  const list = (gh: ReturnType<typeof createTestOctokit>) => gh.rest.codeScanning.listAlertsForRepo({ owner: ORG, repo: REPO, state: "open", per_page: 100 });

  it("lists the open alerts, paginated", async () => {
    const sandbox = createSandbox({ now: T0, checkResponses: true });
    const app = createTestOctokit(sandbox, { installationId: 1 });
    sandbox.setCodeScanning(ORG, REPO, true);
    expect((await list(app)).data).toEqual([]);
    for (let i = 0; i < 3; i += 1) sandbox.addCodeScanningAlert(ORG, REPO);
    sandbox.addCodeScanningAlert(ORG, REPO, { state: "fixed" });
    sandbox.addCodeScanningAlert(ORG, REPO, { state: "dismissed" });
    const { data } = await list(app);
    expect(data.map((a) => [a.number, a.state])).toEqual([
      [3, "open"],
      [2, "open"],
      [1, "open"],
    ]);
    expect(data[0]?.html_url).toBe(`https://github.com/${ORG}/${REPO}/security/code-scanning/3`);
    const all = await app.paginate(app.rest.codeScanning.listAlertsForRepo, { owner: ORG, repo: REPO, state: "open", per_page: 2 });
    expect(all.map((a) => a.number)).toEqual([3, 2, 1]);
  });

  it("answers 403 when the installation lacks security_events: read", async () => {
    const sandbox = createSandbox({ now: T0 });
    sandbox.addCodeScanningAlert(ORG, REPO);
    sandbox.setInstallationPermissions(1, { security_events: null });
    expect(await failure(list(createTestOctokit(sandbox, { installationId: 1 })))).toMatchObject({
      status: 403,
      data: { message: "Resource not accessible by integration" },
    });
    expect((await list(createTestOctokit(sandbox))).data).toHaveLength(1);
  });

  it("answers 404 no analysis found when code scanning is not set up", async () => {
    const sandbox = createSandbox({ now: T0 });
    const app = createTestOctokit(sandbox, { installationId: 1 });
    expect(await failure(list(app))).toMatchObject({ status: 404, data: { message: "no analysis found" } });
    sandbox.addCodeScanningAlert(ORG, REPO);
    sandbox.setCodeScanning(ORG, REPO, false);
    expect(await failure(list(app))).toMatchObject({ status: 404, data: { message: "no analysis found" } });
  });
});
