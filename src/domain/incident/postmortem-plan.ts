import { DateTime } from "luxon";
import type { Effect } from "../../engine/effects.js";
import { findMarked, readMarker, renderMarker } from "../../markers/define.js";
import { isOwn, type Identity } from "../../markers/identity.js";
import { OVERDUE_NUDGE, PLAN_REVIEW, POSTMORTEM_LINK, POSTMORTEM_MERGED, POSTMORTEM_PULL, POSTMORTEM_REMINDER, POSTMORTEM_REVIEW, REVIEW_DUE } from "../../markers/kinds.js";
import type { IncidentReport } from "../incident-report.js";
import type { IncidentSnapshot, IncidentState } from "../incident-state.js";
import { LABEL } from "../labels.js";
import { codeSpan } from "../markdown/code-span.js";
import { fitBody } from "../markdown/fit-body.js";
import { planSlug, planTasks } from "../plans/index.js";
import { mergeNote, overdueNudge, reviewDueNote, reminderNote, workingDaysLate } from "../postmortem/deadline-notes.js";
import { renderPostmortem } from "../postmortem/document.js";
import { postmortemBranch, postmortemPath } from "../postmortem/names.js";
import { pullTitle, renderPullBody } from "../postmortem/pull-body.js";
import { renderReviewIssue } from "../postmortem/review-issue.js";
import { reviewItems } from "../postmortem/review-items.js";
import type { VigilSettings } from "../settings.js";
import { workingCalendar } from "../working-days.js";
import type { ListedIssue, ObservedIssue, ObservedPostmortem, ObservedPull, ObservedRepo } from "./observation.js";

/** The configuration the post-mortem lifecycle is planned with. */
export type PostmortemConfig = Pick<VigilSettings, "timezone" | "calendar" | "oncall" | "postmortem" | "plans">;

/** Everything the post-mortem planner decides from. */
export interface PostmortemInput {
  repo: ObservedRepo;
  issue: ObservedIssue;
  pm: ObservedPostmortem;
  config: PostmortemConfig;
  now: Date;
  identity: Identity;
  snapshot: IncidentSnapshot;
  state: IncidentState;
  report: IncidentReport | null;
  /** Whether `/postmortem` was accepted on the incident. */
  requested: boolean;
  /** The shipped `templates/postmortem.md`. */
  shippedTemplate: string;
  /** Review issues created since the merge (asked for with a `need`). */
  reviewIssues: readonly ListedIssue[] | undefined;
  /** The merged post-mortem on the default branch (asked for with a `need`); null when it is not there. */
  mergedDocument: string | null | undefined;
  /** The evidence ledger's head as this run leaves it; null while the ledger is empty. */
  ledgerHead?: string | null;
}

/** The lookups still needed, or the effects. */
export type PostmortemPlan = { kind: "need"; reviewIssuesSince?: string; file?: string } | { kind: "plan"; effects: Effect[] };

const lower = (s: string) => s.toLowerCase();
const hasLabel = (labels: readonly string[], name: string) => labels.some((l) => lower(l) === name);

/**
 * The post-mortem lifecycle of one incident (SPEC 2.3), decided from what GitHub holds now: open the
 * pull request once the incident is resolved (or on `/postmortem`), keep its label and stated due
 * date current, remind one working day before, nudge every working day once overdue, and on merge
 * note on time or late, file the post-mortem review issue and follow it to its own due date.
 */
