import type { ListItem, Node, Parent } from "mdast";
import { rememberByText } from "../remember.js";
import { parseMarkdown } from "./parse.js";

/** A task-list item as GitHub renders it. */
export interface TaskItem {
  /** The item's own text (its first paragraph, not its sub-items), trimmed; line breaks become spaces. */
  readonly text: string;
  readonly checked: boolean;
  /** 0 for an item of a top-level list, 1 for an item nested in another item's list, and so on. */
  readonly depth: number;
  /** 1-based line of the item's marker (`-`, `*`, `+`, `1.`). */
  readonly line: number;
}

function isParent(node: Node): node is Parent {
  return "children" in node && Array.isArray(node.children);
}

function itemOf(item: ListItem, depth: number, markdown: string): TaskItem | null {
  const first = item.children[0];
  const from = item.position?.start;
  const to = first?.position?.start.offset;
  if (typeof item.checked !== "boolean" || first?.type !== "paragraph" || !from || to === undefined) return null;
  // The box lies between the list marker and the paragraph, which starts after it.
  const open = markdown.lastIndexOf("[", to - 1);
  if (open < (from.offset ?? 0)) return null;
  const end = first.position?.end.offset ?? to;
  const text = markdown.slice(to, end).replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, " ").trim();
  return { text, checked: item.checked, depth, line: from.line };
}

// Quoted items are someone's words (data) and must neither count nor be rewritten; code and HTML
// hold no list nodes, so they are skipped by construction.
function collect(node: Node, depth: number, markdown: string, out: TaskItem[]): void {
  if (node.type === "blockquote" || !isParent(node)) return;
  for (const child of node.children) {
    if (child.type === "listItem") {
      const item = itemOf(child, depth, markdown);
      if (item) out.push(item);
      collect(child, depth + 1, markdown, out);
    } else {
      collect(child, depth, markdown, out);
    }
  }
}

// A box is `[`, then a space, tab, line ending, `x` or `X`, then `]` (micromark's task-list syntax): a
// document without one has no task item and needs no parse.
const BOX_RE = /\[(?:[ \txX\n]|\r\n?)\]/;

const remembered = rememberByText((markdown: string): TaskItem[] => {
  const out: TaskItem[] = [];
  if (BOX_RE.test(markdown)) collect(parseMarkdown(markdown), 0, markdown, out);
  return out;
});

/**
 * Every GFM task-list item of a document, in order: `- [ ]`, `* [x]`, `+ [X]`, `1. [ ]`, nested
 * at any depth, but not inside code blocks, HTML or block quotes.
 */
export function taskItems(markdown: string): TaskItem[] {
  return [...remembered(markdown)];
}
