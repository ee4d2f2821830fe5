// The post-mortem pull request flow Vigil drives (branch, file, pull request, reviewers, labels,
// comment, merge) through REST as an installation, then read back with Vigil's observe query.
import { describe, expect, it } from "vitest";
import { ORG, REPO, createSandbox, createTestOctokit } from "../helpers/sandbox.js";

const OBSERVE_PM = `
query VigilObservePm($owner: String!, $name: String!, $pmRef: String!, $pmBranch: String!, $since: DateTime) {
  repository(owner: $owner, name: $name) {
    defaultBranchRef { name target { oid } }
    pmRef: ref(qualifiedName: $pmRef) { name target { oid } }
    pmTemplate: object(expression: "HEAD:.github/postmortem-template.md") { ... on Blob { text } }
    plans: object(expression: "HEAD:.github/incident-plans") { ... on Tree { entries { name type object { ... on Blob { text } } } } }
    pmPulls: pullRequests(headRefName: $pmBranch, first: 5, states: [OPEN, CLOSED, MERGED], orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes {
        id number state merged mergedAt closedAt createdAt url title body headRefName
        author { login __typename }
        labels(first: 20) { nodes { name } }
        files(first: 100) { nodes { path } }
        reviewRequests(first: 20) { nodes { requestedReviewer { __typename ... on User { login } ... on Team { slug } } } }
        comments(first: 100) { pageInfo { hasNextPage endCursor } nodes { databaseId body createdAt url author { login __typename } } }
      }
    }
    openPms: pullRequests(labels: ["postmortem"], states: [OPEN], first: 50) { nodes { number headRefName } }
    closedIncidents: issues(states: [CLOSED], labels: ["incident"], first: 50, filterBy: { since: $since }, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { number updatedAt } }
    reviewIssues: issues(labels: ["postmortem-review"], first: 50, filterBy: { since: $since }, states: [OPEN, CLOSED]) { nodes { number state body author { login __typename } } }
  }
}`;

interface Author {
  login: string;
  __typename: string;
}
interface PmPull {
  id: string;
  number: number;
  state: string;
  merged: boolean;
  mergedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  url: string;
  title: string;
  body: string;
  headRefName: string;
  author: Author | null;
  labels: { nodes: { name: string }[] };
  files: { nodes: { path: string }[] };
  reviewRequests: { nodes: { requestedReviewer: { __typename: string; login?: string; slug?: string } | null }[] };
  comments: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { databaseId: number; body: string; createdAt: string; url: string; author: Author | null }[] };
}
interface ObservedPm {
  repository: {
    defaultBranchRef: { name: string; target: { oid: string } };
    pmRef: { name: string; target: { oid: string } } | null;
    pmTemplate: { text: string } | null;
    plans: { entries: { name: string; type: string; object: { text?: string } }[] } | null;
    pmPulls: { nodes: PmPull[] };
    openPms: { nodes: { number: number; headRefName: string }[] };
    closedIncidents: { nodes: { number: number; updatedAt: string }[] };
    reviewIssues: { nodes: { number: number; state: string; body: string; author: Author | null }[] };
  };
}

const T0 = "2026-04-01T08:00:00Z";
const BRANCH = "postmortem/incident-1";
const PM_PATH = "postmortems/incident-1.md";
const b64 = (text: string) => Buffer.from(text).toString("base64");

async function failure(promise: Promise<unknown>): Promise<{ status: number; data: { message: string; errors?: { message?: string }[] } }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status: number; response: { data: { message: string; errors?: { message?: string }[] } } };
    return { status: e.status, data: e.response.data };
  }
  throw new Error("expected the request to fail");
}

function arrange() {
  const sandbox = createSandbox({ now: T0, checkResponses: true });
  sandbox.setPermission(ORG, REPO, "alice", "write");
  sandbox.setPermission(ORG, REPO, "bob", "write");
  sandbox.addTeam({ org: ORG, name: "SRE", repos: [REPO] });
  sandbox.addTeam({ org: ORG, name: "Elsewhere" });
  sandbox.setFile(ORG, REPO, ".github/postmortem-template.md", "# Post-mortem\n\n## Timeline\n");
  sandbox.setFile(ORG, REPO, ".github/incident-plans/leak.md", "rotate keys\n");
  sandbox.setFile(ORG, REPO, ".github/incident-plans/ddos.yml", "steps: []\n");
  sandbox.setFile(ORG, REPO, ".github/incident-plans/archive/old.md", "old\n");
  const stale = sandbox.addIssue(ORG, REPO, { title: "Old incident", labels: ["incident"], state: "closed" });
  sandbox.clock.advance(3_600_000);
  const since = sandbox.clock.iso();
  const incident = sandbox.addIssue(ORG, REPO, { title: "Leaked key", labels: ["incident"], user: "alice" });
  sandbox.addIssue(ORG, REPO, { title: "Unrelated open incident", labels: ["incident"] });
  const review = sandbox.addIssue(ORG, REPO, { title: "Review PM", body: "please review", labels: ["postmortem-review"], user: "bob" });
  return { sandbox, app: createTestOctokit(sandbox, { installationId: 1 }), since, stale, incident, review };
}

