import { describe, expect, it } from "vitest";
import type { ObservedComment, ObservedIssue, ObservedRepo } from "../../../src/domain/incident/observation.js";
import { planIncident, type IncidentConfig, type IncidentInput } from "../../../src/domain/incident/plan.js";
import type { RepoRole } from "../../../src/domain/incident/permission.js";
import { shortHash } from "../../../src/domain/hash.js";
import type { Effect } from "../../../src/engine/effects.js";
import { parseMarker, renderMarker } from "../../../src/markers/define.js";
import type { Identity } from "../../../src/markers/identity.js";
import { COMMAND_REPLY, INCIDENT_RECORD } from "../../../src/markers/kinds.js";
import { INCIDENT_FORM, option, renderFormBody } from "../../helpers/incident-form.js";

const VIGIL: Identity = { login: "vigil[bot]", isBot: true };
const BOT = { login: "vigil", isBot: true };
const NOW = new Date("2026-11-23T18:00:00Z");
const CONFIG: IncidentConfig = {
  timezone: "America/Los_Angeles",
  allowPublic: false,
  oncall: { rotation: ["alice", "bob", "carol"], start: "2026-01-05T09:00", overrides: [], securityOfficer: "erin", escalate: ["@acme/security"] },
};
const BODY = renderFormBody(INCIDENT_FORM, {
  summary: "Outbound traffic from db-1.", notified_at: "2026-11-23 09:40", source: "Monitoring alert", notifier_contact: "pager@example.com",
  systems: "db-1", environment: "Production", severity: option(INCIDENT_FORM, "severity", "Sev1"), real: "Real", in_progress: "Yes",
  impact: "Serious", urgent: "Yes", containable: "Unknown",
});
const REPO: ObservedRepo = { owner: "acme", name: "incidents", isPublic: false, labels: ["incident", "severity: sev1", "severity: sev0", "needs-info"], formText: null };

let nextId = 100;
function comment(body: string, login = "bob", isBot = false): ObservedComment {
  const id = nextId++;
  return { id, body, author: { login, isBot }, createdAt: `2026-11-23T18:${String(id % 60).padStart(2, "0")}:00Z`, url: `https://github.com/acme/incidents/issues/7#issuecomment-${id}` };
}

function issue(overrides: Partial<ObservedIssue> = {}): ObservedIssue {
  return {
    number: 7, nodeId: "I_7", title: "db-1", body: BODY, url: "https://github.com/acme/incidents/issues/7", state: "open", stateReason: null,
    createdAt: "2026-11-23T17:50:00Z", closedAt: null, author: { login: "reporter", isBot: false },
    labels: ["incident"], assignees: [], projectItems: [], comments: [], ...overrides,
  };
}

function input(i: ObservedIssue, more: Partial<IncidentInput> = {}): IncidentInput {
  const roles = new Map<string, RepoRole>([["bob", "write"], ["alice", "write"], ["mallory", "read"]]);
  return { repo: REPO, issue: i, form: INCIDENT_FORM, config: CONFIG, now: NOW, identity: VIGIL, roles, assignable: new Map([["bob", true], ["alice", true], ["carol", true]]), project: undefined, ...more };
}

function effects(i: IncidentInput): Effect[] {
  const plan = planIncident(i);
  if (plan.kind !== "plan") throw new Error(`needs ${JSON.stringify(plan)}`);
  return plan.effects;
}

/** Applies a plan's effects to the observation the way GitHub would, for idempotence checks. */
function applied(i: ObservedIssue, fx: Effect[]): ObservedIssue {
  let next = { ...i, comments: [...i.comments] };
  for (const e of fx) {
    if (e.kind === "setLabels") next = { ...next, labels: e.labels };
    if (e.kind === "addAssignees") next = { ...next, assignees: [...next.assignees, ...e.logins] };
    if (e.kind === "removeAssignees") next = { ...next, assignees: next.assignees.filter((a) => !e.logins.includes(a)) };
    if (e.kind === "closeIssue") next = { ...next, state: "closed", stateReason: e.reason, closedAt: NOW.toISOString() };
    if (e.kind === "createComment") next.comments.push({ ...comment(e.body, BOT.login, true) });
    if (e.kind === "updateComment") next.comments = next.comments.map((c) => (c.id === e.commentId ? { ...c, body: e.body } : c));
    if (e.kind === "deleteComment") next.comments = next.comments.filter((c) => c.id !== e.commentId);
  }
  return next;
}

