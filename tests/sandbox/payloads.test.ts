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

describe("payloadFor.pullRequest over a post-mortem pull request's life", () => {
  function openPm() {
    const sandbox = createSandbox({ now: "2026-03-02T09:00:00Z" });
    sandbox.setPermission(ORG, REPO, "alice", "write");
    sandbox.setPermission(ORG, REPO, "bob", "write");
    sandbox.addTeam({ org: ORG, name: "SRE", repos: [REPO] });
    const first = sandbox.setFile(ORG, REPO, "postmortems/1.md", "# PM\n", { branch: "postmortem/incident-1" });
    const pr = sandbox.openPull(ORG, REPO, { title: "Post-mortem", head: "postmortem/incident-1", body: "draft", user: "vigil[bot]" });
    sandbox.addLabel(ORG, REPO, { name: "postmortem" });
    return { sandbox, pr, first };
  }

  it.each(["opened", "synchronize", "review_requested", "labeled"])("%s has every key of GitHub's example and satisfies the webhook schema", (action) => {
    const { sandbox, pr } = openPm();
    sandbox.requestReviewers(ORG, REPO, pr.number, { users: ["bob"], teams: ["sre"] });
    sandbox.getIssue(ORG, REPO, pr.number).labels.push("postmortem");
    sandbox.setFile(ORG, REPO, "postmortems/1.md", "# PM\n\nTimeline\n", { branch: "postmortem/incident-1" });
    const options = { sender: "alice", ...(action === "review_requested" ? { requestedReviewer: "bob" } : {}), ...(action === "labeled" ? { label: "postmortem" } : {}) };
    const payload = sandbox.payloadFor.pullRequest(action, ORG, REPO, pr.number, options);
    expect(missingKeys(example("pull_request", action), payload)).toEqual([]);
    expect(webhookErrors(`pull-request-${action.replace(/_/g, "-")}`, payload)).toBeUndefined();
  });

  it.each(["submitted", "dismissed"])("pull_request_review.%s satisfies the webhook schema and carries the review's head", (action) => {
    const { sandbox, pr } = openPm();
    const review = sandbox.submitReview(ORG, REPO, pr.number, { user: "bob", state: "APPROVED" });
    if (action === "dismissed") sandbox.dismissReview(ORG, REPO, pr.number, review.id);
    const payload = sandbox.payloadFor.pullRequestReview(action, ORG, REPO, pr.number, review.id, { sender: "bob" });
    expect(payload).toMatchObject({ review: { id: review.id, commit_id: sandbox.getRef(ORG, REPO, "postmortem/incident-1"), state: action === "dismissed" ? "dismissed" : "approved" } });
    expect(webhookErrors(`pull-request-review-${action}`, payload)).toBeUndefined();
  });

  it("a pull request from a fork shows the fork as its head repository", () => {
    const { sandbox } = openPm();
    const fork = sandbox.openForkPull(ORG, REPO, { forkOwner: "outsider", branch: "patch-1", files: { "a.ts": "x\n" }, title: "Fix" });
    const payload = sandbox.payloadFor.pullRequest("opened", ORG, REPO, fork.number, { sender: "outsider" }) as { pull_request: { head: { repo: { full_name: string }; label: string } } };
    expect(payload.pull_request.head.repo.full_name).toBe(`outsider/${REPO}`);
    expect(payload.pull_request.head.label).toBe("outsider:patch-1");
    expect(webhookErrors("pull-request-opened", payload)).toBeUndefined();
  });

  it("review_requested for a team carries requested_team instead of requested_reviewer", () => {
    const { sandbox, pr } = openPm();
    sandbox.requestReviewers(ORG, REPO, pr.number, { teams: ["sre"] });
    const payload = sandbox.payloadFor.pullRequest("review_requested", ORG, REPO, pr.number, { sender: "alice", requestedTeam: "sre" });
    expect(payload).toMatchObject({ requested_team: { slug: "sre", html_url: `https://github.com/orgs/${ORG}/teams/sre` } });
    expect(payload).not.toHaveProperty("requested_reviewer");
    expect(webhookErrors("pull-request-review-requested", payload)).toBeUndefined();
  });

  it("opened shows an open, unmerged pull request from the branch, with requested users and teams", () => {
    const { sandbox, pr, first } = openPm();
    sandbox.requestReviewers(ORG, REPO, pr.number, { users: ["bob"], teams: ["sre"] });
    const payload = sandbox.payloadFor.pullRequest("opened", ORG, REPO, pr.number, { sender: "vigil[bot]" });
    expect(payload).toMatchObject({
      action: "opened",
      number: pr.number,
      pull_request: {
        state: "open", merged: false, merged_at: null, draft: false, title: "Post-mortem", body: "draft",
        user: { login: "vigil[bot]", type: "Bot" },
        head: { ref: "postmortem/incident-1", sha: first, label: `${ORG}:postmortem/incident-1` },
        base: { ref: "main" },
        requested_reviewers: [{ login: "bob" }],
        requested_teams: [{ slug: "sre", name: "SRE", permission: "push" }],
        changed_files: 1, additions: 1, deletions: 0,
      },
      sender: { login: "vigil[bot]" },
      installation: { id: 1 },
    });
  });

  it("synchronize carries before and after; closed after a merge carries merged: true", () => {
    const { sandbox, pr, first } = openPm();
    const second = sandbox.setFile(ORG, REPO, "postmortems/1.md", "# PM\n\nTimeline\n", { branch: "postmortem/incident-1" });
    const sync = sandbox.payloadFor.pullRequest("synchronize", ORG, REPO, pr.number, { sender: "alice" });
    expect(sync).toMatchObject({ before: first, after: second, pull_request: { head: { sha: second } } });
    expect(sandbox.payloadFor.pullRequest("synchronize", ORG, REPO, pr.number, { sender: "alice", before: "abc" }).before).toBe("abc");
    sandbox.clock.advance(60_000);
    sandbox.mergePull(ORG, REPO, pr.number, "alice");
    const closed = sandbox.payloadFor.pullRequest("closed", ORG, REPO, pr.number, { sender: "alice" });
    expect(closed).toMatchObject({
      action: "closed",
      pull_request: { state: "closed", merged: true, merged_at: "2026-03-02T09:01:00Z", closed_at: "2026-03-02T09:01:00Z", merged_by: { login: "alice" }, head: { sha: second }, changed_files: 1 },
    });
    expect(typeof (closed.pull_request as { merge_commit_sha: unknown }).merge_commit_sha).toBe("string");
    expect(webhookErrors("pull-request-closed", closed)).toBeUndefined();
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
