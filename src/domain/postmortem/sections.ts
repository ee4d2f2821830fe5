import { describeEntry, formatMoment, INVESTIGATION_CHECKLIST } from "../incident-record.js";
import type { IncidentReport } from "../incident-report.js";
import type { IncidentSnapshot, IncidentState, TimelineEntry } from "../incident-state.js";
import { codeSpan } from "../markdown/code-span.js";
import { inlineText, mentionOrName } from "../sanitize.js";
import { SEVERITY_INFO } from "../severity.js";
import { STATUS_INFO } from "../status.js";
import type { Deadline } from "../working-days.js";
import { communicationsOf } from "./communications.js";
import { describeDue } from "./due-text.js";
import type { PlaceholderName } from "./template.js";
import { verbatimBlock } from "./verbatim-block.js";

/** A comment of the incident issue, as GitHub holds it now. */
export interface IncidentComment {
  id: number;
  author: string;
  createdAt: string;
  body: string;
  edited: boolean;
  url: string;
}

/** Everything a post-mortem document is rendered from. */
export interface PostmortemInput {
  /** The shipped template, or the repository's `.github/postmortem-template.md`. */
  template: string;
  incident: { number: number; title: string; url: string };
  snapshot: IncidentSnapshot;
  state: IncidentState;
  /** The reporter's answers; null when the description no longer reads as the form. */
  report: IncidentReport | null;
  comments: readonly IncidentComment[];
  /** The response plans attached with /plan and the tasks each copied into the incident. */
  plans: readonly { name: string; tasks: readonly string[] }[];
  timezone: string;
  /** The evidence ledger's head hash (SPEC 2.13); null when the incident has no ledger. */
  ledgerHead: string | null;
  /** When the document is due; absent, `{{due}}` points to the pull request. */
  due?: { deadline: Deadline | null; workingDays: number };
}

// Every line a person typed is shown through inlineText (one line, inert) or verbatimBlock (many
// lines, literal); logins are written without `@` so the document notifies nobody.
const name = (login: string) => mentionOrName(login, false);
const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
// URLs come from GitHub's API, but a link target is still kept to https so none can turn into script.
const link = (label: string, url: string | null | undefined) =>
  url && /^https:\/\/[^\s()<>]+$/.test(url) ? ` ([${label}](${url}))` : "";

function entryUrl(entry: TimelineEntry): string | null {
  const url = (entry as { url?: unknown }).url;
  return typeof url === "string" ? url : null;
}

function resolvedAt(state: IncidentState): string | null {
  const last = [...state.timeline].reverse().find((e) => (e.kind === "closed" && e.reason === "completed") || (e.kind === "status" && e.to === "resolved"));
  return last?.at ?? null;
}

function summary(input: PostmortemInput): string {
  const { incident, snapshot, state, report, timezone } = input;
  const resolved = resolvedAt(state);
  const lines = [
    `- Incident: [#${incident.number}](${incident.url}) ${inlineText(incident.title)}`,
    `- Declared: ${formatMoment(snapshot.declaredAt, timezone)}, as ${SEVERITY_INFO[snapshot.severity].displayName}`,
    `- Reporter notified: ${snapshot.notifiedAt ? formatMoment(snapshot.notifiedAt, timezone) : "not given"}`,
    `- Resolved: ${resolved ? formatMoment(resolved, timezone) : `not yet (status ${STATUS_INFO[state.status].displayName} when this document was opened)`}`,
    `- Final severity: ${SEVERITY_INFO[state.severity].displayName} — ${SEVERITY_INFO[state.severity].meaning}`,
    `- Primary responder: ${name(state.responder)}`,
    "",
  ];
  if (report) lines.push("The reporter's summary, as typed:", "", verbatimBlock(report.summary));
  else lines.push("_The issue description no longer reads as the incident form; the reporter's summary is in the issue._");
  return lines.join("\n");
}

function severityHistory({ snapshot, state, timezone }: PostmortemInput): string {
  const lines = [`- ${formatMoment(snapshot.declaredAt, timezone)} — declared as ${SEVERITY_INFO[snapshot.severity].displayName}`];
  for (const entry of state.timeline) {
    if (entry.kind === "severity") lines.push(`- ${formatMoment(entry.at, timezone)} — ${describeEntry(entry)}${link("comment", entry.url)}`);
  }
  return lines.join("\n");
}

