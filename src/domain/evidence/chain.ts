import { sha256 } from "../hash.js";
import type { LedgerEntry } from "../../markers/evidence-kinds.js";

/** The hash before the first entry. */
export const GENESIS = "0".repeat(64);

/**
 * The hash after an entry: SHA-256 of the previous hash followed by the entry as compact JSON, e.g.
 * `0000…0000["c",1234,"alice",1764301226,"e3b0…"]`. Anyone can recompute it with `sha256sum`, so the
 * ledger can be checked without Vigil.
 */
export function link(prev: string, entry: LedgerEntry): string {
  return sha256(prev + JSON.stringify(entry));
}

/** The hash after a run of entries. */
export function chainHead(prev: string, entries: readonly LedgerEntry[]): string {
  return entries.reduce(link, prev);
}

/** Unix seconds of an ISO instant, as entries keep time. */
export function unixSeconds(iso: string | Date): number {
  return Math.floor((typeof iso === "string" ? Date.parse(iso) : iso.getTime()) / 1000);
}

/** An entry's time as auditors read it: `2026-11-28 03:40:26 UTC`. */
export function utcText(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