export function planPostmortem(input: PostmortemInput): PostmortemPlan {
  const { issue, pm, config, identity } = input;
  const calendar = workingCalendar(config);
  const resolvedAt = resolutionOf(issue, config.postmortem.forNotPlanned);
  const deadline = resolvedAt ? calendar.addWorkingDays(resolvedAt, config.postmortem.workingDays) : null;
  const pull = pm.pulls.find((p) => p.state === "merged") ?? pm.pulls.find((p) => p.state === "open") ?? pm.pulls[0];
  const incident = { number: issue.number, title: issue.title, url: issue.url };

  if (!pull) {
    // A pull request merged earlier (and its branch deleted) is found above; only a never-opened one is opened.
    if ((!resolvedAt && !input.requested) || !pm.defaultBranch) return { kind: "plan", effects: [] };
    return { kind: "plan", effects: [openEffect(input, deadline, pm.defaultBranch)] };
  }

  const effects: Effect[] = [];
  const link = findMarked(POSTMORTEM_LINK, issue.comments, identity).find((m) => m.data.pr === pull.number);
  if (!link) effects.push({ kind: "createComment", issue: issue.number, key: `postmortem-link:${issue.number}`, body: linkBody(issue.number, pull.number), why: "links the post-mortem pull request" });
  if (pull.state !== "merged" && !hasLabel(pull.labels, LABEL.postmortem)) {
    effects.push({ kind: "addLabels", issue: pull.number, labels: [LABEL.postmortem], why: "the post-mortem label was removed" });
  }
  const stated = readMarker(POSTMORTEM_PULL, pull, identity);
  if (stated && stated.due !== (deadline?.dueDate ?? null) && pull.state !== "merged") {
    const body = renderPullBody({ incident, deadline, timezone: config.timezone, workingDays: config.postmortem.workingDays, marker: renderMarker(POSTMORTEM_PULL, { issue: issue.number, due: deadline?.dueDate ?? null }) });
    effects.push({ kind: "updatePullBody", issue: pull.number, body, why: deadline ? `the incident was resolved: due ${deadline.dueDate}` : "the incident was reopened: no due date until it is resolved again" });
  }

  if (pull.state === "open") effects.push(...planReviewers(input, pull));

  if (pull.state !== "merged") {
    if (!deadline) return { kind: "plan", effects };
    effects.push(...enforce(input, pull, deadline.dueDate, Date.parse(deadline.due), () => overdueNudge({ officer: config.oncall.securityOfficer, dueDate: deadline.dueDate, daysLate: workingDaysLate(calendar, deadline.dueDate, input.now), what: "post-mortem" }), calendar));
    const today = calendar.localDate(input.now);
    const reminded = findMarked(POSTMORTEM_REMINDER, pull.comments, identity).some((m) => m.data.due === deadline.dueDate);
    if (!reminded && today === calendar.previousWorkingDay(deadline.dueDate)) {
      const body = `${renderMarker(POSTMORTEM_REMINDER, { pr: pull.number, due: deadline.dueDate })}\n${reminderNote({ responder: input.state.responder, dueDate: deadline.dueDate, timezone: config.timezone })}`;
      effects.push({ kind: "createComment", issue: pull.number, key: `postmortem-reminder:${pull.number}:${deadline.dueDate}`, body, why: "one working day before the due date" });
    }
    return { kind: "plan", effects };
  }

  // Merged: the overdue label goes, the review issue is filed, the incident hears on time or late.
  if (hasLabel(pull.labels, LABEL.overdue)) effects.push({ kind: "removeLabel", issue: pull.number, label: LABEL.overdue, why: "the post-mortem is merged" });
  const mergedAt = pull.mergedAt ?? input.now.toISOString();
  if (input.reviewIssues === undefined) return { kind: "need", reviewIssuesSince: mergedAt };
  const reviews = input.reviewIssues.filter((r) => readMarker(POSTMORTEM_REVIEW, r, identity)?.issue === issue.number).sort((a, b) => a.number - b.number);
  const review = reviews[0];
  // Two replicas racing (or a create applied but answered with an error) can file two: the oldest stays.
  for (const copy of reviews.slice(1)) {
    if (copy.state === "open") effects.push({ kind: "closeIssue", issue: copy.number, reason: "not_planned", why: `duplicate of review issue #${review?.number}` });
  }
  const reviewDue = DateTime.fromISO(mergedAt).setZone(config.timezone).plus({ weeks: config.postmortem.reviewAfterWeeks }).toISODate() as string;
  if (!review) {
    const path = postmortemPath(input.snapshot.declaredAt, config.timezone, issue.number);
    if (input.mergedDocument === undefined) return { kind: "need", file: path };
    const items = reviewItems(input.mergedDocument ?? "");
    const { title, body } = renderReviewIssue({
      marker: renderMarker(POSTMORTEM_REVIEW, { issue: issue.number, pr: pull.number, due: reviewDue }),
      incident, pull: { number: pull.number, mergedAt }, due: reviewDue, timezone: config.timezone, items,
    });
    effects.push({ kind: "createIssue", issue: 0, key: `postmortem-review:${issue.number}`, title, body, labels: [LABEL.postmortemReview], assignees: [input.state.responder], why: `the post-mortem of #${issue.number} was merged` });
    return { kind: "plan", effects };
  }
  if (!findMarked(POSTMORTEM_MERGED, issue.comments, identity).some((m) => m.data.pr === pull.number)) {
    const late = deadline ? workingDaysLate(calendar, deadline.dueDate, mergedAt) : 0;
    const body = `${renderMarker(POSTMORTEM_MERGED, { issue: issue.number, pr: pull.number, review: review.number })}\n${mergeNote({ mergedDate: calendar.localDate(mergedAt), daysLate: late, pull: pull.number, review: review.number })}`;
    effects.push({ kind: "createComment", issue: issue.number, key: `postmortem-merged:${issue.number}`, body, why: "the post-mortem was merged" });
  }
  if (review.state === "open") effects.push(...followReview(input, review, reviewDue, calendar));
  return { kind: "plan", effects };
}

