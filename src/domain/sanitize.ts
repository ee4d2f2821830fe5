// Everything a reporter or commenter typed is data (SPEC 2.1): when Vigil quotes it in its own
// markdown, no mention, issue reference, HTML or markdown structure in it may take effect.

/** GitHub's rule for user (and organisation) logins: alphanumerics and single inner hyphens, at most 39 characters. */
export const LOGIN_RE = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** A team, `org/slug` with or without a leading `@`; group 1 is `org/slug`. */
export const TEAM_RE = /^@?([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9._-]*)$/;

// Characters that only confuse a reader: C0/C1 controls (line breaks and tabs are handled before),
// bidirectional controls (which make displayed text differ from what it says: U+202A-202E,
// U+2066-2069, U+200E/200F, U+061C) and invisible format or filler characters that can hide or
// disguise text (zero-width space, word joiner, BOM, soft hyphen, Hangul fillers, ...).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]/g;
// Zero-width (non-)joiners shape emoji sequences and some scripts (Indic, Persian) between two
// such characters; next to ASCII, a space or an end they only hide something, so they go there.
const LOOSE_JOINER_RE = /(?<![^\s\p{ASCII}])[\u200c\u200d]|[\u200c\u200d](?![^\s\p{ASCII}])/gu;
// Tag characters hide text from readers ("ASCII smuggling"); they are kept only in the one place
// they render, a subdivision flag such as England's. A lone surrogate cannot be shown at all.
const TAGS_RE = /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|[\u{E0000}-\u{E007F}]/gu;
const LONE_SURROGATE_RE = /[\ud800-\udfff]/gu;

// Line breaks other than LF that a browser or a parser may honour: CR, U+2028, U+2029, NEL.
const LINE_BREAK_RE = /\r\n?|[\u2028\u2029\u0085]/g;

// Applied after line breaks are dealt with, so NEL (a C1 control) is not simply dropped.
function dropInvisible(text: string): string {
  return text
    .replace(INVISIBLE_RE, "")
    .replace(LOOSE_JOINER_RE, "")
    .replace(TAGS_RE, (_, flag: string | undefined) => flag ?? "")
    .replace(LONE_SURROGATE_RE, "\ufffd");
}

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
  let s = dropInvisible(userText.replace(LINE_BREAK_RE, " ").replace(/[\n\t]/g, " "))
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
  const body = dropInvisible(userText.replace(LINE_BREAK_RE, "\n")).replace(/\n+$/, "");
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
