// Characters that must not appear raw in a code span: line endings (a new line is parsed for
// block structure before the span is, so it could start a heading or close a list), C0/C1
// controls, and the bidirectional and invisible format characters that make text read differently
// from what it is. Each is shown as its code point, e.g. `\u202E`, so a reader sees it is there.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_RE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udfff]/gu;

function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Any string as an inline code span that shows it literally and cannot be broken out of, for
 * configuration keys and values in Vigil's comments. The backtick run around it is longer than any
 * inside; a space pads each side when the text starts or ends with a backtick or a space (which
 * CommonMark would otherwise strip); line endings, controls, bidi and invisible format characters
 * and lone surrogates are shown as their code point (`\u202E`). An empty string gives an empty-looking span. Not for
 * table cells, where GFM splits at `|` even inside a span.
 */
export function codeSpan(text: string): string {
  // With the `u` flag the surrogate range matches only lone halves, which cannot be shown.
  const safe = text.replace(UNSAFE_RE, visible);
  if (safe === "") return "` `";
  const longest = Math.max(0, ...Array.from(safe.matchAll(/`+/g), (m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(safe) && !/^ +$/.test(safe) ? " " : "";
  return `${ticks}${pad}${safe}${pad}${ticks}`;
}
