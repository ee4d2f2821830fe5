/** GitHub's limit for an issue, pull request or comment body, in characters. */
export const GITHUB_BODY_LIMIT = 65_536;

/** Appended, visibly, to every text shortened to fit. */
export const SHORTENED_NOTE = "… (shortened: the full text stays in the issue)";

/**
 * The first `maxChars` UTF-16 code units of a text at most, never ending in the first half of a
 * surrogate pair (which would show as a broken character). Lengths are counted as JavaScript
 * counts them, which is never fewer than the characters GitHub counts, so a body that fits here
 * fits there.
 */
export function truncateText(text: string, maxChars: number): { text: string; truncated: boolean } {
  const max = Math.max(0, Math.floor(maxChars));
  if (text.length <= max) return { text, truncated: false };
  const last = text.charCodeAt(max - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
  return { text: text.slice(0, end), truncated: true };
}

/** A piece of a body: Vigil's own text, or user text that may be shortened. */
export interface BodyPart {
  /** The text; for a part with `render`, the raw text before it is rendered. */
  readonly text: string;
  /** Whether this part may be shortened (with SHORTENED_NOTE) to make the body fit. */
  readonly shrinkable?: boolean;
  /**
   * Turns the (possibly shortened) raw text into markdown, e.g. `inlineText` or `blockText`, so
   * shortening happens before escaping or fencing and cannot cut a fence or an escape in half.
   */
  readonly render?: (text: string) => string;
}

// A shortened text, its note included, is at most `cap` long (unless the note alone is longer).
function shorten(text: string, cap: number): string {
  if (text.length <= cap) return text;
  const kept = truncateText(text, cap - SHORTENED_NOTE.length - 1).text;
  return `${kept} ${SHORTENED_NOTE}`;
}

function assemble(parts: readonly BodyPart[], cap: number): string {
  return parts
    .map(({ text, shrinkable, render = (s: string) => s }) => render(shrinkable ? shorten(text, cap) : text))
    .join("");
}

/**
 * Joins the parts (as they are: include the line breaks between them) into a body of at most
 * `limit` characters. When the whole does not fit, every shrinkable part longer than a common cap
 * is cut to that cap, the largest cap that fits, with SHORTENED_NOTE at its end, so the longest
 * fields give way first and short ones stay whole. Should Vigil's own text alone not fit, the body
 * is cut at the limit and ends with the note: the limit holds whatever the input.
 */
export function fitBody(parts: readonly BodyPart[], limit: number = GITHUB_BODY_LIMIT): string {
  const longest = Math.max(0, ...parts.filter((p) => p.shrinkable).map((p) => p.text.length));
  const whole = assemble(parts, longest);
  if (whole.length <= limit) return whole;
  // Rendered length grows with the cap (escaping only adds to what is kept), so bisect for it.
  let low = 0;
  let high = longest - 1;
  let best: string | null = null;
  while (low <= high) {
    const cap = Math.floor((low + high) / 2);
    const body = assemble(parts, cap);
    if (body.length <= limit) {
      best = body;
      low = cap + 1;
    } else {
      high = cap - 1;
    }
  }
  if (best !== null) return best;
  const tail = `\n\n${SHORTENED_NOTE}`;
  return truncateText(truncateText(whole, limit - tail.length).text + tail, limit).text;
}
