import { truncateText } from "../markdown/fit-body.js";

/** GitHub's limit for an issue or pull request title, in characters. */
const TITLE_LIMIT = 256;

// A title is plain text: line breaks, controls, bidirectional controls (which make a title read
// differently from what it is) and invisible format characters go; lone surrogates cannot be shown.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\u{E0000}-\u{E007F}]/gu;

/**
 * `<prefix><title> (#<n>)` as a safe title of at most 256 characters: the incident title on one
 * line without hidden characters, shortened with "…" when needed so the number always shows.
 */
export function numberedTitle(prefix: string, title: string, n: number): string {
  const clean = title
    .replace(/\r\n?|[\n\t\u2028\u2029\u0085]/g, " ")
    .replace(HIDDEN_RE, "")
    .replace(/[\ud800-\udfff]/gu, "\ufffd")
    .replace(/ {2,}/g, " ")
    .trim();
  const suffix = ` (#${n})`;
  const room = TITLE_LIMIT - prefix.length - suffix.length;
  const cut = truncateText(clean, room - 1);
  return `${prefix}${cut.truncated ? `${cut.text.trimEnd()}…` : clean}${suffix}`;
}
