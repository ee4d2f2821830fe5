import { fitBody, GITHUB_BODY_LIMIT, truncateText } from "../markdown/fit-body.js";
import { taskItems } from "../markdown/task-items.js";
import { inlineText } from "../sanitize.js";
import { planPath } from "./slug.js";

// Two spaces per level: the content column of a `- ` item, so a nested item sits under its parent.
const INDENT = "  ";
// One task is one line of a checklist; a longer item is shortened with a visible ellipsis.
const TASK_MAX = 1_000;
const NAME_MAX = 200;

/**
 * The task-list items of a plan file, as GitHub renders them, in order: each item's own text
 * (line breaks as spaces), preceded by two spaces per level of nesting (`"  " + text` for an item
 * of a sub-list). Ticked items count too (a plan is a template); items in code blocks, HTML or
 * block quotes do not. The text is as the file has it: render it with `renderPlanChecklist`.
 */
export function planTasks(markdown: string): string[] {
  return taskItems(markdown).map((item) => `${INDENT.repeat(item.depth)}${item.text}`);
}

/** What `renderPlanChecklist` copies into the incident. */
export interface PlanChecklistInput {
  /** The marker line that starts the comment (PLAN_CHECKLIST). */
  marker: string;
  /** The plan's name as the `/plan` command gave it (user text). */
  name: string;
  /** Its slug: the file `.github/incident-plans/<slug>.md`. */
  slug: string;
  /** Its tasks, as `planTasks` gives them. */
  tasks: readonly string[];
}

function clip(text: string, max: number): string {
  const cut = truncateText(text, max - 1);
  return cut.truncated ? `${cut.text}…` : text;
}

// Each task as one checklist line, nested at most one level deeper than the line before (a deeper
// jump would indent it into a code block); tasks whose text is empty once made inert are left out.
function checklistLines(tasks: readonly string[]): string[] {
  const lines: string[] = [];
  let previous = -1;
  for (const task of tasks) {
    const [, spaces = "", raw = ""] = /^( *)([\s\S]*)$/.exec(task) ?? [];
    const text = inlineText(clip(raw.trim(), TASK_MAX));
    if (text === "") continue;
    const depth = Math.min(Math.floor(spaces.length / INDENT.length), previous + 1);
    lines.push(`${INDENT.repeat(depth)}- [ ] ${text}`);
    previous = depth;
  }
  return lines;
}

/**
 * The checklist comment a response plan is copied into the incident as (SPEC 2.2): the marker,
 * a heading naming the plan, then every task unticked as inert text (no mention, reference, link,
 * HTML or markdown in a plan takes effect), nesting kept. A plan without task items gets a note
 * saying how to add them. The body stays within GitHub's limit whatever the plan holds: tasks that
 * do not fit are left out, with a note of how many and where the whole plan is.
 */
export function renderPlanChecklist({ marker, name, slug, tasks }: PlanChecklistInput): string {
  const path = planPath(slug);
  const title = inlineText(clip(name.trim(), NAME_MAX)) || slug;
  const head = [marker, `### Response plan: ${title}`, "", `_Copied from \`${path}\`. Tick the tasks here as they are done._`, ""];
  const items = checklistLines(tasks);
  if (items.length === 0) {
    head.push(`_\`${path}\` has no task-list items, so there is nothing to tick here. Add the plan's steps to that file as a task list (\`- [ ] step\`)._`);
    return fitBody([{ text: head.join("\n") }]);
  }
  const footer = (left: number) => `\n\n_${left} more tasks of this plan are not listed here (a comment holds at most ${GITHUB_BODY_LIMIT} characters); the whole plan is in \`${path}\`._`;
  const start = head.join("\n");
  const whole = `${start}\n${items.join("\n")}`;
  if (whole.length <= GITHUB_BODY_LIMIT) return whole;
  // The longest footer, for the most tasks that could be left out, is reserved whenever one is needed.
  const room = GITHUB_BODY_LIMIT - start.length - footer(items.length).length;
  let used = 0;
  let kept = 0;
  for (const line of items) {
    const cost = (kept === 0 ? 0 : 1) + line.length;
    if (used + cost > room) break;
    used += cost;
    kept++;
  }
  // fitBody only guards the limit here: the name is clipped and the tasks counted to fit.
  return fitBody([{ text: `${start}\n${items.slice(0, kept).join("\n")}${footer(items.length - kept)}` }]);
}
