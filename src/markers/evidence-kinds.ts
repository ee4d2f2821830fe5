import { z } from "zod";
import { defineMarker } from "./define.js";

// Evidence-integrity markers (SPEC 2.13). Like every marker they hold ids, logins, times and hashes:
// never the text of a note, which only ever appears in the visible body of a notice.

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const hash16 = z.string().regex(/^[0-9a-f]{16}$/);
const id = z.number().int().positive();
// People, and the apps GitHub names `slug[bot]`, may author or change a comment.
const actor = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/);

/**
 * What one ledger entry records about a comment. `c`: Vigil ledgered it (a command, note or `/comms`
 * comment); `e`: a webhook said it was edited; `d`: a webhook said it was deleted; `m`: a check found
 * its text changed with no webhook; `x`: a check found it gone with no webhook.
 */
export const LEDGER_OPS = ["c", "e", "d", "m", "x"] as const;
export type LedgerOp = (typeof LEDGER_OPS)[number];

/** One entry: what happened, to which comment, by whom, when (Unix seconds), and the SHA-256 of the text it is about. */
export const ledgerEntry = z.tuple([z.enum(LEDGER_OPS), id, actor, z.number().int().nonnegative(), sha]);
export type LedgerEntry = z.infer<typeof ledgerEntry>;

/** How many entries one ledger comment holds; the next entry starts a continuation comment. */
export const LEDGER_PART_ENTRIES = 100;

/** One ledger comment: its place in the chain (`prev` is the previous part's head), its entries and its head. */
export const LEDGER = defineMarker({
  kind: "evidence-ledger",
  version: 1,
  schema: z.object({
    issue: id,
    part: id,
    prev: sha,
    head: sha,
    entries: z.array(ledgerEntry).min(1).max(LEDGER_PART_ENTRIES),
  }).strict(),
});

/**
 * What a notice reports. `edited`/`deleted`: a webhook brought the original text; `mismatch`/`missing`:
 * a check found the change afterwards; `chain`: the ledger's hashes do not link up; `ledger-edited`: a
 * person edited a ledger comment; `forged`: a ledger comment not written by Vigil.
 */
export const NOTICE_KINDS = ["edited", "deleted", "mismatch", "missing", "chain", "ledger-edited", "forged"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A notice on the incident: one per (comment, kind, text hash); long originals span several parts. */
export const EVIDENCE_NOTICE = defineMarker({
  kind: "evidence-notice",
  version: 1,
  schema: z.object({ issue: id, comment: id, change: z.enum(NOTICE_KINDS), hash: hash16, part: id.optional() }).strict(),
});
