import { describe, expect, it } from "vitest";
import { botComments, comment, createWorld, fileIncident, issueState, OWNER, record, REPO, type World } from "../helpers/world.js";

async function declared(): Promise<{ world: World; n: number }> {
  const world = createWorld();
  const n = await fileIncident(world);
  return { world, n };
}

function reactions(world: World, n: number, commentId: number): string[] {
  const found = world.sandbox.listComments(OWNER, REPO, n).find((c) => c.id === commentId);
  return (found?.reactions ?? []).map((r) => `${r.user}:${r.content}`);
}

describe("commands: severity", () => {
  it("/severity sev0 swaps the label, updates the record, pages the Security Officer and teams", async () => {
    const { world, n } = await declared();
    const id = await comment(world, n, "/severity sev0 customer records were read", "bob");
    expect(issueState(world, n).labels).toEqual(["incident", "severity: sev0"]);
    expect(record(world, n)).toContain("**Sev0**");
    expect(record(world, n)).toContain("severity Sev1 → Sev0 by bob: customer records were read");
    const [reply] = botComments(world, n, "command-reply");
    expect(reply?.body).toContain("@erin");
    expect(reply?.body).toContain("@acme/security");
    expect(reactions(world, n, id)).toEqual([`${world.sandbox.app.botLogin}:+1`]);
  });

  it("swaps the labels in one request (never two severities, never none)", async () => {
    const { world, n } = await declared();
    world.sandbox.resetCounts();
    await comment(world, n, "/severity sev2", "bob");
    const labelWrites = world.sandbox.requests.filter((r) => r.route.startsWith("/repos/{owner}/{repo}/issues/{issue_number}/labels") && r.method !== "GET");
    expect(labelWrites.map((r) => r.method)).toEqual(["PUT"]);
    expect(botComments(world, n, "command-reply")).toHaveLength(0);
  });
});

describe("commands: status, notes, responder, escalation", () => {
  it("/status mitigating then /status resolved closes the issue as completed", async () => {
    const { world, n } = await declared();
    await comment(world, n, "/status mitigating", "alice");
    expect(record(world, n)).toContain("| Status | Mitigating |");
    await comment(world, n, "/status resolved", "alice");
    const { issue } = issueState(world, n);
    expect(issue.state).toBe("closed");
    expect(issue.stateReason).toBe("completed");
    expect(record(world, n)).toContain("| Status | Resolved |");
  });

  it("/note adds a timestamped timeline entry and keeps the comment itself", async () => {
    const { world, n } = await declared();
    world.sandbox.clock.now = "2026-11-23T19:15:00Z";
    await comment(world, n, "/note rotated the DB credentials\nand blocked 203.0.113.9 at the edge", "carol");
    const body = record(world, n);
    expect(body).toMatch(/2026-11-23 11:15 PST — note by carol: rotated the DB credentials and blocked 203\.0\.113\.9 at the edge/);
    expect(world.sandbox.listComments(OWNER, REPO, n).some((c) => c.body.includes("/note rotated"))).toBe(true);
  });

  it("/responder hands over: new assignee, old one removed", async () => {
    const { world, n } = await declared();
    await comment(world, n, "/responder @dave", "bob");
    expect(issueState(world, n).assignees).toEqual(["dave"]);
    expect(record(world, n)).toContain("| Primary responder | dave |");
  });

  it("/escalate twice walks primary → backup → Security Officer, then says there is nobody further", async () => {
    const { world, n } = await declared();
    await comment(world, n, "/escalate bob is in the air", "alice");
    expect(issueState(world, n).assignees).toEqual(["carol"]);
    await comment(world, n, "/escalate", "alice");
    expect(issueState(world, n).assignees).toEqual(["erin"]);
    expect(record(world, n)).toContain("escalated from carol to erin by alice");
    await comment(world, n, "/escalate", "alice");
    expect(issueState(world, n).assignees).toEqual(["erin"]);
    const replies = botComments(world, n, "command-reply");
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toContain("last in the escalation chain");
  });

  it("runs several commands of one comment in order; ignores code blocks and quotes", async () => {
    const { world, n } = await declared();
    await comment(world, n, ["/status mitigating", "```", "/severity emergency", "```", "> /responder @mallory", "", "/severity sev2 contained to staging"].join("\n"), "bob");
    expect(issueState(world, n)).toMatchObject({ labels: ["incident", "severity: sev2"], assignees: ["bob"] });
    const body = record(world, n);
    expect(body).toContain("| Status | Mitigating |");
    expect(body.indexOf("status Investigating → Mitigating")).toBeLessThan(body.indexOf("severity Sev1 → Sev2"));
  });

  it("answers /help and malformed commands with the help", async () => {
    const { world, n } = await declared();
    await comment(world, n, "/help", "bob");
    await comment(world, n, "/severity sev9", "bob");
    const replies = botComments(world, n, "command-reply").map((c) => c.body);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain("/responder");
    expect(replies[1]).toContain("sev9");
    expect(replies[1]).toContain("/help");
    expect(issueState(world, n).labels).toEqual(["incident", "severity: sev1"]);
  });

  it("answers an unknown command with what was probably meant", async () => {
    const { world, n } = await declared();
    await comment(world, n, "/sevrity sev0", "bob");
    const [reply] = botComments(world, n, "command-reply");
    expect(reply?.body).toContain("/severity");
    expect(reply?.body).toContain("/help");
    expect(issueState(world, n).labels).toEqual(["incident", "severity: sev1"]);
  });

  it("ignores ordinary discussion without any API call", async () => {
    const { world, n } = await declared();
    world.sandbox.resetCounts();
    await comment(world, n, "Looking at the logs now; /var/log/auth.log has gaps.", "bob");
    expect(world.sandbox.countRequests()).toBe(0);
  });
});

