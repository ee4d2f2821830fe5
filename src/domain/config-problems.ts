import { codeSpan } from "./markdown/code-span.js";
import { inlineText } from "./sanitize.js";

/** One thing wrong with a configuration, as the domain shows it: the file, the key and what is wrong. */
export interface ConfigProblemView {
  file: string;
  key: string;
  message: string;
}

/** At most this many problems are listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 50;
/** A message is cut to this many characters as rendered (after escaping). */
export const MAX_MESSAGE_CHARS = 500;
// Files and keys are cut to this many characters as rendered (code span included).
const MAX_NAME_CHARS = 120;
const ELLIPSIS = "…";

// The longest prefix of `text`, cut at a code point, whose rendering with an ellipsis fits in `max` characters.
// Cutting the source, not the rendering, never leaves half an escape (`&am`, a dangling backslash) behind. Only the
// first 4 × max UTF-16 units are looked at, so a huge value costs no more than a long one (rendering may drop
// invisible characters and collapse spaces, so it can be shorter than the source, but not by that much in practice).
function fitted(text: string, render: (s: string) => string, max: number): string {
  const budget = max * 4;
  if (text.length <= budget) {
    const whole = render(text);
    if (whole.length <= max) return whole;
  }
  const points = Array.from(text.slice(0, budget));
  // A cut at `budget` may have split a surrogate pair: drop that last code point.
  if (text.length > budget) points.pop();
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (render(points.slice(0, mid).join("") + ELLIPSIS).length <= max) lo = mid;
    else hi = mid - 1;
  }
  return render(points.slice(0, lo).join("") + ELLIPSIS);
}

const name = (text: string): string => fitted(text, codeSpan, MAX_NAME_CHARS);

/**
 * The comment text that reports an invalid configuration (SPEC 2.7): each problem's file and key as code spans that
 * cannot be broken out of, its message as inert inline text, at most MAX_LISTED_PROBLEMS of them, then how to go on.
 * Whatever the configuration holds, the text stays under 45,000 characters, far below GitHub's 65,536.
 */
export function renderConfigProblems(problems: readonly ConfigProblemView[], configPath: string): string {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  return [
    `**Vigil cannot handle this incident yet: ${name(configPath)} is invalid.**`,
    "",
    ...listed.map((p) => `- ${name(p.file)} → ${name(p.key)}: ${fitted(p.message, inlineText, MAX_MESSAGE_CHARS)}`),
    ...(more > 0 ? [`- and ${more} more`] : []),
    "",
    "Fix the configuration on the default branch (`npx vigil check-config FILE` checks it locally), then edit this issue or run a scheduled check: Vigil picks the incident up again.",
  ].join("\n");
}
