import { describe, expect, it } from "vitest";
import { ORG, REPO, createSandbox, createTestOctokit } from "../helpers/sandbox.js";

function setup() {
  const sandbox = createSandbox({ checkResponses: true, now: "2026-03-02T09:00:00Z" });
  return { sandbox, gh: createTestOctokit(sandbox) };
}

async function failure(promise: Promise<unknown>): Promise<{ status: number; data: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status: number; response: { data: Record<string, unknown> } };
    return { status: e.status, data: e.response.data };
  }
  throw new Error("expected the request to fail");
}

describe("issues", () => {
  it("creates issues with GitHub's shape, authored by the caller", async () => {
    const { sandbox, gh } = setup();
    sandbox.setPermission(ORG, REPO, "alice", "write");
    const { data } = await gh.rest.issues.create({ owner: ORG, repo: REPO, title: "Breach", body: "db", labels: ["incident"], assignees: ["alice", "stranger"] });
    expect(data).toMatchObject({
      number: 1,
      state: "open",
      state_reason: null,
      created_at: "2026-03-02T09:00:00Z",
      html_url: `https://github.com/${ORG}/${REPO}/issues/1`,
      user: { login: "sandbox-admin", type: "User" },
      labels: [{ name: "incident", color: "ededed" }],
    });
    // GitHub silently drops assignees without access.
    expect(data.assignees?.map((a) => a.login)).toEqual(["alice"]);
    expect(data).not.toHaveProperty("pull_request");
  });

  it("closes with a state_reason (completed by default) and reopens", async () => {
    const { sandbox, gh } = setup();
    sandbox.addIssue(ORG, REPO, { title: "a" });
    sandbox.addIssue(ORG, REPO, { title: "b" });
    sandbox.clock.advance(60_000);
    const planned = await gh.rest.issues.update({ owner: ORG, repo: REPO, issue_number: 1, state: "closed" });
    const notPlanned = await gh.rest.issues.update({ owner: ORG, repo: REPO, issue_number: 2, state: "closed", state_reason: "not_planned" });
    expect([planned.data.state_reason, notPlanned.data.state_reason]).toEqual(["completed", "not_planned"]);
    expect(planned.data.closed_at).toBe("2026-03-02T09:01:00Z");
    const reopened = await gh.rest.issues.update({ owner: ORG, repo: REPO, issue_number: 1, state: "open" });
    expect(reopened.data).toMatchObject({ state: "open", state_reason: "reopened", closed_at: null });
  });

  it("shares numbers between issues and pull requests and marks PRs in issue listings", async () => {
    const { sandbox, gh } = setup();
    sandbox.addIssue(ORG, REPO, { title: "issue" });
    sandbox.setFile(ORG, REPO, "postmortems/1.md", "# PM", { branch: "pm-1" });
    const pr = await gh.rest.pulls.create({ owner: ORG, repo: REPO, title: "PM", head: "pm-1", base: "main" });
    const next = await gh.rest.issues.create({ owner: ORG, repo: REPO, title: "after" });
    expect([pr.data.number, next.data.number]).toEqual([2, 3]);
    const { data } = await gh.rest.issues.listForRepo({ owner: ORG, repo: REPO, direction: "asc" });
    expect(data.map((i) => [i.number, i.pull_request !== undefined])).toEqual([[1, false], [2, true], [3, false]]);
    expect((await failure(gh.rest.pulls.get({ owner: ORG, repo: REPO, pull_number: 1 }))).status).toBe(404);
  });

  it("filters by state, labels, since and sorts by direction", async () => {
    const { sandbox, gh } = setup();
    sandbox.addIssue(ORG, REPO, { title: "old", labels: ["incident", "sev1"] });
    sandbox.clock.advance(3_600_000);
    sandbox.addIssue(ORG, REPO, { title: "new", labels: ["incident"] });
    sandbox.addIssue(ORG, REPO, { title: "closed", labels: ["incident", "sev1"], state: "closed" });
    const list = (params: Omit<Parameters<typeof gh.rest.issues.listForRepo>[0] & object, "owner" | "repo">) =>
      gh.rest.issues.listForRepo({ owner: ORG, repo: REPO, ...params }).then((r) => r.data.map((i) => i.title));
    expect(await list({})).toEqual(["new", "old"]);
    expect(await list({ direction: "asc" })).toEqual(["old", "new"]);
    expect(await list({ state: "all", labels: "incident,SEV1" })).toEqual(["closed", "old"]);
    expect(await list({ state: "closed" })).toEqual(["closed"]);
    expect(await list({ since: "2026-03-02T09:30:00Z", state: "all" })).toEqual(["closed", "new"]);
  });

  it("paginates with Link headers that Octokit follows", async () => {
    const { sandbox, gh } = setup();
    for (let i = 1; i <= 7; i += 1) sandbox.addIssue(ORG, REPO, { title: `#${i}` });
    const first = await gh.rest.issues.listForRepo({ owner: ORG, repo: REPO, per_page: 3 });
    expect(first.data).toHaveLength(3);
    expect(first.headers.link).toContain('page=2>; rel="next"');
    expect(first.headers.link).toContain('page=3>; rel="last"');
    const all = await gh.paginate(gh.rest.issues.listForRepo, { owner: ORG, repo: REPO, per_page: 3 });
    expect(all.map((i) => i.number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(sandbox.countRequests({ route: "/repos/{owner}/{repo}/issues" })).toBe(4);
  });

  it("answers missing things with GitHub's error shape", async () => {
    const { gh } = setup();
    const missing = await failure(gh.rest.issues.get({ owner: ORG, repo: REPO, issue_number: 99 }));
    expect(missing).toEqual({
      status: 404,
      data: { message: "Not Found", documentation_url: "https://docs.github.com/rest/issues/issues#get-an-issue", status: "404" },
    });
    expect((await failure(gh.rest.repos.get({ owner: ORG, repo: "absent" }))).status).toBe(404);
  });
});

describe("labels, assignees, comments and reactions", () => {
  it("adds, removes (404 when absent) and sets labels", async () => {
    const { sandbox, gh } = setup();
    sandbox.addLabel(ORG, REPO, { name: "Incident", color: "b60205" });
    sandbox.addIssue(ORG, REPO, { title: "x" });
    const added = await gh.rest.issues.addLabels({ owner: ORG, repo: REPO, issue_number: 1, labels: ["incident", "sev0"] });
    expect(added.data.map((l) => [l.name, l.color])).toEqual([["Incident", "b60205"], ["sev0", "ededed"]]);
    await gh.rest.issues.removeLabel({ owner: ORG, repo: REPO, issue_number: 1, name: "sev0" });
    const absent = await failure(gh.rest.issues.removeLabel({ owner: ORG, repo: REPO, issue_number: 1, name: "sev0" }));
    expect(absent).toMatchObject({ status: 404, data: { message: "Label does not exist" } });
    await gh.rest.issues.setLabels({ owner: ORG, repo: REPO, issue_number: 1, labels: ["sev1"] });
    expect(sandbox.getIssue(ORG, REPO, 1).labels).toEqual(["sev1"]);
  });

  it("creates, reads and edits repository labels with unique names", async () => {
    const { gh } = setup();
    await gh.rest.issues.createLabel({ owner: ORG, repo: REPO, name: "sev0", color: "d93f0b" });
    const dup = await failure(gh.rest.issues.createLabel({ owner: ORG, repo: REPO, name: "SEV0" }));
    expect(dup).toMatchObject({ status: 422, data: { errors: [{ resource: "Label", code: "already_exists", field: "name" }] } });
    await gh.rest.issues.updateLabel({ owner: ORG, repo: REPO, name: "sev0", new_name: "Sev0", description: "critical" });
    const { data } = await gh.rest.issues.getLabel({ owner: ORG, repo: REPO, name: "Sev0" });
    expect(data).toMatchObject({ name: "Sev0", color: "d93f0b", description: "critical" });
    expect((await gh.rest.issues.listLabelsForRepo({ owner: ORG, repo: REPO })).data).toHaveLength(1);
  });

  it("adds and removes assignees", async () => {
    const { sandbox, gh } = setup();
    sandbox.setPermission(ORG, REPO, "oncall", "triage");
    sandbox.addIssue(ORG, REPO, { title: "x" });
    await gh.rest.issues.addAssignees({ owner: ORG, repo: REPO, issue_number: 1, assignees: ["oncall"] });
    expect(sandbox.getIssue(ORG, REPO, 1).assignees).toEqual(["oncall"]);
    await gh.rest.issues.removeAssignees({ owner: ORG, repo: REPO, issue_number: 1, assignees: ["oncall"] });
    expect(sandbox.getIssue(ORG, REPO, 1).assignees).toEqual([]);
  });

  it("creates, lists, edits and deletes comments", async () => {
    const { sandbox, gh } = setup();
    sandbox.addIssue(ORG, REPO, { title: "x" });
    const { data: created } = await gh.rest.issues.createComment({ owner: ORG, repo: REPO, issue_number: 1, body: "first" });
    await gh.rest.issues.createComment({ owner: ORG, repo: REPO, issue_number: 1, body: "second" });
    await gh.rest.issues.updateComment({ owner: ORG, repo: REPO, comment_id: created.id, body: "first (edited)" });
    const { data: fetched } = await gh.rest.issues.getComment({ owner: ORG, repo: REPO, comment_id: created.id });
    expect(fetched.body).toBe("first (edited)");
    await gh.rest.issues.deleteComment({ owner: ORG, repo: REPO, comment_id: created.id });
    const { data: list } = await gh.rest.issues.listComments({ owner: ORG, repo: REPO, issue_number: 1 });
    expect(list.map((c) => c.body)).toEqual(["second"]);
    expect((await gh.rest.issues.get({ owner: ORG, repo: REPO, issue_number: 1 })).data.comments).toBe(1);
  });

  it("answers 201 for a new reaction and 200 for one the user already left", async () => {
    const { sandbox, gh } = setup();
    sandbox.addIssue(ORG, REPO, { title: "x" });
    const comment = sandbox.addComment(ORG, REPO, 1, "/severity sev1", "alice");
    const react = () => gh.rest.reactions.createForIssueComment({ owner: ORG, repo: REPO, comment_id: comment.id, content: "eyes" });
    expect([(await react()).status, (await react()).status]).toEqual([201, 200]);
    const onIssue = await gh.rest.reactions.createForIssue({ owner: ORG, repo: REPO, issue_number: 1, content: "+1" });
    expect(onIssue.status).toBe(201);
    expect(sandbox.listComments(ORG, REPO, 1)[0]?.reactions.map((r) => [r.content, r.user])).toEqual([["eyes", "sandbox-admin"]]);
    const { data } = await gh.rest.issues.getComment({ owner: ORG, repo: REPO, comment_id: comment.id });
    expect(data.reactions).toMatchObject({ total_count: 1, eyes: 1 });
  });
});

describe("milestones", () => {
  it("refuses a second milestone with the same title (the creation guard)", async () => {
    const { gh } = setup();
    const created = await gh.rest.issues.createMilestone({ owner: ORG, repo: REPO, title: "Security review 2026-03", due_on: "2026-03-30T00:00:00Z" });
    expect(created.data).toMatchObject({ number: 1, state: "open", open_issues: 0 });
    const dup = await failure(gh.rest.issues.createMilestone({ owner: ORG, repo: REPO, title: "Security review 2026-03" }));
    expect(dup).toMatchObject({ status: 422, data: { message: "Validation Failed", errors: [{ resource: "Milestone", code: "already_exists", field: "title" }] } });
  });

  it("lists, gets and closes milestones with issue counts", async () => {
    const { sandbox, gh } = setup();
    const m = sandbox.addMilestone(ORG, REPO, { title: "Review" });
    sandbox.addIssue(ORG, REPO, { title: "a", milestone: m.number });
    sandbox.addIssue(ORG, REPO, { title: "b", milestone: m.number, state: "closed" });
    await gh.rest.issues.updateMilestone({ owner: ORG, repo: REPO, milestone_number: m.number, state: "closed" });
    const { data } = await gh.rest.issues.getMilestone({ owner: ORG, repo: REPO, milestone_number: m.number });
    expect(data).toMatchObject({ state: "closed", open_issues: 1, closed_issues: 1 });
    expect((await gh.rest.issues.listMilestones({ owner: ORG, repo: REPO })).data).toHaveLength(0);
    expect((await gh.rest.issues.listMilestones({ owner: ORG, repo: REPO, state: "all" })).data).toHaveLength(1);
  });
});

describe("search", () => {
  it("supports repo:, is:, label:, in:body and text terms, and requires is:issue or is:pr", async () => {
    const { sandbox, gh } = setup();
    sandbox.addRepo({ owner: ORG, name: "other" });
    sandbox.addIssue(ORG, REPO, { title: "Security review", body: "<!-- vigil:review 2026-03 -->", labels: ["security-review"] });
    sandbox.addIssue(ORG, REPO, { title: "OS patching", body: "<!-- vigil:patch 2026-w10 -->", labels: ["patching"], state: "closed" });
    sandbox.addIssue(ORG, "other", { title: "Security review", labels: ["security-review"] });
    const search = (q: string) => gh.rest.search.issuesAndPullRequests({ q }).then((r) => r.data.items.map((i) => i.title));
    expect(await search(`repo:${ORG}/${REPO} is:issue label:security-review`)).toEqual(["Security review"]);
    expect(await search(`repo:${ORG}/${REPO} is:issue "vigil:patch 2026-w10" in:body`)).toEqual(["OS patching"]);
    expect(await search(`repo:${ORG}/${REPO} is:issue is:open`)).toEqual(["Security review"]);
    expect(await search(`org:${ORG} is:issue label:security-review`)).toHaveLength(2);
    expect(await search(`repo:${ORG}/${REPO} is:pr`)).toEqual([]);
    expect((await failure(search(`repo:${ORG}/${REPO} label:patching`))).status).toBe(422);
  });

  it("can model the search index lagging behind writes", async () => {
    const sandbox = createSandbox({ now: "2026-03-02T09:00:00Z", searchLagMs: 60_000 });
    const gh = createTestOctokit(sandbox);
    sandbox.addIssue(ORG, REPO, { title: "fresh" });
    const q = `repo:${ORG}/${REPO} is:issue fresh`;
    expect((await gh.rest.search.issuesAndPullRequests({ q })).data.total_count).toBe(0);
    sandbox.clock.advance(61_000);
    expect((await gh.rest.search.issuesAndPullRequests({ q })).data.total_count).toBe(1);
  });
});

describe("repositories, permissions and installations", () => {
  it("reports repository visibility and default branch", async () => {
    const { sandbox, gh } = setup();
    sandbox.addRepo({ owner: "solo", name: "public-thing", private: false, ownerType: "User", defaultBranch: "trunk" });
    expect((await gh.rest.repos.get({ owner: ORG, repo: REPO })).data).toMatchObject({ private: true, visibility: "private", default_branch: "main" });
    expect((await gh.rest.repos.get({ owner: "solo", repo: "public-thing" })).data).toMatchObject({ private: false, visibility: "public", default_branch: "trunk", owner: { type: "User" } });
  });

  it("answers collaborator permission with the legacy permission and role_name", async () => {
    const { sandbox, gh } = setup();
    sandbox.setPermission(ORG, REPO, "maint", "maintain");
    sandbox.setPermission(ORG, REPO, "tri", "triage");
    sandbox.addUser("outsider");
    const permission = (username: string) =>
      gh.rest.repos.getCollaboratorPermissionLevel({ owner: ORG, repo: REPO, username }).then((r) => [r.data.permission, r.data.role_name]);
    expect(await permission("maint")).toEqual(["write", "maintain"]);
    expect(await permission("tri")).toEqual(["read", "triage"]);
    expect(await permission("outsider")).toEqual(["none", "none"]);
    expect((await failure(permission("ghost"))).status).toBe(404);
  });

  it("lists installations and their repositories for the app", async () => {
    const { sandbox, gh } = setup();
    sandbox.addRepo({ owner: ORG, name: "second" });
    sandbox.addRepo({ owner: "elsewhere", name: "not-installed", installationId: null });
    const installationGh = createTestOctokit(sandbox, { installationId: 1 });
    const { data } = await installationGh.rest.apps.listReposAccessibleToInstallation();
    expect(data.repositories.map((r) => r.full_name).sort()).toEqual([`${ORG}/${REPO}`, `${ORG}/second`]);
    expect((await failure(gh.rest.apps.listInstallations())).status).toBe(401);
  });
});
