// `npm start`'s entry (src/server.ts) in a process of its own, as production runs it, talking to the sandbox over real
// HTTP through Vigil's own transport (src/github/http-fetch.ts): an incident filed, commanded and resolved.
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { Probot } from "probot";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { httpFetch } from "../../src/github/http-fetch.js";
import { decodeMarker } from "../../src/markers/codec.js";
import { ServerOctokit } from "../../src/server.js";
import { HEALTH_PATH } from "../../src/triggers/health-route.js";
import { INCIDENT_FORM, renderFormBody } from "../helpers/incident-form.js";
import { freePort } from "../helpers/free-port.js";
import { signedDelivery } from "../helpers/signed-delivery.js";
import { sandboxServer, type SandboxServer } from "../helpers/sandbox-server.js";
import { answers, optedInSandbox, OWNER, REPO } from "../helpers/world.js";

beforeAll(() => nock.enableNetConnect("127.0.0.1"));
afterAll(() => nock.disableNetConnect());

const SECRET = "entry-secret";
let app: ChildProcess | undefined;
let github: SandboxServer | undefined;
afterEach(async () => {
  app?.kill("SIGTERM");
  app = undefined;
  await github?.close();
  github = undefined;
});

async function startEntry(): Promise<{ gh: SandboxServer; base: string; stderr: () => string }> {
  const gh = (github = await sandboxServer((apiUrl) => optedInSandbox({ apiUrl })));
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
  gh.sandbox.registerAppKey(publicKey);
  const port = await freePort();
  let stderr = "";
  // Octokit's throttling spaces writes 1 s apart; the preload runs them at once (as the bench does), so this test
  // waits for the app's work, not for the spacing.
  app = spawn(process.execPath, ["--import", "tsx", "--import", "./bench/no-throttle-waits.mjs", "src/server.ts"], {
    env: {
      PATH: process.env.PATH ?? "", NODE_ENV: "production",
      APP_ID: String(gh.sandbox.app.id), PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET,
      GHE_HOST: gh.host, GHE_PROTOCOL: "http", PORT: String(port), HOST: "127.0.0.1",
      LOG_LEVEL: "warn", VIGIL_CHECK_INTERVAL: "0",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  app.stderr!.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  const base = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); ; ) {
    if (await fetch(`${base}${HEALTH_PATH}`).then((r) => r.ok, () => false)) break;
    if (Date.now() - started > 30_000) throw new Error(`the server entry did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { gh, base, stderr: () => stderr };
}

async function deliver(base: string, name: string, payload: object): Promise<number> {
  const res = await fetch(`${base}/api/github/webhooks`, signedDelivery(SECRET, name, payload));
  await res.text();
  return res.status;
}

describe("the server entry (npm start, the image)", () => {
  it("gives Probot an Octokit that sends its requests through httpFetch, as the app and as an installation", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const probot = new Probot({ appId: 1, privateKey, Octokit: ServerOctokit, logLevel: "fatal" });
    const asApp = await probot.auth();
    expect(asApp.request.endpoint.DEFAULTS.request?.fetch).toBe(httpFetch);
    expect(asApp.graphql.endpoint.DEFAULTS.request?.fetch).toBe(httpFetch);
  });

  it("files, commands and resolves an incident against GitHub over HTTP, with Vigil's transport", async () => {
    const { gh, base, stderr } = await startEntry();
    const { sandbox } = gh;
    const n = sandbox.addIssue(OWNER, REPO, { title: "[Incident] db-1", body: renderFormBody(INCIDENT_FORM, answers()), labels: ["incident"], user: "bob" }).number;
    expect(await deliver(base, "issues", sandbox.payloadFor.issues("opened", OWNER, REPO, n, { sender: "bob" }))).toBe(200);
    expect(sandbox.getIssue(OWNER, REPO, n).assignees).toEqual(["bob"]);
    expect(sandbox.getIssue(OWNER, REPO, n).labels).toContain("severity: sev1");

    const note = sandbox.addComment(OWNER, REPO, n, "/note blocked the host at the edge", "bob");
    expect(await deliver(base, "issue_comment", sandbox.payloadFor.issueComment("created", OWNER, REPO, note.id, { sender: "bob" }))).toBe(200);
    sandbox.setIssueState(OWNER, REPO, n, "closed", "completed", "bob");
    expect(await deliver(base, "issues", sandbox.payloadFor.issues("closed", OWNER, REPO, n, { sender: "bob" }))).toBe(200);

    const link = sandbox.listComments(OWNER, REPO, n).find((c) => c.user === sandbox.app.botLogin && decodeMarker(c.body)?.kind === "postmortem-link");
    const pr = (decodeMarker(link!.body)!.data as { pr: number }).pr;
    expect(sandbox.getIssue(OWNER, REPO, pr).pull?.head).toBe(`postmortem/incident-${n}`);
    // Every request went over HTTP: the installation token, REST reads and writes, GraphQL.
    const routes = new Set(sandbox.requests.map((r) => `${r.method} ${r.route}`));
    for (const route of ["POST /app/installations/{installation_id}/access_tokens", "POST /graphql", "PUT /repos/{owner}/{repo}/contents/{path}", "POST /repos/{owner}/{repo}/pulls"]) expect(routes).toContain(route);
    expect(stderr()).toBe("");
  }, 60_000);
});
