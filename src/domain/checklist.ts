import { classifyLines } from "./sanitize.js";

/** A markdown task-list item. */
export interface TaskItem {
  text: string;
  checked: boolean;
}

const TASK_RE = /^\s*[-*+]\s+\[([ xX])\]\s+(.*?)\s*$/;

// Only lines of ordinary text are task items: one inside a code block or quote is a reporter's
// words (data), and must neither count nor be rewritten.
function taskOf(line: string, kind: string): TaskItem | null {
  if (kind !== "text") return null;
  const match = TASK_RE.exec(line);
  return match ? { text: match[2] ?? "", checked: match[1] !== " " } : null;
}

/** Every task-list item of a markdown document, in order, outside code blocks, quotes and comments. */
export function parseTaskItems(markdown: string): TaskItem[] {
  return classifyLines(markdown).flatMap((line) => {
    const item = taskOf(line.text, line.kind);
    return item ? [item] : [];
  });
}

/**
 * Ticks, in a freshly rendered document, the items that were ticked in the previous version, so
 * re-rendering a comment Vigil maintains never undoes a responder's progress.
 */
export function keepCheckedItems(previous: string, next: string): string {
  const checked = new Set(parseTaskItems(previous).filter((i) => i.checked).map((i) => i.text));
  if (checked.size === 0) return next;
  return classifyLines(next)
    .map(({ text, kind }) => {
      const item = taskOf(text, kind);
      return item && !item.checked && checked.has(item.text) ? text.replace("[ ]", "[x]") : text;
    })
    .join("\n");
}
