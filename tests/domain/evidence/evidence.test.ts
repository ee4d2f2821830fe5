import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chainHead, GENESIS, link } from "../../../src/domain/evidence/chain.js";
import { renderLedgerPart } from "../../../src/domain/evidence/ledger-body.js";
import { renderNotices } from "../../../src/domain/evidence/notice.js";
import { planEvidence, type EvidenceChange } from "../../../src/domain/evidence/plan.js";
import { readLedger } from "../../../src/domain/evidence/read-ledger.js";
import { verifyEvidence } from "../../../src/domain/evidence/verify.js";
import type { ObservedComment, ObservedIssue } from "../../../src/domain/incident/observation.js";
import { parseMarker } from "../../../src/markers/define.js";
import { EVIDENCE_NOTICE, LEDGER, LEDGER_PART_ENTRIES, type LedgerEntry } from "../../../src/markers/evidence-kinds.js";

const VIGIL = { login: "vigil[bot]", isBot: true };
const sha = (t: string) => createHash("sha256").update(t, "utf8").digest("hex");
const NOW = new Date("2026-11-28T10:00:00Z");
let nextId = 100;
const person = (body: string, login = "bob"): ObservedComment => ({ id: nextId++, body, author: { login, isBot: false }, createdAt: "2026-11-28T09:00:00Z", url: "u" });
const vigil = (body: string, editor: ObservedComment["editor"] = null): ObservedComment => ({ id: nextId++, body, author: VIGIL, createdAt: "2026-11-28T09:00:00Z", url: "u", editor });
const issue = (comments: ObservedComment[]): ObservedIssue => ({
  number: 7, nodeId: "I_7", title: "t", body: "", url: "u", state: "open", stateReason: null, createdAt: "2026-11-28T08:00:00Z", closedAt: null,
  author: { login: "reporter", isBot: false }, labels: ["incident"], assignees: [], projectItems: [], comments,
});

/** Applies the planner's comment writes as GitHub would, with Vigil as the author. */
function apply(i: ObservedIssue, effects: ReturnType<typeof planEvidence>["effects"]): ObservedIssue {
  let comments = [...i.comments];
  for (const e of effects) {
    if (e.kind === "createComment") comments.push(vigil(e.body));
    if (e.kind === "updateComment") comments = comments.map((c) => (c.id === e.commentId ? { ...c, body: e.body, editor: VIGIL } : c));
    if (e.kind === "deleteComment") comments = comments.filter((c) => c.id !== e.commentId);
  }
  return { ...i, comments };
}

const ledgered = (i: ObservedIssue) => i.comments.filter((c) => !c.author.isBot).map((c) => c.id);
const run = (i: ObservedIssue, change?: EvidenceChange) => apply(i, planEvidence({ issue: i, identity: VIGIL, ledgered: ledgered(i), change, now: NOW }).effects);

describe("the chain", () => {
  it("is SHA-256 of the previous hash and the entry's JSON, entry after entry", () => {
    const e: LedgerEntry = ["c", 1, "bob", 1764320400, sha("/note x")];
    expect(link(GENESIS, e)).toBe(sha(`${GENESIS}["c",1,"bob",1764320400,"${sha("/note x")}"]`));
    expect(chainHead(GENESIS, [e, e])).toBe(link(link(GENESIS, e), e));
  });

  it("a full part of the longest logins and ids stays under GitHub's body limit", () => {
    const login = `a${"-b".repeat(19)}`; // 39 characters
    const entries: LedgerEntry[] = Array.from({ length: LEDGER_PART_ENTRIES }, (_, i) => ["m", 99_999_999_999 - i, login, 4_102_444_800, sha(String(i))]);
    const body = renderLedgerPart({ issue: 999_999, part: 99, first: 99_999, prev: GENESIS, entries });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(parseMarker(LEDGER, body)?.entries).toHaveLength(LEDGER_PART_ENTRIES);
  });
});

