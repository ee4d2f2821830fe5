import { describe, expect, it } from "vitest";
import { createVigil } from "../../src/index.js";
import { INCIDENT_FORM, renderFormBody } from "../helpers/incident-form.js";
import { createTestProbot } from "@vigil/github-sandbox";
import { GitHubSandbox } from "@vigil/github-sandbox";
import { answers, CONFIG, NOW, OWNER, REPO } from "../helpers/world.js";

describe("GitHub Enterprise Server", () => {
  it("runs intake against an /api/v3 base URL, as Probot sets it from GHE_HOST", async () => {
    const sandbox = new GitHubSandbox({ now: NOW, apiUrl: "https://ghe.example.com/api/v3" });
    sandbox.addUser(OWNER, "Organization");
    sandbox.addRepo({ owner: OWNER, name: REPO, ownerType: "Organization" });
    sandbox.setPermission(OWNER, REPO, "bob", "write");
    sandbox.setFile(OWNER, REPO, ".github/incident-response.yml", CONFIG);
    const app = createTestProbot(sandbox, createVigil({ now: () => sandbox.clock.now }), { baseUrl: "https://ghe.example.com/api/v3" });
    const issue = sandbox.addIssue(OWNER, REPO, { title: "x", body: renderFormBody(INCIDENT_FORM, answers()), labels: ["incident"], user: "bob" });
    await app.receive("issues", sandbox.payloadFor.issues("opened", OWNER, REPO, issue.number, { sender: "bob" }));
    expect(sandbox.getIssue(OWNER, REPO, issue.number).assignees).toEqual(["bob"]);
    expect(sandbox.requests.length).toBeGreaterThan(0);
    expect(sandbox.requests.every((r) => !r.path.startsWith("/api/v3"))).toBe(true);
  });
});
