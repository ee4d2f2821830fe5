import { describe, expect, it } from "vitest";
import { repliesFor } from "../../src/domain/command-replies.js";
import { parseCommands } from "../../src/domain/commands.js";
import { describeEntry } from "../../src/domain/incident-record.js";
import { type CommandComment, type IncidentSnapshot, replayIncident } from "../../src/domain/incident-state.js";

const SNAPSHOT: IncidentSnapshot = {
  declaredAt: "2026-11-22T22:30:00Z", severity: "sev1", notifiedAt: null, responder: "alice", chain: ["alice", "bob", "olivia"],
};
const ISSUE_URL = "https://github.com/acme/incidents/issues/42";
const url = (id: number) => `${ISSUE_URL}#issuecomment-${id}`;
const ONCALL = { securityOfficer: "olivia", escalate: [] };

function comment(id: number, at: string, body: string, extra: Partial<CommandComment> = {}): CommandComment {
  return { id, at, author: "carol", url: url(id), allowed: true, commands: parseCommands(body), recorded: null, edited: false, ...extra };
}

function recorded(id: number, at: string, body: string, codes: string[], edited = false): CommandComment {
  const { allowed: _, ...c } = comment(id, at, body, { recorded: codes, edited });
  return c;
}

describe("replayIncident: /comms", () => {
  it("records to whom, when (the comment's time) and the text verbatim, in the timeline and the state", () => {
    const c = comment(601, "2026-11-22T23:00:00Z", "/comms Acme Health — Dear Acme,\n\nwe isolated db-1 @bob");
    const { state, outcomes, ops } = replayIncident(SNAPSHOT, [c], null);
    const entry = { at: "2026-11-22T23:00:00Z", kind: "comms", by: "carol", to: "Acme Health", text: "Dear Acme,\n\nwe isolated db-1 @bob", url: url(601) };
    expect(state.timeline.at(-1)).toEqual(entry);
    expect(state.comms).toEqual([{ at: "2026-11-22T23:00:00Z", by: "carol", to: "Acme Health", text: "Dear Acme,\n\nwe isolated db-1 @bob", url: url(601), commentId: 601 }]);
    expect(outcomes).toEqual([{ commentId: 601, command: { name: "comms", to: "Acme Health", text: "Dear Acme,\n\nwe isolated db-1 @bob" }, entry, refusal: null }]);
    expect(ops).toEqual([[601, ["c"]]]);
    expect(repliesFor(outcomes[0]!, ONCALL)).toEqual([]);
  });

  it("keeps several communications in comment order", () => {
    const comments = [
      comment(612, "2026-11-22T23:10:00Z", "/comms Regulator: formal notice"),
      comment(611, "2026-11-22T23:00:00Z", "/comms Acme — first\n/comms Beta — second"),
    ];
    const { state } = replayIncident(SNAPSHOT, comments, null);
    expect(state.comms.map((m) => [m.commentId, m.to, m.text])).toEqual([[611, "Acme", "first"], [611, "Beta", "second"], [612, "Regulator", "formal notice"]]);
  });

  it("replays a recorded `c` from the unedited comment", () => {
    const c = recorded(621, "2026-11-22T23:00:00Z", "/status mitigating\n/comms Acme — contained", ["t:mitigating", "c"]);
    const { state, outcomes, ops } = replayIncident(SNAPSHOT, [c], null);
    expect(outcomes).toEqual([]);
    expect(ops).toEqual([[621, ["t:mitigating", "c"]]]);
    expect(state.status).toBe("mitigating");
    expect(state.comms).toEqual([{ at: "2026-11-22T23:00:00Z", by: "carol", to: "Acme", text: "contained", url: url(621), commentId: 621 }]);
  });

  it("shows no text (and no recipient) once the comment was edited after it ran", () => {
    const c = recorded(631, "2026-11-22T23:00:00Z", "/comms Someone else — words added later", ["c"], true);
    const { state } = replayIncident(SNAPSHOT, [c], null);
    const entry = { at: "2026-11-22T23:00:00Z", kind: "comms", by: "carol", to: "", text: null, url: url(631) } as const;
    expect(state.timeline.at(-1)).toEqual(entry);
    expect(state.comms).toEqual([{ at: "2026-11-22T23:00:00Z", by: "carol", to: "", text: null, url: url(631), commentId: 631 }]);
    expect(describeEntry(entry)).toBe("communication by carol (the comment was edited after Vigil recorded it; GitHub keeps its history)");
  });

  it("records nothing for an author who may not run commands", () => {
    const c = comment(641, "2026-11-22T23:00:00Z", "/comms Acme — we were breached\n/plan lost laptop", { author: "mallory", allowed: false });
    const { state, outcomes, ops } = replayIncident(SNAPSHOT, [c], null);
    expect(state.comms).toEqual([]);
    expect(state.plans).toEqual([]);
    expect(state.timeline.map((e) => e.kind)).toEqual(["declared"]);
    expect(outcomes).toEqual([]);
    expect(ops).toEqual([[641, ["x"]]]);
  });

  it("does not run a /comms with an error", () => {
    const { state, ops } = replayIncident(SNAPSHOT, [comment(651, "2026-11-22T23:00:00Z", "/comms Acme")], null);
    expect(state.comms).toEqual([]);
    expect(ops).toEqual([[651, ["!"]]]);
  });

  it("matches recorded codes to commands of their kind, so a line only a later Vigil reads does not shift the texts", () => {
    // Recorded by a Vigil that did not know /comms (the line was prose then): only the note ran.
    const c = recorded(661, "2026-11-22T23:00:00Z", "/comms Acme — hi\n/note isolated db-1", ["n"]);
    const { state } = replayIncident(SNAPSHOT, [c], null);
    expect(state.comms).toEqual([]);
    expect(state.timeline.at(-1)).toMatchObject({ kind: "note", text: "isolated db-1" });
  });
});

