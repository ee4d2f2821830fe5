// The post-mortem lifecycle through the real app (SPEC 2.3), across simulated days in the sandbox.
import { describe, expect, it } from "vitest";
import { decodeMarker } from "../../src/markers/codec.js";
import { tickAt } from "../helpers/cli.js";
import { comment, CONFIG, createWorld, fileIncident, OWNER, REPO, type World } from "../helpers/world.js";
import { createTestOctokit } from "@vigil/github-sandbox";

const PM_CONFIG = `${CONFIG}postmortem: { reviewers: [carol, "@acme/security"] }\n`;

const tick = tickAt;

function vigilComments(world: World, number: number, kind: string) {
  return world.sandbox.listComments(OWNER, REPO, number).filter((c) => c.user === world.sandbox.app.botLogin && decodeMarker(c.body)?.kind === kind);
}

/** Declared Monday 2026-11-23, resolved with /status resolved on Wednesday 2026-11-25 (before Thanksgiving). */
async function resolved(): Promise<{ world: World; n: number; pr: number }> {
  const world = createWorld({ config: PM_CONFIG });
  const n = await fileIncident(world);
  await comment(world, n, "/note blocked the host at the edge", "bob");
  world.sandbox.clock.now = "2026-11-25T19:00:00Z"; // 11:00 in Los Angeles
  await comment(world, n, "/status resolved", "bob");
  const [link] = vigilComments(world, n, "postmortem-link");
  const pr = (decodeMarker(link!.body)!.data as { pr: number }).pr;
  return { world, n, pr };
}

describe("opening the post-mortem", () => {
  it("/status resolved opens one pull request: branch, file, label, reviewers, due date across the holiday; the incident links it", async () => {
    const { world, n, pr } = await resolved();
    const pull = world.sandbox.getIssue(OWNER, REPO, pr);
    expect(pull.pull?.head).toBe(`postmortem/incident-${n}`);
    expect(pull.title).toBe(`Post-mortem: [Incident] Outbound traffic from db-1 (#${n})`);
    expect(pull.labels).toEqual(["postmortem"]);
    expect(pull.body).toContain("2026-12-02");
    expect(pull.body).toMatch(/Thanksgiving/);
    const file = world.sandbox.getFile(OWNER, REPO, `postmortems/2026-11-23-incident-${n}.md`, { ref: `postmortem/incident-${n}` });
    expect(file).toContain("blocked the host at the edge");
    expect(vigilComments(world, n, "postmortem-link")).toHaveLength(1);
  });

  it("a second check, and the same webhook again, change nothing", async () => {
    const { world, n } = await resolved();
    world.sandbox.resetCounts();
    await tick(world);
    await world.app.receive("issues", world.sandbox.payloadFor.issues("closed", OWNER, REPO, n, { sender: "bob" }));
    const writes = world.sandbox.requests.filter((r) => r.method !== "GET" && !/^Vigil(Viewer|Observe|Candidates|ReviewIssues|ReadFile)/.test(r.graphqlOperation ?? "") && !r.route.endsWith("/access_tokens"));
    expect(writes).toEqual([]);
  });

  it("a close whose webhook never arrived gets its post-mortem from the next check", async () => {
    const world = createWorld({ config: PM_CONFIG });
    const n = await fileIncident(world);
    // Closed as a person would, but the webhook is lost.
    world.sandbox.clock.now = "2026-11-25T19:00:00Z";
    await createTestOctokit(world.sandbox, { login: "erin" }).rest.issues.update({ owner: OWNER, repo: REPO, issue_number: n, state: "closed", state_reason: "completed" });
    await tick(world, "2026-11-25T19:00:00Z");
    expect(vigilComments(world, n, "postmortem-link")).toHaveLength(1);
  });

  it("/postmortem opens it before resolution, without a due date", async () => {
    const world = createWorld({ config: PM_CONFIG });
    const n = await fileIncident(world);
    await comment(world, n, "/postmortem", "bob");
    const [link] = vigilComments(world, n, "postmortem-link");
    const pr = (decodeMarker(link!.body)!.data as { pr: number }).pr;
    expect(world.sandbox.getIssue(OWNER, REPO, pr).body).toMatch(/after the incident is resolved/);
  });
});

