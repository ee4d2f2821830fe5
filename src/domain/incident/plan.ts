import type { VigilSettings } from "../settings.js";
import type { Effect } from "../../engine/effects.js";
import { isOwn, type Identity } from "../../markers/identity.js";
import { COMMAND_REPLY, INCIDENT_RECORD, MAX_COMMAND_COMMENTS, MAX_COMMANDS_PER_COMMENT, NEEDS_INFO, PLAN_CHECKLIST, PUBLIC_REFUSAL } from "../../markers/kinds.js";
import { planFileSlug, planTasks, renderPlanChecklist } from "../plans/index.js";
import { findMarked, renderMarker } from "../../markers/define.js";
import { repliesFor } from "../command-replies.js";
import { parseCommands } from "../commands.js";
import { shortHash } from "../hash.js";
import { parseIncidentReport } from "../incident-report.js";
import { renderIncidentRecord } from "../incident-record.js";
import { replayIncident, type CommandComment, type IncidentSnapshot } from "../incident-state.js";
import type { FormDefinition } from "../issue-form.js";
import { LABEL } from "../labels.js";
import { fitBody, truncateText } from "../markdown/fit-body.js";
import { resolveOncall } from "../oncall.js";
import { inlineText } from "../sanitize.js";
import { planLabels } from "./labels-plan.js";
import { MESSAGES } from "./messages.js";
import type { ListedIssue, ObservedComment, ObservedIssue, ObservedPostmortem, ObservedProject, ObservedRepo } from "./observation.js";
import { planPostmortem, type PostmortemConfig } from "./postmortem-plan.js";
import { mayRunCommands, type RepoRole } from "./permission.js";
import { planProject } from "./project-plan.js";
import { dedupeMarked, upsertMarked } from "./upsert.js";

/** The configuration an incident is planned with. */
export type IncidentConfig = Pick<VigilSettings, "timezone" | "oncall" | "allowPublic" | "project"> & Partial<PostmortemConfig>;

/** Everything the incident planner decides from. */
export interface IncidentInput {
  repo: ObservedRepo;
  issue: ObservedIssue;
  form: FormDefinition;
  config: IncidentConfig;
  now: Date;
  identity: Identity;
  /** Roles of command authors, by lower-cased login (asked for with a `need`). */
  roles: ReadonlyMap<string, RepoRole>;
  /** Whether GitHub can assign a login, by lower-cased login (asked for with a `need`). */
  assignable: ReadonlyMap<string, boolean>;
  /** The configured project: undefined when none is configured, null when it cannot be found. */
  project: ObservedProject | null | undefined;
  /** The post-mortem's branch, pull requests, template and plans; undefined leaves the post-mortem unplanned. */
  postmortem?: {
    observed: ObservedPostmortem;
    shippedTemplate: string;
    reviewIssues: readonly ListedIssue[] | undefined;
    mergedDocument: string | null | undefined;
  };
}

/** Either the lookups the planner still needs, or the effects that bring the incident to its desired state. */
export type IncidentPlan =
  | { kind: "need"; roles: string[]; assignable: string[]; reviewIssuesSince?: string; file?: string }
  | { kind: "plan"; effects: Effect[] };

const lower = (s: string) => s.toLowerCase();

/** Whether an issue is an incident Vigil handles: an issue (not a PR) labelled `incident`. */
export function isIncident(issue: Pick<ObservedIssue, "labels">): boolean {
  return issue.labels.some((l) => lower(l) === LABEL.incident);
}

/**
 * Plans one incident (SPEC 2.1, 2.2): from the issue, its comments and Vigil's record as they are
 * now, the effects that make labels, assignees, record, replies and project match the replayed
 * state. Nothing to do is `[]`, so a second run at the same instant writes nothing.
 */
