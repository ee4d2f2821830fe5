import { describe, expect, it } from "vitest";
import { comment, createWorld, fileIncident, OWNER, PROJECT_CONFIG } from "../helpers/world.js";
import { openPull, scrutinyWorld, tick } from "../helpers/scrutiny.js";

// The numbers the README names ("API cost"). A change that adds a request to a hot path fails here
// and must update the README with a reason. Installation-token exchanges are not counted.
function calls(world: ReturnType<typeof createWorld>): string[] {
  return world.sandbox.requests
    .filter((r) => !r.route.endsWith("/access_tokens"))
    .map((r) => (r.graphqlOperation ? `${r.method} ${r.route} ${r.graphqlOperation}` : `${r.method} ${r.route}`));
}

/** A world whose process has handled one incident already: identity known, configuration cached, labels created. */
async function warm(config?: string) {
  const world = createWorld(config ? { config } : {});
  if (config === PROJECT_CONFIG) world.sandbox.addProject({ owner: OWNER, number: 7, title: "Incidents", fields: { Severity: ["Sev1"], Status: ["Investigating"] } });
  await fileIncident(world);
  world.sandbox.resetCounts();
  return world;
}

describe("API cost", () => {
  it("the first intake of a process in a new repository: 8 requests", async () => {
    const world = createWorld();
    world.sandbox.resetCounts();
    await fileIncident(world);
    expect(calls(world)).toEqual([
      "GET /repos/{owner}/{repo}/contents/{path}", // configuration (then cached)
      "GET /app", // Vigil's bot login, once per process
      "POST /graphql VigilObserveIssue",
      "GET /repos/{owner}/{repo}/assignees/{assignee}",
      "POST /repos/{owner}/{repo}/labels", // the severity label does not exist yet
      "PUT /repos/{owner}/{repo}/issues/{issue_number}/labels",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
    ]);
  });

  it("an intake: 5 requests", async () => {
    const world = await warm();
    await fileIncident(world);
    expect(calls(world)).toEqual([
      "POST /graphql VigilObserveIssue",
      "GET /repos/{owner}/{repo}/assignees/{assignee}",
      "PUT /repos/{owner}/{repo}/issues/{issue_number}/labels",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
    ]);
  });

  it("an intake with a project: 7 requests", async () => {
    const world = await warm(PROJECT_CONFIG);
    await fileIncident(world);
    expect(calls(world)).toEqual([
      "POST /graphql VigilObserveIssue",
      "GET /repos/{owner}/{repo}/assignees/{assignee}",
      "PUT /repos/{owner}/{repo}/issues/{issue_number}/labels",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees",
      "POST /graphql VigilAddItem",
      "POST /graphql VigilSetFields",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
    ]);
  });

  it("a /note: 5 requests (the evidence ledger's entry is the fifth)", async () => {
    const world = await warm();
    await comment(world, 1, "/note checked the WAF logs", "bob");
    expect(calls(world)).toEqual([
      "POST /graphql VigilObserveIssue",
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
    ]);
    // The second note appends to the ledger's comment instead of starting one.
    await comment(world, 1, "/note and the firewall's", "bob");
    expect(calls(world).slice(-5)).toEqual([
      "POST /graphql VigilObserveIssue",
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
    ]);
  });

  it("the webhook echo of Vigil's own label write: no request", async () => {
    const world = await warm();
    await world.app.receive("issues", world.sandbox.payloadFor.issues("labeled", OWNER, "incidents", 1, { sender: world.sandbox.app.botLogin, label: "severity: sev1" }));
    expect(calls(world)).toEqual([]);
  });

  it("a comment without a command: no request", async () => {
    const world = await warm();
    await comment(world, 1, "I am looking at the WAF logs now", "bob");
    expect(calls(world)).toEqual([]);
  });

  describe("top-threat scrutiny of a 10-file pull request (goal ≤ 5)", () => {
    // A server that has judged one pull request already: identity known, configuration cached, the label created.
    async function warmScrutiny() {
      const world = scrutinyWorld();
      await openPull(world, { "web/warm.tsx": "x\n" }, { branch: "warm" });
      world.sandbox.resetCounts();
      return world;
    }
    const tenFiles = (touch: boolean) =>
      Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i === 0 && touch ? "web/app/page.tsx" : `docs/page-${i}.md`, `page ${i}\n`]));

    it("touching no threat: 3 requests", async () => {
      const world = await warmScrutiny();
      await openPull(world, tenFiles(false));
      expect(calls(world)).toEqual([
        "POST /graphql VigilObservePull",
        "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
        "POST /repos/{owner}/{repo}/check-runs",
      ]);
    });

    it("touching a threat, first judgement: 6 requests, because GitHub has no write that combines these four", async () => {
      const world = await warmScrutiny();
      await openPull(world, tenFiles(true));
      expect(calls(world)).toEqual([
        "POST /graphql VigilObservePull",
        "GET /repos/{owner}/{repo}/pulls/{pull_number}/files", // patches exist only in REST
        "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
        "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
        "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
        "POST /repos/{owner}/{repo}/check-runs",
      ]);
    });

    it("a quiet scheduled check with open pull requests all judged: the candidates query reads them along, nothing more", async () => {
      const world = await warmScrutiny();
      await openPull(world, tenFiles(false), { branch: "other" });
      world.sandbox.resetCounts();
      await tick(world);
      expect(calls(world)).toEqual([
        "GET /repos/{owner}/{repo}/contents/{path}", // the CLI reads the configuration fresh
        "POST /graphql VigilViewer", // and asks who its token is
        "POST /graphql VigilCandidates",
      ]);
    });

    it("an approval by a listed reviewer: 3 requests", async () => {
      const world = scrutinyWorld();
      const n = await openPull(world, tenFiles(true));
      world.sandbox.resetCounts();
      const submitted = world.sandbox.submitReview(OWNER, "incidents", n, { user: "carol", state: "APPROVED" });
      await world.app.receive("pull_request_review", world.sandbox.payloadFor.pullRequestReview("submitted", OWNER, "incidents", n, submitted.id, { sender: "carol" }));
      expect(calls(world)).toEqual([
        "POST /graphql VigilObservePull",
        "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
        "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
      ]);
    });
  });
});
