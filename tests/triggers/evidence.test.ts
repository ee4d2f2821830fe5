// The evidence ledger through the real app (SPEC 2.13): notes, commands and /comms ledgered with SHA-256,
// changes noticed with the original text, changes without a webhook found by the check and by `vigil verify`.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseMarker } from "../../src/markers/define.js";
import { EVIDENCE_NOTICE, LEDGER } from "../../src/markers/evidence-kinds.js";
import { runCli, tickAt } from "../helpers/cli.js";
import { botComments, comment, createWorld, fileIncident, OWNER, REPO, type World } from "../helpers/world.js";

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const ledger = (world: World, n: number) => botComments(world, n, "evidence-ledger").map((c) => ({ id: c.id, body: c.body, data: parseMarker(LEDGER, c.body)! }));
const notices = (world: World, n: number) => botComments(world, n, "evidence-notice").map((c) => ({ body: c.body, data: parseMarker(EVIDENCE_NOTICE, c.body)! }));
const verify = async (world: World, n: number) => {
  const run = await runCli(world, "verify", `${OWNER}/${REPO}#${n}`, "--json");
  return { code: run.code, report: JSON.parse(run.stdout) as { head: string; entries: number; parts: number; findings: { kind: string; comment: number }[]; changes: { op: string; comment: number }[]; pending: number[] } };
};
const tick = (world: World) => tickAt(world);

/** An incident with a note, a /comms entry and a severity change, each ledgered. */
async function withNotes(): Promise<{ world: World; n: number; ids: number[] }> {
  const world = createWorld();
  const n = await fileIncident(world);
  const ids = [
    await comment(world, n, "/note blocked 203.0.113.7 at the edge", "bob"),
    await comment(world, n, "/comms legal@example.com told counsel at 10:05", "alice"),
    await comment(world, n, "/severity sev0 customer records read", "carol"),
  ];
  return { world, n, ids };
}

async function editWithWebhook(world: World, n: number, id: number, body: string, editor: string) {
  const before = world.sandbox.listComments(OWNER, REPO, n).find((c) => c.id === id)!.body;
  world.sandbox.editComment(OWNER, REPO, id, body, editor);
  await world.app.receive("issue_comment", world.sandbox.payloadFor.issueComment("edited", OWNER, REPO, id, { sender: editor, changes: { body: { from: before } } }));
}

