import type { CheckCandidates } from "../../github/gateway.js";
import { readMarker } from "../../markers/define.js";
import type { Identity } from "../../markers/identity.js";
import { POSTMORTEM_REVIEW } from "../../markers/kinds.js";
import { incidentOfBranch } from "../postmortem/names.js";

// Closed incidents updated this recently are checked too: a post-mortem to open, a merge to follow up. Older ones
// with open post-mortem work are found through that work (an unmerged pull request, an open review issue).
const CLOSED_LOOKBACK_DAYS = 90;

/** Since when closed incidents are looked at. */
export function closedSince(now: Date): string {
  return new Date(now.getTime() - CLOSED_LOOKBACK_DAYS * 86_400_000).toISOString();
}

/**
 * The incidents a scheduled check reconciles: open and recently closed incidents, those whose post-mortem pull
 * request is not merged, and those whose review issue (Vigil's own, by its marker) is open; each once, in order.
 */
export function incidentsToCheck(candidates: CheckCandidates, identity: Identity): number[] {
  const found = new Set(candidates.incidents);
  for (const branch of candidates.postmortemBranches) {
    const n = incidentOfBranch(branch);
    if (n !== null) found.add(n);
  }
  for (const review of candidates.reviews) {
    const data = readMarker(POSTMORTEM_REVIEW, review, identity);
    if (data) found.add(data.issue);
  }
  return [...found].sort((a, b) => a - b);
}
