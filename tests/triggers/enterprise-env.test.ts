import { createProbot } from "probot";
import { describe, expect, it } from "vitest";
import { createVigil } from "../../src/index.js";
import { main } from "../../src/cli/main.js";
import { runActions } from "../../src/triggers/actions.js";
import { SandboxProbotOctokit, sandboxProbotOptions } from "@vigil/github-sandbox";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INCIDENT_FORM, renderFormBody } from "../helpers/incident-form.js";
import { answers, NOW, optedInSandbox, OWNER, REPO } from "../helpers/world.js";

const API = "https://ghe.example.com/api/v3";

function enterprise() {
  const sandbox = optedInSandbox({ apiUrl: API });
  const issue = sandbox.addIssue(OWNER, REPO, { title: "x", body: renderFormBody(INCIDENT_FORM, answers()), labels: ["incident"], user: "bob" });
  // The sandbox answers whatever the host; this records which hosts were asked.
  const hosts = new Set<string>();
  const fetch: typeof globalThis.fetch = (input, init) => {
    hosts.add(new URL(input instanceof Request ? input.url : String(input)).host);
    return sandbox.fetch(input, init);
  };
  return { sandbox, number: issue.number, hosts, fetch };
}

describe("GitHub Enterprise Server from the environment", () => {
  it("the app talks to https://GHE_HOST/api/v3 when Probot is configured from GHE_HOST", async () => {
    const { sandbox, number, hosts, fetch } = enterprise();
    const { appId, privateKey } = sandboxProbotOptions(sandbox);
    const probot = createProbot({
      env: { APP_ID: String(appId), PRIVATE_KEY: privateKey as string, GHE_HOST: "ghe.example.com", LOG_LEVEL: "fatal" },
      overrides: { Octokit: SandboxProbotOctokit, request: { fetch } },
    });
    await probot.load(createVigil({ now: () => sandbox.clock.now, env: { VIGIL_CHECK_INTERVAL: "0" } }));
    await probot.receive({ id: "1", name: "issues", payload: sandbox.payloadFor.issues("opened", OWNER, REPO, number, { sender: "bob" }) } as Parameters<typeof probot.receive>[0]);
    expect(sandbox.getIssue(OWNER, REPO, number).assignees).toEqual(["bob"]);
    expect([...hosts]).toEqual(["ghe.example.com"]);
  });

  it("the CLI and the Actions entry honour GITHUB_API_URL", async () => {
    const { sandbox, number, hosts, fetch } = enterprise();
    const installationId = sandbox.getRepo(OWNER, REPO).installationId as number;
    const dir = mkdtempSync(join(tmpdir(), "vigil-ghe-"));
    writeFileSync(join(dir, "event.json"), JSON.stringify(sandbox.payloadFor.issues("opened", OWNER, REPO, number, { sender: "bob" })));
    const env = {
      GITHUB_TOKEN: sandbox.issueToken({ installationId }),
      GITHUB_API_URL: API,
      GITHUB_EVENT_NAME: "issues",
      GITHUB_EVENT_PATH: join(dir, "event.json"),
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      LOG_LEVEL: "fatal",
    };
    const io = { stdout: () => undefined, stderr: () => undefined, env, cwd: dir, fetch };
    expect(await runActions(io, { Octokit: SandboxProbotOctokit, now: () => sandbox.clock.now })).toBe(0);
    expect(sandbox.getIssue(OWNER, REPO, number).assignees).toEqual(["bob"]);
    expect(await main(["tick", `${OWNER}/${REPO}`, "--dry-run", "--now", NOW], io)).toBe(0);
    expect([...hosts]).toEqual(["ghe.example.com"]);
  });
});
