import { describe, expect, it } from "vitest";
import { parseCommands } from "../../src/domain/commands.js";
import type { IncidentReport } from "../../src/domain/incident-report.js";
import { type CommandComment, type IncidentSnapshot, replayIncident } from "../../src/domain/incident-state.js";

const REPORT: IncidentReport = {
  summary: "Unusual outbound traffic from db-1 to an unknown address; possible exfiltration of patient records.",
  notifiedAt: "2026-11-22T14:05:00-08:00",
  notifiedAtText: "2026-11-22 14:05",
  source: "monitoring",
  notifierContact: "pager@example.com",
  systems: "db-1.prod.internal (10.0.4.12)",
  environment: "production",
  severity: "sev1",
  real: "unknown",
  inProgress: "yes",
  impact: "critical",
  urgent: "yes",
  containable: "unknown",
};

// Declared 25 minutes after the reporter was notified (14:05 PST is 22:05 UTC).
const SNAPSHOT: IncidentSnapshot = {
  declaredAt: "2026-11-22T22:30:00Z",
  severity: REPORT.severity,
  notifiedAt: REPORT.notifiedAt,
  responder: "alice",
  chain: ["alice", "bob", "olivia"],
};

const ISSUE_URL = "https://github.com/acme/incidents/issues/42";

function comment(id: number, at: string, body: string, author = "carol", allowed = true): CommandComment {
  return { id, at, author, url: `${ISSUE_URL}#issuecomment-${id}`, allowed, commands: parseCommands(body), recorded: null, edited: false };
}

describe("replayIncident: the declared incident", () => {
  it("starts from the report's severity, Investigating, and the responder at declaration", () => {
    const { state, outcomes } = replayIncident(SNAPSHOT, [], null);
    expect(state.severity).toBe("sev1");
    expect(state.status).toBe("investigating");
    expect(state.responder).toBe("alice");
    expect(outcomes).toEqual([]);
  });

  it("opens the timeline with the notification and the declaration, in time order", () => {
    const { state } = replayIncident(SNAPSHOT, [], null);
    expect(state.timeline).toEqual([
      { at: "2026-11-22T14:05:00-08:00", kind: "notified" },
      { at: "2026-11-22T22:30:00Z", kind: "declared", by: "vigil", severity: "sev1", responder: "alice" },
    ]);
  });

  it("has no notification entry when the report has no notification time", () => {
    const snapshot: IncidentSnapshot = { ...SNAPSHOT, notifiedAt: null, severity: "triage" };
    const { state } = replayIncident(snapshot, [], null);
    expect(state.severity).toBe("triage");
    expect(state.timeline).toEqual([
      { at: "2026-11-22T22:30:00Z", kind: "declared", by: "vigil", severity: "triage", responder: "alice" },
    ]);
  });
});

describe("replayIncident: /severity", () => {
  it("changes the severity and records who, why and where", () => {
    const c = comment(101, "2026-11-22T22:40:00Z", "/severity sev0 patient records confirmed in the outbound traffic");
    const { state, outcomes } = replayIncident(SNAPSHOT, [c], null);
    expect(state.severity).toBe("sev0");
    const entry = {
      at: "2026-11-22T22:40:00Z",
      by: "carol",
      url: `${ISSUE_URL}#issuecomment-101`,
      kind: "severity",
      from: "sev1",
      to: "sev0",
      reason: "patient records confirmed in the outbound traffic",
    };
    expect(state.timeline[2]).toEqual(entry);
    expect(state.timeline).toHaveLength(3);
    expect(outcomes).toEqual([
      { commentId: 101, command: { name: "severity", level: "sev0", reason: "patient records confirmed in the outbound traffic" }, entry, refusal: null },
    ]);
  });

  it("records a change without a reason as reason null", () => {
    const { state } = replayIncident(SNAPSHOT, [comment(102, "2026-11-22T22:40:00Z", "/severity emergency")], null);
    expect(state.severity).toBe("emergency");
    expect(state.timeline[2]).toMatchObject({ kind: "severity", from: "sev1", to: "emergency", reason: null });
  });

  it("changes nothing when the incident already has that severity", () => {
    const { state, outcomes } = replayIncident(SNAPSHOT, [comment(103, "2026-11-22T22:40:00Z", "/severity Sev1 still partial")], null);
    expect(state.severity).toBe("sev1");
    expect(state.timeline.map((e) => e.kind)).toEqual(["notified", "declared"]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ commentId: 103, entry: null, refusal: null });
  });
});

