import { DateTime } from "luxon";
import type { VigilSettings as VigilConfig } from "./settings.js";
import { renderChecklist, tickedItems } from "./checklist.js";
import { rememberByText } from "./remember.js";
import { helpText } from "./commands.js";
import type { IncidentReport } from "./incident-report.js";
import type { IncidentSnapshot, IncidentState, TimelineEntry } from "./incident-state.js";
import { pagedMentions } from "./paging.js";
import { fitBody, GITHUB_BODY_LIMIT, truncateText } from "./markdown/fit-body.js";
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

// Luxon builds a new Intl formatter for every zone abbreviation it prints, and every delivery re-renders
// the same few moments: remembered, keyed by both texts (a NUL joins them; neither holds one).
const formatRemembered = rememberByText((key) => {
  const [iso = "", timezone] = key.split("\u0000");
  const dt = DateTime.fromISO(iso, { setZone: true }).setZone(timezone);
  return dt.isValid ? dt.toFormat("yyyy-MM-dd HH:mm ZZZZ") : iso;
});

/** Formats an instant for people: local time in the configured zone, with the zone's abbreviation. */
export function formatMoment(iso: string, timezone: string): string {
  return formatRemembered(`${iso}\u0000${timezone}`);
}

const SUMMARY_MAX = 12_000;
const FIELD_MAX = 1_000;
const TIMELINE_MAX = 100;

/** Everything the record is rendered from. */
export interface RecordInput {
  /** The marker line that starts the record. */
  marker: string;
  snapshot: IncidentSnapshot;
  state: IncidentState;
  /** The reporter's answers as the issue holds them now; null when the description no longer reads as the form. */
  report: IncidentReport | null;
  config: Pick<VigilConfig, "timezone" | "oncall">;
  /** The current record body, so ticked checklist items stay ticked. */
  previousBody?: string;
  /** The responder GitHub would not assign (no access), if any. */
  unassignable?: string | null;
}

/**
 * Renders the incident record comment; reporter-typed text is always rendered as inert data, and the
 * body stays within GitHub's limit whatever was typed: long fields are shortened with a note that the
 * full text stays in the issue, and only the latest timeline entries are listed when there are many.
 */
export function renderIncidentRecord(input: RecordInput): string {
  for (let limit = TIMELINE_MAX; ; limit = Math.floor(limit / 2)) {
    const body = renderWith(input, limit);
    if (body.length <= GITHUB_BODY_LIMIT || limit === 0) return fitBody([{ text: body, shrinkable: true }]);
  }
}

function renderWith({ marker, snapshot, state, report, config, previousBody, unassignable }: RecordInput, timelineMax: number): string {
  const tz = config.timezone;
  const ticked = tickedItems(previousBody ?? "");
  const sev = SEVERITY_INFO[state.severity];
  const pages = severityPages(state.severity);
  const officer = config.oncall.securityOfficer;
  const path = snapshot.chain
    .map((login) => (login.toLowerCase() === officer.toLowerCase() ? `${login} (Security Officer)` : login))
    .join(" → ");
  const field = (text: string | null | undefined) => (text ? inlineText(clipText(text, FIELD_MAX)) : "not given");
  const responder = unassignable && unassignable.toLowerCase() === state.responder.toLowerCase()
    ? `${state.responder} (not assigned: GitHub only assigns people with access to this repository)`
    : state.responder;
  const rows: [string, string][] = [
    ["Severity", `**${sev.displayName}** — ${sev.meaning}`],
    ["Status", STATUS_INFO[state.status].displayName],
    ["Primary responder", responder],
    ["Escalation path", path],
    ["Declared", formatMoment(snapshot.declaredAt, tz)],
    ["Reporter notified", snapshot.notifiedAt ? formatMoment(snapshot.notifiedAt, tz) : "not given"],
  ];
  if (report) {
    rows.push(
      ["Source", SOURCE[report.source] ?? report.source],
      ["Notifier contact", field(report.notifierContact)],
      ["Environment", report.environment],
      ["Systems", field(report.systems)],
    );
  }
  const lines = [marker, `## Incident record`, "", "| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`), ""];
  if (pages) lines.push(`**${sev.displayName}: paging** ${pagedMentions(config.oncall).join(", ")}`, "");
  if (report) {
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
      blockText(clipText(report.summary, SUMMARY_MAX)),
    );
    if (report.summary.length > SUMMARY_MAX) lines.push("", "_The summary is shortened here; the full text stays in the issue description._");
    lines.push("");
  } else {
    lines.push("_The issue description no longer reads as the incident form (see Vigil's comment on what to fix); the report's answers are shown again once it does._", "");
  }
  const shown = state.timeline.slice(-timelineMax);
  const hidden = state.timeline.length - shown.length;
  lines.push(
    "### Mitigation checklist",
    "",
    ...renderChecklist(MITIGATION_CHECKLIST, ticked),
    "",
    "### Investigation checklist",
    "",
    ...renderChecklist(INVESTIGATION_CHECKLIST, ticked),
    "",
    "### Timeline",
    "",
    ...(hidden > 0 ? [`- _${hidden} earlier entries are not listed here; every command stays in the comments above._`] : []),
    ...shown.map((entry) => `- ${formatMoment(entry.at, tz)} — ${describeEntry(entry)}`),
    "",
    "### Commands",
    "",
    helpText(),
    "",
    "_Vigil keeps this record up to date in place. Tick checklist items here as the work is done._",
  );
  return lines.join("\n");
}

// Shortened with a visible ellipsis; the field's note, or the record's, says the full text stays in the issue.
function clipText(text: string, max: number): string {
  const cut = truncateText(text, max - 1);
  return cut.truncated ? `${cut.text}…` : text;
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
      return entry.text === null
        ? `note by ${entry.by} (the comment was edited after Vigil recorded it; GitHub keeps its history)`
        : `note by ${entry.by}: ${inlineText(truncate(entry.text, 280))}`;
    case "comms": {
      const to = entry.to.trim() === "" ? "" : ` to ${inlineText(truncate(entry.to, 200))}`;
      return entry.text === null
        ? `communication${to} by ${entry.by} (the comment was edited after Vigil recorded it; GitHub keeps its history)`
        : `communication${to} by ${entry.by}: ${inlineText(truncate(entry.text, 280))}`;
    }
    case "plan":
      return `response plan ${entry.slug} attached by ${entry.by}`;
    case "responder":
      return `${entry.escalated ? "escalated" : "responder changed"} from ${entry.from} to ${entry.to} by ${entry.by}${entry.reason ? `: ${inlineText(entry.reason)}` : ""}`;
    case "closed":
      return entry.reason === "not_planned" ? "closed as not planned" : "resolved (issue closed)";
    case "reopened":
      return "reopened";
  }
}

function truncate(text: string, max: number): string {
  return clipText(text.replace(/\s+/g, " ").trim(), max);
}
