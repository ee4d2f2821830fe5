import type { KeyObject } from "node:crypto";
import { createPrivateKey, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appKeyPair } from "@vigil/github-sandbox/internals";
import { matchRoute } from "@vigil/github-sandbox/internals";
import { ORG, REPO, createSandbox, createTestOctokit, createTestProbot, supportedOperations } from "../helpers/sandbox.js";

function signJwt(key: KeyObject, appId: number): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: "RS256", typ: "JWT" })}.${encode({ iat: now - 30, exp: now + 540, iss: appId })}`;
  return `${unsigned}.${sign("RSA-SHA256", Buffer.from(unsigned), key).toString("base64url")}`;
}

describe("transport", () => {
  it("routes every emulated operation from its OpenAPI template", () => {
    const operations = supportedOperations();
    expect(operations.length).toBeGreaterThan(50);
    for (const operation of operations) {
      const [method, template] = operation.split(" ") as [string, string];
      const concrete = template.replace("{path}", ".github/a.yml").replace(/\{[^}]+\}/g, "1");
      const lookup = matchRoute(method, concrete);
      expect(lookup.kind === "match" ? `${method} ${lookup.template}` : lookup.kind).toBe(operation);
    }
  });

  it("prefers literal segments over parameters", () => {
    const lookup = matchRoute("GET", "/repos/o/r/git/matching-refs/heads/feature/x");
    expect(lookup).toMatchObject({ kind: "match", template: "/repos/{owner}/{repo}/git/matching-refs/{ref}", params: { ref: "heads/feature/x" } });
    expect(matchRoute("GET", "/repos/o/r/contents/a%2Fb.md")).toMatchObject({ params: { path: "a/b.md" } });
    expect(matchRoute("GET", "/repos/o/r/issues/1/bogus").kind).toBe("unknown-path");
  });

  it("serves GitHub Enterprise Server paths and rejects an already aborted request", async () => {
    const sandbox = createSandbox();
    const gh = createTestOctokit(sandbox, { baseUrl: "https://ghe.example.com/api/v3" });
    const { data } = await gh.rest.repos.get({ owner: ORG, repo: REPO });
    expect(data.html_url).toBe(`https://ghe.example.com/${ORG}/${REPO}`);
    expect(data.url).toBe(`https://ghe.example.com/api/v3/repos/${ORG}/${REPO}`);
    await expect(sandbox.fetch("https://api.github.com/", { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
  });

  it("rejects an injected timeout at once, as an AbortSignal.timeout would", async () => {
    const sandbox = createSandbox();
    sandbox.injectFault({ kind: "timeout", route: "/repos/{owner}/{repo}" });
    const token = sandbox.issueToken();
    const request = () => sandbox.fetch(`https://api.github.com/repos/${ORG}/${REPO}`, { headers: { authorization: `token ${token}` } });
    await expect(request()).rejects.toMatchObject({ name: "TimeoutError" });
    expect((await request()).status).toBe(200);
    expect(sandbox.requests.map((r) => [r.status, r.fault])).toEqual([[0, "timeout"], [200, undefined]]);
  });

  it("counts requests by method, route and status, and resets the count", async () => {
    const sandbox = createSandbox();
    const gh = createTestOctokit(sandbox);
    await gh.rest.issues.create({ owner: ORG, repo: REPO, title: "a" });
    await gh.rest.issues.create({ owner: ORG, repo: REPO, title: "b" });
    await gh.rest.issues.listForRepo({ owner: ORG, repo: REPO });
    expect(sandbox.countRequests()).toBe(3);
    expect(sandbox.countRequests({ method: "post", route: "/repos/{owner}/{repo}/issues", status: 201 })).toBe(2);
    expect(sandbox.countRequests({ route: /issues$/, method: "GET" })).toBe(1);
    sandbox.resetCounts();
    expect(sandbox.countRequests()).toBe(0);
  });

  it("lets the app use its JWT on app endpoints and exchange it for an installation token", async () => {
    const sandbox = createSandbox();
    const { probot, ready } = createTestProbot(sandbox, () => undefined);
    await ready;
    const appOctokit = await probot.auth();
    const { data: installation } = await appOctokit.rest.apps.getRepoInstallation({ owner: ORG, repo: REPO });
    const { data: installations } = await appOctokit.rest.apps.listInstallations();
    expect(installation).toMatchObject({ id: 1, app_id: sandbox.app.id, account: { login: ORG } });
    expect(installations.map((i) => i.id)).toEqual([1]);
    const installationOctokit = await probot.auth(1);
    expect((await installationOctokit.rest.issues.listForRepo({ owner: ORG, repo: REPO })).status).toBe(200);
  });

  it("verifies JWT signatures and keeps app JWTs off repository endpoints", async () => {
    const sandbox = createSandbox();
    const { ready } = createTestProbot(sandbox, () => undefined);
    await ready;
    const call = (jwt: string, path: string) =>
      sandbox.fetch(`https://api.github.com${path}`, { headers: { authorization: `Bearer ${jwt}` } }).then((r) => r.status);
    const forged = signJwt(generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey, sandbox.app.id);
    const genuine = signJwt(createPrivateKey(appKeyPair().privateKey), sandbox.app.id);
    expect(await call(forged, "/app/installations")).toBe(401);
    expect(await call(genuine, "/app/installations")).toBe(200);
    expect(await call(genuine, `/repos/${ORG}/${REPO}/issues`)).toBe(403);
  });
});
