import { readFileSync } from "node:fs";
import type { IncidentReport } from "../../../src/domain/incident-report.js";
import { replayIncident, type IncidentSnapshot, type IncidentState, type TimelineEntry } from "../../../src/domain/incident-state.js";
import type { IncidentComment, PostmortemInput } from "../../../src/domain/postmortem/sections.js";

export const TZ = "America/Los_Angeles";
export const SHIPPED_TEMPLATE = readFileSync(new URL("../../../templates/postmortem.md", import.meta.url), "utf8");

export const SNAPSHOT: IncidentSnapshot = {
  declaredAt: "2026-11-23T05:30:00Z", // 2026-11-22 21:30 in Los Angeles
  severity: "sev1",
  notifiedAt: "2026-11-22T21:05:00-08:00",
  responder: "alice",
  chain: ["alice", "bob", "officer"],
};

export const REPORT: IncidentReport = {
  summary: "Outbound traffic from db-1 to an unknown host.\nExports suspected.",
  notifiedAt: "2026-11-22T21:05:00-08:00",
  notifiedAtText: "2026-11-22 21:05",
  source: "monitoring",
  notifierContact: "pager@example.com",
  systems: "db-1.prod.internal",
  environment: "production",
  severity: "sev1",
  real: "real",
  inProgress: "yes",
  impact: "critical",
  urgent: "yes",
  containable: "unknown",
};

// Typed loosely: the `comms` kind is added to TimelineEntry by the /comms work.
export function commsEntry(at: string, by: string, to: string, text: string | null, url: string): TimelineEntry {
  return { at, kind: "comms", by, to, text, url } as unknown as TimelineEntry;
}

/** A resolved incident's state: the replay's own fields, with the given timeline after the declaration. */
export function stateWith(entries: TimelineEntry[] = []): IncidentState {
  const base = replayIncident(SNAPSHOT, [], null).state;
  return {
    ...base,
    severity: "sev0",
    status: "resolved",
    timeline: [
      ...base.timeline,
      { at: "2026-11-23T06:00:00Z", kind: "severity", by: "bob", from: "sev1", to: "sev0", reason: "patient data confirmed", url: "https://github.com/acme/sec/issues/12#issuecomment-2" },
      ...entries,
      { at: "2026-11-25T23:00:00Z", kind: "closed", reason: "completed" },
    ],
  };
}

export function comment(id: number, body: string, extra: Partial<IncidentComment> = {}): IncidentComment {
  return {
    id,
    author: "carol",
    createdAt: "2026-11-24T01:15:00Z",
    body,
    edited: false,
    url: `https://github.com/acme/sec/issues/12#issuecomment-${id}`,
    ...extra,
  };
}

export function input(over: Partial<PostmortemInput> = {}): PostmortemInput {
  return {
    template: SHIPPED_TEMPLATE,
    incident: { number: 12, title: "DB exfiltration", url: "https://github.com/acme/sec/issues/12" },
    snapshot: SNAPSHOT,
    state: stateWith(),
    report: REPORT,
    comments: [comment(1, "Looking at the firewall logs now.")],
    plans: [],
    timezone: TZ,
    ledgerHead: null,
    ...over,
  };
}
