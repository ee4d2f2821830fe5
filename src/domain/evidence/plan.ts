import type { Effect } from "../../engine/effects.js";
import { LEDGER, LEDGER_PART_ENTRIES, type LedgerEntry, type NoticeKind } from "../../markers/evidence-kinds.js";
import { isOwn, type Author, type Identity } from "../../markers/identity.js";
import { parseMarker } from "../../markers/define.js";
import { sha256, shortHash } from "../hash.js";
import type { ObservedComment, ObservedIssue } from "../incident/observation.js";
import { mentionOrName } from "../sanitize.js";
import { chainHead, unixSeconds, utcText } from "./chain.js";
import { discrepancies } from "./compare.js";
import { renderLedgerPart } from "./ledger-body.js";
import { renderNotices, type NoticeInput } from "./notice.js";
import { noticeKey, readLedger, type LedgeredComment } from "./read-ledger.js";

/** What a webhook said changed: the only moment the text before the change can be had. */
export interface EvidenceChange {
  kind: "edited" | "deleted";
  commentId: number;
  /** The text before the change (an edit's `changes.body.from`, a deleted comment's body). */
  previousBody: string;
  /** Who wrote the comment (Vigil's own ledger comments must never be changed). */
  author: Author;
  /** Who changed it (the webhook's sender). */
  by: string;
  /** When (an edit's `updated_at`; for a deletion, when Vigil heard of it). */
  at: string;
}

/** Everything the ledger planner decides from. */
export interface EvidenceInput {
  issue: ObservedIssue;
  identity: Identity;
  /** The command comments the record has run, oldest first: each is ledgered once. */
  ledgered: readonly number[];
  change?: EvidenceChange;
  now: Date;
}

const name = (login: string) => mentionOrName(login, false);

/**
 * The evidence ledger of an incident (SPEC 2.13): notices for every change to a ledgered comment
 * (with the original text when a webhook brought it) and for every problem with the ledger itself,
 * each once; then the new entries, appended to the last part or in continuation parts. Notices go
 * first, so a change is never in the ledger without its notice. Returns the head after this run.
 */
export function planEvidence(input: EvidenceInput): { effects: Effect[]; head: string } {
  const { issue, identity, change } = input;
  const view = readLedger(issue.comments, identity);
  const effects: Effect[] = view.duplicates.map((commentId) => ({ kind: "deleteComment", issue: issue.number, commentId, why: "duplicate evidence ledger part" }) as const);
  const entries: LedgerEntry[] = [];
  const now = unixSeconds(input.now);
  const notify = (n: Omit<NoticeInput, "issue">, why: string) => {
    for (const notice of renderNotices({ ...n, issue: issue.number })) {
      if (view.noticed.has(noticeKey(n.comment, n.change, n.hash, notice.part))) continue;
      effects.push({ kind: "createComment", issue: issue.number, key: notice.key, body: notice.body, why });
    }
  };

  for (const p of view.problems) notify({ comment: p.comment, change: p.kind, hash: p.hash, text: integrityText(p.detail) }, `evidence ledger problem: ${p.kind}`);
  // A deleted ledger part leaves no gap when it was the last one: only the webhook tells, and it carries the part.
  const lostPart = change?.kind === "deleted" && isOwn(change.author, identity) && !issue.comments.some((c) => c.id === change.commentId) ? parseMarker(LEDGER, change.previousBody) : null;
  if (change && lostPart) {
    notify({
      comment: change.commentId, change: "chain", hash: shortHash(change.previousBody),
      text: `**Evidence ledger problem:** ledger part ${lostPart.part} was deleted by ${name(change.by)} (${utcText(unixSeconds(change.at))}). Below is that part exactly as Vigil last wrote it, head \`${lostPart.head}\`; the ledger goes on without it, and the comments it covered are ledgered again as they read now.`,
      original: { label: "The deleted ledger part", body: change.previousBody },
    }, `ledger part ${lostPart.part} was deleted`);
  }

  const whatWas = (id: number, known: LedgeredComment) => `Comment [${id}](#issuecomment-${id}) by ${name(known.author)}, ledgered ${utcText(known.at)}`;
  const fromWebhook = (id: number, kind: EvidenceChange["kind"]) => (change && change.commentId === id && change.kind === kind ? change : undefined);
  for (const d of discrepancies(view, issue.comments)) {
    const id = d.kind === "missing" ? d.id : d.comment.id;
    const known = view.comments.get(id)!;
    const heard = fromWebhook(id, d.kind === "missing" ? "deleted" : "edited");
    if (heard) {
      const kind: NoticeKind = heard.kind;
      const hash = shortHash(d.kind === "missing" ? heard.previousBody : d.comment.body);
      notify(originalNotice(kind, id, hash, whatWas(id, known), known, heard), `comment ${id} was ${kind}`);
      entries.push([kind === "edited" ? "e" : "d", id, heard.by, unixSeconds(heard.at), d.kind === "missing" ? sha256(heard.previousBody) : d.actual]);
    } else if (d.kind === "missing") {
      notify({ comment: id, change: "missing", hash: d.expected.slice(0, 16), text: `${whatWas(id, known)} with SHA-256 \`${d.expected}\`, is gone, and no webhook told Vigil it was deleted, so Vigil has no copy of its last text. What can still be proven: a comment with that hash was on this incident, by that author, at that time (the ledger's chain dates it). The ledger now records it as gone.` }, `comment ${id} is missing`);
      entries.push(["x", id, identity.login, now, d.expected]);
    } else {
      notify({ comment: id, change: "mismatch", hash: d.actual.slice(0, 16), text: `${whatWas(id, known)} with SHA-256 \`${d.expected}\`, now reads differently (SHA-256 \`${d.actual}\`), and no webhook told Vigil of the change, so Vigil has no copy of the earlier text. What can still be proven: the ledger dates the earlier text by its hash; GitHub's edit history on the comment may still show it. The ledger now records the new text's hash.` }, `comment ${id} changed`);
      entries.push(["m", id, identity.login, now, d.actual]);
    }
  }
  // A webhook that arrives after a check already recorded the change still brings the original: keep it.
  if (change && !entries.some((e) => e[1] === change.commentId)) {
    const known = view.comments.get(change.commentId);
    const current = issue.comments.find((c) => c.id === change.commentId);
    if (known && (change.kind === "deleted" ? !current : current)) {
      const hash = shortHash(change.kind === "deleted" ? change.previousBody : current!.body);
      notify(originalNotice(change.kind, change.commentId, hash, whatWas(change.commentId, known), known, change), `comment ${change.commentId} was ${change.kind}`);
    }
  }

  const byId = new Map<number, ObservedComment>(issue.comments.map((c) => [c.id, c]));
  for (const id of input.ledgered) {
    const comment = byId.get(id);
    if (!comment || view.comments.has(id)) continue;
    entries.push(["c", id, comment.author.login, unixSeconds(comment.createdAt), sha256(comment.body)]);
  }

  effects.push(...appendEntries(issue.number, view, entries));
  return { effects, head: chainHead(view.head, entries) };
}

