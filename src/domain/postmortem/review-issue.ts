import { DateTime } from "luxon";
import { fitBody, GITHUB_BODY_LIMIT, truncateText } from "../markdown/fit-body.js";
import { inlineText } from "../sanitize.js";
import { numberedTitle } from "./numbered-title.js";
import type { ReviewItem, ReviewSection } from "./review-items.js";

/** What the post-mortem review issue is filed from. */
export interface ReviewIssueInput {
  marker: string;
  incident: { number: number; title: string };
  pull: { number: number; mergedAt: string };
  /** The review's due date, YYYY-MM-DD in `timezone`. */
  due: string;
  timezone: string;
  items: readonly ReviewItem[];
}

const ITEM_MAX = 1_000;
const SECTIONS: ReviewSection[] = ["Suggested defenses", "Response plan changes"];
const NONE: Record<ReviewSection, string> = {
  "Suggested defenses": "_The post-mortem lists no suggested defenses._",
  "Response plan changes": "_The post-mortem lists no response plan changes._",
};

function itemLine(text: string): string {
  const cut = truncateText(text, ITEM_MAX);
  return `- [ ] ${inlineText(cut.text)}${cut.truncated ? "… (shortened: the full text is in the post-mortem)" : ""}`;
}

/**
 * The post-mortem review issue (SPEC 2.3): its checklist is the merged post-mortem's suggested
 * defenses and response plan changes, each an inert line. The body stays within GitHub's limit:
 * a long item is shortened, and items that no longer fit are counted and left to the document.
 */
export function renderReviewIssue({ marker, incident, pull, due, timezone, items }: ReviewIssueInput): { title: string; body: string } {
  const merged = DateTime.fromISO(pull.mergedAt, { setZone: true }).setZone(timezone).toISODate() ?? pull.mergedAt;
  const head = [
    marker,
    `Post-mortem review for incident #${incident.number}: ${inlineText(incident.title)}`,
    "",
    `The post-mortem #${pull.number} was agreed on ${merged}. Due: end of ${due} (${timezone}).`,
    "",
    "Check that each defense and plan change below was carried out: tick it when it is done, or say in a comment why it was not. Close this issue when the review is held.",
  ].join("\n");
  // Room for the section headings, the "none" notes and the count of items left out.
  let budget = GITHUB_BODY_LIMIT - head.length - 400;
  let left = 0;
  const parts: string[] = [head];
  for (const section of SECTIONS) {
    const lines = items.filter((i) => i.section === section).map((i) => itemLine(i.text));
    parts.push(`\n\n### ${section}\n`);
    if (lines.length === 0) parts.push(`\n${NONE[section]}`);
    for (const line of lines) {
      // Once one item does not fit, the rest are counted too, so the list shown is a prefix of the document's.
      if (left > 0 || line.length + 1 > budget) {
        left++;
        continue;
      }
      parts.push(`\n${line}`);
      budget -= line.length + 1;
    }
  }
  if (left > 0) parts.push(`\n\n_${left} more ${left === 1 ? "item does" : "items do"} not fit here; see the post-mortem document._`);
  return {
    title: numberedTitle("Post-mortem review: ", incident.title, incident.number),
    body: fitBody([{ text: parts.join("") }]),
  };
}
