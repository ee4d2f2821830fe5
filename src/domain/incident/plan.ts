import type { Effect } from "../../engine/effects.js";
import { findMarked, renderMarker } from "../../markers/define.js";
import type { Identity } from "../../markers/identity.js";
import { COMMAND_REPLY, INCIDENT_RECORD, MAX_COMMAND_COMMENTS, MAX_COMMANDS_PER_COMMENT, PLAN_CHECKLIST, PUBLIC_REFUSAL } from "../../markers/kinds.js";
import { parseIncidentReport } from "../incident-report.js";
import { renderIncidentRecord } from "../incident-record.js";
import { replayIncident, type IncidentSnapshot } from "../incident-state.js";
import type { FormDefinition } from "../issue-form.js";
import { LABEL } from "../labels.js";
import { fitBody } from "../markdown/fit-body.js";
import { resolveOncall } from "../oncall.js";
import { planFileSlug, planTasks, renderPlanChecklist } from "../plans/index.js";
import type { VigilSettings } from "../settings.js";
import { collectCommandComments, hashOf } from "./command-comments.js";
import { replyLines } from "./command-replies-plan.js";
import { planLabels } from "./labels-plan.js";
import { MESSAGES } from "./messages.js";
import { closedInfo, needsInfo, resolveNeedsInfo } from "./needs-info-plan.js";
import type { ListedIssue, ObservedIssue, ObservedPostmortem, ObservedProject, ObservedRepo } from "./observation.js";
import type { RepoRole } from "./permission.js";
import { planPostmortem, type PostmortemConfig } from "./postmortem-plan.js";
import { planProject } from "./project-plan.js";
import { dedupeMarked, upsertMarked } from "./upsert.js";
import { GENESIS } from "../evidence/chain.js";
import { planEvidence, type EvidenceChange } from "../evidence/plan.js";

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
  /** What an `issue_comment.edited`/`.deleted` webhook said changed: the text before it exists only there. */
  change?: EvidenceChange;
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

  // The evidence ledger: every command comment the record holds, and every change to one (SPEC 2.13).
  const evidence = planEvidence({ issue, identity, ledgered: replay.ops.map(([id]) => id), change: input.change, now: input.now });
  effects.push(...evidence.effects);

  if (input.postmortem && config.calendar && config.postmortem && config.plans) {
    const pm = planPostmortem({
      repo, issue, pm: input.postmortem.observed, config: { ...config, calendar: config.calendar, postmortem: config.postmortem, plans: config.plans },
      now: input.now, identity, snapshot, state, report, requested: replay.ops.some(([, ops]) => ops.includes("p")),
      shippedTemplate: input.postmortem.shippedTemplate, reviewIssues: input.postmortem.reviewIssues, mergedDocument: input.postmortem.mergedDocument,
      ledgerHead: evidence.head === GENESIS ? null : evidence.head,
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