describe("replayIncident: /status", () => {
  it("moves the status on and records the transition", () => {
    const c1 = comment(201, "2026-11-22T23:00:00Z", "/status mitigating");
    const c2 = comment(202, "2026-11-23T01:00:00Z", "/status Mitigated.", "dave");
    const { state, outcomes } = replayIncident(SNAPSHOT, [c1, c2], null);
    expect(state.status).toBe("mitigated");
    expect(state.timeline.slice(2)).toEqual([
      { at: "2026-11-22T23:00:00Z", by: "carol", url: `${ISSUE_URL}#issuecomment-201`, kind: "status", from: "investigating", to: "mitigating" },
      { at: "2026-11-23T01:00:00Z", by: "dave", url: `${ISSUE_URL}#issuecomment-202`, kind: "status", from: "mitigating", to: "mitigated" },
    ]);
    expect(outcomes.map((o) => o.commentId)).toEqual([201, 202]);
  });

  it("changes nothing when the status is the current one", () => {
    const { state, outcomes } = replayIncident(SNAPSHOT, [comment(203, "2026-11-22T23:00:00Z", "/status investigating")], null);
    expect(state.status).toBe("investigating");
    expect(state.timeline).toHaveLength(2);
    expect(outcomes[0]).toMatchObject({ commentId: 203, command: { name: "status", status: "investigating" }, entry: null, refusal: null });
  });
});

describe("replayIncident: /note", () => {
  it("adds the note's text, including the lines after the command", () => {
    const body = "/note Blocked egress from db-1 at the firewall.\nSnapshot of the disk taken before any change.";
    const { state, outcomes } = replayIncident(SNAPSHOT, [comment(301, "2026-11-22T22:50:00Z", body)], null);
    const entry = {
      at: "2026-11-22T22:50:00Z",
      by: "carol",
      url: `${ISSUE_URL}#issuecomment-301`,
      kind: "note",
      text: "Blocked egress from db-1 at the firewall.\nSnapshot of the disk taken before any change.",
    };
    expect(state.timeline[2]).toEqual(entry);
    expect(outcomes[0]?.entry).toEqual(entry);
    // A note changes nothing else.
    expect(state).toMatchObject({ severity: "sev1", status: "investigating", responder: "alice" });
  });
});

describe("replayIncident: /responder", () => {
  it("hands the incident to another person", () => {
    const { state, outcomes } = replayIncident(SNAPSHOT, [comment(401, "2026-11-22T22:45:00Z", "/responder @carol")], null);
    expect(state.responder).toBe("carol");
    const entry = {
      at: "2026-11-22T22:45:00Z",
      by: "carol",
      url: `${ISSUE_URL}#issuecomment-401`,
      kind: "responder",
      from: "alice",
      to: "carol",
      escalated: false,
      reason: null,
    };
    expect(state.timeline[2]).toEqual(entry);
    expect(outcomes[0]).toMatchObject({ commentId: 401, entry, refusal: null });
  });

  it("changes nothing when the login is the current responder in another case", () => {
    const { state, outcomes } = replayIncident(SNAPSHOT, [comment(402, "2026-11-22T22:45:00Z", "/responder @ALICE")], null);
    expect(state.responder).toBe("alice");
    expect(state.timeline).toHaveLength(2);
    expect(outcomes[0]).toMatchObject({ commentId: 402, entry: null, refusal: null });
  });
});

describe("replayIncident: /escalate", () => {
  it("walks the chain primary → backup → Security Officer, then refuses", () => {
    const comments = [
      comment(501, "2026-11-22T22:40:00Z", "/escalate alice is on a flight", "alice"),
      comment(502, "2026-11-22T23:10:00Z", "/escalate", "bob"),
      comment(503, "2026-11-22T23:40:00Z", "/escalate", "olivia"),
    ];
    const { state, outcomes } = replayIncident(SNAPSHOT, comments, null);
    expect(state.responder).toBe("olivia");
    expect(state.timeline.slice(2)).toEqual([
      { at: "2026-11-22T22:40:00Z", by: "alice", url: `${ISSUE_URL}#issuecomment-501`, kind: "responder", from: "alice", to: "bob", escalated: true, reason: "alice is on a flight" },
      { at: "2026-11-22T23:10:00Z", by: "bob", url: `${ISSUE_URL}#issuecomment-502`, kind: "responder", from: "bob", to: "olivia", escalated: true, reason: null },
    ]);
    expect(outcomes).toHaveLength(3);
    expect(outcomes[2]).toMatchObject({ commentId: 503, command: { name: "escalate", reason: null }, entry: null });
    expect(outcomes[2]?.refusal).toContain("olivia is the last in the escalation chain");
    expect(outcomes[2]?.refusal).toContain("alice → bob → olivia");
    expect(outcomes[2]?.refusal).toContain("/responder");
  });

  it("escalates from someone outside the chain to the chain's second member", () => {
    const comments = [
      comment(511, "2026-11-22T22:40:00Z", "/responder @dave"),
      comment(512, "2026-11-22T23:00:00Z", "/escalate dave needs help", "dave"),
    ];
    const { state, outcomes } = replayIncident(SNAPSHOT, comments, null);
    expect(state.responder).toBe("bob");
    expect(outcomes[1]?.entry).toMatchObject({ kind: "responder", from: "dave", to: "bob", escalated: true, reason: "dave needs help" });
  });

  it("finds the responder in the chain whatever the case of the login", () => {
    const comments = [
      comment(521, "2026-11-22T22:40:00Z", "/responder @Bob"),
      comment(522, "2026-11-22T23:00:00Z", "/escalate"),
    ];
    const { state } = replayIncident(SNAPSHOT, comments, null);
    expect(state.responder).toBe("olivia");
    expect(state.timeline.at(-1)).toMatchObject({ kind: "responder", from: "Bob", to: "olivia", escalated: true });
  });
});

