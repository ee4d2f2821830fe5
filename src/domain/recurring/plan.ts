import type { Effect } from "../../engine/effects.js";
import { findMarked, readMarker, renderMarker } from "../../markers/define.js";
import { isOwn, type Identity } from "../../markers/identity.js";
import { OVERDUE_NUDGE, RECURRING } from "../../markers/kinds.js";
import { LABEL } from "../labels.js";
import { resolveOncall } from "../oncall.js";
import { planFileSlug, planSlug, planTasks } from "../plans/index.js";
import type { VigilSettings } from "../settings.js";
import { workingCalendar } from "../working-days.js";
import { drillTitle, milestoneTitle, patchingTitle, renderDrill, renderPatching, renderSecurityReview, securityReviewTitle } from "./bodies.js";
import { drillDate, drillDue, hardLimitPassed, patchingWeekOf, plusWeeks, reviewDate } from "./cadence.js";
import { carryOver } from "./carry-over.js";
import { drillPlans } from "./drill-rotation.js";
import { overdueRecurringNote, supersededNote } from "./notes.js";
import type { MergedPull, ObservedRecurring, RecurringIssue } from "./observation.js";

/** The configuration recurring work is planned with. */
export type RecurringConfig = Pick<VigilSettings, "timezone" | "calendar" | "oncall" | "securityReview" | "patching" | "drill">;

/** Everything the recurring planner decides from. */
export interface RecurringInput {
  observed: ObservedRecurring;
  config: RecurringConfig;
  now: Date;
  identity: Identity;
  /** Pull requests merged since the previous review (asked for with a `need`). */
  mergedPulls: { pulls: readonly MergedPull[]; truncated: boolean } | undefined;
  /** Open code-scanning alerts, null when unreadable (asked for with a `need`). */
  codeScanning: number | null | undefined;
}

/** The lookups still needed, or the effects. */
export type RecurringPlan = { kind: "need"; mergedPullsSince?: string; codeScanning?: true } | { kind: "plan"; effects: Effect[] };

type Kind = "security-review" | "patching" | "ir-drill";

/** A recurring issue Vigil filed, with the period date (and drill plans) its marker names. */
interface Filed {
  issue: RecurringIssue;
  date: string;
  plans: readonly string[];
}

// Vigil's own issues of a kind, newest period first. The marker says the period; the title is the fallback when a
// person edited the marker away, so a hand-edited issue still counts and is never filed twice.
function filed(issues: readonly RecurringIssue[], kind: Kind, identity: Identity): Filed[] {
  return issues
    .flatMap((issue) => {
      if (!isOwn(issue.author, identity)) return [];
      const marker = readMarker(RECURRING, issue, identity);
      if (marker && marker.kind === kind) return [{ issue, date: marker.date, plans: marker.plans ?? [] }];
      const fromTitle = /(\d{4}-\d\d-\d\d|\d{4})\s*$/.exec(issue.title)?.[1];
      return fromTitle ? [{ issue, date: fromTitle.length === 4 ? `${fromTitle}-01-01` : fromTitle, plans: [] }] : [];
    })
    .sort((a, b) => (a.date === b.date ? b.issue.number - a.issue.number : a.date < b.date ? 1 : -1));
}


/**
 * Recurring work (SPEC 2.4) for a repository, decided from what GitHub holds now: file the security review, patching
 * round and drill whose date has come (once per period, carrying the previous issue's unchecked items and closing
 * it), close copies two racing checks left, and once a hard limit passes mark the open issue `overdue` and remind the
 * Security Officer once per working day until one is completed by a person.
 */
