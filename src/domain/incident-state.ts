import type { Command, ParsedCommand } from "./commands.js";
import { nextInChain } from "./oncall.js";
import { unknownPlanReply } from "./plans/replies.js";
import { planFileSlug } from "./plans/slug.js";
import type { AssessedSeverity, Severity } from "./severity.js";
import { INITIAL_STATUS, type IncidentStatus } from "./status.js";

/** What intake fixed when it declared the incident (kept in the record's marker: ids and enums only). */
export interface IncidentSnapshot {
  /** When the incident was declared (the issue was filed), ISO instant. */
  declaredAt: string;
  /** The severity the reporter chose. */
  severity: Severity;
  /** The reporter's notification time, ISO instant; read from the issue each time, null when unknown. */
  notifiedAt: string | null;
  /** The primary responder at declaration. */
  responder: string;
  /** The escalation chain at declaration: primary, backup, Security Officer. */
  chain: string[];
}

/** One entry of the incident's timeline. */
export type TimelineEntry =
  | { at: string; kind: "notified" }
  | { at: string; kind: "declared"; by: string; severity: Severity; responder: string }
  | { at: string; kind: "severity"; by: string; from: Severity; to: Severity; reason: string | null; url: string }
  | { at: string; kind: "status"; by: string; from: IncidentStatus; to: IncidentStatus; url: string }
  | { at: string; kind: "note"; by: string; text: string | null; url: string }
  | { at: string; kind: "comms"; by: string; to: string; text: string | null; url: string }
  | { at: string; kind: "plan"; by: string; slug: string; url: string }
  | { at: string; kind: "responder"; by: string; from: string; to: string; escalated: boolean; reason: string | null; url: string }
  | { at: string; kind: "closed"; reason: "completed" | "not_planned" | "other" }
  | { at: string; kind: "reopened" };

/**
 * A comment that holds commands. `recorded` is what the incident record remembers Vigil did with
 * it (its op codes), `edited` whether its text changed since; a comment not yet recorded is run
 * now, and `allowed` says whether its author may run commands (undefined only for recorded ones).
 */
export interface CommandComment {
  id: number;
  at: string;
  author: string;
  url: string;
  commands: readonly ParsedCommand[];
  recorded: readonly string[] | null;
  edited: boolean;
  allowed?: boolean;
}

/**
 * An external communication recorded with `/comms` (SPEC 2.2): to whom, when (the comment's time),
 * and the message verbatim. The recipient and message are read from the comment while it is as it
 * was when Vigil recorded it; after an edit `text` is null and `to` is "" (GitHub keeps the history).
 */
export interface Communication {
  at: string;
  by: string;
  to: string;
  text: string | null;
  url: string;
  commentId: number;
}

/** The incident as its commands and the state have made it. */
export interface IncidentState {
  severity: Severity;
  status: IncidentStatus;
  responder: string;
  timeline: TimelineEntry[];
  /** Every external communication, in comment order. */
  comms: Communication[];
  /** The slugs of the response plans attached, in the order first attached, each once. */
  plans: string[];
}

/** What one command of a comment run now did, for acknowledgements and replies. */
export interface CommandOutcome {
  commentId: number;
  command: Command;
  /** Null when the command changed nothing (e.g. the severity it already had). */
  entry: TimelineEntry | null;
  /** Why nothing could be done, for a reply (e.g. nobody left to escalate to). */
  refusal: string | null;
}

/** The result of a replay: the state, what the newly run comments did, and the op codes of every comment. */
export interface Replay {
  state: IncidentState;
  outcomes: CommandOutcome[];
  /** Comment id → op codes, for every command comment, in comment order. */
  ops: [number, string[]][];
}

/**
 * Replays the incident: the declaration, then every command comment in comment order: a recorded
 * comment by its recorded op codes (so an edit or a permission change later does not alter what
 * it did), a new one by its text now. Both concurrent commands count, because the state is derived
 * from all comments every time rather than patched.
 *
 * `plans`, when given, are the response plans the repository has (slugs or file names of
 * `.github/incident-plans/`, matched by `planFileSlug`): a new `/plan` for any other is refused
 * with `unknownPlanReply` (op `P`, nothing attached). Without it every `/plan` attaches its slug,
 * and the caller checks that the plan exists.
 */
export function replayIncident(
  snapshot: IncidentSnapshot,
  comments: readonly CommandComment[],
  closed: { at: string; reason: "completed" | "not_planned" | "other" } | null,
  plans?: readonly string[],
): Replay {
  const state: IncidentState = { severity: snapshot.severity, status: INITIAL_STATUS, responder: snapshot.responder, timeline: [], comms: [], plans: [] };
  if (snapshot.notifiedAt) state.timeline.push({ at: snapshot.notifiedAt, kind: "notified" });
  state.timeline.push({ at: snapshot.declaredAt, kind: "declared", by: "vigil", severity: snapshot.severity, responder: snapshot.responder });
  const outcomes: CommandOutcome[] = [];
  const ops: [number, string[]][] = [];
  for (const comment of [...comments].sort((a, b) => a.id - b.id)) {
    if (comment.recorded) {
      replayRecorded(state, comment, comment.recorded);
      ops.push([comment.id, [...comment.recorded]]);
    } else {
      ops.push([comment.id, runNew(state, snapshot, comment, outcomes, plans)]);
    }
  }
  if (closed) {
    state.timeline.push({ at: closed.at, kind: "closed", reason: closed.reason });
    if (closed.reason === "completed") state.status = "resolved";
  }
  // Stable sort by instant: times carry different offsets (the notification time is local, GitHub's are UTC).
  state.timeline.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { state, outcomes, ops };
}