describe("replayIncident: which commands count", () => {
  it("ignores every command of an author who may not run them", () => {
    const comments = [
      comment(601, "2026-11-22T22:40:00Z", "/severity sev2\n/status resolved\n/responder @mallory\n/note all fine", "mallory", false),
    ];
    const { state, outcomes } = replayIncident(SNAPSHOT, comments, null);
    expect(state).toEqual(replayIncident(SNAPSHOT, [], null).state);
    expect(state).toMatchObject({ severity: "sev1", status: "investigating", responder: "alice" });
    expect(outcomes).toEqual([]);
  });

  it("skips lines that did not parse and runs the rest", () => {
    const c = comment(602, "2026-11-22T22:40:00Z", "/severity sev9 worse\n/sevrity sev0\n/status mitigating\n/status fixed");
    expect(c.commands.map((p) => p.ok)).toEqual([false, false, true, false]);
    const { state, outcomes } = replayIncident(SNAPSHOT, [c], null);
    expect(state.severity).toBe("sev1");
    expect(state.status).toBe("mitigating");
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ commentId: 602, command: { name: "status", status: "mitigating" } });
  });

  it("acknowledges /help and /postmortem without changing anything", () => {
    const { state, outcomes } = replayIncident(SNAPSHOT, [comment(603, "2026-11-22T22:40:00Z", "/help\n/postmortem")], null);
    expect(state.timeline).toHaveLength(2);
    expect(outcomes).toEqual([
      { commentId: 603, command: { name: "help" }, entry: null, refusal: null },
      { commentId: 603, command: { name: "postmortem" }, entry: null, refusal: null },
    ]);
  });
});

describe("replayIncident: order", () => {
  it("replays comments in comment order, whatever order they are given in", () => {
    const early = comment(701, "2026-11-22T22:40:00Z", "/severity sev0 data confirmed");
    const late = comment(702, "2026-11-23T03:00:00Z", "/severity sev2 only test data after all");
    const { state, outcomes } = replayIncident(SNAPSHOT, [late, early], null);
    expect(state.severity).toBe("sev2");
    expect(outcomes.map((o) => o.commentId)).toEqual([701, 702]);
    expect(state.timeline.slice(2)).toEqual([
      expect.objectContaining({ kind: "severity", from: "sev1", to: "sev0", at: "2026-11-22T22:40:00Z" }),
      expect.objectContaining({ kind: "severity", from: "sev0", to: "sev2", at: "2026-11-23T03:00:00Z" }),
    ]);
    expect(replayIncident(SNAPSHOT, [early, late], null)).toMatchObject({ state, outcomes });
  });

  it("breaks ties between comments at the same moment by comment id", () => {
    const second = comment(712, "2026-11-22T22:40:00Z", "/status mitigated");
    const first = comment(711, "2026-11-22T22:40:00Z", "/status mitigating");
    const { state, outcomes } = replayIncident(SNAPSHOT, [second, first], null);
    expect(outcomes.map((o) => o.commentId)).toEqual([711, 712]);
    expect(state.status).toBe("mitigated");
    expect(state.timeline.slice(2)).toEqual([
      expect.objectContaining({ from: "investigating", to: "mitigating" }),
      expect.objectContaining({ from: "mitigating", to: "mitigated" }),
    ]);
  });

  it("does not reorder the caller's array", () => {
    const comments = [comment(722, "2026-11-23T00:00:00Z", "/note b"), comment(721, "2026-11-22T23:00:00Z", "/note a")];
    replayIncident(SNAPSHOT, comments, null);
    expect(comments.map((c) => c.id)).toEqual([722, 721]);
  });

  it("runs several commands of one comment in the order they are written", () => {
    const body = [
      "Contained for now.",
      "/status mitigating",
      "/note Quarantined db-1; restored the users table from the 22:00 backup.",
      "/severity sev0 records were read",
      "/status mitigated",
    ].join("\n");
    const { state, outcomes } = replayIncident(SNAPSHOT, [comment(731, "2026-11-22T23:30:00Z", body)], null);
    expect(outcomes.map((o) => o.command.name)).toEqual(["status", "note", "severity", "status"]);
    expect(outcomes.every((o) => o.commentId === 731)).toBe(true);
    expect(state).toMatchObject({ severity: "sev0", status: "mitigated" });
    expect(state.timeline.slice(2).map((e) => e.kind)).toEqual(["status", "note", "severity", "status"]);
    expect(state.timeline[3]).toMatchObject({ kind: "note", text: "Quarantined db-1; restored the users table from the 22:00 backup." });
  });
});