export function planRecurring(input: RecurringInput): RecurringPlan {
  const { observed, config, identity } = input;
  const calendar = workingCalendar(config);
  const today = calendar.localDate(input.now);
  const effects: Effect[] = [];
  const primary = () => [resolveOncall(config, input.now).primary];

  if (config.securityReview.enabled) {
    const reviews = filed(observed.reviews, "security-review", identity);
    effects.push(...dedupe(reviews));
    const latest = reviews[0];
    const date = reviewDate(latest?.date ?? null, config.securityReview.everyWeeks, today, calendar);
    // The hard limit applies to the issue that stays open: after a new one is filed, the next round looks again.
    if (!date || reviews.some((r) => r.date === date)) effects.push(...hardLimit(input, reviews, "the security review", config.securityReview.maxWeeks, today, calendar));
    if (date && !reviews.some((r) => r.date === date)) {
      const since = latest?.date ?? plusWeeks(date, -config.securityReview.everyWeeks);
      const merged = input.mergedPulls ?? fromFirstPage(observed.recentMerged, `${since}T00:00:00Z`);
      if (merged === undefined) return { kind: "need", mergedPullsSince: `${since}T00:00:00Z` };
      if (input.codeScanning === undefined) return { kind: "need", codeScanning: true };
      const nextDue = calendar.nextWorkingDayOnOrAfter(plusWeeks(date, config.securityReview.everyWeeks));
      const defenses = [...(latest?.issue.milestone?.openIssues ?? []), ...observed.postmortemReviews];
      const body = renderSecurityReview({
        marker: renderMarker(RECURRING, { kind: "security-review", date }),
        date, nextDue, previous: latest ? { number: latest.issue.number, date: latest.date } : null,
        mergedPulls: [...merged.pulls].reverse().map((p) => ({ number: p.number, title: p.title, url: p.url, labels: [...p.labels] })),
        pullsTruncated: merged.truncated,
        topThreats: config.securityReview.topThreats.map((t) => t.name),
        alerts: { dependabot: observed.dependabotAlerts, codeScanning: input.codeScanning },
        defenses, checklist: [...config.securityReview.checklist], carried: latest ? carryOver(latest.issue) : [],
      });
      effects.push(fileEffect("security-review", date, securityReviewTitle(date), body, LABEL.securityReview,
        config.securityReview.assignees.length ? [...config.securityReview.assignees] : primary(), latest,
        { title: milestoneTitle(date), dueOn: nextDue, description: `The work the security review of ${date} identifies; due at the next review.` },
        limitPassed(input, reviews, config.securityReview.maxWeeks, today, calendar)));
    }
  }

  if (config.patching.enabled) {
    const rounds = filed(observed.patching, "patching", identity);
    effects.push(...dedupe(rounds));
    const latest = rounds[0];
    // Counted from the week, not from the day the last round was filed, so a holiday does not shift every later one.
    const date = reviewDate(latest ? patchingWeekOf(latest.date) : null, config.patching.everyWeeks, today, calendar);
    if (!date || rounds.some((r) => r.date === date)) effects.push(...hardLimit(input, rounds, "OS patching", config.patching.maxWeeks, today, calendar));
    if (date && !rounds.some((r) => r.date === date)) {
      const weekOf = patchingWeekOf(date);
      const body = renderPatching({ marker: renderMarker(RECURRING, { kind: "patching", date }), weekOf, systems: [...config.patching.systems], carried: latest ? carryOver(latest.issue) : [] });
      effects.push(fileEffect("patching", date, patchingTitle(weekOf), body, LABEL.patching, config.patching.assignees.length ? [...config.patching.assignees] : primary(), latest, null, limitPassed(input, rounds, config.patching.maxWeeks, today, calendar)));
    }
  }

  if (config.drill.enabled && config.drill.plans.length > 0) {
    const drills = filed(observed.drills, "ir-drill", identity);
    effects.push(...dedupe(drills));
    const lastYear = drills[0] ? Number(drills[0].date.slice(0, 4)) : null;
    const year = drillDue(today, config.drill.month, lastYear, calendar);
    if (year !== null && !drills.some((d) => d.date.startsWith(`${year}-`))) {
      // The rotation comes from the plans earlier drill issues exercised, oldest first: nothing is remembered elsewhere.
      const history = [...drills].reverse().map((d) => [...d.plans]);
      const chosen = drillPlans([...config.drill.plans].map(planSlug), config.drill.perYear, history);
      const plans = chosen.map((slug) => {
        const file = observed.plans.find((p) => planFileSlug(p.file) === slug);
        return { name: config.drill.plans.find((n) => planSlug(n) === slug) ?? slug, tasks: file ? planTasks(file.text) : [] };
      });
      const date = drillDate(year, config.drill.month, calendar);
      const body = renderDrill({ marker: renderMarker(RECURRING, { kind: "ir-drill", date, plans: chosen }), year, plans, allPlans: [...config.drill.plans] });
      effects.push(fileEffect("ir-drill", date, drillTitle(year), body, LABEL.irDrill, primary(), null, null));
    }
  }
  return { kind: "plan", effects };
}