describe("the deadline", () => {
  it("reminds one working day before, then nudges on each working day overdue, never on the weekend, until merged", async () => {
    const { world, pr } = await resolved();
    await tick(world, "2026-12-01T17:00:00Z"); // Tuesday: the day before the due date
    expect(vigilComments(world, pr, "postmortem-reminder")).toHaveLength(1);
    await tick(world, "2026-12-02T17:00:00Z"); // due today: nothing yet
    expect(vigilComments(world, pr, "overdue")).toHaveLength(0);
    await tick(world, "2026-12-03T17:00:00Z"); // Thursday: overdue
    await tick(world, "2026-12-03T20:00:00Z"); // again the same day: no second nudge
    expect(vigilComments(world, pr, "overdue")).toHaveLength(1);
    expect(world.sandbox.getIssue(OWNER, REPO, pr).labels).toContain("overdue");
    await tick(world, "2026-12-04T17:00:00Z"); // Friday
    await tick(world, "2026-12-05T17:00:00Z"); // Saturday: no nudge
    await tick(world, "2026-12-06T17:00:00Z"); // Sunday: no nudge
    await tick(world, "2026-12-07T17:00:00Z"); // Monday
    const nudges = vigilComments(world, pr, "overdue");
    expect(nudges).toHaveLength(3);
    expect(nudges[0]!.body).toContain("@erin");
  });

  it("on merge: overdue removed, the incident hears how late, and a review issue is filed", async () => {
    const { world, n, pr } = await resolved();
    await tick(world, "2026-12-03T17:00:00Z");
    world.sandbox.mergePull(OWNER, REPO, pr, "alice");
    await world.app.receive("pull_request", world.sandbox.payloadFor.pullRequest("closed", OWNER, REPO, pr, { sender: "alice" }));
    expect(world.sandbox.getIssue(OWNER, REPO, pr).labels).not.toContain("overdue");
    const [merged] = vigilComments(world, n, "postmortem-merged");
    expect(merged?.body).toMatch(/1 working day late/);
    const review = world.sandbox.getIssue(OWNER, REPO, pr + 1);
    expect(review.labels).toEqual(["postmortem-review"]);
    expect(review.title).toContain("Post-mortem review");
    expect(review.assignees).toEqual(["bob"]);
    expect(merged?.body).toContain(`#${review.number}`);
    // Nothing more to do, now or at the next check.
    world.sandbox.resetCounts();
    await tick(world);
    expect(world.sandbox.requests.filter((r) => r.method !== "GET" && !/^Vigil(Viewer|Observe|Candidates|ReviewIssues|ReadFile)/.test(r.graphqlOperation ?? "") && !r.route.endsWith("/access_tokens"))).toEqual([]);
  });

  it("the review issue is reminded when due and marked overdue when left open past it", async () => {
    const { world, pr } = await resolved();
    world.sandbox.clock.now = "2026-11-30T18:00:00Z";
    world.sandbox.mergePull(OWNER, REPO, pr, "alice");
    await tick(world);
    const review = pr + 1;
    await tick(world, "2026-12-28T18:00:00Z"); // four weeks after the merge: due today
    expect(vigilComments(world, review, "review-due")).toHaveLength(1);
    expect(vigilComments(world, review, "overdue")).toHaveLength(0);
    await tick(world, "2026-12-29T18:00:00Z");
    expect(world.sandbox.getIssue(OWNER, REPO, review).labels).toContain("overdue");
    expect(vigilComments(world, review, "overdue")).toHaveLength(1);
  });

  it("a not-planned close gets no post-mortem unless configured", async () => {
    const world = createWorld({ config: PM_CONFIG });
    const n = await fileIncident(world);
    await createTestOctokit(world.sandbox, { login: "erin" }).rest.issues.update({ owner: OWNER, repo: REPO, issue_number: n, state: "closed", state_reason: "not_planned" });
    await tick(world);
    expect(vigilComments(world, n, "postmortem-link")).toHaveLength(0);
    const configured = createWorld({ config: `${CONFIG}postmortem: { forNotPlanned: true }\n` });
    const m = await fileIncident(configured);
    await createTestOctokit(configured.sandbox, { login: "erin" }).rest.issues.update({ owner: OWNER, repo: REPO, issue_number: m, state: "closed", state_reason: "not_planned" });
    await tick(configured);
    expect(vigilComments(configured, m, "postmortem-link")).toHaveLength(1);
  });

  it("a pull request closed unmerged does not stop the clock", async () => {
    const { world, pr } = await resolved();
    world.sandbox.closePull(OWNER, REPO, pr, "mallory");
    await tick(world, "2026-12-03T17:00:00Z");
    expect(vigilComments(world, pr, "overdue")).toHaveLength(1);
  });
});

