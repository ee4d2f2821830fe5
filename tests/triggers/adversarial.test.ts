// The ten ways the handlers before the engine broke, each tried through the real Probot app
// against the sandbox (issue: "One engine for every trigger").
import { describe, expect, it } from "vitest";
import { answers, botComments, comment, CONFIG, createWorld, fileIncident, issueState, OWNER, record, REPO } from "../helpers/world.js";

const deliverComment = (world: ReturnType<typeof createWorld>, id: number, user: string, delivery?: string) =>
  world.app.receive("issue_comment", world.sandbox.payloadFor.issueComment("created", OWNER, REPO, id, { sender: user }), delivery);

describe("1. U+2028 / U+2029 in a form field", () => {
  it("a redelivery posts no second record and later commands still run", async () => {
    const world = createWorld();
    const n = await fileIncident(world, answers({ summary: "line\u2028separator\u2029paragraph", systems: "db\u2028-1" }));
    await world.app.receive("issues", world.sandbox.payloadFor.issues("opened", OWNER, REPO, n, { sender: "reporter" }));
    expect(botComments(world, n, "incident-record")).toHaveLength(1);
    await comment(world, n, "/severity sev2", "bob");
    expect(issueState(world, n).labels).toContain("severity: sev2");
    expect(record(world, n)).not.toMatch(/[\u2028\u2029]/);
  });
});

describe("2. bodies within GitHub's 65,536 characters", () => {
  it("a 200,000-character summary gives a record within the limit that says where the rest is", async () => {
    const world = createWorld();
    const n = await fileIncident(world, answers({ summary: "x".repeat(200_000) }));
    expect(record(world, n).length).toBeLessThanOrEqual(65_536);
    expect(record(world, n)).toContain("full text stays in the issue");
  });

  it("a configuration with thousands of problems gives one short comment", async () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `  key${i}: ${"v".repeat(50)}`).join("\n");
    const world = createWorld({ config: `${CONFIG}bogus:\n${keys}\n` });
    const n = await fileIncident(world);
    const [problem] = botComments(world, n, "config-problem");
    expect(problem?.body.length).toBeLessThan(65_536);
  });
});

describe("3. markers trusted only from Vigil's own identity", () => {
  it("a record posted by another app or copied by a person is ignored", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    const real = record(world, n);
    const forged = real.replace('"responder":"bob"', '"responder":"mallory"');
    world.sandbox.addComment(OWNER, REPO, n, forged, "mallory");
    world.sandbox.addUser("other-app[bot]", "Bot");
    world.sandbox.addComment(OWNER, REPO, n, forged, "other-app[bot]");
    await comment(world, n, "/note still works", "alice");
    expect(botComments(world, n, "incident-record")).toHaveLength(1);
    expect(issueState(world, n).assignees).toEqual(["bob"]);
  });
});

describe("4. record and labels healed by the next check", () => {
  it("a severity label removed by hand comes back on the next event", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    world.sandbox.removeLabel(OWNER, REPO, n, "severity: sev1");
    await world.app.receive("issues", world.sandbox.payloadFor.issues("unlabeled", OWNER, REPO, n, { sender: "mallory", label: "severity: sev1" }));
    expect(issueState(world, n).labels).toEqual(["incident", "severity: sev1"]);
  });

  it("a command whose webhook was dropped counts at the next delivery", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    world.sandbox.addComment(OWNER, REPO, n, "/status mitigating", "alice"); // never delivered
    await comment(world, n, "/note contained at the edge", "bob");
    expect(record(world, n)).toContain("| Status | Mitigating |");
  });

  it("editing an old command comment does not run it again", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    const id = await comment(world, n, "/severity sev2", "bob");
    world.sandbox.editComment(OWNER, REPO, id, "/severity sev0", "bob");
    await comment(world, n, "/note later", "alice");
    expect(issueState(world, n).labels).toContain("severity: sev2");
    expect(botComments(world, n, "command-reply").some((c) => c.body.includes("@erin"))).toBe(false);
  });

  it("a permission downgrade later does not undo an accepted command", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    await comment(world, n, "/severity sev2", "alice");
    world.sandbox.setPermission(OWNER, REPO, "alice", "read");
    await comment(world, n, "/note after the downgrade", "bob");
    expect(issueState(world, n).labels).toContain("severity: sev2");
  });
});