// The page of merged pull requests observe read along answers "merged since" by itself unless more pages could hold
// some: a merge updates a pull request, so once the page reaches back before `since` nothing else qualifies.
function fromFirstPage(page: ObservedRecurring["recentMerged"], since: string): { pulls: readonly MergedPull[]; truncated: boolean } | undefined {
  const last = page.pulls.at(-1);
  if (page.more && (!last || last.updatedAt >= since)) return undefined;
  return { pulls: page.pulls.filter((p) => p.mergedAt >= since), truncated: false };
}

function fileEffect(kind: Kind, date: string, title: string, body: string, label: string, assignees: string[], previous: Filed | null | undefined, milestone: { title: string; dueOn: string; description: string } | null, recheck = false): Effect {
  const open = previous && previous.issue.state === "open" ? previous.issue : null;
  return {
    kind: "fileRecurring", issue: 0, key: `recurring:${kind}:${date}`, title, body, labels: [label], assignees, milestone,
    previous: open ? { number: open.number, note: supersededNote("{{next}}") } : null, recheck,
    why: `${kind} due: ${date}`,
  };
}

// Two checks racing (or a create answered with an error after it landed) can file two issues for one period:
// the oldest stays, the others are closed as not planned.
function dedupe(list: readonly Filed[]): Effect[] {
  const byDate = new Map<string, Filed[]>();
  for (const f of list) byDate.set(f.date, [...(byDate.get(f.date) ?? []), f]);
  return [...byDate.values()].flatMap((copies) => {
    const [keep, ...rest] = [...copies].sort((a, b) => a.issue.number - b.issue.number);
    return rest.filter((c) => c.issue.state === "open").map((c): Effect => ({ kind: "closeIssue", issue: c.issue.number, reason: "not_planned", why: `duplicate of #${keep?.issue.number}` }));
  });
}

// Completed means closed as completed by a person: Vigil closes superseded issues itself, which proves nothing.
function lastCompleted(input: RecurringInput, list: readonly Filed[], calendar: ReturnType<typeof workingCalendar>): string | null {
  return list
    .filter((f) => f.issue.state === "closed" && f.issue.stateReason === "completed" && f.issue.closedAt && !(f.issue.closedBy && isOwn(f.issue.closedBy, input.identity)))
    .map((f) => calendar.localDate(f.issue.closedAt as string))
    .sort()
    .at(-1) ?? null;
}

function limitPassed(input: RecurringInput, list: readonly Filed[], maxWeeks: number, today: string, calendar: ReturnType<typeof workingCalendar>): boolean {
  const first = list.map((f) => calendar.localDate(f.issue.createdAt)).sort()[0] ?? null;
  return hardLimitPassed(lastCompleted(input, list, calendar), first, maxWeeks, today);
}

function hardLimit(input: RecurringInput, list: readonly Filed[], what: string, maxWeeks: number, today: string, calendar: ReturnType<typeof workingCalendar>): Effect[] {
  const completed = lastCompleted(input, list, calendar);
  const open = list.find((f) => f.issue.state === "open")?.issue;
  if (!open || !limitPassed(input, list, maxWeeks, today, calendar)) return [];
  const effects: Effect[] = [];
  if (!open.labels.some((l) => l.toLowerCase() === LABEL.overdue)) effects.push({ kind: "addLabels", issue: open.number, labels: [LABEL.overdue], why: `more than ${maxWeeks} weeks without a completed one` });
  if (calendar.isWorkingDay(today) && !findMarked(OVERDUE_NUDGE, open.comments, input.identity).some((m) => m.data.day === today)) {
    const body = `${renderMarker(OVERDUE_NUDGE, { target: open.number, day: today })}\n${overdueRecurringNote({ officer: input.config.oncall.securityOfficer, what, lastCompleted: completed, maxWeeks })}`;
    effects.push({ kind: "createComment", issue: open.number, key: `overdue:${open.number}:${today}`, body, why: `${what}: hard limit passed, today's reminder` });
  }
  return effects;
}
