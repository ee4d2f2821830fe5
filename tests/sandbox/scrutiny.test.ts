// The sandbox's pull request files, check runs, reviews and team memberships, with responses checked against
// GitHub's OpenAPI description and GraphQL documents against its schema.
import { describe, expect, it } from "vitest";
import { createTestOctokit, createSandbox, ORG, REPO } from "../helpers/sandbox.js";

function arranged() {
  const sandbox = createSandbox({ checkResponses: true, now: "2026-03-02T09:00:00Z" });
  sandbox.addUser(ORG, "Organization");
  sandbox.setPermission(ORG, REPO, "alice", "write");
  sandbox.setFile(ORG, REPO, "a.txt", "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n");
  sandbox.setFile(ORG, REPO, "a.txt", "one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine\n", { branch: "feature" });
  const pr = sandbox.openPull(ORG, REPO, { title: "Change", head: "feature", user: "alice" });
  const app = createTestOctokit(sandbox, { installationId: 1 });
  return { sandbox, pr, app };
}

describe("pull request files", () => {
  it("lists each file with GitHub's unified-diff hunks", async () => {
    const { pr, app } = arranged();
    const { data } = await app.rest.pulls.listFiles({ owner: ORG, repo: REPO, pull_number: pr.number });
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ filename: "a.txt", status: "modified", additions: 2, deletions: 1 });
    expect(data[0]!.patch).toBe("@@ -1,8 +1,9 @@\n one\n two\n-three\n+THREE\n four\n five\n six\n seven\n eight\n+nine");
  });

  it("pages by 100 and stops at 3,000 files; omits the patch of a diff too large", async () => {
    const { sandbox, pr, app } = arranged();
    const files: Record<string, string> = { "big.txt": Array.from({ length: 20_001 }, (_, i) => `line ${i}`).join("\n") };
    for (let i = 0; i < 3_100; i++) files[`f/${String(i).padStart(4, "0")}.txt`] = `${i}\n`;
    sandbox.pushToPull(ORG, REPO, pr.number, files);
    const all = await app.paginate(app.rest.pulls.listFiles, { owner: ORG, repo: REPO, pull_number: pr.number, per_page: 100 });
    expect(all).toHaveLength(3_000);
    expect(sandbox.requests.filter((r) => r.route.endsWith("/files"))).toHaveLength(30);
    const big = all.find((f) => f.filename === "big.txt");
    expect(big).toMatchObject({ additions: 20_001 });
    expect(big).not.toHaveProperty("patch");
  }, 60_000);
});

describe("check runs", () => {
  it("an app creates, updates and lists them; GraphQL shows them in the app's suite on the commit", async () => {
    const { sandbox, pr, app } = arranged();
    const head = sandbox.getRef(ORG, REPO, "feature")!;
    const { data: run } = await app.rest.checks.create({ owner: ORG, repo: REPO, name: "Scrutiny", head_sha: head, conclusion: "neutral", external_id: "d1", output: { title: "Waiting", summary: "s" } });
    expect(run).toMatchObject({ status: "completed", conclusion: "neutral", head_sha: head });
    await app.rest.checks.update({ owner: ORG, repo: REPO, check_run_id: run.id, conclusion: "success", output: { title: "Approved", summary: "s" } });
    const { data: listed } = await app.rest.checks.listForRef({ owner: ORG, repo: REPO, ref: head, check_name: "Scrutiny" });
    expect(listed.check_runs.map((r) => [r.conclusion, r.output.title])).toEqual([["success", "Approved"]]);
    const data = await app.graphql<{ repository: { pullRequest: { commits: { nodes: { commit: { checkSuites: { nodes: { app: { slug: string }; checkRuns: { nodes: { databaseId: number; conclusion: string; externalId: string }[] } }[] } } }[] } } } }>(
      `query($o: String!, $r: String!, $n: Int!) { repository(owner: $o, name: $r) { pullRequest(number: $n) { commits(last: 1) { nodes { commit {
        checkSuites(first: 10, filterBy: { checkName: "Scrutiny" }) { nodes { app { slug } checkRuns(first: 10) { nodes { databaseId conclusion externalId } } } } } } } } } }`,
      { o: ORG, r: REPO, n: pr.number },
    );
    expect(data.repository.pullRequest.commits.nodes[0]!.commit.checkSuites.nodes).toEqual([{ app: { slug: sandbox.app.slug }, checkRuns: { nodes: [{ databaseId: run.id, conclusion: "SUCCESS", externalId: "d1" }] } }]);
  });

  it("refuses a person's token, and another app's run cannot be updated", async () => {
    const { sandbox, app } = arranged();
    const head = sandbox.getRef(ORG, REPO, "feature")!;
    await expect(createTestOctokit(sandbox, { login: "alice" }).rest.checks.create({ owner: ORG, repo: REPO, name: "x", head_sha: head })).rejects.toMatchObject({ status: 403 });
    const other = sandbox.addCheckRun(ORG, REPO, { headSha: head, name: "x", appSlug: "other-app", conclusion: "success" });
    await expect(app.rest.checks.update({ owner: ORG, repo: REPO, check_run_id: other.id, conclusion: "failure" })).rejects.toMatchObject({ status: 403 });
  });
});

describe("reviews and team memberships", () => {
  it("a review carries the head it was given on; the author cannot approve; dismissal shows in GraphQL", async () => {
    const { sandbox, pr, app } = arranged();
    let refusal: unknown;
    try {
      sandbox.submitReview(ORG, REPO, pr.number, { user: "alice", state: "APPROVED" });
    } catch (error) {
      refusal = error;
    }
    expect(JSON.stringify(refusal)).toContain("Can not approve your own pull request");
    const review = sandbox.submitReview(ORG, REPO, pr.number, { user: "bob", state: "APPROVED" });
    sandbox.dismissReview(ORG, REPO, pr.number, review.id);
    const data = await app.graphql<{ repository: { pullRequest: { reviews: { nodes: { state: string; commit: { oid: string }; author: { login: string } }[] } } } }>(
      `query($o: String!, $r: String!, $n: Int!) { repository(owner: $o, name: $r) { pullRequest(number: $n) { reviews(last: 10) { nodes { state commit { oid } author { login } } } } } }`,
      { o: ORG, r: REPO, n: pr.number },
    );
    expect(data.repository.pullRequest.reviews.nodes).toEqual([{ state: "DISMISSED", commit: { oid: sandbox.getRef(ORG, REPO, "feature") }, author: { login: "bob" } }]);
  });

  it("answers a membership as active or pending, and 404 for a non-member", async () => {
    const { sandbox, app } = arranged();
    sandbox.addTeam({ org: ORG, name: "appsec", repos: [REPO], members: ["frank"] });
    sandbox.addTeamMember(ORG, "appsec", "gina", "pending");
    const get = (username: string) => app.rest.teams.getMembershipForUserInOrg({ org: ORG, team_slug: "appsec", username });
    expect((await get("frank")).data.state).toBe("active");
    expect((await get("gina")).data.state).toBe("pending");
    await expect(get("mallory")).rejects.toMatchObject({ status: 404 });
  });
});