export function planIncident(input: IncidentInput): IncidentPlan {
  const { issue, repo, config, identity } = input;
  if (!isIncident(issue)) return { kind: "plan", effects: [] };
  const effects: Effect[] = [...dedupeMarked(issue, identity)];
  if (repo.isPublic && !config.allowPublic) {
    effects.push(...upsertMarked(issue, identity, PUBLIC_REFUSAL, () => true, `${renderMarker(PUBLIC_REFUSAL, { issue: issue.number })}\n${MESSAGES.publicRefusal}`, "the repository is public: no incident details here"));
    return { kind: "plan", effects };
  }

  const parsed = parseIncidentReport(issue.body, input.form, { timezone: config.timezone, now: input.now });
  const report = parsed.ok ? parsed.report : null;
  const recorded = findMarked(INCIDENT_RECORD, issue.comments, identity)[0];
  if (!recorded && !parsed.ok) {
    effects.push(...planLabels(repo, issue, issue.labels.some((l) => lower(l) === LABEL.needsInfo) ? [] : [LABEL.needsInfo], []));
    effects.push(...needsInfo(issue, identity, parsed.problems, false));
    return { kind: "plan", effects };
  }

  const oncall = recorded ? null : resolveOncall(config, input.now);
  const marker = recorded?.data ?? {
    issue: issue.number, declaredAt: issue.createdAt, severity: report!.severity,
    responder: oncall!.primary, chain: oncall!.chain, cmds: [],
  };
  const snapshot: IncidentSnapshot = {
    declaredAt: marker.declaredAt, severity: marker.severity, notifiedAt: report?.notifiedAt ?? null,
    responder: marker.responder, chain: marker.chain,
  };
  const collected = collectCommandComments(issue.comments, identity, new Map(marker.cmds.map(([id, hash, ops]) => [id, { hash, ops }])), input.roles);
  const commandComments = collected.run;
  const missingRoles = [...new Set(commandComments.filter((c) => !c.recorded && c.allowed === undefined).map((c) => lower(c.author)))];
  if (missingRoles.length > 0) return { kind: "need", roles: missingRoles, assignable: [] };

  const planFiles = input.postmortem?.observed.plans ?? [];
  const replay = replayIncident(snapshot, commandComments, closedInfo(issue), input.postmortem ? planFiles.map((p) => planFileSlug(p.file)) : undefined);
  const { state } = replay;
  const responderAssigned = issue.assignees.some((a) => lower(a) === lower(state.responder));
  const canAssign = responderAssigned || input.assignable.get(lower(state.responder));
  if (canAssign === undefined) return { kind: "need", roles: [], assignable: [lower(state.responder)] };

  // Labels: exactly one severity label; `needs-info` while the description does not read as the form.
  effects.push(...planLabels(repo, issue, parsed.ok ? [] : [LABEL.needsInfo], parsed.ok ? [LABEL.needsInfo] : [], state.severity));

  // Assignees: the responder; earlier responders leave only once the new one is on the incident.
  if (canAssign) {
    if (!responderAssigned) effects.push({ kind: "addAssignees", issue: issue.number, logins: [state.responder], why: `${state.responder} is the primary responder` });
    const former = new Set([marker.responder, ...state.timeline.flatMap((e) => (e.kind === "responder" ? [e.from] : []))].map(lower));
    former.delete(lower(state.responder));
    const leaving = issue.assignees.filter((a) => former.has(lower(a)));
    if (leaving.length > 0) effects.push({ kind: "removeAssignees", issue: issue.number, logins: leaving, why: `no longer the primary responder (now ${state.responder})` });
  }

  // Newly run commands: close on `/status resolved`, acknowledge, reply where there is something to say.
  const fresh = commandComments.filter((c) => !c.recorded);
  if (issue.state === "open" && replay.outcomes.some((o) => o.entry?.kind === "status" && o.entry.to === "resolved")) {
    effects.push({ kind: "closeIssue", issue: issue.number, reason: "completed", why: "/status resolved" });
  }
  const replied = new Set(findMarked(COMMAND_REPLY, issue.comments, identity).map((r) => r.data.comment));
  const reply = (commentId: number, lines: string[]) => {
    if (lines.length === 0 || replied.has(commentId)) return;
    const body = fitBody([{ text: `${renderMarker(COMMAND_REPLY, { comment: commentId })}\n` }, { text: lines.join("\n\n"), shrinkable: true }]);
    effects.push({ kind: "createComment", issue: issue.number, key: `command-reply:${commentId}`, body, why: `reply to comment ${commentId}` });
  };
  for (const c of fresh) {
    const outcomes = replay.outcomes.filter((o) => o.commentId === c.id);
    if (c.allowed && c.commands.some((p) => p.ok)) effects.push({ kind: "react", issue: issue.number, commentId: c.id, content: "+1", why: "acknowledges the command" });
    const lines = c.allowed ? replyLines(c, outcomes, config, canAssign ? null : state.responder) : [MESSAGES.refused(c.author)];
    const dropped = collected.cut.get(c.id);
    if (c.allowed && dropped) lines.push(MESSAGES.tooManyCommands(MAX_COMMANDS_PER_COMMENT, dropped));
    reply(c.id, lines);
  }
  for (const id of collected.overLimit) reply(id, [MESSAGES.tooManyCommandComments(MAX_COMMAND_COMMENTS)]);

  // The form's state: ask again while it is broken, thank once it is fixed.
  if (!parsed.ok) effects.push(...needsInfo(issue, identity, parsed.problems, true));
  else effects.push(...resolveNeedsInfo(issue, identity));

  effects.push(...planProject(input, state));

  // Each attached response plan's task list is copied into the incident once, as its own checklist comment.
  for (const slug of state.plans) {
    if (findMarked(PLAN_CHECKLIST, issue.comments, identity).some((m) => m.data.slug === slug)) continue;
    const file = planFiles.find((p) => planFileSlug(p.file) === slug);
    if (!file) continue;
    const body = renderPlanChecklist({ marker: renderMarker(PLAN_CHECKLIST, { issue: issue.number, slug }), name: file.file.replace(/\.md$/i, ""), slug, tasks: planTasks(file.text) });
    effects.push({ kind: "createComment", issue: issue.number, key: `plan-checklist:${issue.number}:${slug}`, body, why: `/plan ${slug}` });
  }

  if (input.postmortem && config.calendar && config.postmortem && config.plans) {
    const pm = planPostmortem({
      repo, issue, pm: input.postmortem.observed, config: { ...config, calendar: config.calendar, postmortem: config.postmortem, plans: config.plans },
      now: input.now, identity, snapshot, state, report, requested: replay.ops.some(([, ops]) => ops.includes("p")),
      shippedTemplate: input.postmortem.shippedTemplate, reviewIssues: input.postmortem.reviewIssues, mergedDocument: input.postmortem.mergedDocument,
    });
    if (pm.kind === "need") return { ...pm, roles: [], assignable: [] };
    effects.push(...pm.effects);
  }

  // The record goes last: it is what says which commands have run, so it is written only after their effects.
  const recordMarker = renderMarker(INCIDENT_RECORD, { ...marker, cmds: replay.ops.map(([id, ops]) => [id, hashOf(issue.comments, id, marker.cmds), ops]) });
  const body = renderIncidentRecord({ marker: recordMarker, snapshot, state, report, config, previousBody: recorded?.item.body, unassignable: canAssign ? null : state.responder });
  effects.push(...upsertMarked(issue, identity, INCIDENT_RECORD, () => true, body, recorded ? "the incident's state changed" : "declares the incident"));
  return { kind: "plan", effects };
}

