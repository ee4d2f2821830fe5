import { sha256 } from "../hash.js";
import type { ObservedComment } from "../incident/observation.js";
import type { LedgerView } from "./read-ledger.js";

/** A ledgered comment that no longer reads as the ledger says. */
export type Discrepancy =
  | { kind: "mismatch"; comment: ObservedComment; expected: string; actual: string }
  | { kind: "missing"; id: number; expected: string };

/** Every ledgered comment whose text hash differs from the ledger's, or that is gone while the ledger says it is there. */
export function discrepancies(view: LedgerView, comments: readonly ObservedComment[]): Discrepancy[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const found: Discrepancy[] = [];
  for (const [id, known] of view.comments) {
    if (known.current === null) continue;
    const comment = byId.get(id);
    if (!comment) found.push({ kind: "missing", id, expected: known.current });
    else {
      const actual = sha256(comment.body);
      if (actual !== known.current) found.push({ kind: "mismatch", comment, expected: known.current, actual });
    }
  }
  return found;
}
