import { createRequire } from "node:module";
import type { WebhookDefinition } from "@octokit/webhooks-examples";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@vigil/github-sandbox/internals";
import type { JsonSchema } from "@vigil/github-sandbox/internals";
import { describeErrors, validatorFor } from "@vigil/github-sandbox/internals";
import type { FixtureName } from "../helpers/fixtures.js";
import { deepMerge, loadFixture } from "../helpers/fixtures.js";
import { ORG, REPO, createSandbox } from "../helpers/sandbox.js";

type Json = Record<string, unknown>;

// The package's main is a JSON file; require keeps the runtime value and the declared type in agreement.
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as WebhookDefinition[];

function example(event: string, action: string): Json {
  const group = examples.find((e) => e.name === event);
  const candidates = ((group?.examples ?? []) as unknown as Json[]).filter((e) => e.action === action);
  const found = candidates.find((e) => "organization" in e) ?? candidates[0];
  if (!found) throw new Error(`no example for ${event}.${action}`);
  return found;
}

// Objects whose keys are data (an app's permission set), not shape.
const DATA_KEYED = new Set([".installation.permissions"]);

// Every key GitHub's example has (recursively, first array element) must exist in ours.
function missingKeys(reference: unknown, actual: unknown, path = ""): string[] {
  if (DATA_KEYED.has(path)) return [];
  if (Array.isArray(reference)) {
    return Array.isArray(actual) && reference.length > 0 && actual.length > 0 ? missingKeys(reference[0], actual[0], `${path}[0]`) : [];
  }
  if (reference === null || typeof reference !== "object" || actual === null || typeof actual !== "object") return [];
  return Object.entries(reference).flatMap(([key, value]) =>
    key in actual ? missingKeys(value, (actual as Json)[key], `${path}.${key}`) : [`${path}.${key}`],
  );
}

function webhookErrors(name: string, payload: unknown): string | undefined {
  const hooks = (openApiDocument() as unknown as { "x-webhooks": Record<string, { post: { requestBody: { content: Record<string, { schema: JsonSchema }> } } }> })["x-webhooks"];
  const schema = hooks[name]?.post.requestBody.content["application/json"]?.schema;
  if (!schema) throw new Error(`no webhook schema ${name}`);
  const validate = validatorFor(`webhook:${name}`, schema);
  return validate(payload) ? undefined : describeErrors(validate.errors);
}

function arranged() {
  const sandbox = createSandbox({ now: "2026-03-02T09:00:00Z" });
  sandbox.setPermission(ORG, REPO, "alice", "write");
  sandbox.addLabel(ORG, REPO, { name: "incident", color: "b60205" });
  const milestone = sandbox.addMilestone(ORG, REPO, { title: "Review" });
  sandbox.addIssue(ORG, REPO, { title: "Breach", body: "details", user: "alice", labels: ["incident"], assignees: ["alice"], milestone: milestone.number });
  const comment = sandbox.addComment(ORG, REPO, 1, "/severity sev1", "alice");
  sandbox.setFile(ORG, REPO, "pm.md", "# PM", { branch: "pm" });
  sandbox.openPull(ORG, REPO, { title: "Post-mortem", head: "pm", user: "alice" });
  sandbox.mergePull(ORG, REPO, 2, "alice");
  return { sandbox, commentId: comment.id };
}

describe("payloadFor", () => {
  const cases: [string, string, string, (s: ReturnType<typeof arranged>) => Json][] = [
    ["issues", "opened", "issues-opened", ({ sandbox }) => sandbox.payloadFor.issues("opened", ORG, REPO, 1, { sender: "alice" })],
    ["issues", "labeled", "issues-labeled", ({ sandbox }) => sandbox.payloadFor.issues("labeled", ORG, REPO, 1, { sender: "alice", label: "incident" })],
    ["issues", "edited", "issues-edited", ({ sandbox }) => sandbox.payloadFor.issues("edited", ORG, REPO, 1, { sender: "alice", changes: { body: { from: "old" } } })],
    ["issue_comment", "created", "issue-comment-created", ({ sandbox, commentId }) => sandbox.payloadFor.issueComment("created", ORG, REPO, commentId, { sender: "alice" })],
    ["pull_request", "closed", "pull-request-closed", ({ sandbox }) => sandbox.payloadFor.pullRequest("closed", ORG, REPO, 2, { sender: "alice" })],
    ["installation", "created", "installation-created", ({ sandbox }) => sandbox.payloadFor.installation("created", 1, { sender: "alice" })],
  ];

  it.each(cases)("%s.%s has every key of GitHub's example and satisfies the webhook schema", (event, action, hook, build) => {
    const payload = build(arranged());
    expect(missingKeys(example(event, action), payload)).toEqual([]);
    expect(webhookErrors(hook, payload)).toBeUndefined();
  });

  it("issues.closed reflects state_reason and closed_at from state", () => {
    const { sandbox } = arranged();
    sandbox.clock.advance(60_000);
    const issue = sandbox.addIssue(ORG, REPO, { title: "dup", state: "closed", stateReason: "duplicate" });
    const payload = sandbox.payloadFor.issues("closed", ORG, REPO, issue.number, { sender: "alice" });
    expect(payload.issue).toMatchObject({ state: "closed", state_reason: "duplicate", closed_at: "2026-03-02T09:01:00Z" });
    expect(payload.installation).toEqual({ id: 1, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" });
    expect(webhookErrors("issues-closed", payload)).toBeUndefined();
  });

  it("pull_request.closed shows the merge", () => {
    const payload = arranged().sandbox.payloadFor.pullRequest("closed", ORG, REPO, 2, { sender: "alice" });
    expect(payload).toMatchObject({ number: 2, pull_request: { merged: true, merged_by: { login: "alice" }, head: { ref: "pm" }, base: { ref: "main" } } });
  });
});

describe("fixtures", () => {
  const names: FixtureName[] = ["issues.opened", "issues.labeled", "issues.edited", "issues.closed", "issue_comment.created", "pull_request.closed", "installation.created"];

  it.each(names)("%s is a complete GitHub payload for its event", (name) => {
    const fixture = loadFixture(name);
    const [event, action] = name.split(".") as [string, string];
    expect(fixture.action).toBe(action);
    expect(webhookErrors(`${event.replace(/_/g, "-")}-${action}`, fixture)).toBeUndefined();
    if (event !== "installation") expect(fixture.installation).toMatchObject({ id: 1 });
  });

  it("applies deep overrides without touching siblings", () => {
    const fixture = loadFixture("issues.opened", { issue: { number: 5, labels: [] } });
    const issue = fixture.issue as Json;
    expect([issue.number, issue.labels, issue.title]).toEqual([5, [], "Spelling error in the README file"]);
    expect(deepMerge({ a: { b: 1, c: 2 } }, { a: { c: 3 } })).toEqual({ a: { b: 1, c: 3 } });
  });
});
