import type { Command, ParsedCommand } from "./commands.js";
import type { IncidentReport } from "./incident-report.js";
import { nextInChain } from "./oncall.js";
import type { Severity } from "./severity.js";
import { INITIAL_STATUS, type IncidentStatus } from "./status.js";

/** What intake fixed when it declared the incident; stored in the record's hidden marker. */
export interface IncidentSnapshot {
  v: 1;
  /** When the incident was declared (the issue was filed), ISO instant. */
  declaredAt: string;
  report: IncidentReport;
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
  | { at: string; kind: "note"; by: string; text: string; url: string }
  | { at: string; kind: "responder"; by: string; from: string; to: string; escalated: boolean; reason: string | null; url: string }
  | { at: string; kind: "closed"; reason: "completed" | "not_planned" | "other" }
  | { at: string; kind: "reopened" };

/** A comment that holds commands, with whether its author may run them. */
export interface CommandComment {
  id: number;
  at: string;
  author: string;
  url: string;
  allowed: boolean;
  commands: ParsedCommand[];
}

/** The incident as its commands and the state have made it. */
export interface IncidentState {
  severity: Severity;
  status: IncidentStatus;
  responder: string;
  timeline: TimelineEntry[];
}

/** What a single accepted command did, for acknowledgements and replies. */
export interface CommandOutcome {
  commentId: number;
  command: Command;
  /** Null when the command changed nothing (e.g. the severity it already had). */
  entry: TimelineEntry | null;
  /** Why nothing could be done, for a reply (e.g. nobody left to escalate to). */
  refusal: string | null;
}

/**
 * Replays every accepted command, in comment order, on top of the snapshot. Deriving the state
 * from the comments (rather than patching a stored copy) means concurrent handlers converge and a
 * command whose webhook was dropped is still counted the next time anything runs.
 */
export function replayIncident(
  snapshot: IncidentSnapshot,
  comments: readonly CommandComment[],
  closed: { at: string; reason: "completed" | "not_planned" | "other" } | null,
): { state: IncidentState; outcomes: CommandOutcome[] } {
  const state: IncidentState = {
    severity: snapshot.report.severity,
    status: INITIAL_STATUS,
    responder: snapshot.responder,
    timeline: [],
  };
  if (snapshot.report.notifiedAt) state.timeline.push({ at: snapshot.report.notifiedAt, kind: "notified" });
  state.timeline.push({
    at: snapshot.declaredAt,
    kind: "declared",
    by: "vigil",
    severity: snapshot.report.severity,
    responder: snapshot.responder,
  });
  const outcomes: CommandOutcome[] = [];
  const ordered = [...comments].sort((a, b) => instant(a.at) - instant(b.at) || a.id - b.id);
  for (const comment of ordered) {
    if (!comment.allowed) continue;
    for (const parsed of comment.commands) {
      if (!parsed.ok) continue;
      outcomes.push(applyCommand(state, snapshot, comment, parsed.command));
    }
  }
  if (closed) {
    state.timeline.push({ at: closed.at, kind: "closed", reason: closed.reason });
    if (closed.reason === "completed") state.status = "resolved";
  }
  // Stable sort by instant: times carry different offsets (the notification time is local, GitHub's are UTC).
  state.timeline.sort((a, b) => instant(a.at) - instant(b.at));
  return { state, outcomes };
}

function instant(iso: string): number {
  return Date.parse(iso);
}

function applyCommand(state: IncidentState, snapshot: IncidentSnapshot, c: CommandComment, command: Command): CommandOutcome {
  const base = { at: c.at, by: c.author, url: c.url };
  const outcome = (entry: TimelineEntry | null, refusal: string | null = null): CommandOutcome => {
    if (entry) state.timeline.push(entry);
    return { commentId: c.id, command, entry, refusal };
  };
  switch (command.name) {
    case "severity": {
      if (command.level === state.severity) return outcome(null);
      const entry = { ...base, kind: "severity" as const, from: state.severity, to: command.level, reason: command.reason };
      state.severity = command.level;
      return outcome(entry);
    }
    case "status": {
      if (command.status === state.status) return outcome(null);
      const entry = { ...base, kind: "status" as const, from: state.status, to: command.status };
      state.status = command.status;
      return outcome(entry);
    }
    case "note":
      return outcome({ ...base, kind: "note", text: command.text });
    case "responder": {
      if (command.login.toLowerCase() === state.responder.toLowerCase()) return outcome(null);
      const entry = { ...base, kind: "responder" as const, from: state.responder, to: command.login, escalated: false, reason: null };
      state.responder = command.login;
      return outcome(entry);
    }
    case "escalate": {
      const next = nextInChain({ chain: snapshot.chain }, state.responder);
      if (!next) return outcome(null, `${state.responder} is the last in the escalation chain (${snapshot.chain.join(" → ")}); use /responder to hand the incident to someone else.`);
      const entry = { ...base, kind: "responder" as const, from: state.responder, to: next, escalated: true, reason: command.reason };
      state.responder = next;
      return outcome(entry);
    }
    case "postmortem":
    case "help":
      return outcome(null);
  }
}