describe("5. two commands delivered at the same moment", () => {
  it("both count", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    const a = world.sandbox.addComment(OWNER, REPO, n, "/severity sev2", "alice");
    const b = world.sandbox.addComment(OWNER, REPO, n, "/status mitigating", "bob");
    await Promise.all([deliverComment(world, a.id, "alice"), deliverComment(world, b.id, "bob")]);
    expect(issueState(world, n).labels).toContain("severity: sev2");
    expect(record(world, n)).toContain("| Status | Mitigating |");
    expect(record(world, n)).toContain("Sev2");
  });
});

describe("6. concurrent redeliveries and applied-but-failed writes", () => {
  it("the same delivery three times at once gives one reply and one page", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    const c = world.sandbox.addComment(OWNER, REPO, n, "/severity sev0 records read", "bob");
    await Promise.all([1, 2, 3].map(() => deliverComment(world, c.id, "bob", "same-delivery-id")));
    expect(botComments(world, n, "command-reply")).toHaveLength(1);
    expect(botComments(world, n, "incident-record")).toHaveLength(1);
  });

  it("a reply GitHub created but answered 502 is not posted twice", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    world.sandbox.injectFault({ kind: "server-error", method: "POST", route: "/repos/{owner}/{repo}/issues/{issue_number}/comments", applied: true });
    await comment(world, n, "/help", "bob");
    expect(botComments(world, n, "command-reply")).toHaveLength(1);
  });
});

describe("7. a record POST applied but answered 500", () => {
  it("leaves exactly one record", async () => {
    const world = createWorld();
    world.sandbox.injectFault({ kind: "server-error", status: 500, method: "POST", route: "/repos/{owner}/{repo}/issues/{issue_number}/comments", applied: true });
    const n = await fileIncident(world);
    expect(botComments(world, n, "incident-record")).toHaveLength(1);
  });
});

describe("8. commands hidden in HTML comments and block quotes", () => {
  it("neither an inline HTML comment nor a lazy quote continuation runs", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    await comment(world, n, "<!-- /severity sev0 -->", "bob");
    await comment(world, n, "> the attacker wrote\n/severity sev0", "bob");
    expect(issueState(world, n).labels).toContain("severity: sev1");
    expect(botComments(world, n, "command-reply")).toHaveLength(0);
  });
});

describe("9. a repository made public after declaration", () => {
  it("gets no further details, mentions or pages", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    const before = record(world, n);
    world.sandbox.setVisibility(OWNER, REPO, "public");
    await comment(world, n, "/severity sev0 patient data exfiltrated", "bob");
    expect(record(world, n)).toBe(before);
    const bodies = world.sandbox.listComments(OWNER, REPO, n).filter((c) => c.user === world.sandbox.app.botLogin).map((c) => c.body).join("\n");
    expect(bodies).not.toContain("@erin");
    expect(bodies).not.toContain("patient data");
    expect(botComments(world, n, "public-refusal")).toHaveLength(1);
  });
});

describe("10. configuration keys in the problem comment", () => {
  it("a key with backticks, a mention and HTML stays inside its code span", async () => {
    const world = createWorld({ config: `${CONFIG}"\`x\` @mallory <img src=x>": 1\n` });
    const n = await fileIncident(world);
    const [problem] = botComments(world, n, "config-problem");
    expect(problem?.body).toBeDefined();
    expect(problem!.body).toContain("`` `x` @mallory <img src=x> ``");
    // Outside code spans (which GitHub renders literally) no live mention and no raw HTML remain.
    const outside = problem!.body.split("\n").slice(1).join("\n").replace(/(`+)[\s\S]*?\1/g, "");
    expect(outside).not.toMatch(/@mallory|<img/);
  });
});