// New command comments beyond what a record can remember, and commands beyond what one comment may run, are
// answered instead of run; nothing about them is recorded, so nothing a person wrote is silently lost.
function collectCommandComments(
  comments: readonly ObservedComment[],
  identity: Identity,
  recorded: ReadonlyMap<number, { hash: string; ops: string[] }>,
  roles: ReadonlyMap<string, RepoRole>,
): { run: CommandComment[]; overLimit: number[]; cut: Map<number, number> } {
  const run: CommandComment[] = [];
  const overLimit: number[] = [];
  const cut = new Map<number, number>();
  let room = MAX_COMMAND_COMMENTS - recorded.size;
  for (const c of comments) {
    // Bots (Vigil included) do not run commands: a quoted command in a bot's message stays a quote.
    if (c.author.isBot || isOwn(c.author, identity)) continue;
    const parsed = parseCommands(c.body);
    const memory = recorded.get(c.id);
    if (parsed.length === 0 && !memory) continue;
    if (!memory && room-- <= 0) {
      overLimit.push(c.id);
      continue;
    }
    if (parsed.length > MAX_COMMANDS_PER_COMMENT) cut.set(c.id, parsed.length - MAX_COMMANDS_PER_COMMENT);
    const role = roles.get(lower(c.author.login));
    run.push({
      id: c.id, at: c.createdAt, author: c.author.login, url: c.url, commands: parsed.slice(0, MAX_COMMANDS_PER_COMMENT),
      recorded: memory?.ops ?? null,
      edited: memory !== undefined && memory.hash !== shortHash(c.body),
      ...(memory || role === undefined ? {} : { allowed: mayRunCommands(role) }),
    });
  }
  return { run, overLimit, cut };
}

