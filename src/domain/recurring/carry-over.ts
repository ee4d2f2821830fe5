import { truncateText } from "../markdown/fit-body.js";
import { taskItems } from "../markdown/task-items.js";

// Two spaces per level: the content column of a `- ` item, so a nested item sits under its parent.
const INDENT = "  ";
// The annotation a carried item ends with; a later carry replaces it rather than piling one on another.
const NOTE_RE = /\s*_\(from #\d+, carried (\d+)×\)_\s*$/;
// Anything a browser or parser might take as a new line would let an item's text start a new block.
// eslint-disable-next-line no-control-regex -- matching line breaks is the point
const LINE_BREAK_RE = /[\r\n\u000b\u000c\u0085\u2028\u2029]+/g;
// Shortened here, before the annotation, so a body that must shorten lines never cuts the count off.
const TEXT_MAX = 1_500;

function clip(text: string): string {
  const cut = truncateText(text, TEXT_MAX - 1);
  return cut.truncated ? `${cut.text.trimEnd()}…` : text;
}

/** An item's text without its carry annotation, and how many times it was carried (0 if never). */
export function parseCarryNote(text: string): { text: string; count: number } {
  const m = NOTE_RE.exec(text);
  if (!m) return { text: text.trim(), count: 0 };
  return { text: text.slice(0, m.index).trim(), count: Number(m[1]) };
}

/**
 * The unchecked task items of the previous recurring issue (SPEC 2.4), in order, as list lines for
 * the new issue: `- [ ] text _(from #n, carried k×)_`. Nesting is kept among carried items (an item
 * whose parent was ticked moves up a level); items in code, HTML or quotes are no task items and
 * stay behind, as do Vigil's own non-task lines. The text is the team's own markdown and is kept as
 * written, on one line. An item listed twice (e.g. a system that was carried and also listed afresh,
 * both left unticked) is carried once, with the higher count, so duplicates do not pile up week after week.
 */
export function carryOver(previous: { number: number; body: string }): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  const at = new Map<string, number>();
  // Open ancestors: each task item's depth, and whether it was carried (its children nest under it).
  const open: { depth: number; carried: boolean }[] = [];
  for (const item of taskItems(previous.body)) {
    while (open.length > 0 && (open.at(-1)?.depth ?? -1) >= item.depth) open.pop();
    const { text, count } = parseCarryNote(item.text.replace(LINE_BREAK_RE, " "));
    const key = text.replace(/\s+/g, " ").toLowerCase();
    const carry = !item.checked && text !== "" && !seen.has(key);
    if (!carry && !item.checked && seen.has(key)) {
      // The higher count is the truer age of the work, whichever copy was listed first.
      const index = at.get(key);
      const line = index === undefined ? undefined : lines[index];
      const shown = line ? Number(/carried (\d+)×\)_$/.exec(line)?.[1] ?? 0) : 0;
      if (line && index !== undefined && count + 1 > shown) lines[index] = line.replace(/carried \d+×\)_$/, `carried ${count + 1}×)_`);
    }
    if (carry) {
      const depth = open.filter((a) => a.carried).length;
      seen.add(key);
      at.set(key, lines.length);
      lines.push(`${INDENT.repeat(depth)}- [ ] ${clip(text)} _(from #${previous.number}, carried ${count + 1}×)_`);
    }
    open.push({ depth: item.depth, carried: carry });
  }
  return lines;
}