describe("reading the ledger", () => {
  it("finds a missing part, a part that does not start from its predecessor, and racing copies", () => {
    const a = person("/note a");
    const once = run(issue([a]));
    const part1 = once.comments.find((c) => c.author.isBot)!;
    const data = parseMarker(LEDGER, part1.body)!;
    const e: LedgerEntry = ["c", 5, "bob", 1, sha("x")];
    const part3 = vigil(renderLedgerPart({ issue: 7, part: 3, first: 2, prev: data.head, entries: [e] }));
    const copy = vigil(part1.body);
    const view = readLedger([...once.comments, copy, part3], VIGIL);
    expect(view.duplicates).toEqual([copy.id]);
    expect(view.problems.map((p) => [p.kind, p.detail])).toEqual([["chain", "ledger part 2 is missing before part 3"]]);
    const wrongStart = vigil(renderLedgerPart({ issue: 7, part: 2, first: 2, prev: GENESIS, entries: [e] }));
    expect(readLedger([...once.comments, wrongStart], VIGIL).problems.map((p) => p.detail)).toEqual(["ledger part 2 does not start from the head of part 1"]);
  });
});

describe("planning the ledger", () => {
  it("a webhook that arrives after the check recorded the change still brings the original, once", () => {
    const a = person("/note original");
    let i = run(issue([a]));
    i = { ...i, comments: i.comments.map((c) => (c.id === a.id ? { ...c, body: "/note rewritten" } : c)) };
    i = run(i); // the check: mismatch noticed and recorded
    const change: EvidenceChange = { kind: "edited", commentId: a.id, previousBody: "/note original", author: a.author, by: "bob", at: "2026-11-28T09:30:00Z" };
    const late = planEvidence({ issue: i, identity: VIGIL, ledgered: ledgered(i), change, now: NOW });
    expect(late.effects.map((e) => e.kind)).toEqual(["createComment"]);
    expect((late.effects[0] as { body: string }).body).toContain("/note original");
    const after = apply(i, late.effects);
    expect(planEvidence({ issue: after, identity: VIGIL, ledgered: ledgered(after), change, now: NOW }).effects).toEqual([]);
  });

  it("a deleted ledger part: the webhook's copy of it goes back on the incident", () => {
    const a = person("/note a");
    const i = run(issue([a]));
    const part = i.comments.find((c) => c.author.isBot)!;
    const gone = { ...i, comments: i.comments.filter((c) => c.id !== part.id) };
    const change: EvidenceChange = { kind: "deleted", commentId: part.id, previousBody: part.body, author: VIGIL, by: "erin", at: "2026-11-28T09:30:00Z" };
    const plan = planEvidence({ issue: gone, identity: VIGIL, ledgered: ledgered(gone), change, now: NOW });
    const notice = plan.effects.find((e) => e.kind === "createComment" && e.key.startsWith("evidence-notice"));
    expect(notice && "body" in notice && notice.body).toContain("ledger part 1 was deleted by erin");
    expect(notice && "body" in notice && notice.body).toContain(part.body.split("\n")[0]);
  });

  it("a change Vigil could not vouch for is said so: the text before did not match the ledger", () => {
    const a = person("/note one");
    const i = run(issue([a]));
    const edited = { ...i, comments: i.comments.map((c) => (c.id === a.id ? { ...c, body: "/note three" } : c)) };
    const change: EvidenceChange = { kind: "edited", commentId: a.id, previousBody: "/note two", author: a.author, by: "bob", at: "2026-11-28T09:30:00Z" };
    const plan = planEvidence({ issue: edited, identity: VIGIL, ledgered: ledgered(edited), change, now: NOW });
    expect((plan.effects[0] as { body: string }).body).toContain("does not match any text the ledger recorded");
  });

  it("verify reads the same: nothing pending once ledgered, the pending ones listed before", () => {
    const a = person("/note a");
    const i = issue([a]);
    expect(verifyEvidence(i, VIGIL).findings).toEqual([]);
    expect(verifyEvidence(run(i), VIGIL)).toMatchObject({ entries: 1, findings: [] });
  });
});

describe("notices", () => {
  it("an original too long for one comment is split, every piece under the limit, nothing lost", () => {
    const original = `${"line with \u202e hidden\n".repeat(5_000)}end`;
    const notices = renderNotices({ issue: 7, comment: 9, change: "deleted", hash: "0".repeat(16), text: "Deleted.", original: { label: "The text", body: original } });
    expect(notices.length).toBeGreaterThan(1);
    for (const n of notices) expect(n.body.length).toBeLessThanOrEqual(65_536);
    expect(notices.map((n) => parseMarker(EVIDENCE_NOTICE, n.body)?.part)).toEqual(notices.map((_, i) => i + 1));
    const pieces = notices.map((n) => /\n(`{3,})\n([\s\S]*)\n\1$/.exec(n.body)![2]!);
    expect(pieces.join("").replaceAll("⟨U+202E⟩", "\u202e")).toBe(original);
  });
});
