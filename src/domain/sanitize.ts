// Everything a reporter or commenter typed is data (SPEC 2.1): when Vigil quotes it in its own
// markdown, no mention, issue reference, HTML or markdown structure in it may take effect.

// GitHub's rule for user logins: alphanumerics and single inner hyphens, at most 39 characters.
const LOGIN_RE = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM_RE = /^@?([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9._-]*)$/;

// Invisible characters that only confuse a reader: C0/C1 controls and bidirectional overrides
// (which can make displayed text differ from what it says).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

// A zero-width space between `@` and a name, or `#` and a number, keeps the text readable while
// GitHub neither links it nor notifies/cross-references: its mention and reference patterns need
// the name or number to follow the sign directly. Backslash escapes or entities do not help here,
// because GitHub finds mentions in the rendered text, after escapes are resolved.
const ZWSP = "\u200b";

/** Whether a string is a valid GitHub user login (without `@`). */
export function isGitHubLogin(login: string): boolean {
  return LOGIN_RE.test(login);
}

/** User text made safe for one line of Vigil's markdown (a list item, a table cell, after a label). */
export function inlineText(userText: string): string {
  let s = userText
    .replace(/\r\n|[\r\n\u2028\u2029\u0085\t]/g, " ")
    .replace(INVISIBLE_RE, "")
    .replace(/ {2,}/g, " ")
    .trim();
  // HTML first, so the entities it writes are not touched by the markdown escapes below.
  s = s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  // Inline markdown (emphasis, code, links, images, strikethrough, tables, math, headings).
  s = s.replace(/[\\`*_[\]()!#|~$]/g, "\\$&");
  // A value placed at the start of a line must not start a list, a setext heading or a rule.
  s = s.replace(/^([-+=])/, "\\$1").replace(/^(\d{1,9})([.)])/, "$1\\$2");
  // Bare URLs and www. names would be autolinked: escaping the `:` or `.` stops that, invisibly.
  s = s.replace(/:\/\//g, "\\://").replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
  return s
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH-)(?=\d)/gi, `$1${ZWSP}`);
}

/**
 * Multi-line user text as a fenced code block, shown verbatim. The fence is longer than any run
 * of backticks in the text, so no line of it can close the block; inside a code block GitHub
 * renders no HTML or markdown and links no mention or reference, so nothing else needs escaping.
 * The result must start at the beginning of a line, outside any list or quote.
 */
export function blockText(userText: string): string {
  const body = userText.replace(/\r\n?/g, "\n").replace(INVISIBLE_RE, "").replace(/\n+$/, "");
  const longest = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}\n${body}\n${fence}`;
}

/** `@alice` when the person should be notified, else `alice`, which GitHub does not link or notify. */
export function mentionOrName(login: string, mention: boolean): string {
  const bare = login.trim().replace(/^@/, "");
  if (!isGitHubLogin(bare)) return inlineText(login);
  return mention ? `@${bare}` : bare;
}

/** `@org/team` when the team should be notified, else `org/team`; accepts either form. */
export function teamMentionOrName(team: string, mention: boolean): string {
  const m = TEAM_RE.exec(team.trim());
  if (!m?.[1]) return inlineText(team);
  return mention ? `@${m[1]}` : m[1];
}

/** How a line of a markdown document is rendered, as far as Vigil needs to know. */
export type LineKind = "text" | "code" | "quote" | "html-comment";

/** One line of a document and its kind. */
export interface MarkdownLine {
  readonly text: string;
  readonly kind: LineKind;
}

// A fence may open after list markers (`- ```` ) and at any indentation: when unsure whether a
// line is code, Vigil errs towards code, because text shown as code must never act.
const FENCE_OPEN_RE = /^((?:[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+)*)([ \t]*)(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE_RE = /^([ \t]*)(`{3,}|~{3,})[ \t]*$/;

/**
 * Splits a document into lines (LF or CRLF) and tells which are in fenced code (fence lines
 * included), in `>` block quotes, or in HTML comments. Indented code is not detected: callers
 * reject lines indented four or more spaces, which are never the start of a paragraph.
 */
export function classifyLines(markdown: string): MarkdownLine[] {
  const out: MarkdownLine[] = [];
  let fence: { char: string; length: number; maxIndent: number } | null = null;
  let inComment = false;
  for (const text of markdown.split(/\r?\n/)) {
    if (fence) {
      const close = FENCE_CLOSE_RE.exec(text);
      if (close?.[1] !== undefined && close[2] !== undefined && close[2][0] === fence.char &&
          close[2].length >= fence.length && close[1].length <= fence.maxIndent) fence = null;
      out.push({ text, kind: "code" });
    } else if (inComment) {
      inComment = !text.includes("-->");
      out.push({ text, kind: "html-comment" });
    } else if (/^ {0,3}>/.test(text)) {
      out.push({ text, kind: "quote" });
    } else if (/^ {0,3}<!--/.test(text)) {
      inComment = !text.slice(text.indexOf("<!--") + 4).includes("-->");
      out.push({ text, kind: "html-comment" });
    } else {
      const open = FENCE_OPEN_RE.exec(text);
      const [, prefix = "", indent = "", run = "", info = ""] = open ?? [];
      if (open && !(run[0] === "`" && info.includes("`"))) {
        // Closing fences may be indented up to three columns past the container's content.
        const container = prefix.length > 0 || indent.length > 3 ? prefix.length + indent.length : 0;
        fence = { char: run[0] ?? "`", length: run.length, maxIndent: container + 3 };
        out.push({ text, kind: "code" });
      } else {
        out.push({ text, kind: "text" });
      }
    }
  }
  return out;
}