const recordOf = (i: ObservedIssue) => i.comments.find((c) => c.author.isBot && parseMarker(INCIDENT_RECORD, c.body));

describe("planIncident: intake", () => {
  it("declares: severity label, primary responder, one record; then nothing to do", () => {
    const fx = effects(input(issue()));
    expect(fx.map((e) => e.kind)).toEqual(["setLabels", "addAssignees", "createComment"]);
    expect(fx[0]).toMatchObject({ labels: ["incident", "severity: sev1"] });
    expect(fx[1]).toMatchObject({ logins: ["bob"] });
    const after = applied(issue(), fx);
    expect(effects(input(after))).toEqual([]);
    expect(parseMarker(INCIDENT_RECORD, recordOf(after)!.body)).toMatchObject({ issue: 7, severity: "sev1", responder: "bob", cmds: [] });
  });

  it("keeps the report out of the marker: no user text, whatever was typed", () => {
    const nasty = issue({ body: BODY.replace("Outbound traffic from db-1.", "x\u2028y\u2029 --> <!-- @erin `/severity sev0`") });
    const body = (effects(input(nasty)).find((e) => e.kind === "createComment") as { body: string }).body;
    const markerLine = body.split("\n")[0]!;
    expect(markerLine).not.toContain("@erin");
    expect(markerLine).not.toMatch(/[\u2028\u2029]/);
    expect(body).not.toMatch(/[\u2028\u2029]/);
  });

  it("asks for what is missing when the form does not parse, and declares once it does", () => {
    const broken = issue({ body: "I think we were hacked" });
    const fx = effects(input(broken));
    expect(fx.map((e) => e.kind)).toEqual(["setLabels", "createComment"]);
    expect(fx[0]).toMatchObject({ labels: ["incident", "needs-info"] });
    const fixed = { ...applied(broken, fx), body: BODY };
    const next = effects(input(fixed));
    expect(next.map((e) => e.kind)).toEqual(["setLabels", "addAssignees", "updateComment", "createComment"]);
    expect(next[0]).toMatchObject({ labels: ["incident", "severity: sev1"] });
  });

  it("in a public repository writes only the refusal, and nothing more however often it runs", () => {
    const pub = input(issue(), { repo: { ...REPO, isPublic: true } });
    const fx = effects(pub);
    expect(fx.map((e) => e.kind)).toEqual(["createComment"]);
    expect((fx[0] as { body: string }).body).not.toContain("db-1");
    expect(effects({ ...pub, issue: applied(issue(), fx) })).toEqual([]);
  });

  it("a repository made public after declaration gets no update, mention or reply", () => {
    const declared = applied(issue(), effects(input(issue())));
    const withCommand = { ...declared, comments: [...declared.comments, comment("/severity sev0 data left")] };
    const fx = effects(input(withCommand, { repo: { ...REPO, isPublic: true } }));
    expect(fx.map((e) => e.kind)).toEqual(["createComment"]);
    expect((fx[0] as { body: string }).body).not.toMatch(/@erin|data left/);
  });
});