describe("the ledger", () => {
  it("holds every command comment with its author, time and SHA-256, chained; verify on it exits 0", async () => {
    const { world, n, ids } = await withNotes();
    const parts = ledger(world, n);
    expect(parts).toHaveLength(1);
    const comments = world.sandbox.listComments(OWNER, REPO, n);
    expect(parts[0]!.data.entries.map(([op, id, who, , hash]) => [op, id, who, hash])).toEqual(
      ids.map((id, i) => ["c", id, ["bob", "alice", "carol"][i], sha(comments.find((c) => c.id === id)!.body)]),
    );
    // The chain can be recomputed by anyone: SHA-256 of the previous hash and the entry's JSON.
    const head = parts[0]!.data.entries.reduce((prev, e) => sha(prev + JSON.stringify(e)), "0".repeat(64));
    expect(parts[0]!.data.head).toBe(head);
    expect(parts[0]!.body).toContain(`**Head:** \`${head}\``);
    const { code, report } = await verify(world, n);
    expect(code).toBe(0);
    expect(report).toMatchObject({ head, entries: 3, parts: 1, findings: [], changes: [], pending: [] });
  });

  it("an untouched incident (no command yet) verifies with exit 0 and an empty ledger", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    const { code, report } = await verify(world, n);
    expect(code).toBe(0);
    expect(report).toMatchObject({ entries: 0, parts: 0, findings: [] });
    expect(ledger(world, n)).toEqual([]);
  });

  it("an edit with its webhook: one notice with the original text, verified; the ledger records it; a redelivery adds nothing", async () => {
    const { world, n, ids } = await withNotes();
    await editWithWebhook(world, n, ids[0]!, "/note blocked nothing", "bob");
    const [notice, ...more] = notices(world, n);
    expect(more).toEqual([]);
    expect(notice!.data).toMatchObject({ change: "edited", comment: ids[0] });
    expect(notice!.body).toContain("```\n/note blocked 203.0.113.7 at the edge\n```");
    expect(notice!.body).toContain("matches the ledger");
    expect(ledger(world, n)[0]!.data.entries.at(-1)).toEqual(["e", ids[0], "bob", expect.any(Number), sha("/note blocked nothing")]);

    const payload = world.sandbox.payloadFor.issueComment("edited", OWNER, REPO, ids[0]!, { sender: "bob", changes: { body: { from: "/note blocked 203.0.113.7 at the edge" } } });
    world.sandbox.resetCounts();
    await world.app.receive("issue_comment", payload);
    await tick(world);
    expect(notices(world, n)).toHaveLength(1);
    expect(world.sandbox.requests.filter((r) => r.method !== "GET" && !r.graphqlOperation && !r.route.endsWith("/access_tokens"))).toEqual([]);
    const { code, report } = await verify(world, n);
    expect(code).toBe(0);
    expect(report.changes).toEqual([expect.objectContaining({ op: "e", comment: ids[0] })]);
  });

  it("an edit without a webhook: verify exits 1 with a hash mismatch; the check reports it once and records it", async () => {
    const { world, n, ids } = await withNotes();
    world.sandbox.editComment(OWNER, REPO, ids[1]!, "/comms nobody was told", "alice");
    const before = await verify(world, n);
    expect(before.code).toBe(1);
    expect(before.report.findings).toEqual([expect.objectContaining({ kind: "mismatch", comment: ids[1] })]);

    await tick(world);
    await tick(world);
    const found = notices(world, n);
    expect(found.map((x) => x.data.change)).toEqual(["mismatch"]);
    expect(found[0]!.body).toContain("no webhook told Vigil");
    expect(found[0]!.body).not.toContain("nobody was told"); // Vigil repeats no text it cannot vouch for
    const after = await verify(world, n);
    expect(after.code).toBe(0);
    expect(after.report.changes).toEqual([expect.objectContaining({ op: "m", comment: ids[1] })]);
  });

  it("a deletion with its webhook keeps the deleted text readable on the incident", async () => {
    const { world, n, ids } = await withNotes();
    const payload = world.sandbox.payloadFor.issueComment("deleted", OWNER, REPO, ids[0]!, { sender: "erin" });
    world.sandbox.deleteComment(OWNER, REPO, ids[0]!);
    await world.app.receive("issue_comment", payload);
    const [notice] = notices(world, n);
    expect(notice!.data).toMatchObject({ change: "deleted", comment: ids[0] });
    expect(notice!.body).toContain("/note blocked 203.0.113.7 at the edge");
    expect(notice!.body).toContain("deleted** (reported by erin");
    expect(ledger(world, n)[0]!.data.entries.at(-1)?.[0]).toBe("d");
    expect((await verify(world, n)).code).toBe(0);
  });

  it("a deletion without a webhook: verify finds the comment missing; the check reports it once", async () => {
    const { world, n, ids } = await withNotes();
    world.sandbox.deleteComment(OWNER, REPO, ids[2]!);
    const { code, report } = await verify(world, n);
    expect(code).toBe(1);
    expect(report.findings).toEqual([expect.objectContaining({ kind: "missing", comment: ids[2] })]);
    await tick(world);
    await tick(world);
    expect(notices(world, n).map((x) => x.data.change)).toEqual(["missing"]);
  });

  it("a ledger comment edited by a person: verify says so; the part is frozen and the ledger goes on in a new part", async () => {
    const { world, n } = await withNotes();
    const [part] = ledger(world, n);
    // An admin rewrites an entry's hash and the head to match: the chain alone would still link up, the editor gives it away.
    const forgedEntries = part!.data.entries.map((e, i) => (i === 0 ? [e[0], e[1], e[2], e[3], "f".repeat(64)] : e));
    const forgedHead = forgedEntries.reduce((prev, e) => sha(prev + JSON.stringify(e)), "0".repeat(64));
    const body = part!.body.replace(JSON.stringify(part!.data.entries), JSON.stringify(forgedEntries)).replace(part!.data.head, forgedHead);
    world.sandbox.editComment(OWNER, REPO, part!.id, body, "erin");
    const { code, report } = await verify(world, n);
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(["ledger-edited"]));

    await tick(world);
    await comment(world, n, "/note second look", "bob");
    const parts = ledger(world, n);
    expect(parts.map((p) => p.data.part)).toEqual([1, 2]);
    expect(world.sandbox.listComments(OWNER, REPO, n).find((c) => c.id === part!.id)!.body).toBe(body); // left as evidence
    expect(notices(world, n).filter((x) => x.data.change === "ledger-edited")).toHaveLength(1);
    expect((await verify(world, n)).code).toBe(1);
  });

  it("a notice edited by a person (it holds the only copy of an original) is a finding", async () => {
    const { world, n, ids } = await withNotes();
    await editWithWebhook(world, n, ids[0]!, "/note blocked nothing", "bob");
    const [notice] = botComments(world, n, "evidence-notice");
    world.sandbox.editComment(OWNER, REPO, notice!.id, notice!.body.replace("203.0.113.7", "198.51.100.1"), "erin");
    const { code, report } = await verify(world, n);
    expect(code).toBe(1);
    expect(report.findings).toEqual([expect.objectContaining({ kind: "ledger-edited", comment: notice!.id })]);
  });

  it("a ledger comment written by someone else is not trusted, and is reported once", async () => {
    const { world, n } = await withNotes();
    const [part] = ledger(world, n);
    world.sandbox.addComment(OWNER, REPO, n, part!.body.replace(/"part":1/, '"part":2'), "mallory");
    const { code, report } = await verify(world, n);
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.kind)).toEqual(["forged"]);
    await tick(world);
    await tick(world);
    expect(notices(world, n).map((x) => x.data.change)).toEqual(["forged"]);
    expect(ledger(world, n)).toHaveLength(1);
  });

  it("500 notes spill into continuation comments, each under GitHub's limit, chained end to end", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    for (let i = 0; i < 500; i++) world.sandbox.addComment(OWNER, REPO, n, `/note step ${i} ${"x".repeat(200)}`, i % 2 ? "alice" : "bob");
    await tick(world);
    const parts = ledger(world, n);
    expect(parts.map((p) => p.data.entries.length)).toEqual([100, 100, 100, 100, 100]);
    for (const p of parts) expect(p.body.length).toBeLessThanOrEqual(65_536);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.data.prev).toBe(parts[i - 1]!.data.head);
    const { code, report } = await verify(world, n);
    expect(code).toBe(0);
    expect(report).toMatchObject({ entries: 500, parts: 5, head: parts[4]!.data.head });
    await comment(world, n, "/note one more", "bob");
    expect(ledger(world, n).map((p) => p.data.entries.length)).toEqual([100, 100, 100, 100, 100, 1]);
  });

  it("the post-mortem names the ledger head it was written with", async () => {
    const { world, n } = await withNotes();
    await comment(world, n, "/status resolved", "bob");
    const head = (await verify(world, n)).report.head;
    const file = world.sandbox.getFile(OWNER, REPO, `postmortems/2026-11-23-incident-${n}.md`, { ref: `postmortem/incident-${n}` });
    expect(file).toContain(`Evidence ledger head: \`${head}\``);
  });

  it("an ordinary comment's edit costs no request", async () => {
    const { world, n } = await withNotes();
    const id = world.sandbox.addComment(OWNER, REPO, n, "looking now", "bob").id;
    world.sandbox.resetCounts();
    await editWithWebhook(world, n, id, "looking now, found it", "bob");
    expect(world.sandbox.requests.filter((r) => !r.route.endsWith("/access_tokens"))).toEqual([]);
  });
});
