import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { pino } from "pino";
import { Probot, run, Server } from "probot";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createVigil } from "../../src/index.js";
import { HEALTH_PATH } from "../../src/triggers/health-route.js";
import { sandboxProbotOptions } from "@vigil/github-sandbox";
import { INCIDENT_FORM, renderFormBody } from "../helpers/incident-form.js";
import { answers, optedInSandbox, OWNER, REPO } from "../helpers/world.js";
import { freePort } from "../helpers/free-port.js";
import { signedDelivery } from "../helpers/signed-delivery.js";

// Probot's own HTTP server on the loopback interface, the way `npm start` and the image run it.
beforeAll(() => nock.enableNetConnect("127.0.0.1"));
afterAll(() => nock.disableNetConnect());

const SECRET = "webhook-secret";
let server: Server | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start() {
  const sandbox = optedInSandbox();
  const log = pino({ level: "silent" });
  // The Server hands Probot its own `request` option, so the sandbox transport goes there too.
  server = new Server({ Probot: Probot.defaults(sandboxProbotOptions(sandbox, { secret: SECRET, log })), request: { fetch: sandbox.fetch }, log, port: await freePort(), host: "127.0.0.1" });
  await server.load(createVigil({ now: () => sandbox.clock.now, env: { VIGIL_CHECK_INTERVAL: "0" } }));
  await server.start();
  const base = `http://127.0.0.1:${server.port}`;
  return { sandbox, base };
}

const signed = (name: string, payload: object) => signedDelivery(SECRET, name, payload, "d-1");

describe("the app's HTTP routes", () => {
  it(`GET ${HEALTH_PATH} answers 200 {"ok":true} without asking GitHub anything`, async () => {
    const { sandbox, base } = await start();
    const res = await fetch(`${base}${HEALTH_PATH}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect((await fetch(`${base}${HEALTH_PATH}`, { method: "POST" })).status).toBe(405);
    expect(sandbox.requests).toEqual([]);
  });

  it("without a webhook proxy, Probot's setup page registers the server's root as the webhook URL", async () => {
    // Probot reads app.yml, package.json and .env from the working directory: a copy of the first two
    // keeps a developer's own .env out of the test.
    const dir = mkdtempSync(join(tmpdir(), "vigil-setup-"));
    for (const file of ["app.yml", "package.json"]) copyFileSync(file, join(dir, file));
    vi.spyOn(process, "cwd").mockReturnValue(dir);
    vi.stubEnv("NO_SMEE_SETUP", "true");
    vi.stubEnv("WEBHOOK_PROXY_URL", "");
    const port = await freePort();
    server = await run(createVigil(), { env: { PORT: String(port), HOST: "127.0.0.1" }, log: pino({ level: "silent" }), updateEnv: () => ({}) });
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    const page = await (await fetch(`http://127.0.0.1:${port}/probot`)).text();
    const manifest = JSON.parse(/value='([^']*)'/.exec(page)?.[1] ?? "{}") as { hook_attributes?: { url?: string }; default_events?: string[] };
    expect(manifest.hook_attributes?.url).toBe(`http://127.0.0.1:${port}/`);
    expect(manifest.default_events).toContain("issues");
  });

  it("a delivery POSTed to / (the URL Probot's setup page registers without a proxy) reaches Vigil", async () => {
    const { sandbox, base } = await start();
    const issue = sandbox.addIssue(OWNER, REPO, { title: "x", body: renderFormBody(INCIDENT_FORM, answers()), labels: ["incident"], user: "bob" });
    const res = await fetch(`${base}/`, signed("issues", sandbox.payloadFor.issues("opened", OWNER, REPO, issue.number, { sender: "bob" })));
    expect(await res.text()).toBe("ok\n");
    expect(res.status).toBe(200);
    expect(sandbox.getIssue(OWNER, REPO, issue.number).assignees).toEqual(["bob"]);
  });

  it("a delivery to / with a wrong signature is refused, as at /api/github/webhooks", async () => {
    const { sandbox, base } = await start();
    const issue = sandbox.addIssue(OWNER, REPO, { title: "x", body: renderFormBody(INCIDENT_FORM, answers()), labels: ["incident"], user: "bob" });
    const request = signed("issues", sandbox.payloadFor.issues("opened", OWNER, REPO, issue.number, { sender: "bob" }));
    for (const path of ["/", "/api/github/webhooks"]) {
      const res = await fetch(`${base}${path}`, { ...request, headers: { ...request.headers, "x-hub-signature-256": "sha256=00" } });
      expect(res.status).toBe(400);
    }
    expect(sandbox.getIssue(OWNER, REPO, issue.number).assignees).toEqual([]);
  });

  it("GET / is not taken for a webhook", async () => {
    const { base } = await start();
    const res = await fetch(`${base}/`, { redirect: "manual" });
    expect(res.status).toBe(404);
  });
});
