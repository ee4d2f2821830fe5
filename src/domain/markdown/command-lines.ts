import type { Heading, Paragraph } from "mdast";
import { parseMarkdown, sourceLines } from "./parse.js";

/** A line of a comment that starts with `/` where a command may stand. */
export interface CommandLine {
  /** The line as typed, without its line ending. */
  readonly text: string;
  /** Its 1-based line number. */
  readonly line: number;
}

const SLASH_RE = /^ {0,3}\//;

// Policy (SPEC 2.2): a command is a line of the comment's own top-level text that starts with
// `/`. Only lines of paragraphs (and setext headings, whose text lines are typed the same way)
// that sit directly in the document count, so by construction nothing in a code block, an HTML
// block, a block quote (its lazy continuation lines included), a table, a footnote or a list item
// is a command: `- /note x` is a list of prose, and someone quoting or listing commands must not
// run them. Every line of such a paragraph counts, not only its first, because consecutive
// command lines (`/severity sev1` then `/status mitigating`) are one paragraph in CommonMark.
// The `/` must also begin a plain text node of the paragraph: a line inside an inline HTML
// comment, a code span or a link that opened on an earlier line is shown as something else.
function linesOf(block: Paragraph | Heading, markdown: string, lines: ReturnType<typeof sourceLines>): CommandLine[] {
  const { start, end } = block.position ?? {};
  if (!start || !end) return [];
  const out: CommandLine[] = [];
  for (let n = start.line; n <= end.line; n++) {
    const source = lines[n - 1];
    const slash = source ? SLASH_RE.exec(source.text) : null;
    if (!source || !slash) continue;
    const at = source.offset + slash[0].length - 1;
    const holder = block.children.find((c) => (c.position?.start.offset ?? Infinity) <= at && at < (c.position?.end.offset ?? -Infinity));
    if (holder?.type === "text" && markdown[at] === "/") out.push({ text: source.text, line: n });
  }
  return out;
}

/**
 * The lines of a comment that start with `/` (after at most three spaces) in its own top-level
 * text, in order: not in code blocks or code spans, HTML blocks or comments, block quotes
 * (including lazy continuation lines) or list items. LF, CRLF and CR line endings are accepted.
 */
export function commandLines(body: string): CommandLine[] {
  const lines = sourceLines(body);
  // Only a line that starts with `/` can be a command: most comments have none and need no parse.
  if (!lines.some((l) => SLASH_RE.test(l.text))) return [];
  const tree = parseMarkdown(body);
  return tree.children.flatMap((node) =>
    node.type === "paragraph" || node.type === "heading" ? linesOf(node, body, lines) : [],
  );
}