describe("planIncident: commands replayed against the record", () => {
  const declared = () => applied(issue(), effects(input(issue())));

  it("runs a new command once: label swap, reaction, paging reply, record remembers it", () => {
    const c = comment("/severity sev0 customer data read");
    const i = { ...declared(), comments: [...declared().comments, c] };
    const fx = effects(input(i));
    // The reply, then the evidence ledger's first part, then the record.
    expect(fx.map((e) => e.kind)).toEqual(["setLabels", "react", "createComment", "createComment", "updateComment"]);
    expect(fx[3]).toMatchObject({ kind: "createComment", key: "evidence-ledger:7:1" });
    expect((fx[2] as { body: string }).body).toContain("@erin");
    const after = applied(i, fx);
    expect(parseMarker(INCIDENT_RECORD, recordOf(after)!.body)?.cmds).toEqual([[c.id, shortHash(c.body), ["s:sev0"]]]);
    expect(effects(input(after))).toEqual([]);
  });

  it("editing an old command comment does not run it again", () => {
    const c = comment("/severity sev0");
    const i = { ...declared(), comments: [...declared().comments, c] };
    const after = applied(i, effects(input(i)));
    const edited = { ...after, comments: after.comments.map((x) => (x.id === c.id ? { ...x, body: "/severity sev2" } : x)) };
    const fx = effects(input(edited));
    // Nothing runs again; the evidence ledger notices the change (no webhook brought the original) and records it.
    expect(fx.map((e) => [e.kind, "key" in e ? e.key.split(":")[0] : ""])).toEqual([["createComment", "evidence-notice"], ["updateComment", "evidence-ledger"]]);
    expect(effects(input(applied(edited, fx)))).toEqual([]);
  });

  it("a permission downgrade later does not undo an accepted command", () => {
    const c = comment("/severity sev0", "alice");
    const i = { ...declared(), comments: [...declared().comments, c] };
    const after = applied(i, effects(input(i)));
    expect(effects(input(after, { roles: new Map([["alice", "read"]]) }))).toEqual([]);
  });

  it("two commands that arrive together both count, in comment order", () => {
    const a = comment("/severity sev0");
    const b = comment("/status mitigating", "alice");
    const i = { ...declared(), comments: [...declared().comments, a, b] };
    const after = applied(i, effects(input(i)));
    const marker = parseMarker(INCIDENT_RECORD, recordOf(after)!.body)!;
    expect(marker.cmds.map((x) => x[2])).toEqual([["s:sev0"], ["t:mitigating"]]);
    expect(after.labels).toContain("severity: sev0");
    expect(recordOf(after)!.body).toContain("| Status | Mitigating |");
  });

  it("a label removed by hand is restored, and only that", () => {
    const d = declared();
    const fx = effects(input({ ...d, labels: ["incident"] }));
    expect(fx).toEqual([expect.objectContaining({ kind: "setLabels", labels: ["incident", "severity: sev1"] })]);
  });

  it("refuses politely whoever may not run commands, once", () => {
    const c = comment("/severity sev0", "mallory");
    const i = { ...declared(), comments: [...declared().comments, c] };
    const fx = effects(input(i));
    // The refusal, the ledger (a refused attempt is evidence too), the record.
    expect(fx.map((e) => e.kind)).toEqual(["createComment", "createComment", "updateComment"]);
    expect((fx[0] as { body: string }).body).toContain("only people with write");
    expect(effects(input(applied(i, fx)))).toEqual([]);
  });

  it("asks for the roles it needs before deciding", () => {
    const c = comment("/note hello", "zoe");
    const plan = planIncident(input({ ...declared(), comments: [...declared().comments, c] }));
    expect(plan).toEqual({ kind: "need", roles: ["zoe"], assignable: [] });
  });

  it("does not repeat a reply that already exists (a redelivery after an applied-but-failed write)", () => {
    const c = comment("/help");
    const reply = comment(`${renderMarker(COMMAND_REPLY, { comment: c.id })}\nhelp`, BOT.login, true);
    const i = { ...declared(), comments: [...declared().comments, c, reply] };
    expect(effects(input(i)).map((e) => [e.kind, "key" in e ? e.key.split(":")[0] : ""])).toEqual([["react", ""], ["createComment", "evidence-ledger"], ["updateComment", "incident-record"]]);
  });

  it("deletes the newer of two records left by racing replicas", () => {
    const d = declared();
    const copy = { ...recordOf(d)!, id: 999 };
    const fx = effects(input({ ...d, comments: [...d.comments, copy] }));
    expect(fx).toEqual([expect.objectContaining({ kind: "deleteComment", commentId: 999 })]);
  });

  it("trusts no marker another app or a person wrote", () => {
    const forged = comment(recordOf(declared())!.body.replace('"responder":"bob"', '"responder":"mallory"'), "other-app", true);
    const fx = effects(input({ ...issue(), comments: [forged] }));
    expect(fx.map((e) => e.kind)).toEqual(["setLabels", "addAssignees", "createComment"]);
  });

  it("/status resolved closes the issue once; reopening by hand is left alone", () => {
    const c = comment("/status resolved");
    const i = { ...declared(), comments: [...declared().comments, c] };
    const fx = effects(input(i));
    expect(fx.some((e) => e.kind === "closeIssue")).toBe(true);
    const reopened = { ...applied(i, fx), state: "open" as const, stateReason: "reopened" as const, closedAt: null };
    expect(effects(input(reopened)).some((e) => e.kind === "closeIssue")).toBe(false);
  });

  it("keeps the current assignee when the new responder cannot be assigned, and says so", () => {
    const c = comment("/responder zed");
    const i = { ...declared(), comments: [...declared().comments, c] };
    const plan = planIncident(input(i));
    expect(plan).toEqual({ kind: "need", roles: [], assignable: ["zed"] });
    const fx = effects(input(i, { assignable: new Map([["zed", false]]) }));
    expect(fx.some((e) => e.kind === "removeAssignees" || e.kind === "addAssignees")).toBe(false);
    expect(fx.find((e) => e.kind === "createComment")).toMatchObject({ body: expect.stringContaining("zed could not be assigned") });
  });
});

