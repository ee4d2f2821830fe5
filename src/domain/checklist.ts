/** A markdown task-list item. */
export interface TaskItem {
  text: string;
  checked: boolean;
}

const TASK_RE = /^\s*[-*+]\s+\[([ xX])\]\s+(.*?)\s*$/;

/** Every task-list item of a markdown document, in order. */
export function parseTaskItems(markdown: string): TaskItem[] {
  const items: TaskItem[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const match = TASK_RE.exec(line);
    if (match) items.push({ text: match[2] ?? "", checked: match[1] !== " " });
  }
  return items;
}

/**
 * Ticks, in a freshly rendered document, the items that were ticked in the previous version, so
 * re-rendering a comment Vigil maintains never undoes a responder's progress.
 */
export function keepCheckedItems(previous: string, next: string): string {
  const checked = new Set(parseTaskItems(previous).filter((i) => i.checked).map((i) => i.text));
  if (checked.size === 0) return next;
  return next
    .split("\n")
    .map((line) => {
      const match = TASK_RE.exec(line);
      if (!match || match[1] !== " " || !checked.has(match[2] ?? "")) return line;
      return line.replace("[ ]", "[x]");
    })
    .join("\n");
}