describe("/comms and /plan", () => {
  it("/plan copies the plan's task list once; again says it is attached; an unknown plan lists those that exist", async () => {
    const world = createWorld({ config: PM_CONFIG });
    world.sandbox.setFile(OWNER, REPO, ".github/incident-plans/ransomware.md", "# Ransomware\n\n- [ ] Isolate affected hosts\n- [ ] Check backups are intact\n  - [ ] Offline copies too\n");
    const n = await fileIncident(world);
    await comment(world, n, "/plan Ransomware", "bob");
    const [checklist] = vigilComments(world, n, "plan-checklist");
    expect(checklist?.body).toContain("- [ ] Isolate affected hosts");
    expect(checklist?.body).toContain("  - [ ] Offline copies too");
    await comment(world, n, "/plan ransomware", "bob");
    expect(vigilComments(world, n, "plan-checklist")).toHaveLength(1);
    await comment(world, n, "/plan lost laptop", "bob");
    const replies = vigilComments(world, n, "command-reply").map((c) => c.body);
    expect(replies.some((b) => b.includes("already attached"))).toBe(true);
    expect(replies.some((b) => b.includes("ransomware") && b.includes("lost laptop"))).toBe(true);
  });

  it("/comms is acknowledged and lands verbatim in the post-mortem's communications", async () => {
    const world = createWorld({ config: PM_CONFIG });
    const n = await fileIncident(world);
    const id = await comment(world, n, "/comms Acme Health (partner) — We are investigating unusual traffic; no patient data is known to be affected.\nNext update at 17:00.", "carol");
    const reactions = world.sandbox.listComments(OWNER, REPO, n).find((c) => c.id === id)?.reactions ?? [];
    expect(reactions.map((r) => r.content)).toEqual(["+1"]);
    await comment(world, n, "/status resolved", "bob");
    const file = world.sandbox.getFile(OWNER, REPO, `postmortems/2026-11-23-incident-${n}.md`, { ref: `postmortem/incident-${n}` }) ?? "";
    expect(file).toContain("Acme Health (partner)");
    expect(file).toContain("We are investigating unusual traffic; no patient data is known to be affected.\nNext update at 17:00.");
  });
});

describe("robustness", () => {
  it("the same resolving delivery three times at once opens one pull request", async () => {
    const world = createWorld({ config: PM_CONFIG });
    const n = await fileIncident(world);
    const c = world.sandbox.addComment(OWNER, REPO, n, "/status resolved", "bob");
    const payload = world.sandbox.payloadFor.issueComment("created", OWNER, REPO, c.id, { sender: "bob" });
    await Promise.all([1, 2, 3].map(() => world.app.receive("issue_comment", payload, "same-delivery")));
    expect(vigilComments(world, n, "postmortem-link")).toHaveLength(1);
    expect(world.sandbox.getIssue(OWNER, REPO, n + 1).pull).not.toBeNull();
    expect(() => world.sandbox.getIssue(OWNER, REPO, n + 2)).toThrow();
  });

  it("two checks racing open one pull request", async () => {
    const world = createWorld({ config: PM_CONFIG });
    const n = await fileIncident(world);
    await createTestOctokit(world.sandbox, { login: "erin" }).rest.issues.update({ owner: OWNER, repo: REPO, issue_number: n, state: "closed", state_reason: "completed" });
    await Promise.all([tick(world), tick(world)]);
    const links = vigilComments(world, n, "postmortem-link");
    expect(links.length).toBeGreaterThanOrEqual(1);
    const prs = new Set(links.map((l) => (decodeMarker(l.body)!.data as { pr: number }).pr));
    expect(prs.size).toBe(1);
    await tick(world);
    expect(vigilComments(world, n, "postmortem-link")).toHaveLength(1);
  });

  it("a file PUT GitHub applied but answered 502 still ends in one pull request with the file", async () => {
    const world = createWorld({ config: PM_CONFIG });
    const n = await fileIncident(world);
    world.sandbox.injectFault({ kind: "server-error", method: "PUT", route: "/repos/{owner}/{repo}/contents/{path}", applied: true, times: 4 });
    await comment(world, n, "/status resolved", "bob");
    await tick(world);
    expect(vigilComments(world, n, "postmortem-link")).toHaveLength(1);
    expect(world.sandbox.getFile(OWNER, REPO, `postmortems/2026-11-23-incident-${n}.md`, { ref: `postmortem/incident-${n}` })).toContain("Post-mortem");
  });

  it("an incident with 300 comments gets a whole document", async () => {
    const world = createWorld({ config: PM_CONFIG });
    const n = await fileIncident(world);
    for (let i = 0; i < 300; i++) world.sandbox.addComment(OWNER, REPO, n, `finding ${i}: ${"detail ".repeat(20)}`, i % 2 ? "alice" : "carol");
    await comment(world, n, "/status resolved", "bob");
    const file = world.sandbox.getFile(OWNER, REPO, `postmortems/2026-11-23-incident-${n}.md`, { ref: `postmortem/incident-${n}` }) ?? "";
    for (const i of [0, 150, 299]) expect(file).toContain(`finding ${i}:`);
    const pr = world.sandbox.getIssue(OWNER, REPO, n + 1);
    expect((pr.body ?? "").length).toBeLessThan(65_536);
  });
});