// A recorded comment keeps the hash of its text when it ran; a new one is hashed now.
function hashOf(comments: readonly ObservedComment[], id: number, cmds: readonly [number, string, string[]][]): string {
  const known = cmds.find(([cid]) => cid === id);
  if (known) return known[1];
  const comment = comments.find((c) => c.id === id);
  return shortHash(comment?.body ?? "");
}

// A comment may hold any number of mistyped commands of any length: the reply lists a bounded number, each shortened.
const MAX_LISTED_ERRORS = 20;

function replyLines(c: CommandComment, outcomes: ReturnType<typeof replayIncident>["outcomes"], config: IncidentConfig, unassignable: string | null): string[] {
  const bad = c.commands.flatMap((p) => (p.ok ? [] : [p]));
  const lines = bad.slice(0, MAX_LISTED_ERRORS).map((p) => MESSAGES.badCommand(truncateText(p.line, 200).text, truncateText(p.error, 400).text));
  if (bad.length > MAX_LISTED_ERRORS) lines.push(`…and ${bad.length - MAX_LISTED_ERRORS} more lines Vigil could not read as commands.`);
  if (lines.length > 0) lines.push(MESSAGES.helpHint);
  lines.push(...outcomes.flatMap((o) => repliesFor(o, config.oncall)));
  if (unassignable && outcomes.some((o) => o.entry?.kind === "responder")) lines.push(MESSAGES.unassignable(unassignable));
  return lines;
}

function closedInfo(issue: ObservedIssue): { at: string; reason: "completed" | "not_planned" | "other" } | null {
  if (issue.state !== "closed" || !issue.closedAt) return null;
  const reason = issue.stateReason === "not_planned" ? "not_planned" : issue.stateReason === "completed" ? "completed" : "other";
  return { at: issue.closedAt, reason };
}

function needsInfo(issue: ObservedIssue, identity: Identity, problems: readonly { label: string; message: string }[], declared: boolean): Effect[] {
  const listed = problems.slice(0, 30).map((p) => `- **${inlineText(p.label.slice(0, 200))}**: ${inlineText(p.message.slice(0, 500))}`);
  const hash = shortHash(listed.join("\n"));
  const body = [
    renderMarker(NEEDS_INFO, { issue: issue.number, open: true, hash }),
    declared ? MESSAGES.needsInfoAfter : MESSAGES.needsInfoTitle,
    "",
    ...listed,
    "",
    MESSAGES.needsInfoHow,
  ].join("\n");
  return upsertMarked(issue, identity, NEEDS_INFO, () => true, body, "the issue description does not read as the incident form");
}

function resolveNeedsInfo(issue: ObservedIssue, identity: Identity): Effect[] {
  const open = findMarked(NEEDS_INFO, issue.comments, identity).find((m) => m.data.open);
  if (!open) return [];
  const body = `${renderMarker(NEEDS_INFO, { issue: issue.number, open: false, hash: open.data.hash })}\n${MESSAGES.needsInfoDone}`;
  return upsertMarked(issue, identity, NEEDS_INFO, () => true, body, "the form is complete now");
}