/** When the incident was resolved: closed as completed (or as not planned, when configured). Reopened: not resolved. */
function resolutionOf(issue: ObservedIssue, forNotPlanned: boolean): string | null {
  if (issue.state !== "closed" || !issue.closedAt) return null;
  if (issue.stateReason === "completed" || (issue.stateReason === "not_planned" && forNotPlanned)) return issue.closedAt;
  return null;
}

// The link is written by the open step, which knows the pull request's number only once it exists:
// `{{pr}}` stands for it there.
function linkBody(issue: number, pr: number | "{{pr}}"): string {
  const marker = renderMarker(POSTMORTEM_LINK, { issue, pr: pr === "{{pr}}" ? 1 : pr });
  const line = pr === "{{pr}}" ? marker.replace('"pr":1}', '"pr":{{pr}}}') : marker;
  return `${line}\nThe post-mortem of this incident is in #${pr}: agree on it there; its due date is in the pull request.`;
}

function openEffect(input: PostmortemInput, deadline: ReturnType<ReturnType<typeof workingCalendar>["addWorkingDays"]> | null, base: { name: string; oid: string }): Effect {
  const { issue, pm, config, state } = input;
  const attached = state.plans.map((slug) => {
    const file = pm.plans.find((p) => planSlug(p.file.replace(/\.md$/i, "")) === slug);
    return { name: slug, tasks: file ? planTasks(file.text) : [] };
  });
  const content = renderPostmortem({
    template: pm.template ?? input.shippedTemplate,
    incident: { number: issue.number, title: issue.title, url: issue.url },
    snapshot: input.snapshot, state, report: input.report,
    comments: issue.comments.filter((c) => !isOwn(c.author, input.identity)).map((c) => ({ id: c.id, author: c.author.login, createdAt: c.createdAt, body: c.body, edited: c.edited === true, url: c.url })),
    plans: attached, timezone: config.timezone, ledgerHead: input.ledgerHead ?? null,
    due: { deadline, workingDays: config.postmortem.workingDays },
  });
  const reviewers = config.postmortem.reviewers;
  return {
    kind: "openPostmortem", issue: issue.number, branch: postmortemBranch(issue.number), base: base.name, baseSha: base.oid,
    path: postmortemPath(input.snapshot.declaredAt, config.timezone, issue.number), content,
    message: `Post-mortem of incident #${issue.number}`,
    title: pullTitle(issue.title, issue.number),
    body: renderPullBody({ incident: { number: issue.number, title: issue.title, url: issue.url }, deadline, timezone: config.timezone, workingDays: config.postmortem.workingDays, marker: renderMarker(POSTMORTEM_PULL, { issue: issue.number, due: deadline?.dueDate ?? null }) }),
    labels: [LABEL.postmortem],
    ...splitReviewers(reviewers),
    linkBody: linkBody(issue.number, "{{pr}}"),
    reviewersRefused: fitBody([{ text: `GitHub would not request a review from ${reviewers.map((r) => codeSpan(r)).join(", ")}`, shrinkable: true }, { text: ": reviews can only be requested from people with access to this repository and from its teams. Fix `postmortem.reviewers` in `.github/incident-response.yml` and request them here by hand." }]),
    why: deadline ? `the incident was resolved: post-mortem due ${deadline.dueDate}` : "/postmortem",
  };
}

