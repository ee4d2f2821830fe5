import { fitBody, GITHUB_BODY_LIMIT, truncateText } from "../markdown/fit-body.js";
import { planPath, planSlug } from "../plans/slug.js";
import { inlineText } from "../sanitize.js";

// One configured or carried line is one line of a checklist; a longer one is shortened visibly.
const LINE_MAX = 2_000;
const TITLE_MAX = 300;
// Room kept for each "… N more" note, which is written after the lines it counts are chosen.
const NOTE_ROOM = 300;
const INDENT = "  ";
const THREAT_LABEL_RE = /^security:\s*(\S.*)$/i;

export const securityReviewTitle = (date: string): string => `Security review ${date}`;
export const patchingTitle = (weekOf: string): string => `OS patching — week of ${weekOf}`;
export const drillTitle = (year: number): string => `Incident response drill ${year}`;
/** The milestone a security review's work is tracked in; due at the next review (SPEC 2.4). */
export const milestoneTitle = (date: string): string => `Security review ${date}`;

function clip(text: string, max: number): string {
  const cut = truncateText(text, max - 1);
  return cut.truncated ? `${cut.text}…` : text;
}

// Config text (threats, checklist, systems) as one inert line; empty when nothing readable is left.
const configText = (text: string): string => inlineText(clip(text.trim(), LINE_MAX));

// Carried lines are the team's own markdown, already made one line by carryOver; only clipped here.
const carriedLine = (line: string): string => clip(line, LINE_MAX);

