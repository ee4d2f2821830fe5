import type { Approval } from "./approval.js";
import type { MatchResult } from "./match.js";
import { reviewerNames } from "./reviewers.js";

/** What the check run on the head should say. */
export interface CheckOutcome {
  conclusion: "success" | "neutral";
  title: string;
  summary: string;
}

const short = (oid: string) => oid.slice(0, 7);
const places = (n: number) => `${n} place${n === 1 ? "" : "s"}`;

// Names and counts only: the locations are in the comment, and a summary must not change with who looked at it.
function touched(result: MatchResult): string {
  return result.matches.map((m) => `${m.name} (${places(m.total)})`).join(", ");
}

/**
 * The check run's outcome: success when no threat is touched (so branch protection can require the check on every
 * pull request) or a reviewer approved this head; neutral, with who may approve, otherwise.
 */
export function checkOutcome(input: { headOid: string; result: MatchResult; approval: Approval; reviewers: readonly string[]; notes: readonly string[] }): CheckOutcome {
  const { result, approval } = input;
  const notes = input.notes.length > 0 ? `\n\n${input.notes.join("\n\n")}` : "";
  if (result.matches.length === 0) {
    return { conclusion: "success", title: "No top threat touched", summary: `No configured top threat matches the changed files or added lines of ${short(input.headOid)}.${notes}` };
  }
  if (approval.kind === "approved") {
    return { conclusion: "success", title: `Approved by ${approval.by}`, summary: `Touches ${touched(result)}. ${approval.by}, a security reviewer, approved ${short(input.headOid)}.${notes}` };
  }
  const who = input.reviewers.length > 0 ? reviewerNames(input.reviewers) : "nobody: no securityReview.reviewers are configured";
  return {
    conclusion: "neutral",
    title: "Waiting for a security reviewer's approval",
    summary: `Touches ${touched(result)}. An approval of ${short(input.headOid)} from ${who} turns this check green; each push needs a new one. The pull request's scrutiny comment lists where and what to check.${notes}`,
  };
}
