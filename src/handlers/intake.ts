import type { FieldProblem } from "../domain/incident-report.js";
import { parseIncidentReport } from "../domain/incident-report.js";
import { renderIncidentRecord } from "../domain/incident-record.js";
import { replayIncident, type IncidentSnapshot } from "../domain/incident-state.js";
import { LABEL, ownLabel } from "../domain/labels.js";
import { marker, MARKER } from "../domain/markers.js";
import { resolveOncall } from "../domain/oncall.js";
import { inlineText } from "../domain/sanitize.js";
import { severityLabel, withSeverityLabel } from "../domain/severity.js";
import { findMarked, upsertMarkedComment } from "../github/marked-comments.js";
import { addAssignees, addLabels, setLabels } from "../github/issues.js";
import { ensureLabel } from "../github/labels.js";
import { loadForm } from "./form.js";
import { closedInfo, loadIncident, replay, writeRecord, type LoadedIncident } from "./incident-sync.js";
import { syncProject } from "./project-sync.js";
import type { Run } from "./run.js";

/**
 * Intake (SPEC 2.1): turns an issue labelled `incident` into a declared incident — severity label,
 * primary responder, incident record, project — or asks for what is missing. Safe to run any number
 * of times: an incident that already has its record is only brought up to date.
 */
export async function runIntake(run: Run, issueNumber: number): Promise<void> {
  const incident = await loadIncident(run, issueNumber);
  const { issue } = incident;
  if (issue.isPullRequest || !issue.labels.includes(LABEL.incident)) return;
  if (incident.record) return refreshIncident(run, { ...incident, record: incident.record });
  if (run.isPublic && !run.config.allowPublic) return refusePublic(run, incident);

  const form = await loadForm(run.gh, run.repo, run.log);
  const parsed = parseIncidentReport(issue.body, form, { timezone: run.config.timezone, now: run.now });
  if (!parsed.ok) return askForInfo(run, incident, parsed.problems);

  const oncall = resolveOncall(run.config, run.now);
  const snapshot: IncidentSnapshot = { v: 1, declaredAt: issue.createdAt, report: parsed.report, responder: oncall.primary, chain: oncall.chain };
  const severity = parsed.report.severity;
  await ensureLabel(run.gh, run.repo, ownLabel(severityLabel(severity)));
  const labels = withSeverityLabel(issue.labels, severity, [LABEL.needsInfo]);
  if (!sameSet(labels, issue.labels)) await setLabels(run.gh, incident.ref, labels);
  const assigned = await addAssignees(run.gh, incident.ref, [oncall.primary]);
  if (!assigned.some((a) => a.toLowerCase() === oncall.primary.toLowerCase())) {
    run.log.warn({ issue: issueNumber }, "primary responder could not be assigned (no repository access?)");
  }

  const { state } = replayIncident(snapshot, [], closedInfo(issue));
  const record = renderIncidentRecord({ snapshot, state, config: run.config });
  await upsertMarkedComment(run.gh, incident.ref, incident.comments, MARKER.incidentRecord, record);
  const asked = findMarked(incident.comments, MARKER.needsInfo, (d) => d.resolved !== true)[0];
  if (asked) {
    const done = `${marker(MARKER.needsInfo, { resolved: true })}\nThank you: the form is complete now, and the incident is declared in the record below.`;
    await upsertMarkedComment(run.gh, incident.ref, incident.comments, MARKER.needsInfo, done);
  }
  await syncProject(run, incident.ref, issue.nodeId, { severity, status: state.status }, incident.comments);
  run.log.info({ issue: issueNumber, severity }, "incident declared");
}

/** Brings a declared incident's record and project up to date with its commands and state. */
async function refreshIncident(run: Run, incident: LoadedIncident & { record: NonNullable<LoadedIncident["record"]> }): Promise<void> {
  const { state } = await replay(run, incident, new Map());
  await writeRecord(run, incident, incident.record.snapshot, state);
  await syncProject(run, incident.ref, incident.issue.nodeId, { severity: state.severity, status: state.status }, incident.comments);
}

async function askForInfo(run: Run, incident: LoadedIncident, problems: readonly FieldProblem[]): Promise<void> {
  await ensureLabel(run.gh, run.repo, ownLabel(LABEL.needsInfo));
  if (!incident.issue.labels.includes(LABEL.needsInfo)) await addLabels(run.gh, incident.ref, [LABEL.needsInfo]);
  const body = [
    marker(MARKER.needsInfo),
    "**Vigil needs more information before it can declare this incident.**",
    "",
    ...problems.map((p) => `- **${inlineText(p.label)}**: ${inlineText(p.message)}`),
    "",
    "Edit the issue description (the ⋯ menu → Edit) and correct the fields above. Vigil reads the issue again as soon as you save; nothing you wrote is lost.",
  ].join("\n");
  await upsertMarkedComment(run.gh, incident.ref, incident.comments, MARKER.needsInfo, body);
  run.log.info({ issue: incident.issue.number, problems: problems.length }, "incident needs information");
}

async function refusePublic(run: Run, incident: LoadedIncident): Promise<void> {
  const body = [
    marker(MARKER.publicRefusal),
    "**Vigil will not handle this incident here: this repository is public.**",
    "",
    "Incident details (systems, contacts, assessment, notes) must not be copied anywhere public, so Vigil has not written a record, assigned anyone or added it to a project.",
    "File the incident in a private repository instead, and consider editing this issue to remove sensitive details.",
    "If this repository is meant to take incidents in public, set `allowPublic: true` in `.github/incident-response.yml`.",
  ].join("\n");
  await upsertMarkedComment(run.gh, incident.ref, incident.comments, MARKER.publicRefusal, body);
  run.log.warn({ issue: incident.issue.number }, "incident in a public repository refused");
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const sa = lower(a);
  const sb = lower(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
