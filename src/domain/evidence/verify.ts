import { findMarked } from "../../markers/define.js";
import type { LedgerOp, NoticeKind } from "../../markers/evidence-kinds.js";
import type { Identity } from "../../markers/identity.js";
import { INCIDENT_RECORD } from "../../markers/kinds.js";
import type { ObservedIssue } from "../incident/observation.js";
import { utcText } from "./chain.js";
import { discrepancies } from "./compare.js";
import { readLedger } from "./read-ledger.js";

/** Something that does not match: the evidence is not as the ledger says. */
export interface Finding {
  kind: Extract<NoticeKind, "mismatch" | "missing" | "chain" | "ledger-edited" | "forged">;
  comment: number;
  detail: string;
}

/** What `vigil verify` found on one incident. */
export interface EvidenceReport {
  issue: number;
  /** The ledger's head hash: the post-mortem and the evidence report name it. */
  head: string;
  parts: number;
  entries: number;
  /** Comments the ledger covers. */
  comments: number;
  /** Empty when every ledgered comment reads as the ledger says and the ledger is intact. */
  findings: Finding[];
  /** Changes the ledger has recorded (each with its notice on the incident). */
  changes: { op: Exclude<LedgerOp, "c">; comment: number; by: string; at: string }[];
  /** Command comments Vigil has run that the ledger does not hold yet (the next check adds them). */
  pending: number[];
}

/** Checks an incident's evidence against its ledger, reading nothing but what observe gave (SPEC 2.13). */
export function verifyEvidence(issue: ObservedIssue, identity: Identity): EvidenceReport {
  const view = readLedger(issue.comments, identity);
  const findings: Finding[] = view.problems.map((p) => ({ kind: p.kind, comment: p.comment, detail: p.detail }));
  for (const d of discrepancies(view, issue.comments)) {
    findings.push(d.kind === "missing"
      ? { kind: "missing", comment: d.id, detail: `comment ${d.id} is gone; the ledger last recorded SHA-256 ${d.expected}` }
      : { kind: "mismatch", comment: d.comment.id, detail: `comment ${d.comment.id} reads differently: SHA-256 ${d.actual}, the ledger recorded ${d.expected}` });
  }
  const changes = view.parts.flatMap((p) => p.entries).flatMap(([op, comment, by, at]) => (op === "c" ? [] : [{ op, comment, by, at: utcText(at) }]));
  const ran = findMarked(INCIDENT_RECORD, issue.comments, identity)[0]?.data.cmds.map(([id]) => id) ?? [];
  const present = new Set(issue.comments.map((c) => c.id));
  const pending = ran.filter((id) => present.has(id) && !view.comments.has(id));
  return { issue: issue.number, head: view.head, parts: view.parts.length, entries: view.entries, comments: view.comments.size, findings, changes, pending };
}