describe("replayIncident: /plan", () => {
  it("attaches the plan by slug", () => {
    const { state, outcomes, ops } = replayIncident(SNAPSHOT, [comment(701, "2026-11-22T23:00:00Z", "/plan Lost laptop")], null);
    const entry = { at: "2026-11-22T23:00:00Z", kind: "plan", by: "carol", slug: "lost-laptop", url: url(701) };
    expect(state.plans).toEqual(["lost-laptop"]);
    expect(state.timeline.at(-1)).toEqual(entry);
    expect(outcomes).toEqual([{ commentId: 701, command: { name: "plan", plan: "Lost laptop", slug: "lost-laptop" }, entry, refusal: null }]);
    expect(ops).toEqual([[701, ["P:lost-laptop"]]]);
    expect(repliesFor(outcomes[0]!, ONCALL)).toEqual([]);
  });

  it("attaches a plan once: again is an accepted command with no entry, answered that it is attached", () => {
    const comments = [
      comment(711, "2026-11-22T23:00:00Z", "/plan ransomware\n/plan lost laptop"),
      comment(712, "2026-11-22T23:10:00Z", "/plan Ransomware!"),
    ];
    const { state, outcomes, ops } = replayIncident(SNAPSHOT, comments, null);
    expect(state.plans).toEqual(["ransomware", "lost-laptop"]);
    expect(state.timeline.filter((e) => e.kind === "plan")).toHaveLength(2);
    expect(ops).toEqual([[711, ["P:ransomware", "P:lost-laptop"]], [712, ["P:ransomware"]]]);
    expect(outcomes[2]).toMatchObject({ commentId: 712, entry: null, refusal: null });
    expect(repliesFor(outcomes[2]!, ONCALL)).toEqual(["The response plan `ransomware` is already attached to this incident; its checklist is in the comments above."]);
  });

  it("replays recorded `P:<slug>` codes, de-duplicated, whatever the comment says now", () => {
    const comments = [
      recorded(721, "2026-11-22T23:00:00Z", "/plan something else entirely", ["P:lost-laptop"], true),
      recorded(722, "2026-11-22T23:05:00Z", "/plan lost laptop\n/plan ransomware", ["P:lost-laptop", "P:ransomware"]),
    ];
    const { state, outcomes } = replayIncident(SNAPSHOT, comments, null);
    expect(outcomes).toEqual([]);
    expect(state.plans).toEqual(["lost-laptop", "ransomware"]);
    expect(state.timeline.filter((e) => e.kind === "plan").map((e) => [e.at, e.kind === "plan" && e.slug])).toEqual([
      ["2026-11-22T23:00:00Z", "lost-laptop"], ["2026-11-22T23:05:00Z", "ransomware"],
    ]);
  });

  it("refuses a plan the repository does not have when the plans are given (op `P`, nothing attached)", () => {
    const c = comment(731, "2026-11-22T23:00:00Z", "/plan lost laptpo\n/plan Lost Laptop");
    const { state, outcomes, ops } = replayIncident(SNAPSHOT, [c], null, ["lost-laptop.md", "ransomware.md"]);
    expect(ops).toEqual([[731, ["P", "P:lost-laptop"]]]);
    expect(state.plans).toEqual(["lost-laptop"]);
    expect(outcomes[0]?.entry).toBeNull();
    expect(outcomes[0]?.refusal).toContain("There is no response plan `lost laptpo`");
    expect(outcomes[0]?.refusal).toContain("Did you mean `/plan lost-laptop`?");
    expect(repliesFor(outcomes[0]!, ONCALL)).toEqual([outcomes[0]?.refusal]);
    // Replayed later, the refusal stays a refusal and attaches nothing.
    const again = replayIncident(SNAPSHOT, [recorded(731, c.at, "/plan lost laptpo\n/plan Lost Laptop", ["P", "P:lost-laptop"])], null);
    expect(again.state.plans).toEqual(["lost-laptop"]);
  });
});

describe("describeEntry: communications and plans", () => {
  const at = "2026-11-22T23:00:00Z";
  it("names the recipient, the author and the inert, shortened text", () => {
    expect(describeEntry({ at, kind: "comms", by: "bob", to: "Acme Health", text: "We are on it.\nMore soon.", url: url(1) })).toBe(
      "communication to Acme Health by bob: We are on it. More soon.",
    );
    const hostile = describeEntry({ at, kind: "comms", by: "bob", to: "@acme/legal <b>", text: "see #12 [x](https://evil.example) <img src=x>", url: url(1) });
    expect(hostile).toBe("communication to @\u200bacme/legal &lt;b&gt; by bob: see \\#\u200b12 \\[x\\]\\(https\\://evil.example\\) &lt;img src=x&gt;");
    const long = describeEntry({ at, kind: "comms", by: "bob", to: "Acme", text: "a".repeat(1000), url: url(1) });
    expect(long).toBe(`communication to Acme by bob: ${"a".repeat(279)}…`);
  });

  it("names the plan's slug and who attached it", () => {
    expect(describeEntry({ at, kind: "plan", by: "bob", slug: "lost-laptop", url: url(1) })).toBe("response plan lost-laptop attached by bob");
  });
});
