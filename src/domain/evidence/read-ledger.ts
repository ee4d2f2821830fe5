import { findMarked, parseMarker } from "../../markers/define.js";
import { EVIDENCE_NOTICE, LEDGER, type LedgerEntry, type NoticeKind } from "../../markers/evidence-kinds.js";
import { isOwn, type Identity } from "../../markers/identity.js";
import { shortHash } from "../hash.js";
import type { ObservedComment } from "../incident/observation.js";
import { chainHead, GENESIS } from "./chain.js";

/** One trusted ledger comment. */
export interface LedgerPart {
  commentId: number;
  part: number;
  prev: string;
  head: string;
  entries: readonly LedgerEntry[];
  /** A part whose integrity failed: kept as it is, as evidence, and never written to again. */
  frozen: boolean;
}

/** Something wrong with the ledger itself, reported once per ledger comment and text. */
export interface IntegrityProblem {
  kind: Extract<NoticeKind, "chain" | "ledger-edited" | "forged">;
  comment: number;
  /** Short hash of the comment's text when found: a later change is a new problem. */
  hash: string;
  detail: string;
}

/** What the ledger says of one comment: every text hash it recorded, and its current hash (null: deleted or missing). */
export interface LedgeredComment {
  shas: string[];
  current: string | null;
  /** When it was first ledgered (Unix seconds). */
  at: number;
  author: string;
}

/** The ledger as read from the incident's comments. */
export interface LedgerView {
  parts: LedgerPart[];
  /** Racing copies of a part (a later comment with the same part number): deleted, the oldest stays. */
  duplicates: number[];
  /** The hash after the last entry (GENESIS for an empty ledger). */
  head: string;
  entries: number;
  problems: IntegrityProblem[];
  comments: Map<number, LedgeredComment>;
  /** Notices already posted: `comment:kind:hash[:part]`. */
  noticed: Set<string>;
}

/** The key a notice is found by. */
export const noticeKey = (comment: number, kind: NoticeKind, hash: string, part?: number) => `${comment}:${kind}:${hash}${part ? `:${part}` : ""}`;

/**
 * Reads the ledger and checks its integrity: parts numbered 1, 2, … with no gap, each starting from
 * the head of the one before, each entry hashing to its part's head, none edited by anyone but Vigil,
 * and no ledger comment written by anyone else.
 */
export function readLedger(comments: readonly ObservedComment[], identity: Identity): LedgerView {
  const problems: IntegrityProblem[] = [];
  const problem = (kind: IntegrityProblem["kind"], c: ObservedComment, detail: string) => problems.push({ kind, comment: c.id, hash: shortHash(c.body), detail });
  for (const c of comments) {
    if (!isOwn(c.author, identity) && parseMarker(LEDGER, c.body)) problem("forged", c, `comment ${c.id} by ${c.author.login} looks like a ledger comment but was not written by Vigil; it is ignored`);
  }

  const byPart = new Map<number, { item: ObservedComment; data: (typeof LEDGER)["schema"]["_output"] }>();
  const duplicates: number[] = [];
  for (const m of findMarked(LEDGER, comments, identity).sort((a, b) => a.item.id - b.item.id)) {
    if (byPart.has(m.data.part)) duplicates.push(m.item.id);
    else byPart.set(m.data.part, m);
  }

  const parts: LedgerPart[] = [];
  let running = GENESIS;
  let expected = 1;
  for (const { item, data } of [...byPart.values()].sort((a, b) => a.data.part - b.data.part)) {
    const before = problems.length;
    if (data.part !== expected) problem("chain", item, `ledger part ${expected}${data.part - expected > 1 ? `–${data.part - 1}` : ""} is missing before part ${data.part}`);
    else if (data.prev !== running) problem("chain", item, `ledger part ${data.part} does not start from the head of part ${data.part - 1}`);
    const head = chainHead(data.prev, data.entries);
    if (head !== data.head) problem("chain", item, `ledger part ${data.part}'s entries do not hash to the head it states`);
    if (item.editor && !isOwn(item.editor, identity)) problem("ledger-edited", item, `ledger part ${data.part} was edited by ${item.editor.login}`);
    parts.push({ commentId: item.id, part: data.part, prev: data.prev, head, entries: data.entries, frozen: problems.length > before });
    running = head;
    expected = data.part + 1;
  }

  const ledgered = new Map<number, LedgeredComment>();
  for (const [op, id, who, at, sha] of parts.flatMap((p) => p.entries)) {
    const known = ledgered.get(id) ?? { shas: [], current: null, at, author: who };
    if (op === "c" || op === "e" || op === "m") {
      known.shas.push(sha);
      known.current = sha;
    } else {
      known.current = null;
    }
    ledgered.set(id, known);
  }

  const notices = findMarked(EVIDENCE_NOTICE, comments, identity);
  // A notice holds the only copy of an original text: Vigil never edits one, so any edit is someone else's.
  for (const { item } of notices) {
    if (item.editor) problem("ledger-edited", item, `evidence notice ${item.id} was edited by ${item.editor.login}`);
  }
  const noticed = new Set(notices.map((m) => noticeKey(m.data.comment, m.data.change, m.data.hash, m.data.part)));
  return { parts, duplicates, head: running, entries: parts.reduce((n, p) => n + p.entries.length, 0), problems, comments: ledgered, noticed };
}
