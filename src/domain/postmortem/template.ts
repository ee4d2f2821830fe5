import type { Node, Parent, Root, Text } from "mdast";
import { parseMarkdown } from "../markdown/parse.js";
import { rememberByText } from "../remember.js";

/** Where a placeholder's content may go: `inline` within a line, `block` only on a line of its own. */
type PlaceholderKind = "inline" | "block";

/** A placeholder of the post-mortem template and the heading its content gets when a template lacks it. */
interface Placeholder {
  readonly name: string;
  readonly kind: PlaceholderKind;
  /** Null for a placeholder whose content another one also carries (the title is in `incident`). */
  readonly heading: string | null;
}

/** The placeholders, in the order missing ones are appended. */
export const POSTMORTEM_PLACEHOLDERS = [
  { name: "title", kind: "inline", heading: null },
  { name: "number", kind: "inline", heading: null },
  { name: "incident", kind: "inline", heading: "Incident" },
  { name: "due", kind: "inline", heading: "Due" },
  { name: "ledger_head", kind: "inline", heading: "Evidence ledger head" },
  { name: "summary", kind: "block", heading: "Summary" },
  { name: "severity_history", kind: "block", heading: "Severity history" },
  { name: "impact", kind: "block", heading: "Impact" },
  { name: "timeline", kind: "block", heading: "Timeline" },
  { name: "communications", kind: "block", heading: "Communications" },
  { name: "investigation_checklist", kind: "block", heading: "Investigation checklist" },
  { name: "plans", kind: "block", heading: "Response plans used" },
  { name: "comments", kind: "block", heading: "Verbatim copy of the incident's comments" },
] as const satisfies readonly Placeholder[];

/** The name of a post-mortem placeholder, written `{{name}}` in a template. */
export type PlaceholderName = (typeof POSTMORTEM_PLACEHOLDERS)[number]["name"];

const BY_NAME = new Map<string, Placeholder>(POSTMORTEM_PLACEHOLDERS.map((p) => [p.name, p]));
const PLACEHOLDER_RE = /\{\{\s*([a-z_]+)\s*\}\}/g;

interface Hit {
  start: number;
  end: number;
  name: PlaceholderName;
}

function isParent(node: Node): node is Parent {
  return "children" in node && Array.isArray(node.children);
}

// A block placeholder counts only as the whole of a top-level paragraph: its content (code blocks,
// lists) inserted inside a list, a quote, a table or a sentence would break out of it or be broken.
function isAlone(text: Text, parent: Parent, root: Root): boolean {
  return parent.type === "paragraph" && parent.children.length === 1 && (root.children as Node[]).includes(parent) &&
    /^\{\{\s*[a-z_]+\s*\}\}$/.test(text.value.trim());
}

// Placeholders are looked for only in text nodes: one in an HTML comment, a code block or a link
// target is left as written and its content appended instead, because content placed there
// would be hidden, or could end the comment and let quoted text render as markdown.
// A repository's template rarely changes while every resolved incident is filled from it: found once per text.
const findHits = rememberByText((template: string): Hit[] => {
  const root = parseMarkdown(template);
  const hits: Hit[] = [];
  const visit = (node: Node): void => {
    if (!isParent(node)) return;
    for (const child of node.children) {
      if (child.type === "text") {
        const from = child.position?.start.offset;
        const to = child.position?.end.offset;
        if (from === undefined || to === undefined) continue;
        for (const m of template.slice(from, to).matchAll(PLACEHOLDER_RE)) {
          const spec = BY_NAME.get(m[1] ?? "");
          if (!spec) continue;
          if (spec.kind === "block" && !isAlone(child as Text, node, root)) continue;
          hits.push({ start: from + m.index, end: from + m.index + m[0].length, name: spec.name as PlaceholderName });
        }
      }
      visit(child);
    }
  };
  visit(root);
  return hits.sort((a, b) => a.start - b.start);
});

/**
 * Fills a post-mortem template in one pass: each known `{{name}}` (spaces inside the braces
 * allowed) becomes its value, unknown ones stay as written, and text inside values is never
 * scanned again, so a comment that quotes `{{comments}}` stays a quote. Every placeholder the
 * template lacks (or has only where its content cannot go) gets its content appended at the end
 * under its own heading, so a repository's template never drops part of the record.
 */
export function fillTemplate(template: string, values: Readonly<Record<PlaceholderName, string>>): string {
  const hits = findHits(template);
  const parts: string[] = [];
  let at = 0;
  for (const hit of hits) {
    parts.push(template.slice(at, hit.start), values[hit.name]);
    at = hit.end;
  }
  parts.push(template.slice(at));
  const used = new Set(hits.map((h) => h.name));
  const missing = POSTMORTEM_PLACEHOLDERS.filter((p) => p.heading !== null && !used.has(p.name));
  let out = `${parts.join("").trimEnd()}\n`;
  for (const p of missing) out += `\n## ${p.heading}\n\n${values[p.name]}\n`;
  return out;
}
