import { describe, expect, it } from "vitest";
import {
  GitHubSandbox,
  ORG,
  REPO,
  SandboxViolationError,
  createSandbox,
  createTestOctokit,
  createTestProbot,
  verifyStrictSandboxes,
} from "../helpers/sandbox.js";

// Deliberately wrong requests bypass Octokit's endpoint types, as untyped app code would.
function untyped(gh: ReturnType<typeof createTestOctokit>) {
  return (route: string, params: Record<string, unknown> = {}) => gh.request(route, params);
}

function lenient() {
  return createSandbox({ strict: false, checkResponses: true });
}

async function statusOf(promise: Promise<unknown>): Promise<{ status: number; data: unknown }> {
  try {
    await promise;
    return { status: 200, data: undefined };
  } catch (error) {
    const e = error as { status: number; response?: { data: unknown } };
    return { status: e.status, data: e.response?.data };
  }
}

describe("requests GitHub would refuse", () => {
  it("answers an unknown endpoint with GitHub's 404 shape and records a violation", async () => {
    const sandbox = lenient();
    const gh = createTestOctokit(sandbox);
    const { status, data } = await statusOf(gh.request("GET /repos/{owner}/{repo}/incidents", { owner: ORG, repo: REPO }));
    expect(status).toBe(404);
    expect(data).toEqual({ message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
    expect(sandbox.violations.map((v) => v.kind)).toEqual(["unknown-endpoint"]);
  });

  it("rejects a method the path does not have", async () => {
    const sandbox = lenient();
    sandbox.addIssue(ORG, REPO, { title: "x" });
    const gh = createTestOctokit(sandbox);
    const { status } = await statusOf(gh.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}", { owner: ORG, repo: REPO, issue_number: 1 }));
    expect(status).toBe(404);
    expect(sandbox.violations[0]).toMatchObject({ kind: "wrong-method", route: "/repos/{owner}/{repo}/issues/{issue_number}" });
    expect(sandbox.getIssue(ORG, REPO, 1).state).toBe("open");
  });

  it("rejects bodies that break the operation's schema with 422", async () => {
    const sandbox = lenient();
    const request = untyped(createTestOctokit(sandbox));
    const labelsAsString = await statusOf(request("POST /repos/{owner}/{repo}/issues", { owner: ORG, repo: REPO, title: "x", labels: "incident" }));
    const missingTitle = await statusOf(request("POST /repos/{owner}/{repo}/issues", { owner: ORG, repo: REPO, body: "no title" }));
    expect([labelsAsString.status, missingTitle.status]).toEqual([422, 422]);
    expect(sandbox.violations.map((v) => [v.kind, v.message])).toEqual([
      ["invalid-body", "/labels must be array"],
      ["invalid-body", "(body) must have required property 'title'"],
    ]);
    expect(sandbox.getRepo(ORG, REPO).issues.size).toBe(0);
  });

  it("serves but records query parameters and body keys the operation does not declare", async () => {
    const sandbox = lenient();
    sandbox.addIssue(ORG, REPO, { title: "x" });
    const gh = createTestOctokit(sandbox);
    const list = await gh.request("GET /repos/{owner}/{repo}/issues", { owner: ORG, repo: REPO, status: "open" });
    await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { owner: ORG, repo: REPO, issue_number: 1, state_reasn: "not_planned" });
    expect(list.data).toHaveLength(1);
    expect(sandbox.violations.map((v) => v.kind)).toEqual(["unknown-query-parameter", "unknown-body-property"]);
    expect(sandbox.violations[0]?.message).toContain('"status"');
  });

  it("rejects an enum value GitHub does not accept", async () => {
    const sandbox = lenient();
    const request = untyped(createTestOctokit(sandbox));
    const { status } = await statusOf(request("GET /repos/{owner}/{repo}/issues", { owner: ORG, repo: REPO, state: "opened" }));
    expect(status).toBe(422);
    expect(sandbox.violations[0]?.kind).toBe("invalid-query-parameter");
  });

  it("answers an invalid GraphQL document with 200 + errors and records it", async () => {
    const sandbox = lenient();
    const gh = createTestOctokit(sandbox);
    const response = await gh.request("POST /graphql", { query: "{ viewer { loginName } }" });
    expect(response.status).toBe(200);
    expect((response.data as { errors: { message: string }[] }).errors[0]?.message).toMatch(/loginName/);
    await expect(gh.graphql("{ organization(login: \"acme\") { nope } }")).rejects.toThrow(/nope/);
    expect(sandbox.violations.map((v) => v.kind)).toEqual(["invalid-graphql", "invalid-graphql"]);
  });

  it("flags operations GitHub has but the sandbox does not emulate", async () => {
    const sandbox = lenient();
    const gh = createTestOctokit(sandbox);
    const { status } = await statusOf(gh.rest.repos.listReleases({ owner: ORG, repo: REPO }));
    expect(status).toBe(501);
    expect(sandbox.violations[0]).toMatchObject({ kind: "unsupported-by-sandbox", route: "/repos/{owner}/{repo}/releases" });
  });

  it("requires credentials GitHub would accept", async () => {
    const sandbox = lenient();
    const noAuth = await sandbox.fetch(`https://api.github.com/repos/${ORG}/${REPO}`);
    const badToken = await sandbox.fetch(`https://api.github.com/repos/${ORG}/${REPO}`, { headers: { authorization: "token nope" } });
    expect([noAuth.status, badToken.status]).toEqual([401, 401]);
    expect(await badToken.json()).toMatchObject({ message: "Bad credentials" });
  });
});

describe("strict sandboxes fail the test", () => {
  it("assertNoViolations throws once per violation", async () => {
    const sandbox = createSandbox();
    const gh = createTestOctokit(sandbox);
    await statusOf(gh.request("GET /nope"));
    expect(() => sandbox.assertNoViolations()).toThrow(SandboxViolationError);
    expect(() => sandbox.assertNoViolations()).not.toThrow();
    expect(sandbox.violations).toHaveLength(1);
  });

  it("verifyStrictSandboxes (the helper's afterEach) catches an unchecked strict sandbox", async () => {
    const sandbox = new GitHubSandbox();
    sandbox.addRepo({ owner: ORG, name: REPO });
    await statusOf(createTestOctokit(sandbox).request("GET /repos/{owner}/{repo}/nope", { owner: ORG, repo: REPO }));
    expect(() => verifyStrictSandboxes()).toThrow(/unknown-endpoint/);
    expect(() => verifyStrictSandboxes()).not.toThrow();
  });

  it("receive() fails even when the app swallows the error response", async () => {
    const sandbox = createSandbox();
    sandbox.addIssue(ORG, REPO, { title: "x" });
    const { receive } = createTestProbot(sandbox, (app) => {
      app.on("issues.opened", async (context) => {
        await context.octokit.rest.issues.addLabels(context.issue({ labels: [] })).catch(() => undefined);
      });
    });
    const delivery = receive("issues", sandbox.payloadFor.issues("opened", ORG, REPO, 1, { sender: "octocat" }));
    await expect(delivery).rejects.toThrow(SandboxViolationError);
    await expect(delivery).rejects.toThrow(/labels must NOT have fewer than 1 items/);
  });

  it("lenient sandboxes leave the decision to the test", async () => {
    const sandbox = lenient();
    sandbox.addIssue(ORG, REPO, { title: "x" });
    const { receive } = createTestProbot(sandbox, (app) => {
      app.on("issues.opened", async (context) => {
        await context.octokit.request("GET /repos/{owner}/{repo}/nope", context.repo()).catch(() => undefined);
      });
    });
    await receive("issues", sandbox.payloadFor.issues("opened", ORG, REPO, 1, { sender: "octocat" }));
    expect(sandbox.violations).toHaveLength(1);
  });
});
