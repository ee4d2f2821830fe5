// Characters a reader could not see, or that would change how the file is read: C0 and C1
// controls other than tab and line feed (NUL makes GitHub show the whole file as binary), the
// Unicode line and paragraph separators, bidirectional controls (which make displayed text differ
// from what it says), invisible format characters, and tag characters ("ASCII smuggling") outside
// a subdivision flag. Zero-width joiners stay: they build emoji and shape scripts, and change
// nothing inside a code block. A lone surrogate cannot be written as UTF-8 at all.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN_RE = /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{E0000}-\u{E007F}]|[\ud800-\udfff]/gu;

function shown(char: string, flag: string | undefined): string {
  if (flag) return flag;
  return `⟨U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

/**
 * A person's text as a fenced code block that shows it exactly as typed, for the post-mortem's
 * verbatim copies (possibly legal evidence, so nothing is dropped or reworded). Inside a code
 * block GitHub renders no markdown or HTML and links no mention or reference, and the fence is
 * longer than any run of backticks in the text, so no line of it can close the block. Only what
 * cannot be shown literally changes: line endings are written as LF, and each hidden character
 * above as its visible code point (e.g. ⟨U+202E⟩), so a reader sees that it is there. Must start at the beginning of
 * a line, outside any list or quote.
 */
export function verbatimBlock(text: string): string {
  const body = text.replace(/\r\n?/g, "\n").replace(HIDDEN_RE, shown);
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}\n${body}\n${fence}`;
}