describe("planIncident: bodies within GitHub's limit", () => {
  it("shortens a huge summary with a note; the record stays under 65,536 characters", () => {
    const huge = issue({ body: BODY.replace("Outbound traffic from db-1.", "A".repeat(200_000)) });
    const record = effects(input(huge)).find((e) => e.kind === "createComment") as { body: string };
    expect(record.body.length).toBeLessThanOrEqual(65_536);
    expect(record.body).toContain("full text stays in the issue");
  });

  it("keeps the record within the limit with thousands of notes", () => {
    const d = applied(issue(), effects(input(issue())));
    const notes = Array.from({ length: 400 }, () => comment(`/note ${"n".repeat(400)}`));
    const record = effects(input({ ...d, comments: [...d.comments, ...notes] })).find((e) => e.kind === "updateComment") as { body: string };
    expect(record.body.length).toBeLessThanOrEqual(65_536);
  });
});

describe("planIncident: replies within GitHub's limit", () => {
  it("a comment of thousands of long mistyped commands gets one short reply", () => {
    const d = applied(issue(), effects(input(issue())));
    const c = comment(Array.from({ length: 3000 }, () => `/severity ${"z".repeat(60_000 / 3000)}`).join("\n\n"));
    const reply = effects(input({ ...d, comments: [...d.comments, c] })).find((e) => e.kind === "createComment") as { body: string };
    expect(reply.body.length).toBeLessThanOrEqual(65_536);
    expect(reply.body).toContain("Only the first 20 commands of a comment run");
  });

  it("more command comments than a record can keep are answered, not run, and the record stays within the limit", () => {
    const d = applied(issue(), effects(input(issue())));
    const many = Array.from({ length: 805 }, (_, i) => comment(`/severity ${i % 2 ? "sev0" : "sev2"} ${"r".repeat(200)}`));
    const fx = effects(input({ ...d, comments: [...d.comments, ...many] }));
    const replies = fx.filter((e) => e.kind === "createComment");
    expect(replies.filter((e) => (e as { body: string }).body.includes("reached the 800 command comments"))).toHaveLength(5);
    const record = fx.find((e) => e.kind === "updateComment") as { body: string };
    expect(record.body.length).toBeLessThanOrEqual(65_536);
    expect(parseMarker(INCIDENT_RECORD, record.body)?.cmds).toHaveLength(800);
  });
});