describe("commands: permissions and idempotence", () => {
  it("refuses a read-only user politely and changes nothing", async () => {
    const { world, n } = await declared();
    const before = record(world, n);
    const id = await comment(world, n, "/severity emergency", "mallory");
    expect(issueState(world, n)).toMatchObject({ labels: ["incident", "severity: sev1"], assignees: ["bob"] });
    // Only the hidden marker notes that the comment was refused (so a later permission change cannot
    // make it count); everything a person reads is as it was.
    const visible = (body: string) => body.split("\n").slice(1).join("\n");
    expect(visible(record(world, n))).toBe(visible(before));
    const [reply] = botComments(world, n, "command-reply");
    expect(reply?.body).toContain("only people with write, maintain or admin permission");
    expect(reactions(world, n, id)).toEqual([]);
  });

  it("a refused user's command does not count later either", async () => {
    const { world, n } = await declared();
    await comment(world, n, "/severity emergency", "mallory");
    await comment(world, n, "/note checked", "bob");
    expect(issueState(world, n).labels).toEqual(["incident", "severity: sev1"]);
    expect(record(world, n)).not.toContain("Emergency →");
  });

  it("a redelivered command comment posts no second reply", async () => {
    const { world, n } = await declared();
    const created = world.sandbox.addComment(OWNER, REPO, n, "/help", "bob");
    const payload = world.sandbox.payloadFor.issueComment("created", OWNER, REPO, created.id, { sender: "bob" });
    await world.app.receive("issue_comment", payload, "d-1");
    await world.app.receive("issue_comment", payload, "d-1");
    expect(botComments(world, n, "command-reply")).toHaveLength(1);
  });

  it("a command whose webhook was dropped is counted the next time anything runs", async () => {
    const { world, n } = await declared();
    world.sandbox.addComment(OWNER, REPO, n, "/note dropped delivery note", "alice");
    world.sandbox.clock.now = "2026-11-23T18:30:00Z";
    await comment(world, n, "/status mitigating", "bob");
    expect(record(world, n)).toContain("note by alice: dropped delivery note");
  });

  it("two commands handled at once converge on one record with both", async () => {
    const { world, n } = await declared();
    const a = world.sandbox.addComment(OWNER, REPO, n, "/severity sev0", "alice");
    const b = world.sandbox.addComment(OWNER, REPO, n, "/note paged the DBA", "bob");
    await Promise.all([
      world.app.receive("issue_comment", world.sandbox.payloadFor.issueComment("created", OWNER, REPO, a.id, { sender: "alice" })),
      world.app.receive("issue_comment", world.sandbox.payloadFor.issueComment("created", OWNER, REPO, b.id, { sender: "bob" })),
    ]);
    const body = record(world, n);
    expect(body).toContain("severity Sev1 → Sev0 by alice");
    expect(body).toContain("note by bob: paged the DBA");
  });

  it("keeps checklist ticks a responder made in the record", async () => {
    const { world, n } = await declared();
    const rec = botComments(world, n, "incident-record")[0]!;
    rec.body = rec.body.replace("- [ ] Quarantine affected servers", "- [x] Quarantine affected servers");
    await comment(world, n, "/status mitigating", "bob");
    expect(record(world, n)).toContain("- [x] Quarantine affected servers");
  });
});

describe("commands: assignment GitHub refuses", () => {
  it("/responder for someone without access records the hand-over and says why they are not assigned", async () => {
    const { world, n } = await declared();
    await comment(world, n, "/responder @stranger", "bob");
    expect(issueState(world, n).assignees).toEqual(["bob"]);
    const [reply] = botComments(world, n, "command-reply");
    expect(reply?.body).toContain("stranger could not be assigned");
    expect(record(world, n)).toContain("| Primary responder | stranger (not assigned: GitHub only assigns people with access to this repository) |");
  });
});