describe("replayIncident: closing the issue", () => {
  it("resolves the incident when the issue is closed as completed", () => {
    const c = comment(801, "2026-11-23T01:00:00Z", "/status mitigated");
    const { state } = replayIncident(SNAPSHOT, [c], { at: "2026-11-24T17:00:00Z", reason: "completed" });
    expect(state.status).toBe("resolved");
    expect(state.timeline.at(-1)).toEqual({ at: "2026-11-24T17:00:00Z", kind: "closed", reason: "completed" });
    expect(state.timeline.map((e) => e.kind)).toEqual(["notified", "declared", "status", "closed"]);
  });

  it("records but does not resolve an issue closed as not planned", () => {
    const c = comment(802, "2026-11-23T01:00:00Z", "/status mitigating");
    const { state } = replayIncident(SNAPSHOT, [c], { at: "2026-11-23T02:00:00Z", reason: "not_planned" });
    expect(state.status).toBe("mitigating");
    expect(state.timeline.at(-1)).toEqual({ at: "2026-11-23T02:00:00Z", kind: "closed", reason: "not_planned" });
  });

  it("keeps the timeline in time order when a command's comment is later than the closing", () => {
    const c = comment(803, "2026-11-25T09:00:00Z", "/note Follow-up: keys rotated.");
    const { state } = replayIncident(SNAPSHOT, [c], { at: "2026-11-24T17:00:00Z", reason: "completed" });
    expect(state.timeline.map((e) => e.kind)).toEqual(["notified", "declared", "closed", "note"]);
    expect(state.status).toBe("resolved");
  });
});

describe("timeline order across offsets", () => {
  it("orders a local-offset notification before a later UTC declaration (zone ahead of UTC)", () => {
    const snapshot: IncidentSnapshot = {
      ...SNAPSHOT,
      declaredAt: "2026-11-22T13:30:00Z",
      notifiedAt: "2026-11-22T14:05:00+01:00",
    };
    const { state } = replayIncident(snapshot, [comment(1, "2026-11-22T13:20:00Z", "/note before declaration in text order")], null);
    expect(state.timeline.map((e) => e.kind)).toEqual(["notified", "note", "declared"]);
  });
});

describe("replayIncident: recorded comments", () => {
  it("replays a recorded comment by its op codes, not by its text now", () => {
    const c = { ...comment(900, "2026-11-22T23:00:00Z", "/severity sev2"), recorded: ["s:sev0"], edited: true };
    const { state, outcomes, ops } = replayIncident(SNAPSHOT, [c], null);
    expect(state.severity).toBe("sev0");
    expect(outcomes).toEqual([]);
    expect(ops).toEqual([[900, ["s:sev0"]]]);
  });

  it("shows a recorded note's text only while the comment is unedited", () => {
    const same = { ...comment(901, "2026-11-22T23:00:00Z", "/note keys rotated"), recorded: ["n"], edited: false };
    const edited = { ...same, edited: true };
    expect(replayIncident(SNAPSHOT, [same], null).state.timeline.at(-1)).toMatchObject({ kind: "note", text: "keys rotated" });
    expect(replayIncident(SNAPSHOT, [edited], null).state.timeline.at(-1)).toMatchObject({ kind: "note", text: null });
  });

  it("records a refusal for an author without permission, and invalid lines as such", () => {
    const refused = comment(902, "2026-11-22T23:00:00Z", "/severity sev0", "mallory", false);
    const mixed = comment(903, "2026-11-22T23:01:00Z", "/severity sev9\n/note ok");
    expect(replayIncident(SNAPSHOT, [refused, mixed], null).ops).toEqual([[902, ["x"]], [903, ["!", "n"]]]);
  });
});