function impact({ report }: PostmortemInput): string {
  if (!report) return "_The reporter's assessment cannot be read: the issue description no longer reads as the incident form._";
  const rows: [string, string][] = [
    ["Real or perceived?", capitalised(report.real)],
    ["Still in progress when reported?", capitalised(report.inProgress)],
    ["Business impact if the attack succeeds", capitalised(report.impact)],
    ["Was the response urgent?", capitalised(report.urgent)],
    ["Could it be contained quickly?", capitalised(report.containable)],
    ["Environment", capitalised(report.environment)],
    ["Systems", report.systems ? inlineText(report.systems) : "not given"],
  ];
  return ["The reporter's assessment at declaration:", "", "| Question | Answer |", "|---|---|", ...rows.map(([q, a]) => `| ${q} | ${a} |`)].join("\n");
}

function timeline({ state, timezone }: PostmortemInput): string {
  if (state.timeline.length === 0) return "_No timeline entries._";
  // `?? entry.kind`: an entry kind describeEntry does not know yet still gets a line.
  return state.timeline.map((e) => `- ${formatMoment(e.at, timezone)} — ${describeEntry(e) ?? inlineText(e.kind)}${link("comment", entryUrl(e))}`).join("\n");
}

function communications({ state, timezone }: PostmortemInput): string {
  const comms = communicationsOf(state.timeline);
  if (comms.length === 0) return "No external communication was recorded with /comms.";
  return comms
    .map((c) => {
      const head = `**To ${c.to === null ? "(recipient not recorded)" : inlineText(c.to)}** — ${formatMoment(c.at, timezone)}${c.by ? `, recorded by ${name(c.by)}` : ""}${link("comment", c.url)}`;
      const text = c.text === null
        ? "_The message is not shown: its comment was edited after Vigil recorded it. The evidence ledger and GitHub's edit history keep the original._"
        : verbatimBlock(c.text);
      return `${head}\n\n${text}`;
    })
    .join("\n\n");
}

function comments({ comments, timezone }: PostmortemInput): string {
  if (comments.length === 0) return "_The incident has no comments._";
  const ordered = [...comments].sort((a, b) => a.id - b.id);
  const intro =
    `${ordered.length === 1 ? "1 comment" : `${ordered.length} comments`}, oldest first, each exactly as typed: ` +
    "line endings are written as LF, and invisible or control characters as their code point, e.g. ⟨U+202E⟩.";
  const blocks = ordered.map((c) => `**${name(c.author)}** — ${formatMoment(c.createdAt, timezone)}${c.edited ? " (edited)" : ""}${link("comment", c.url)}\n\n${verbatimBlock(c.body)}`);
  return [intro, ...blocks].join("\n\n");
}

function plans({ plans }: PostmortemInput): string {
  if (plans.length === 0) return "No scenario response plan was attached with /plan.";
  return plans
    .map((p) => [`**${inlineText(p.name)}**`, "", ...(p.tasks.length ? p.tasks.map((t) => `- [ ] ${inlineText(t)}`) : ["_The plan has no tasks._"])].join("\n"))
    .join("\n\n");
}

function due({ due, timezone }: PostmortemInput): string {
  if (!due) return "see the pull request";
  const text = describeDue(due.deadline, timezone, due.workingDays);
  return text.skipped.length ? `${text.due}; non-working days skipped: ${text.skipped.join(", ")}` : text.due;
}

/** The content of every placeholder for one incident. */
export function postmortemSections(input: PostmortemInput): Record<PlaceholderName, string> {
  const { incident, ledgerHead } = input;
  return {
    title: inlineText(incident.title),
    number: String(incident.number),
    incident: `[#${incident.number}](${incident.url})`,
    due: due(input),
    ledger_head: ledgerHead ? codeSpan(ledgerHead) : "none recorded",
    summary: summary(input),
    severity_history: severityHistory(input),
    impact: impact(input),
    timeline: timeline(input),
    communications: communications(input),
    investigation_checklist: INVESTIGATION_CHECKLIST.map((item) => `- [ ] ${item}`).join("\n"),
    plans: plans(input),
    comments: comments(input),
  };
}