async function observe(gh: ReturnType<typeof createTestOctokit>, since: string, pmBranch = BRANCH): Promise<ObservedPm> {
  return gh.graphql<ObservedPm>(OBSERVE_PM, { owner: ORG, name: REPO, pmRef: `refs/heads/${pmBranch}`, pmBranch, since });
}

describe("the post-mortem pull request flow", () => {
  it("creates the branch, writes the file, opens a labelled PR with reviewers and a comment, merges it, and observes all of it", async () => {
    const { sandbox, app, since, incident, review } = arrange();

    // Nothing yet: no ref, no pull requests.
    const before = await observe(app, since);
    expect(before.repository.pmRef).toBeNull();
    expect(before.repository.pmPulls.nodes).toEqual([]);

    // The branch from the default branch head; a second create is GitHub's 422.
    const { data: main } = await app.rest.git.getRef({ owner: ORG, repo: REPO, ref: "heads/main" });
    const ref = `refs/heads/${BRANCH}`;
    expect((await app.rest.git.createRef({ owner: ORG, repo: REPO, ref, sha: main.object.sha })).status).toBe(201);
    expect(await failure(app.rest.git.createRef({ owner: ORG, repo: REPO, ref, sha: main.object.sha }))).toMatchObject({
      status: 422,
      data: { message: "Reference already exists" },
    });

    // The file on the branch: the branch head moves to the new commit, the default branch does not.
    sandbox.clock.advance(60_000);
    const { data: put } = await app.rest.repos.createOrUpdateFileContents({ owner: ORG, repo: REPO, path: PM_PATH, message: "Post-mortem for #2", content: b64("# PM 1\n"), branch: BRANCH });
    expect(put.commit.parents?.map((p) => p.sha)).toEqual([main.object.sha]);
    expect(sandbox.getRef(ORG, REPO, BRANCH)).toBe(put.commit.sha);
    expect(sandbox.getRef(ORG, REPO, "main")).toBe(main.object.sha);
    expect(sandbox.getFile(ORG, REPO, PM_PATH)).toBeUndefined();

    // The pull request; a second one with the same head is 422 with GitHub's message.
    const open = () => app.rest.pulls.create({ owner: ORG, repo: REPO, title: `Post-mortem: Leaked key (#${incident.number})`, body: "Draft", head: BRANCH, base: "main" });
    const { data: pr } = await open();
    const dup = await failure(open());
    expect(dup).toMatchObject({ status: 422, data: { message: "Validation Failed", errors: [{ message: `A pull request already exists for ${ORG}:${BRANCH}.` }] } });

    // Reviewers (a user and a team), labels, a comment.
    const { data: requested } = await app.rest.pulls.requestReviewers({ owner: ORG, repo: REPO, pull_number: pr.number, reviewers: ["bob"], team_reviewers: ["sre"] });
    expect(requested.requested_reviewers?.map((u) => u.login)).toEqual(["bob"]);
    expect(requested.requested_teams?.map((t) => t.slug)).toEqual(["sre"]);
    const { data: listed } = await app.rest.pulls.listRequestedReviewers({ owner: ORG, repo: REPO, pull_number: pr.number });
    expect([listed.users.map((u) => u.login), listed.teams.map((t) => t.slug)]).toEqual([["bob"], ["sre"]]);
    const { data: labels } = await app.rest.issues.addLabels({ owner: ORG, repo: REPO, issue_number: pr.number, labels: ["postmortem"] });
    expect(labels.map((l) => l.name)).toEqual(["postmortem"]);
    sandbox.clock.advance(60_000);
    const { data: comment } = await app.rest.issues.createComment({ owner: ORG, repo: REPO, issue_number: pr.number, body: "Please fill in the timeline." });
    const commentedAt = sandbox.clock.iso();

    const opened = await observe(app, since);
    expect(opened.repository.pmRef).toEqual({ name: BRANCH, target: { oid: put.commit.sha } });
    expect(opened.repository.pmPulls.nodes.map((p) => [p.number, p.state, p.merged, p.mergedAt])).toEqual([[pr.number, "OPEN", false, null]]);
    expect(opened.repository.openPms.nodes).toEqual([{ number: pr.number, headRefName: BRANCH }]);

    // Merged by a person: the default branch gets a merge commit holding the file.
    sandbox.clock.advance(3_600_000);
    sandbox.mergePull(ORG, REPO, pr.number, "alice");
    const mergedAt = sandbox.clock.iso();
    const mainHead = sandbox.getRef(ORG, REPO, "main") as string;
    expect(mainHead).not.toBe(main.object.sha);
    expect(sandbox.getFile(ORG, REPO, PM_PATH)).toBe("# PM 1\n");
    sandbox.clock.advance(60_000);
    const later = sandbox.addIssue(ORG, REPO, { title: "closed later", labels: ["incident"], state: "closed" });
    const closedLater = sandbox.clock.iso();
    sandbox.clock.advance(60_000);
    await app.rest.issues.update({ owner: ORG, repo: REPO, issue_number: incident.number, state: "closed" });
    const incidentClosedAt = sandbox.clock.iso();

    const { repository: r } = await observe(app, since);
    expect(r.defaultBranchRef).toEqual({ name: "main", target: { oid: mainHead } });
    expect(r.pmRef).toEqual({ name: BRANCH, target: { oid: put.commit.sha } });
    expect(r.pmTemplate).toEqual({ text: "# Post-mortem\n\n## Timeline\n" });
    expect(r.plans).toEqual({
      entries: [
        { name: "archive", type: "tree", object: {} },
        { name: "ddos.yml", type: "blob", object: { text: "steps: []\n" } },
        { name: "leak.md", type: "blob", object: { text: "rotate keys\n" } },
      ],
    });
    expect(r.pmPulls.nodes).toEqual([
      {
        id: pr.node_id,
        number: pr.number,
        state: "MERGED",
        merged: true,
        mergedAt,
        closedAt: mergedAt,
        createdAt: pr.created_at,
        url: pr.html_url,
        title: `Post-mortem: Leaked key (#${incident.number})`,
        body: "Draft",
        headRefName: BRANCH,
        author: { login: "vigil", __typename: "Bot" },
        labels: { nodes: [{ name: "postmortem" }] },
        files: { nodes: [{ path: PM_PATH }] },
        reviewRequests: { nodes: [{ requestedReviewer: { __typename: "User", login: "bob" } }, { requestedReviewer: { __typename: "Team", slug: "sre" } }] },
        comments: {
          pageInfo: { hasNextPage: false, endCursor: expect.any(String) as string },
          nodes: [{ databaseId: comment.id, body: "Please fill in the timeline.", createdAt: commentedAt, url: comment.html_url, author: { login: "vigil", __typename: "Bot" } }],
        },
      },
    ]);
    expect(r.openPms.nodes).toEqual([]);
    // Closed incidents updated at or after `since`, most recently updated first; the stale one is left out.
    expect(r.closedIncidents.nodes).toEqual([
      { number: incident.number, updatedAt: incidentClosedAt },
      { number: later.number, updatedAt: closedLater },
    ]);
    expect(r.reviewIssues.nodes).toEqual([{ number: review.number, state: "OPEN", body: "please review", author: { login: "bob", __typename: "User" } }]);

    // HEAD:path on the default branch now shows the merged file.
    const head = await app.graphql<{ repository: { object: { text: string } | null } }>(
      `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { object(expression: "HEAD:${PM_PATH}") { ... on Blob { text } } } }`,
      { owner: ORG, name: REPO },
    );
    expect(head.repository.object).toEqual({ text: "# PM 1\n" });
    // REST agrees: merged, merged_at, the changed file counted.
    const { data: rest } = await app.rest.pulls.get({ owner: ORG, repo: REPO, pull_number: pr.number });
    expect(rest).toMatchObject({ state: "closed", merged: true, merged_at: mergedAt, merged_by: { login: "alice" }, changed_files: 1, additions: 1, deletions: 0 });
  });

  it("lists a PR closed unmerged as CLOSED, lets a new PR open on the same head, and filters by head branch and label", async () => {
    const { sandbox, app, since } = arrange();
    sandbox.setFile(ORG, REPO, PM_PATH, "# v1\n", { branch: BRANCH });
    sandbox.setFile(ORG, REPO, "other.md", "x\n", { branch: "other" });
    const first = sandbox.openPull(ORG, REPO, { title: "PM v1", head: BRANCH, user: "alice" });
    sandbox.openPull(ORG, REPO, { title: "Other", head: "other" });
    sandbox.clock.advance(60_000);
    await app.rest.pulls.update({ owner: ORG, repo: REPO, pull_number: first.number, state: "closed" });
    const closedAt = sandbox.clock.iso();
    sandbox.clock.advance(60_000);
    const { data: second } = await app.rest.pulls.create({ owner: ORG, repo: REPO, title: "PM v2", head: BRANCH, base: "main" });
    await app.rest.issues.addLabels({ owner: ORG, repo: REPO, issue_number: second.number, labels: ["PostMortem"] });

    const { repository: r } = await observe(app, since);
    expect(r.pmPulls.nodes.map((p) => [p.number, p.state, p.merged, p.closedAt, p.mergedAt])).toEqual([
      [first.number, "CLOSED", false, closedAt, null],
      [second.number, "OPEN", false, null, null],
    ]);
    expect(r.pmPulls.nodes[0]?.author).toEqual({ login: "alice", __typename: "User" });
    // Label filters match names case-insensitively, as for issues.
    expect(r.openPms.nodes).toEqual([{ number: second.number, headRefName: BRANCH }]);
    // Another branch name finds nothing; a ref that does not exist is null.
    const other = await observe(app, since, "postmortem/incident-9");
    expect([other.repository.pmRef, other.repository.pmPulls.nodes]).toEqual([null, []]);
  });

  it("refuses review requests from teams without access to the repository, naming teams", async () => {
    const { sandbox, app } = arrange();
    sandbox.setFile(ORG, REPO, PM_PATH, "# v1\n", { branch: BRANCH });
    const pr = sandbox.openPull(ORG, REPO, { title: "PM", head: BRANCH, user: "alice" });
    for (const team of ["elsewhere", "no-such-team"]) {
      expect(await failure(app.rest.pulls.requestReviewers({ owner: ORG, repo: REPO, pull_number: pr.number, team_reviewers: [team] }))).toMatchObject({
        status: 422,
        data: { message: `Reviews may only be requested from collaborators. One or more of the teams you specified is not a collaborator of the ${ORG}/${REPO} repository.` },
      });
    }
    const author = await failure(app.rest.pulls.requestReviewers({ owner: ORG, repo: REPO, pull_number: pr.number, reviewers: ["alice"] }));
    expect(author).toMatchObject({ status: 422, data: { message: "Review cannot be requested from pull request author." } });
    sandbox.requestReviewers(ORG, REPO, pr.number, { users: ["bob"], teams: ["SRE"] });
    sandbox.requestReviewers(ORG, REPO, pr.number, { teams: ["sre"] });
    expect(sandbox.getIssue(ORG, REPO, pr.number).pull).toMatchObject({ requestedReviewers: ["bob"], requestedTeams: ["sre"] });
    await app.rest.pulls.removeRequestedReviewers({ owner: ORG, repo: REPO, pull_number: pr.number, reviewers: [], team_reviewers: ["sre"] });
    expect(sandbox.getIssue(ORG, REPO, pr.number).pull).toMatchObject({ requestedReviewers: ["bob"], requestedTeams: [] });
  });

  it("keeps a file written by a PUT whose response was lost (applied fault), so a blind retry is refused for the missing sha", async () => {
    const { sandbox, app } = arrange();
    sandbox.createBranch(ORG, REPO, BRANCH);
    const branchBefore = sandbox.getRef(ORG, REPO, BRANCH);
    sandbox.injectFault({ kind: "server-error", method: "PUT", route: "/repos/{owner}/{repo}/contents/{path}", applied: true });
    const put = () => app.rest.repos.createOrUpdateFileContents({ owner: ORG, repo: REPO, path: PM_PATH, message: "PM", content: b64("# PM\n"), branch: BRANCH });
    expect((await failure(put())).status).toBe(502);
    expect(sandbox.getFile(ORG, REPO, PM_PATH, { ref: BRANCH })).toBe("# PM\n");
    expect(sandbox.getRef(ORG, REPO, BRANCH)).not.toBe(branchBefore);
    const retry = await failure(put());
    expect(retry.status).toBe(422);
    expect(retry.data.message).toContain('"sha" wasn\'t supplied');
    const { data: current } = await app.rest.repos.getContent({ owner: ORG, repo: REPO, path: PM_PATH, ref: BRANCH });
    expect((current as { sha: string }).sha).toBeTypeOf("string");
  });
});
