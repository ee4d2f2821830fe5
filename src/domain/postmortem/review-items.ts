import type { Heading, Node } from "mdast";
import { taskItems } from "../markdown/task-items.js";
import { parseMarkdown } from "../markdown/parse.js";

/** A section of the post-mortem whose task items become the review's checklist. */
export type ReviewSection = "Suggested defenses" | "Response plan changes";

/** One task item for the post-mortem review. */
export interface ReviewItem {
  section: ReviewSection;
  text: string;
}

// Heading text compared without case, spacing or a trailing colon; "defences" is the British spelling people type.
const SECTIONS: [RegExp, ReviewSection][] = [
  [/^suggested defen[cs]es:?$/, "Suggested defenses"],
  [/^response plan changes:?$/, "Response plan changes"],
];
// The template's example line, left in place: not a defense anyone suggested.
const EXAMPLE_RE = /<defense>/i;

function plainText(node: Node): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  return "children" in node && Array.isArray(node.children) ? (node.children as Node[]).map(plainText).join("") : "";
}

function sectionOf(heading: Heading): ReviewSection | null {
  const text = plainText(heading).replace(/\s+/g, " ").trim().toLowerCase();
  return SECTIONS.find(([re]) => re.test(text))?.[1] ?? null;
}

/**
 * The task items, ticked or not and nested at any depth, under the "Suggested defenses" and
 * "Response plan changes" headings of a merged post-mortem, in document order. A section runs to
 * the next heading of the same or a higher level, or to the other section's heading. Only headings of the document itself count: one
 * inside a quoted comment's code block, a list or a quote is someone's text.
 */
export function reviewItems(mergedDocument: string): ReviewItem[] {
  const top = parseMarkdown(mergedDocument).children;
  const out: ReviewItem[] = [];
  top.forEach((node, i) => {
    if (node.type !== "heading") return;
    const section = sectionOf(node);
    const start = node.position?.end.offset;
    if (!section || start === undefined) return;
    // A review section nested under the other one (`### Response plan changes` inside
    // `## Suggested defenses`) takes its own items, so no item is listed twice.
    const next = top.slice(i + 1).find((n): n is Heading => n.type === "heading" && (n.depth <= node.depth || sectionOf(n) !== null));
    const end = next?.position?.start.offset ?? mergedDocument.length;
    // Only the section is read again, so a document with hundreds of quoted comments is parsed once.
    for (const item of taskItems(mergedDocument.slice(start, end))) {
      if (item.text !== "" && !EXAMPLE_RE.test(item.text)) out.push({ section, text: item.text });
    }
  });
  return out;
}
