import { repliesFor } from "../domain/command-replies.js";
import type { ParsedCommand } from "../domain/commands.js";
import { marker, MARKER } from "../domain/markers.js";
import { inlineText } from "../domain/sanitize.js";
import { ownLabel } from "../domain/labels.js";
import { severityLabel, withSeverityLabel } from "../domain/severity.js";
import type { IssueRef } from "../github/client.js";
import { createComment, reactToComment } from "../github/comments.js";
import { addAssignees, closeIssue, removeAssignees, setLabels } from "../github/issues.js";
import { ensureLabel } from "../github/labels.js";
import { findMarked } from "../github/marked-comments.js";
import { canCommand, getRole } from "../github/permissions.js";
import { loadIncident, refreshComments, replay, writeRecord, type LoadedIncident } from "./incident-sync.js";
import { runIntake } from "./intake.js";
import { syncProject } from "./project-sync.js";
import type { Run } from "./run.js";

/** The comment whose commands are being run. */
export interface CommandCommentInput {
  id: number;
  author: string;
}

/**
 * Runs the commands of one comment (SPEC 2.2): checks the author's permission, replays every command
 * of the incident to get its state, converges labels, assignees, issue state, record and project on
 * that state, then acknowledges with a reaction and replies only where there is something to say.
 */
export async function runCommands(run: Run, issueNumber: number, comment: CommandCommentInput, parsed: readonly ParsedCommand[]): Promise<void> {
  if (parsed.length === 0) return;
  const ref: IssueRef = { ...run.repo, issue_number: issueNumber };
  const role = await getRole(run.gh, run.repo, comment.author);
  let incident = await loadIncident(run, issueNumber);
  if (!canCommand(role)) {
    const text = `Sorry, ${comment.author}: only people with write, maintain or admin permission on this repository can run Vigil commands. Nothing was changed; ask the primary responder to run the command for you.`;
    await replyOnce(run, incident, comment.id, text);
    run.log.info({ issue: issueNumber, role }, "command refused: insufficient permission");
    return;
  }
  if (!incident.record) {
    await runIntake(run, issueNumber);
    incident = await refreshComments(run, incident);
  }
  const record = incident.record;
  if (!record) {
    await replyOnce(run, incident, comment.id, "Commands work once the incident is declared. Complete the form as the comment above asks (edit the issue), then run the command again.");
    return;
  }

  const { state, outcomes } = await replay(run, { ...incident, record }, new Map([[comment.author.toLowerCase(), role]]));
  const mine = outcomes.filter((o) => o.commentId === comment.id);
  const replies: string[] = parsed.filter((p) => !p.ok).map((p) => `\`${inlineText(p.line)}\`: ${inlineText(p.error)}`);
  if (replies.length > 0) replies.push("Run `/help` for every command and its form.");
  replies.push(...mine.flatMap((o) => repliesFor(o, run.config.oncall)));

  const changed = (name: string) => mine.some((o) => o.entry && o.command.name === name);
  if (changed("severity")) {
    await ensureLabel(run.gh, run.repo, ownLabel(severityLabel(state.severity)));
    await setLabels(run.gh, ref, withSeverityLabel(incident.issue.labels, state.severity));
  }
  if (changed("responder") || changed("escalate")) {
    const assigned = await addAssignees(run.gh, ref, [state.responder]);
    const isAssigned = (login: string) => assigned.some((a) => a.toLowerCase() === login.toLowerCase());
    if (isAssigned(state.responder)) {
      const previous = mine.flatMap((o) => (o.entry?.kind === "responder" ? [o.entry.from] : []));
      await removeAssignees(run.gh, ref, previous.filter((p) => p.toLowerCase() !== state.responder.toLowerCase() && isAssigned(p)));
    } else {
      // Keep whoever is assigned: an incident must never be left with nobody on it.
      replies.push(`${state.responder} could not be assigned: GitHub only assigns people with access to this repository. Give them access, or use \`/responder\` to pick someone else; the current assignees stay on the incident meanwhile.`);
    }
  }
  if (state.status === "resolved" && incident.issue.state === "open" && mine.some((o) => o.entry?.kind === "status" && o.entry.to === "resolved")) {
    await closeIssue(run.gh, ref, "completed");
  }
  await writeRecord(run, incident, record.snapshot, state);
  if (changed("severity") || changed("status")) {
    await syncProject(run, ref, incident.issue.nodeId, { severity: state.severity, status: state.status }, incident.comments);
  }
  if (parsed.some((p) => p.ok)) await reactToComment(run.gh, run.repo, comment.id, "+1");
  if (replies.length > 0) await replyOnce(run, incident, comment.id, replies.join("\n\n"));
  run.log.info({ issue: issueNumber, commands: parsed.length, accepted: mine.length }, "commands run");
}

/** Replies to a comment once: a redelivered webhook finds the earlier reply by its marker. */
async function replyOnce(run: Run, incident: LoadedIncident, commentId: number, text: string): Promise<void> {
  if (findMarked(incident.comments, MARKER.commandReply, (d) => d.comment === commentId).length > 0) return;
  await createComment(run.gh, incident.ref, `${marker(MARKER.commandReply, { comment: commentId })}\n${text}`);
}
