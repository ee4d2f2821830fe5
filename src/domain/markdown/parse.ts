import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/**
 * Parses markdown (CommonMark with GitHub's extensions: task lists, tables, strikethrough,
 * autolinks, footnotes) into an mdast tree whose nodes carry positions: 1-based lines and
 * columns and 0-based offsets into `markdown` exactly as given. CRLF, LF and a lone CR all end a
 * line, as `sourceLines` splits them.
 */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** One line of a document without its line ending, and the offset where it starts. */
export interface SourceLine {
  readonly text: string;
  readonly offset: number;
}

/**
 * The lines of a document the way the parser counts them (`lines[n - 1]` is line n), so node
 * positions can be mapped back to the text the author typed.
 */
export function sourceLines(markdown: string): SourceLine[] {
  const out: SourceLine[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    out.push({ text: markdown.slice(start, m.index), offset: start });
    start = m.index + m[0].length;
  }
  out.push({ text: markdown.slice(start), offset: start });
  return out;
}
