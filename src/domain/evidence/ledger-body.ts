import { renderMarker } from "../../markers/define.js";
import { LEDGER, type LedgerEntry, type LedgerOp } from "../../markers/evidence-kinds.js";
import { GITHUB_BODY_LIMIT } from "../markdown/fit-body.js";
import { chainHead, utcText } from "./chain.js";

const WHAT: Record<LedgerOp, string> = {
  c: "recorded",
  e: "edited (webhook)",
  d: "deleted (webhook)",
  m: "changed, found by a check",
  x: "gone, found by a check",
};

/** One ledger comment: the marker (the entries as data), then the same entries as a table people can read. */
export function renderLedgerPart(input: { issue: number; part: number; first: number; prev: string; entries: readonly LedgerEntry[] }): string {
  const { issue, part, prev, entries } = input;
  const head = chainHead(prev, entries);
  const rows = entries.map(([op, id, who, at, sha], i) => `| ${input.first + i} | ${WHAT[op]} | [${id}](#issuecomment-${id}) | ${who} | ${utcText(at)} | \`${sha}\` |`);
  const body = [
    renderMarker(LEDGER, { issue, part, prev, head, entries: [...entries] }),
    `### Evidence ledger${part > 1 ? `, part ${part}` : ""}`,
    "",
    "Every command, note and `/comms` comment on this incident, and every change to one, with the SHA-256 of its text. Each entry is chained to the one before: its hash is SHA-256 of the previous hash followed by the entry as JSON (the marker above holds the entries). `vigil verify` checks all of it; this comment is Vigil's and is never edited by hand.",
    "",
    `Starts from: \`${prev}\``,
    "",
    "| # | what | comment | by | at | SHA-256 of the text |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
    `**Head:** \`${head}\``,
  ].join("\n");
  // 100 entries of the longest logins and ids stay far below the limit; a test holds that.
  if (body.length > GITHUB_BODY_LIMIT) throw new Error(`ledger part ${part} would exceed GitHub's body limit`);
  return body;
}