// Only web links are linked; anything else (which GitHub would not send) is shown as no link at all.
function link(text: string, url: string): string {
  if (!/^https:\/\/[^\s<>"]+$/.test(url)) return text;
  return `[${text}](${url.replace(/[()]/g, (c) => (c === "(" ? "%28" : "%29"))})`;
}

/** A section of a body: its fixed text and the lines that may have to give way, with what replaces them. */
interface Section {
  head: string[];
  lines: string[];
  /** Shown instead of the lines when there are none. */
  none: string;
  /** Said when `left` lines do not fit. */
  more: (left: number) => string;
}

/**
 * Joins the sections, giving the lines the room that is left after every fixed text in the order of
 * `priority` (indices of sections), so what cannot be found elsewhere (carried items) is kept before
 * what can (pull requests); lines that do not fit are counted in their section's note.
 */
function assemble(top: string[], sections: Section[], priority: number[]): string {
  const fixed = [...top, ...sections.flatMap((s) => [...s.head, s.none, ""])].join("\n").length;
  let room = GITHUB_BODY_LIMIT - fixed - NOTE_ROOM * sections.length;
  const kept = sections.map(() => 0);
  for (const index of priority) {
    const section = sections[index];
    if (!section) continue;
    for (const line of section.lines) {
      if (line.length + 1 > room) break;
      room -= line.length + 1;
      kept[index] = (kept[index] ?? 0) + 1;
    }
  }
  const out = [...top];
  sections.forEach((s, i) => {
    const n = kept[i] ?? 0;
    out.push(...s.head);
    if (s.lines.length === 0) out.push(s.none);
    else {
      out.push(...s.lines.slice(0, n));
      if (n < s.lines.length) out.push(s.more(s.lines.length - n));
    }
    out.push("");
  });
  // fitBody only guards the limit: the lines were counted to fit.
  return fitBody([{ text: out.join("\n").trimEnd() }]);
}

const tooLong = (what: string) => (left: number) =>
  `- _…and ${left} more ${what}, not listed: an issue holds at most ${GITHUB_BODY_LIMIT} characters._`;

/** What a security review issue shows (SPEC 2.4). */
export interface SecurityReviewInput {
  marker: string;
  date: string;
  /** When the next review is due (YYYY-MM-DD). */
  nextDue: string;
  previous: { number: number; date: string } | null;
  /** The pull requests merged since the previous review, oldest first. */
  mergedPulls: { number: number; title: string; url: string; labels: string[] }[];
  /** Whether there were more merged pull requests than `mergedPulls` holds. */
  pullsTruncated: boolean;
  topThreats: string[];
  /** Open alert counts; null where the app may not read them. */
  alerts: { dependabot: number | null; codeScanning: number | null };
  /** Open issues of the previous review's milestone. */
  defenses: { number: number; title: string; url: string }[];
  checklist: string[];
  /** Lines from `carryOver`. */
  carried: string[];
}

function alertLine(name: string, permission: string, count: number | null): string {
  if (count === null) {
    return `- ${name}: Vigil may not read them. To count them here, grant the Vigil app the **${permission}: read** permission (or open the repository's Security tab).`;
  }
  return `- ${name}: **${count}** open`;
}

function pullLine(pull: SecurityReviewInput["mergedPulls"][number]): string {
  const threats = pull.labels
    .map((l) => THREAT_LABEL_RE.exec(l.trim())?.[1])
    .filter((t): t is string => t !== undefined)
    .map((t) => `**${inlineText(clip(t, TITLE_MAX))}**`);
  const title = inlineText(clip(pull.title, TITLE_MAX));
  const marked = threats.length ? ` — top threat: ${threats.join(", ")}` : "";
  return `- ${link(`#${pull.number}`, pull.url)} ${title}${marked}`;
}

/** The body of a security review issue: every section SPEC 2.4 lists, within GitHub's body limit. */
export function renderSecurityReview(input: SecurityReviewInput): string {
  const { marker, date, nextDue, previous } = input;
  const since = previous ? `the previous review, #${previous.number} of ${previous.date}` : null;
  const top = [
    marker,
    `## ${securityReviewTitle(date)}`,
    "",
    `A holistic review of security: the changes made ${since ? `since ${since}` : "recently"}, the top threats, open alerts and the defenses earlier reviews identified. ` +
      `Tick each item when it is done and close this issue when the review is complete. The next review is due on ${nextDue}.`,
    "",
  ];
  const pulls: Section = {
    head: ["### Changes since the previous review", ""],
    lines: input.mergedPulls.map(pullLine),
    none: since ? `No pull request was merged since ${since}.` : "No pull request was merged recently.",
    more: tooLong("merged pull requests"),
  };
  if (input.pullsTruncated) {
    pulls.head.push("_More pull requests were merged than Vigil lists here; see the repository's closed pull requests for the rest._", "");
  }
  const threats: Section = {
    head: ["### Top threats", "", "Review each top threat against the changes above:", ""],
    lines: input.topThreats.map(configText).filter(Boolean).map((t) => `- [ ] Review ${t}`),
    none: "_No top threats are configured (`securityReview.topThreats`)._",
    more: tooLong("top threats"),
  };
  const alerts: Section = {
    head: ["### Open security alerts", ""],
    lines: [
      alertLine("Dependabot alerts", "Dependabot alerts", input.alerts.dependabot),
      alertLine("Code scanning alerts", "Code scanning alerts", input.alerts.codeScanning),
    ],
    none: "",
    more: tooLong("alert lines"),
  };
  const defenses: Section = {
    head: ["### Progress on defenses", ""],
    lines: input.defenses.map((d) => `- ${link(`#${d.number}`, d.url)} ${inlineText(clip(d.title, TITLE_MAX))}`),
    none: previous
      ? `No open issues are left in the milestone of the previous review (${milestoneTitle(previous.date)}).`
      : "No earlier review has identified defenses yet.",
    more: tooLong("open issues"),
  };
  const checklist: Section = {
    head: ["### Standing checklist", ""],
    lines: input.checklist.map(configText).filter(Boolean).map((t) => `- [ ] ${t}`),
    none: "_No standing checklist is configured (`securityReview.checklist`)._",
    more: tooLong("checklist items"),
  };
  const carried: Section = {
    head: ["### Carried over", ""],
    lines: input.carried.map(carriedLine),
    none: "Nothing was left unchecked in the previous review.",
    more: (left) => `- _…and ${left} more unchecked items, not listed for lack of room: they are still in ${previous ? `#${previous.number}` : "the previous review"}._`,
  };
  const sections = [pulls, threats, alerts, defenses, checklist, carried];
  return assemble(top, sections, [2, 5, 1, 4, 3, 0]);
}

/** What an OS patching issue shows (SPEC 2.4). */
export interface PatchingInput {
  marker: string;
  weekOf: string;
  systems: string[];
  carried: string[];
}

/** The body of a weekly OS patching issue: one item per configured system, then carried items. */
export function renderPatching({ marker, weekOf, systems, carried }: PatchingInput): string {
  const top = [
    marker,
    `## ${patchingTitle(weekOf)}`,
    "",
    "Apply the operating system's security updates to each system, tick it when it is done, and close this issue when all are patched.",
    "",
  ];
  const patch: Section = {
    head: ["### Systems", ""],
    lines: systems.map(configText).filter(Boolean).map((s) => `- [ ] Patch ${s}`),
    none: "_No systems are configured (`patching.systems`): list the production and development systems to patch._",
    more: tooLong("systems"),
  };
  const left: Section = {
    head: ["### Carried over", ""],
    lines: carried.map(carriedLine),
    none: "Nothing was left unchecked last time.",
    more: (n) => `- _…and ${n} more unchecked items, not listed for lack of room: they are still in the previous patching issue._`,
  };
  return assemble(top, [patch, left], [1, 0]);
}

/** What an incident-response drill issue shows (SPEC 2.4). */
export interface DrillInput {
  marker: string;
  year: number;
  /** The plans this drill exercises (`drillPlans`), each with its tasks as `planTasks` gives them. */
  plans: { name: string; tasks: string[] }[];
  /** Every configured plan, in configured order. */
  allPlans: string[];
}

// Each task as one checklist line, nested at most one level deeper than the line before (a deeper
// jump would indent it into a code block); tasks with no readable text are left out.
function taskLines(tasks: readonly string[]): string[] {
  const lines: string[] = [];
  let previous = -1;
  for (const task of tasks) {
    const [, spaces = "", raw = ""] = /^( *)([\s\S]*)$/.exec(task) ?? [];
    const text = configText(raw);
    if (text === "") continue;
    const depth = Math.min(Math.floor(spaces.length / INDENT.length), previous + 1);
    lines.push(`${INDENT.repeat(depth)}- [ ] ${text}`);
    previous = depth;
  }
  return lines;
}

const planName = (name: string): string => inlineText(clip(name.trim(), TITLE_MAX)) || "(unnamed)";

/** The body of the yearly drill issue: which plans were chosen and why, then each plan's checklist. */
export function renderDrill({ marker, year, plans, allPlans }: DrillInput): string {
  const chosen = plans.map((p) => planName(p.name)).join(", ");
  const all = allPlans.map(planName).join(", ");
  const top = [
    marker,
    `## ${drillTitle(year)}`,
    "",
    plans.length
      ? `This year's drill exercises ${chosen}. Plans are chosen in rotation: those never drilled first, then those drilled longest ago, ` +
        `so every configured plan (${all}) is exercised over the years.`
      : "_No response plans are configured (`drill.plans`), so there is nothing to drill. Add the plans to test to the configuration._",
    "",
    "Walk through each plan as if the incident were happening, tick the steps as they are done, and note here what did not work.",
    "",
  ];
  const sections: Section[] = plans.map((plan) => {
    const slug = planSlug(plan.name);
    const where = slug ? `\`${planPath(slug)}\`` : "a plan file (this name has no letter or digit to name one)";
    return {
      head: [`### Plan: ${planName(plan.name)}`, ""],
      lines: taskLines(plan.tasks),
      none: `_${where} has no task list, so there is no checklist to copy. Add the plan's steps to it as a task list (\`- [ ] step\`)._`,
      more: tooLong("steps of this plan"),
    };
  });
  return assemble(top, sections, sections.map((_, i) => i));
}
