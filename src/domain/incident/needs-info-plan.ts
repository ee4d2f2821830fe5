import type { Effect } from "../../engine/effects.js";
import { findMarked, renderMarker } from "../../markers/define.js";
import type { Identity } from "../../markers/identity.js";
import { NEEDS_INFO } from "../../markers/kinds.js";
import { shortHash } from "../hash.js";
import { inlineText } from "../sanitize.js";
import { MESSAGES } from "./messages.js";
import type { ObservedIssue } from "./observation.js";
import { upsertMarked } from "./upsert.js";

/** How the issue's open/closed state enters the replay. */
export function closedInfo(issue: ObservedIssue): { at: string; reason: "completed" | "not_planned" | "other" } | null {
  if (issue.state !== "closed" || !issue.closedAt) return null;
  const reason = issue.stateReason === "not_planned" ? "not_planned" : issue.stateReason === "completed" ? "completed" : "other";
  return { at: issue.closedAt, reason };
}

/** Vigil's one request for a complete form, listing what to fix (at most 30 problems, each shortened). */
export function needsInfo(issue: ObservedIssue, identity: Identity, problems: readonly { label: string; message: string }[], declared: boolean): Effect[] {
  const listed = problems.slice(0, 30).map((p) => `- **${inlineText(p.label.slice(0, 200))}**: ${inlineText(p.message.slice(0, 500))}`);
  const hash = shortHash(listed.join("\n"));
  const body = [
    renderMarker(NEEDS_INFO, { issue: issue.number, open: true, hash }),
    declared ? MESSAGES.needsInfoAfter : MESSAGES.needsInfoTitle,
    "",
    ...listed,
    "",
    MESSAGES.needsInfoHow,
  ].join("\n");
  return upsertMarked(issue, identity, NEEDS_INFO, () => true, body, "the issue description does not read as the incident form");
}

/** The request marked done once the form reads. */
export function resolveNeedsInfo(issue: ObservedIssue, identity: Identity): Effect[] {
  const open = findMarked(NEEDS_INFO, issue.comments, identity).find((m) => m.data.open);
  if (!open) return [];
  const body = `${renderMarker(NEEDS_INFO, { issue: issue.number, open: false, hash: open.data.hash })}\n${MESSAGES.needsInfoDone}`;
  return upsertMarked(issue, identity, NEEDS_INFO, () => true, body, "the form is complete now");
}
