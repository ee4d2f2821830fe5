import { taskItems } from "./markdown/task-items.js";

/** A checklist item: its text and whether it is ticked. */
export interface ChecklistItem {
  readonly text: string;
  readonly checked: boolean;
}

/** Every task-list item's text and tick, in order (see `taskItems` for which items count). */
export function parseTaskItems(markdown: string): ChecklistItem[] {
  return taskItems(markdown).map(({ text, checked }) => ({ text, checked }));
}

// A ticked box is `[x]` or `[X]`; most documents Vigil keeps have none, and then need no parse.
const TICKED_BOX_RE = /\[[xX]\]/;

/**
 * The exact texts of the items ticked in a document, so a comment Vigil maintains can be rendered
 * again with the same items ticked and never undo a responder's progress. Items in code blocks,
 * HTML or block quotes are data and do not count.
 */
export function tickedItems(markdown: string): ReadonlySet<string> {
  if (!TICKED_BOX_RE.test(markdown)) return new Set();
  return new Set(taskItems(markdown).filter((i) => i.checked).map((i) => i.text));
}

/** A checklist in markdown, with the items whose exact text is in `ticked` ticked. */
export function renderChecklist(items: readonly string[], ticked: ReadonlySet<string>): string[] {
  return items.map((item) => `- [${ticked.has(item) ? "x" : " "}] ${item}`);
}