function runNew(state: IncidentState, snapshot: IncidentSnapshot, c: CommandComment, outcomes: CommandOutcome[], plans: readonly string[] | undefined): string[] {
  if (c.allowed !== true) return ["x"];
  return c.commands.map((parsed) => {
    if (!parsed.ok) return "!";
    const { op, outcome } = applyCommand(state, snapshot, c, parsed.command, plans);
    outcomes.push(outcome);
    return op;
  });
}

function applyCommand(state: IncidentState, snapshot: IncidentSnapshot, c: CommandComment, command: Command, plans: readonly string[] | undefined): { op: string; outcome: CommandOutcome } {
  const done = (op: string, entry: TimelineEntry | null, refusal: string | null = null) => ({ op, outcome: { commentId: c.id, command, entry, refusal } });
  switch (command.name) {
    case "severity":
      return done(`s:${command.level}`, setSeverity(state, c, command.level, command.reason));
    case "status":
      return done(`t:${command.status}`, setStatus(state, c, command.status));
    case "note":
      return done("n", note(state, c, command.text));
    case "responder":
      return done(`r:${command.login}`, setResponder(state, c, command.login, false, null));
    case "escalate": {
      const next = nextInChain({ chain: snapshot.chain }, state.responder);
      if (!next) return done("e", null, `${state.responder} is the last in the escalation chain (${snapshot.chain.join(" → ")}); use /responder to hand the incident to someone else.`);
      return done(`e:${next}`, setResponder(state, c, next, true, command.reason));
    }
    case "comms":
      return done("c", communicate(state, c, command.to, command.text));
    case "plan":
      if (plans && !plans.some((p) => planFileSlug(p) === command.slug)) return done("P", null, unknownPlanReply(command.plan, plans));
      return done(`P:${command.slug}`, attachPlan(state, c, command.slug));
    case "postmortem":
      return done("p", null);
    case "help":
      return done("h", null);
  }
}

// The command each op code was recorded for.
const OP_COMMAND: Record<string, Command["name"]> = {
  s: "severity", t: "status", n: "note", r: "responder", e: "escalate", c: "comms", P: "plan", p: "postmortem", h: "help",
};

// The text of a recorded command (a reason, a note, a communication) is taken from the comment
// only while the comment is as it was when it ran; after an edit the timeline says so instead of
// showing new words. Each code takes the next command of its kind, so a line that reads as a
// command only to a later Vigil (recorded as nothing, or as `!`) does not shift the others' texts.
function replayRecorded(state: IncidentState, c: CommandComment, codes: readonly string[]): void {
  const texts = c.edited ? [] : c.commands.flatMap((p) => (p.ok ? [p.command] : []));
  let i = 0;
  const next = (name: Command["name"] | undefined): Command | undefined => {
    const at = texts.findIndex((t, k) => k >= i && t.name === name);
    if (at === -1) return undefined;
    i = at + 1;
    return texts[at];
  };
  for (const code of codes) {
    if (code === "x" || code === "!") continue;
    const [kind = "", value = ""] = code.split(":");
    const command = next(OP_COMMAND[kind]);
    if (kind === "s") setSeverity(state, c, value as AssessedSeverity, command?.name === "severity" ? command.reason : null);
    else if (kind === "t") setStatus(state, c, value as IncidentStatus);
    else if (kind === "n") note(state, c, command?.name === "note" ? command.text : null);
    else if (kind === "r") setResponder(state, c, value, false, null);
    else if (kind === "e" && value) setResponder(state, c, value, true, command?.name === "escalate" ? command.reason : null);
    else if (kind === "c") communicate(state, c, command?.name === "comms" ? command.to : "", command?.name === "comms" ? command.text : null);
    else if (kind === "P" && value) attachPlan(state, c, value);
  }
}

function base(c: CommandComment) {
  return { at: c.at, by: c.author, url: c.url };
}

function push(state: IncidentState, entry: TimelineEntry): TimelineEntry {
  state.timeline.push(entry);
  return entry;
}

function setSeverity(state: IncidentState, c: CommandComment, to: Severity, reason: string | null): TimelineEntry | null {
  if (to === state.severity) return null;
  const entry = push(state, { ...base(c), kind: "severity", from: state.severity, to, reason });
  state.severity = to;
  return entry;
}

function setStatus(state: IncidentState, c: CommandComment, to: IncidentStatus): TimelineEntry | null {
  if (to === state.status) return null;
  const entry = push(state, { ...base(c), kind: "status", from: state.status, to });
  state.status = to;
  return entry;
}

function note(state: IncidentState, c: CommandComment, text: string | null): TimelineEntry {
  return push(state, { ...base(c), kind: "note", text });
}

function communicate(state: IncidentState, c: CommandComment, to: string, text: string | null): TimelineEntry {
  state.comms.push({ at: c.at, by: c.author, to, text, url: c.url, commentId: c.id });
  return push(state, { ...base(c), kind: "comms", to, text });
}

// Attaching a plan already attached adds nothing: its checklist is in the incident once.
function attachPlan(state: IncidentState, c: CommandComment, slug: string): TimelineEntry | null {
  if (state.plans.includes(slug)) return null;
  state.plans.push(slug);
  return push(state, { ...base(c), kind: "plan", slug });
}

function setResponder(state: IncidentState, c: CommandComment, to: string, escalated: boolean, reason: string | null): TimelineEntry | null {
  if (to.toLowerCase() === state.responder.toLowerCase()) return null;
  const entry = push(state, { ...base(c), kind: "responder", from: state.responder, to, escalated, reason });
  state.responder = to;
  return entry;
}
