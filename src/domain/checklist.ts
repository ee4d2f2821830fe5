import { locateTaskItems, taskItems } from "./markdown/task-items.js";

/** A checklist item: its text and whether it is ticked. */
export interface ChecklistItem {
  readonly text: string;
  readonly checked: boolean;
}

/** Every task-list item's text and tick, in order (see `taskItems` for which items count). */
export function parseTaskItems(markdown: string): ChecklistItem[] {
  return taskItems(markdown).map(({ text, checked }) => ({ text, checked }));
}

/**
 * Ticks, in a freshly rendered document, the items whose exact text was ticked in the previous
 * version, so re-rendering a comment Vigil maintains never undoes a responder's progress. Only the
 * box changes: everything else in `next` (bullets, indentation, line endings) stays as it was.
 * Items in code blocks, HTML or block quotes are data and neither count nor change.
 */
export function keepCheckedItems(previous: string, next: string): string {
  const checked = new Set(taskItems(previous).filter((i) => i.checked).map((i) => i.text));
  if (checked.size === 0) return next;
  let out = next;
  for (const { checked: done, text, markOffset } of locateTaskItems(next)) {
    // A box holds one character (space or tab) when unticked, so offsets stay valid as it is ticked.
    if (!done && checked.has(text) && next[markOffset + 1] === "]") {
      out = `${out.slice(0, markOffset)}x${out.slice(markOffset + 1)}`;
    }
  }
  return out;
}