describe("deadline moves and on-time merges", () => {
  it("merged on the due day is on time", async () => {
    const { world, n, pr } = await resolved();
    world.sandbox.clock.now = "2026-12-02T22:00:00Z"; // 14:00 on the due day in Los Angeles
    world.sandbox.mergePull(OWNER, REPO, pr, "alice");
    await world.app.receive("pull_request", world.sandbox.payloadFor.pullRequest("closed", OWNER, REPO, pr, { sender: "alice" }));
    const [merged] = vigilComments(world, n, "postmortem-merged");
    expect(merged?.body).toMatch(/agreed on 2026-12-02, on time/);
  });

  it("reopening and resolving again moves the due date stated on the pull request", async () => {
    const { world, n, pr } = await resolved();
    const octokit = createTestOctokit(world.sandbox, { login: "erin" });
    world.sandbox.clock.now = "2026-11-30T18:00:00Z";
    await octokit.rest.issues.update({ owner: OWNER, repo: REPO, issue_number: n, state: "open" });
    await tick(world);
    expect(world.sandbox.getIssue(OWNER, REPO, pr).body).toMatch(/after the incident is resolved/);
    world.sandbox.clock.now = "2026-12-03T18:00:00Z"; // resolved again on Thursday
    await octokit.rest.issues.update({ owner: OWNER, repo: REPO, issue_number: n, state: "closed", state_reason: "completed" });
    await tick(world);
    expect(world.sandbox.getIssue(OWNER, REPO, pr).body).toContain("2026-12-08");
    expect(vigilComments(world, n, "postmortem-link")).toHaveLength(1);
  });
});

describe("response plan changes", () => {
  it("a post-mortem that also edits a response plan asks plans.reviewers, once", async () => {
    const world = createWorld({ config: `${PM_CONFIG}plans: { reviewers: [dave] }\n` });
    const n = await fileIncident(world);
    await comment(world, n, "/status resolved", "bob");
    const pr = n + 1;
    world.sandbox.setFile(OWNER, REPO, ".github/incident-plans/ransomware.md", "- [ ] Isolate hosts\n- [ ] Rotate keys\n", { branch: `postmortem/incident-${n}` });
    await world.app.receive("pull_request", world.sandbox.payloadFor.pullRequest("synchronize", OWNER, REPO, pr, { sender: "alice" }));
    await tick(world);
    expect(vigilComments(world, pr, "plan-review")).toHaveLength(1);
    expect(world.sandbox.getIssue(OWNER, REPO, pr).pull?.requestedReviewers).toContain("dave");
  });
});

describe("duplicates left by racing replicas", () => {
  it("a second review issue for the same incident is closed as not planned; the oldest stays", async () => {
    const { world, pr } = await resolved();
    world.sandbox.clock.now = "2026-11-30T18:00:00Z";
    world.sandbox.mergePull(OWNER, REPO, pr, "alice");
    await tick(world);
    const first = world.sandbox.getIssue(OWNER, REPO, pr + 1);
    const copy = world.sandbox.addIssue(OWNER, REPO, { title: first.title, body: first.body ?? "", labels: ["postmortem-review"], user: world.sandbox.app.botLogin });
    await tick(world);
    expect(world.sandbox.getIssue(OWNER, REPO, copy.number)).toMatchObject({ state: "closed", stateReason: "not_planned" });
    expect(world.sandbox.getIssue(OWNER, REPO, first.number).state).toBe("open");
  });
});

describe("long discussions", () => {
  it("a pull request with 150 comments still gets one nudge a day (every page of comments is read)", async () => {
    const { world, pr } = await resolved();
    for (let i = 0; i < 150; i++) world.sandbox.addComment(OWNER, REPO, pr, `review comment ${i}`, i % 2 ? "alice" : "carol");
    await tick(world, "2026-12-03T17:00:00Z"); // the nudge is comment 152: on the second page
    world.sandbox.resetCounts();
    await tick(world, "2026-12-03T20:00:00Z");
    expect(world.sandbox.countRequests({ graphqlOperation: "VigilMoreComments" })).toBeGreaterThan(0);
    expect(vigilComments(world, pr, "overdue")).toHaveLength(1);
  });
});
