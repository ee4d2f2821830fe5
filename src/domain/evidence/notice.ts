import { renderMarker } from "../../markers/define.js";
import { EVIDENCE_NOTICE, type NoticeKind } from "../../markers/evidence-kinds.js";
import { GITHUB_BODY_LIMIT, truncateText } from "../markdown/fit-body.js";
import { verbatimBlock } from "../postmortem/verbatim-block.js";
import { noticeKey } from "./read-ledger.js";

/** A notice to post: the key that makes it one of a kind, and its body. */
export interface Notice {
  key: string;
  body: string;
  /** Which piece of a long original this is (absent when there is one notice). */
  part?: number;
}

/** What a notice says: Vigil's own sentence, and the original text when a webhook brought it. */
export interface NoticeInput {
  issue: number;
  comment: number;
  change: NoticeKind;
  hash: string;
  /** Vigil's sentence: who changed what, when, and what can still be proven. Holds no user text. */
  text: string;
  /** The text before the change, shown verbatim (possibly over several notices). */
  original?: { label: string; body: string };
}

// Room for the marker, the sentence and the part line around each piece of the original.
const FRAME = 4_000;

/**
 * The notice, or notices: an original too long for one comment is split over as many as it needs,
 * each saying which part it is, so nothing of it is cut (it may be the only copy left).
 */
export function renderNotices(input: NoticeInput): Notice[] {
  const { issue, comment, change, hash } = input;
  const key = (part?: number) => `evidence-notice:${issue}:${noticeKey(comment, change, hash, part)}`;
  if (!input.original) return [{ key: key(), body: `${renderMarker(EVIDENCE_NOTICE, { issue, comment, change, hash })}\n${input.text}` }];
  const pieces = split(input.original.body, GITHUB_BODY_LIMIT - FRAME - input.text.length);
  return pieces.map((piece, i) => {
    const part = pieces.length > 1 ? i + 1 : undefined;
    const marker = renderMarker(EVIDENCE_NOTICE, { issue, comment, change, hash, ...(part ? { part } : {}) });
    const label = part ? `${input.original!.label} (part ${part} of ${pieces.length}):` : `${input.original!.label}:`;
    return { key: key(part), ...(part ? { part } : {}), body: `${marker}\n${input.text}\n\n${label}\n\n${verbatimBlock(piece)}` };
  });
}

// Pieces whose verbatim rendering fits `room`; hidden characters are shown as code points and grow, so measure rendered.
function split(text: string, room: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 0 || pieces.length === 0) {
    let size = Math.min(rest.length, room);
    let piece = truncateText(rest, size).text;
    while (verbatimBlock(piece).length > room && size > 1) {
      size = Math.floor(size / 2);
      piece = truncateText(rest, size).text;
    }
    pieces.push(piece);
    rest = rest.slice(piece.length);
    if (piece.length === 0) break;
  }
  return pieces;
}
