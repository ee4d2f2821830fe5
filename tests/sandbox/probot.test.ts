import type { Context, Probot } from "probot";
import { describe, expect, it } from "vitest";
import { loadFixture } from "../helpers/fixtures.js";
import { ORG, REPO, createSandbox, createTestProbot } from "../helpers/sandbox.js";

function openedPayload(sandbox: ReturnType<typeof createSandbox>, number: number) {
  return sandbox.payloadFor.issues("opened", ORG, REPO, number, { sender: "reporter" });
}

describe("createTestProbot", () => {
  it("loads .github/incident-response.yml from the repository through context.config", async () => {
    const sandbox = createSandbox({ checkResponses: true });
    sandbox.setFile(ORG, REPO, ".github/incident-response.yml", "timezone: Europe/Berlin\noncall:\n  - alice\n");
    sandbox.addIssue(ORG, REPO, { title: "Breach" });
    let seen: unknown;
    const { receive } = createTestProbot(sandbox, (app: Probot) => {
      app.on("issues.opened", async (context: Context<"issues.opened">) => {
        seen = await context.config("incident-response.yml");
      });
    });
    await receive("issues", openedPayload(sandbox, 1));
    expect(seen).toEqual({ timezone: "Europe/Berlin", oncall: ["alice"] });
    expect(sandbox.countRequests({ method: "POST", route: "/app/installations/{installation_id}/access_tokens" })).toBe(1);
  });

  it("falls back to the owner's .github repository when the repository has no config", async () => {
    const sandbox = createSandbox();
    sandbox.addRepo({ owner: ORG, name: ".github" });
    sandbox.setFile(ORG, ".github", ".github/incident-response.yml", "timezone: UTC\n");
    sandbox.addIssue(ORG, REPO, { title: "Breach" });
    let seen: unknown;
    const { receive } = createTestProbot(sandbox, (app) => {
      app.on("issues.opened", async (context) => {
        seen = await context.config("incident-response.yml", { timezone: "default", extra: true });
      });
    });
    await receive("issues", openedPayload(sandbox, 1));
    expect(seen).toEqual({ timezone: "UTC", extra: true });
    expect(sandbox.countRequests({ route: "/repos/{owner}/{repo}/contents/{path}", status: 404 })).toBe(1);
  });

  it("retries a 502 and a 429 through Probot's own Octokit plugins until they succeed", async () => {
    const sandbox = createSandbox();
    sandbox.addIssue(ORG, REPO, { title: "Breach" });
    sandbox.injectFault({ kind: "server-error", method: "POST", route: "/repos/{owner}/{repo}/issues/{issue_number}/comments", times: 2 });
    sandbox.injectFault({ kind: "too-many-requests", route: "/repos/{owner}/{repo}/issues/{issue_number}/labels", retryAfterSeconds: 30 });
    const { receive } = createTestProbot(sandbox, (app) => {
      app.on("issues.opened", async (context) => {
        await context.octokit.rest.issues.createComment(context.issue({ body: "Acknowledged" }));
        await context.octokit.rest.issues.addLabels(context.issue({ labels: ["incident"] }));
      });
    });
    const started = Date.now();
    await receive("issues", openedPayload(sandbox, 1));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(sandbox.listComments(ORG, REPO, 1).map((c) => c.body)).toEqual(["Acknowledged"]);
    expect(sandbox.getIssue(ORG, REPO, 1).labels).toEqual(["incident"]);
    expect(sandbox.countRequests({ route: /comments$/, faulted: true })).toBe(2);
    expect(sandbox.countRequests({ route: /comments$/, status: 201 })).toBe(1);
    expect(sandbox.countRequests({ route: /labels$/, status: 429 })).toBe(1);
  });

  it("waits out a primary rate limit (403, x-ratelimit-remaining: 0) and a network timeout", async () => {
    const sandbox = createSandbox();
    sandbox.addIssue(ORG, REPO, { title: "Breach" });
    sandbox.injectFault({ kind: "rate-limit", route: "/repos/{owner}/{repo}/issues/{issue_number}", retryAfterSeconds: 3600 });
    sandbox.injectFault({ kind: "timeout", method: "PATCH" });
    const { receive } = createTestProbot(sandbox, (app) => {
      app.on("issues.opened", async (context) => {
        const { data } = await context.octokit.rest.issues.get(context.issue());
        await context.octokit.rest.issues.update(context.issue({ title: `[Sev1] ${data.title}` }));
      });
    });
    const started = Date.now();
    await receive("issues", openedPayload(sandbox, 1));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(sandbox.getIssue(ORG, REPO, 1).title).toBe("[Sev1] Breach");
    expect(sandbox.requests.filter((r) => r.fault).map((r) => [r.method, r.status, r.fault])).toEqual([
      ["GET", 403, "rate-limit"],
      ["PATCH", 0, "timeout"],
    ]);
  });

  it("can lose the response of a write that took effect, so a blind retry duplicates it", async () => {
    const sandbox = createSandbox();
    sandbox.addIssue(ORG, REPO, { title: "Breach" });
    sandbox.injectFault({ kind: "server-error", status: 500, route: "/repos/{owner}/{repo}/issues/{issue_number}/comments", applied: true });
    const { receive } = createTestProbot(sandbox, (app) => {
      app.on("issues.opened", async (context) => {
        await context.octokit.rest.issues.createComment(context.issue({ body: "Timeline entry" }));
      });
    });
    await receive("issues", openedPayload(sandbox, 1));
    expect(sandbox.listComments(ORG, REPO, 1).map((c) => c.body)).toEqual(["Timeline entry", "Timeline entry"]);
    expect(sandbox.requests.filter((r) => r.route.endsWith("/comments")).map((r) => r.status)).toEqual([500, 201]);
  });

  it("gives up on a secondary rate limit as Probot does, surfacing the 403 to the handler", async () => {
    const sandbox = createSandbox();
    sandbox.addIssue(ORG, REPO, { title: "Breach" });
    sandbox.injectFault({ kind: "secondary-rate-limit", method: "POST", times: 5 });
    const { receive } = createTestProbot(sandbox, (app) => {
      app.on("issues.opened", async (context) => {
        await context.octokit.rest.issues.createComment(context.issue({ body: "hello" }));
      });
    });
    await expect(receive("issues", openedPayload(sandbox, 1))).rejects.toThrow(/secondary rate limit/);
    expect(sandbox.listComments(ORG, REPO, 1)).toHaveLength(0);
  });

  it("delivers fixtures from @octokit/webhooks-examples with overrides", async () => {
    const sandbox = createSandbox();
    sandbox.addIssue(ORG, REPO, { title: "From fixture" });
    const payload = loadFixture("issues.opened", {
      repository: { name: REPO, full_name: `${ORG}/${REPO}`, owner: { login: ORG } },
      issue: { number: 1 },
    });
    const titles: string[] = [];
    const { receive } = createTestProbot(sandbox, (app) => {
      app.on("issues.opened", async (context) => {
        const { data } = await context.octokit.rest.issues.get(context.issue());
        titles.push(data.title);
      });
    });
    await receive("issues", payload);
    expect(titles).toEqual(["From fixture"]);
  });

  it("scopes installation tokens to their installation's repositories", async () => {
    const sandbox = createSandbox();
    sandbox.addRepo({ owner: "other-org", name: "secret", installationId: 2 });
    sandbox.addIssue(ORG, REPO, { title: "Breach" });
    let status: number | undefined;
    const { receive } = createTestProbot(sandbox, (app) => {
      app.on("issues.opened", async (context) => {
        try {
          await context.octokit.rest.repos.get({ owner: "other-org", repo: "secret" });
        } catch (error) {
          status = (error as { status?: number }).status;
        }
      });
    });
    await receive("issues", openedPayload(sandbox, 1));
    expect(status).toBe(404);
  });

  it("serves a GitHub Enterprise Server base URL for REST and GraphQL", async () => {
    const sandbox = createSandbox();
    sandbox.addIssue(ORG, REPO, { title: "Breach" });
    sandbox.addProject({ owner: ORG, number: 3, title: "Incidents", fields: { Severity: ["Sev0", "Sev1"] } });
    let htmlUrl: string | undefined;
    let projectTitle: string | undefined;
    const { receive } = createTestProbot(
      sandbox,
      (app) => {
        app.on("issues.opened", async (context) => {
          htmlUrl = (await context.octokit.rest.issues.get(context.issue())).data.html_url;
          const result = await context.octokit.graphql<{ organization: { projectV2: { title: string } } }>(
            `query($login: String!) { organization(login: $login) { projectV2(number: 3) { title } } }`,
            { login: ORG },
          );
          projectTitle = result.organization.projectV2.title;
        });
      },
      { baseUrl: "https://ghe.example.com/api/v3" },
    );
    await receive("issues", openedPayload(sandbox, 1));
    expect(htmlUrl).toBe(`https://ghe.example.com/${ORG}/${REPO}/issues/1`);
    expect(projectTitle).toBe("Incidents");
  });
});
