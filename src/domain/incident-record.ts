import { DateTime } from "luxon";
import type { VigilConfig } from "../config/schema.js";
import { keepCheckedItems } from "./checklist.js";
import { helpText } from "./commands.js";
import type { IncidentSnapshot, IncidentState, TimelineEntry } from "./incident-state.js";
import { marker, MARKER } from "./markers.js";
import { pagedMentions } from "./paging.js";
import { blockText, inlineText } from "./sanitize.js";
import { SEVERITY_INFO, severityPages } from "./severity.js";
import { STATUS_INFO } from "./status.js";

export const MITIGATION_CHECKLIST = [
  "Terminate services where needed to prevent data loss",
  "Quarantine affected servers",
  "Restore affected data from backups",
  "Rebuild affected systems from configuration",
  "Add capacity if the service is degraded",
  "Record every issue seen and every change made with /note",
];

export const INVESTIGATION_CHECKLIST = [
  "Review system logs, and gaps in them",
  "Review database logs for the extent of data access",
  "Review intrusion-detection logs",
  "Review identity and access logs",
  "Review the incident log itself (this issue)",
  "Document all analysis and identify the root cause",
];

const ANSWER: Record<string, string> = { yes: "Yes", no: "No", unknown: "Unknown", real: "Real", perceived: "Perceived", minimal: "Minimal", serious: "Serious", critical: "Critical" };
const SOURCE: Record<string, string> = {
  engineering: "Engineering",
  employee: "Customer success / other employee",
  customer: "Customer or end user",
  external: "External source",
  monitoring: "Monitoring alert",
  unknown: "Unknown",
};

/** Formats an instant for people: local time in the configured zone, with the zone's abbreviation. */
export function formatMoment(iso: string, timezone: string): string {
  const dt = DateTime.fromISO(iso, { setZone: true }).setZone(timezone);
  return dt.isValid ? dt.toFormat("yyyy-MM-dd HH:mm ZZZZ") : iso;
}

/** Everything the record is rendered from. */
export interface RecordInput {
  snapshot: IncidentSnapshot;
  state: IncidentState;
  config: Pick<VigilConfig, "timezone" | "oncall">;
  /** The current record body, so ticked checklist items stay ticked. */
  previousBody?: string;
}

/** Renders the incident record comment; reporter-typed text is always rendered as inert data. */
export function renderIncidentRecord({ snapshot, state, config, previousBody }: RecordInput): string {
  const { report } = snapshot;
  const tz = config.timezone;
  const sev = SEVERITY_INFO[state.severity];
  const pages = severityPages(state.severity);
  const officer = config.oncall.securityOfficer;
  const path = snapshot.chain
    .map((login) => (login.toLowerCase() === officer.toLowerCase() ? `${login} (Security Officer)` : login))
    .join(" → ");
  const rows: [string, string][] = [
    ["Severity", `**${sev.displayName}** — ${sev.meaning}`],
    ["Status", STATUS_INFO[state.status].displayName],
    ["Primary responder", state.responder],
    ["Escalation path", path],
    ["Declared", formatMoment(snapshot.declaredAt, tz)],
    ["Reporter notified", report.notifiedAt ? formatMoment(report.notifiedAt, tz) : "not given"],
    ["Source", SOURCE[report.source] ?? report.source],
    ["Notifier contact", report.notifierContact ? inlineText(report.notifierContact) : "not given"],
    ["Environment", report.environment],
    ["Systems", report.systems ? inlineText(report.systems) : "not given"],
  ];
  const lines = [
    marker(MARKER.incidentRecord, { ...snapshot }),
    `## Incident record`,
    "",
    "| | |",
    "|---|---|",
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    "",
  ];
  if (pages) {
    lines.push(`**${sev.displayName}: paging** ${pagedMentions(config.oncall).join(", ")}`, "");
  }
  lines.push(
    "### Assessment",
    "",
    "| Question | Answer |",
    "|---|---|",
    `| Real or perceived? | ${ANSWER[report.real] ?? report.real} |`,
    `| Still in progress? | ${ANSWER[report.inProgress] ?? report.inProgress} |`,
    `| Business impact if the attack succeeds | ${ANSWER[report.impact] ?? report.impact} |`,
    `| Is the response urgent? | ${ANSWER[report.urgent] ?? report.urgent} |`,
    `| Can it be contained quickly? | ${ANSWER[report.containable] ?? report.containable} |`,
    "",
    "### Summary",
    "",
    blockText(report.summary),
    "",
    "### Mitigation checklist",
    "",
    ...MITIGATION_CHECKLIST.map((item) => `- [ ] ${item}`),
    "",
    "### Investigation checklist",
    "",
    ...INVESTIGATION_CHECKLIST.map((item) => `- [ ] ${item}`),
    "",
    "### Timeline",
    "",
    ...state.timeline.map((entry) => `- ${formatMoment(entry.at, tz)} — ${describeEntry(entry)}`),
    "",
    "### Commands",
    "",
    helpText(),
    "",
    "_Vigil keeps this record up to date in place. Tick checklist items here as the work is done._",
  );
  const body = lines.join("\n");
  return previousBody ? keepCheckedItems(previousBody, body) : body;
}

/** One line of the timeline, for the record and the post-mortem. */
export function describeEntry(entry: TimelineEntry): string {
  switch (entry.kind) {
    case "notified":
      return "reporter notified of the incident";
    case "declared":
      return `incident declared as ${SEVERITY_INFO[entry.severity].displayName}; primary responder ${entry.responder}`;
    case "severity":
      return `severity ${SEVERITY_INFO[entry.from].displayName} → ${SEVERITY_INFO[entry.to].displayName} by ${entry.by}${entry.reason ? `: ${inlineText(entry.reason)}` : ""}`;
    case "status":
      return `status ${STATUS_INFO[entry.from].displayName} → ${STATUS_INFO[entry.to].displayName} by ${entry.by}`;
    case "note":
      return `note by ${entry.by}: ${inlineText(truncate(entry.text, 280))}`;
    case "responder":
      return `${entry.escalated ? "escalated" : "responder changed"} from ${entry.from} to ${entry.to} by ${entry.by}${entry.reason ? `: ${inlineText(entry.reason)}` : ""}`;
    case "closed":
      return entry.reason === "not_planned" ? "closed as not planned" : "resolved (issue closed)";
    case "reopened":
      return "reopened";
  }
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
