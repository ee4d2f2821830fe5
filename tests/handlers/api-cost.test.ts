import { describe, expect, it } from "vitest";
import { comment, createWorld, fileIncident, OWNER, PROJECT_CONFIG } from "./world.js";

// The numbers the README names ("API cost"). A change that adds a request to a hot path fails here
// and must update the README with a reason.
function calls(world: ReturnType<typeof createWorld>): string[] {
  return world.sandbox.requests
    .filter((r) => !r.route.endsWith("/access_tokens"))
    .map((r) => (r.graphqlOperation ? `${r.method} ${r.route} ${r.graphqlOperation}` : `${r.method} ${r.route}`));
}

describe("API cost", () => {
  it("a normal intake without a project makes 9 requests", async () => {
    const world = createWorld();
    world.sandbox.resetCounts();
    await fileIncident(world);
    expect(calls(world)).toEqual([
      "GET /repos/{owner}/{repo}/contents/{path}",
      "GET /repos/{owner}/{repo}/issues/{issue_number}",
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "GET /repos/{owner}/{repo}/contents/{path}",
      "POST /repos/{owner}/{repo}/labels",
      "PUT /repos/{owner}/{repo}/issues/{issue_number}/labels",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    ]);
  });

  it("a normal intake with a project makes 13 requests", async () => {
    const world = createWorld({ config: PROJECT_CONFIG });
    world.sandbox.addProject({ owner: OWNER, number: 7, title: "Incidents", fields: { Severity: ["Sev1"], Status: ["Investigating"] } });
    world.sandbox.resetCounts();
    await fileIncident(world);
    expect(calls(world)).toHaveLength(13);
  });

  it("a /note makes 6 requests", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    world.sandbox.resetCounts();
    await comment(world, n, "/note checked the WAF logs", "bob");
    expect(calls(world)).toEqual([
      "GET /repos/{owner}/{repo}/contents/{path}",
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
      "GET /repos/{owner}/{repo}/issues/{issue_number}",
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
    ]);
  });
});
