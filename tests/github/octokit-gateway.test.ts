import { describe, expect, it } from "vitest";
import { octokitGateway } from "../../src/github/octokit-gateway.js";
import { createSandbox, createTestOctokit, ORG, REPO } from "../helpers/sandbox.js";

function setup() {
  const sandbox = createSandbox({ now: "2026-11-23T18:00:00Z" });
  sandbox.addUser(ORG, "Organization");
  const gateway = octokitGateway(createTestOctokit(sandbox, { installationId: 1 }));
  return { sandbox, gateway };
}

describe("octokitGateway: observe", () => {
  it("reads an issue with every comment (all pages), authors as bot or person, in one query per 100 comments", async () => {
    const { sandbox, gateway } = setup();
    const issue = sandbox.addIssue(ORG, REPO, { title: "x", body: "b", labels: ["incident"], user: "reporter" });
    sandbox.addUser(sandbox.app.botLogin, "Bot");
    for (let i = 0; i < 150; i++) sandbox.addComment(ORG, REPO, issue.number, `c${i}`, i % 2 ? "alice" : sandbox.app.botLogin);
    sandbox.resetCounts();
    const observed = await gateway.observeIssue({ owner: ORG, repo: REPO }, issue.number);
    expect(sandbox.countRequests({ route: "/graphql" })).toBe(2);
    expect(observed.issue?.comments).toHaveLength(150);
    expect(observed.issue?.comments[0]?.author).toEqual({ login: sandbox.app.botLogin.replace("[bot]", ""), isBot: true });
    expect(observed.issue?.comments[1]?.author).toEqual({ login: "alice", isBot: false });
    expect(observed.repo).toMatchObject({ owner: ORG, name: REPO, isPublic: false, formText: null });
    expect(observed.project).toBeUndefined();
  });

  it("sees a repository made public, and a pull request number as no issue", async () => {
    const { sandbox, gateway } = setup();
    sandbox.setVisibility(ORG, REPO, "public");
    sandbox.addIssue(ORG, REPO, { title: "x", body: "b", labels: [], user: "reporter" });
    const observed = await gateway.observeIssue({ owner: ORG, repo: REPO }, 99);
    expect(observed.repo.isPublic).toBe(true);
    expect(observed.issue).toBeNull();
  });

  it("reports a configured project that does not exist as null, and reads one that does", async () => {
    const { sandbox, gateway } = setup();
    const issue = sandbox.addIssue(ORG, REPO, { title: "x", body: "b", labels: ["incident"], user: "reporter" });
    const missing = await gateway.observeIssue({ owner: ORG, repo: REPO }, issue.number, { owner: ORG, number: 9 });
    expect(missing.project).toBeNull();
    sandbox.addProject({ owner: ORG, number: 9, title: "Incidents", fields: { Severity: ["Sev1"], Status: ["Investigating"] } });
    const found = await gateway.observeIssue({ owner: ORG, repo: REPO }, issue.number, { owner: ORG, number: 9 });
    expect(found.project?.fields.map((f) => f.name).sort()).toEqual(["Severity", "Status"]);
  });

  it("lists the incidents a scheduled check looks at: open ones, not other issues", async () => {
    const { sandbox, gateway } = setup();
    const a = sandbox.addIssue(ORG, REPO, { title: "a", body: "b", labels: ["incident"], user: "reporter" });
    sandbox.addIssue(ORG, REPO, { title: "b", body: "b", labels: ["bug"], user: "reporter" });
    const candidates = await gateway.checkCandidates({ owner: ORG, repo: REPO }, "2026-01-01T00:00:00Z", false);
    expect(candidates).toEqual({ incidents: [a.number], postmortemBranches: [], reviews: [], recurring: undefined });
    const withRecurring = await gateway.checkCandidates({ owner: ORG, repo: REPO }, "2026-01-01T00:00:00Z", true);
    expect(withRecurring.recurring).toMatchObject({ dependabotAlerts: 0, reviews: [], patching: [], drills: [] });
  });

  it("names the token's own identity: an installation token is the app's bot", async () => {
    const { sandbox, gateway } = setup();
    expect(await gateway.identity()).toEqual({ login: sandbox.app.botLogin, isBot: true });
    const user = octokitGateway(createTestOctokit(sandbox, { login: "alice" }));
    sandbox.setPermission(ORG, REPO, "alice", "write");
    expect(await user.identity()).toEqual({ login: "alice", isBot: false });
  });
});

describe("octokitGateway: writes", () => {
  it("treats an existing label and an already deleted comment as done", async () => {
    const { sandbox, gateway } = setup();
    const repo = { owner: ORG, repo: REPO };
    const label = { name: "incident", color: "d73a4a", description: "Security incident" };
    await gateway.createLabel(repo, label);
    await gateway.createLabel(repo, label);
    const issue = sandbox.addIssue(ORG, REPO, { title: "x", body: "b", labels: [], user: "reporter" });
    const id = await gateway.createComment(repo, issue.number, "hello");
    await gateway.deleteComment(repo, id);
    await gateway.deleteComment(repo, id);
    expect(sandbox.listComments(ORG, REPO, issue.number)).toEqual([]);
  });
});