function originalNotice(kind: "edited" | "deleted", id: number, hash: string, was: string, known: LedgeredComment, heard: EvidenceChange): Omit<NoticeInput, "issue"> {
  const before = sha256(heard.previousBody);
  const proof = known.shas.includes(before)
    ? `The text it had before, below, matches the ledger (SHA-256 \`${before}\`).`
    : `The text it had before, below (SHA-256 \`${before}\`), does not match any text the ledger recorded: it had already changed while no webhook arrived.`;
  const verb = kind === "edited" ? `was **edited** by ${name(heard.by)} at ${utcText(unixSeconds(heard.at))}` : `was **deleted** (reported by ${name(heard.by)}, ${utcText(unixSeconds(heard.at))})`;
  return { comment: id, change: kind, hash, text: `${was}, ${verb}. ${proof} The ledger records the change.`, original: { label: kind === "edited" ? "The text before the edit" : "The text of the deleted comment", body: heard.previousBody } };
}

function integrityText(detail: string): string {
  return `**Evidence ledger problem:** ${detail}. That comment is left exactly as it is, as evidence, and Vigil writes no more to it: the ledger goes on in a new part. \`vigil verify\` will keep reporting this.`;
}

// New entries go on the last part while it has room and is intact; the rest fill continuation parts.
function appendEntries(issue: number, view: ReturnType<typeof readLedger>, entries: LedgerEntry[]): Effect[] {
  if (entries.length === 0) return [];
  const effects: Effect[] = [];
  const last = view.parts.at(-1);
  let first = view.entries + 1;
  let rest = entries;
  if (last && !last.frozen && last.entries.length < LEDGER_PART_ENTRIES) {
    const room = LEDGER_PART_ENTRIES - last.entries.length;
    const all = [...last.entries, ...rest.slice(0, room)];
    const body = renderLedgerPart({ issue, part: last.part, first: first - last.entries.length, prev: last.prev, entries: all });
    effects.push({ kind: "updateComment", issue, commentId: last.commentId, key: `evidence-ledger:${issue}:${last.part}`, body, why: `ledgers ${Math.min(room, rest.length)} more comment change(s)` });
    first += Math.min(room, rest.length);
    rest = rest.slice(room);
  }
  let part = (last?.part ?? 0) + 1;
  let prev = view.head;
  if (last && effects.length > 0) prev = chainHead(last.prev, [...last.entries, ...entries.slice(0, entries.length - rest.length)]);
  while (rest.length > 0) {
    const chunk = rest.slice(0, LEDGER_PART_ENTRIES);
    effects.push({ kind: "createComment", issue, key: `evidence-ledger:${issue}:${part}`, body: renderLedgerPart({ issue, part, first, prev, entries: chunk }), why: part === 1 ? "starts the evidence ledger" : `continues the evidence ledger (part ${part})` });
    prev = chainHead(prev, chunk);
    first += chunk.length;
    rest = rest.slice(LEDGER_PART_ENTRIES);
    part++;
  }
  return effects;
}
