import type { CheckCandidates } from "../../github/gateway.js";
import { readMarker } from "../../markers/define.js";
import type { Identity } from "../../markers/identity.js";
import { POSTMORTEM_REVIEW } from "../../markers/kinds.js";
import { incidentOfBranch } from "../postmortem/names.js";

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
