import type { Node, Parent } from "mdast";
import { parseMarkdown, sourceLines } from "../../src/domain/markdown/parse.js";

/** How a line of a markdown document is rendered, as far as Vigil needs to know. */
export type LineKind = "text" | "code" | "quote" | "html-comment";

/** One line of a document and its kind. */
export interface MarkdownLine {
  readonly text: string;
  readonly kind: LineKind;
}

const KIND: Partial<Record<string, LineKind>> = { code: "code", blockquote: "quote", html: "html-comment" };

// How tests see which lines of Vigil's output GitHub renders as markdown. Indented code stays "text"
// (errs towards checking more lines).
function isIndentedCode(node: Node, markdown: string): boolean {
  const fence = / {0,3}(?:`{3,}|~{3,})/y;
  fence.lastIndex = node.position?.start.offset ?? 0;
  return node.type === "code" && !fence.test(markdown);
}

function mark(node: Node, kinds: LineKind[], markdown: string): void {
  const kind = KIND[node.type];
  const { start, end } = node.position ?? {};
  if (kind && start && end && !isIndentedCode(node, markdown)) {
    // The outermost construct decides: a fence inside a quote is quoted text.
    for (let n = start.line; n <= end.line; n++) if (kinds[n - 1] === "text") kinds[n - 1] = kind;
    return;
  }
  if (node.type === "paragraph" || node.type === "heading" || node.type === "table") return;
  if ("children" in node && Array.isArray(node.children)) for (const child of (node as Parent).children) mark(child, kinds, markdown);
}

/**
 * Each line of a document (LF, CRLF or CR) and whether it belongs to a fenced code block (fence
 * lines included, also inside lists), a block quote (lazy continuation lines included) or an HTML
 * block; every other line is "text". Line-level only: an inline HTML comment
 * or code span inside a paragraph does not change its lines' kind (see `commandLines` for that).
 */
export function classifyLines(markdown: string): MarkdownLine[] {
  const lines = sourceLines(markdown);
  const kinds = lines.map((): LineKind => "text");
  mark(parseMarkdown(markdown), kinds, markdown);
  return lines.map((l, i) => ({ text: l.text, kind: kinds[i] ?? "text" }));
}