/** Logins and `@org/team` names as GitHub's review request takes them. */
function splitReviewers(names: readonly string[]): { reviewers: string[]; teamReviewers: string[] } {
  return {
    reviewers: names.filter((r) => !r.includes("/")).map((r) => r.replace(/^@/, "")),
    teamReviewers: names.filter((r) => r.includes("/")).map((r) => r.split("/")[1] ?? ""),
  };
}

/** A post-mortem that also changes `.github/incident-plans/*.md` is reviewed by `plans.reviewers` too, asked once. */
function planReviewers(input: PostmortemInput, pull: ObservedPull): Effect[] {
  const names = input.config.plans.reviewers;
  if (names.length === 0 || !pull.files.some((f) => /^\.github\/incident-plans\/[^/]+\.md$/i.test(f))) return [];
  if (findMarked(PLAN_REVIEW, pull.comments, input.identity).length > 0) return [];
  const note = fitBody([{ text: `${renderMarker(PLAN_REVIEW, { pr: pull.number })}\nThis post-mortem also changes response plans, so review is requested from ` }, { text: names.map((n) => codeSpan(n)).join(", "), shrinkable: true }, { text: " (`plans.reviewers`)." }]);
  return [
    { kind: "requestReviewers", issue: pull.number, ...splitReviewers(names), why: "the pull request changes a response plan" },
    { kind: "createComment", issue: pull.number, key: `plan-review:${pull.number}`, body: note, why: "says who reviews the plan changes" },
  ];
}

/** Overdue: the `overdue` label and one nudge per working day, on the pull request or review issue. */
function enforce(
  input: PostmortemInput,
  target: { number: number; labels: readonly string[]; comments: ObservedPull["comments"] },
  dueDate: string,
  dueInstant: number,
  text: () => string,
  calendar: ReturnType<typeof workingCalendar>,
): Effect[] {
  if (input.now.getTime() <= dueInstant) return [];
  const effects: Effect[] = [];
  if (!hasLabel(target.labels, LABEL.overdue)) effects.push({ kind: "addLabels", issue: target.number, labels: [LABEL.overdue], why: `past its due date ${dueDate}` });
  const today = calendar.localDate(input.now);
  if (!calendar.isWorkingDay(today)) return effects;
  const nudged = findMarked(OVERDUE_NUDGE, target.comments, input.identity).some((m) => m.data.day === today);
  if (!nudged) {
    const body = `${renderMarker(OVERDUE_NUDGE, { target: target.number, day: today })}\n${text()}`;
    effects.push({ kind: "createComment", issue: target.number, key: `overdue:${target.number}:${today}`, body, why: `overdue since ${dueDate}: today's nudge` });
  }
  return effects;
}

/** The review issue: reminded once when it falls due, then overdue like the post-mortem was. */
function followReview(input: PostmortemInput, review: ListedIssue, due: string, calendar: ReturnType<typeof workingCalendar>): Effect[] {
  const today = calendar.localDate(input.now);
  if (today < due) return [];
  const effects: Effect[] = [];
  if (!findMarked(REVIEW_DUE, review.comments, input.identity).some((m) => m.data.due === due)) {
    const body = `${renderMarker(REVIEW_DUE, { issue: review.number, due })}\n${reviewDueNote({ responder: input.state.responder, dueDate: due })}`;
    effects.push({ kind: "createComment", issue: review.number, key: `review-due:${review.number}`, body, why: `the post-mortem review is due ${due}` });
  }
  const endOfDue = DateTime.fromISO(`${due}T23:59:59`, { zone: input.config.timezone }).toMillis();
  effects.push(...enforce(input, review, due, endOfDue, () => overdueNudge({ officer: input.config.oncall.securityOfficer, dueDate: due, daysLate: workingDaysLate(calendar, due, input.now), what: "post-mortem review" }), calendar));
  return effects;
}
