import type { Effect } from "../../engine/effects.js";
import { findMarked, type Authored, type MarkerDefinition } from "../../markers/define.js";
import type { Identity } from "../../markers/identity.js";
import { COMMAND_REPLY, CONFIG_PROBLEM, INCIDENT_RECORD, NEEDS_INFO, POSTMORTEM_LINK, POSTMORTEM_MERGED, PROJECT_PROBLEM, PUBLIC_REFUSAL } from "../../markers/kinds.js";
import type { ObservedIssue } from "./observation.js";

/** An issue or pull request with its comments: what a marked comment lives on. */
export interface MarkedTarget {
  number: number;
  comments: readonly (Authored & { id: number })[];
}

/**
 * The effect that makes Vigil's one comment of a kind read `body`: create it when there is none,
 * update it when its text differs, nothing otherwise. The oldest trusted copy is the one kept.
 */
export function upsertMarked<T>(
  issue: MarkedTarget,
  identity: Identity,
  definition: MarkerDefinition<T>,
  match: (data: T) => boolean,
  body: string,
  why: string,
): Effect[] {
  const existing = findMarked(definition, issue.comments, identity).find((m) => match(m.data));
  if (!existing) return [{ kind: "createComment", issue: issue.number, key: `${definition.kind}:${issue.number}`, body, why }];
  if (existing.item.body === body) return [];
  return [{ kind: "updateComment", issue: issue.number, commentId: existing.item.id, key: `${definition.kind}:${issue.number}`, body, why }];
}

/** Deletes all but the oldest of Vigil's comments of a kind of which a target holds one. */
export function dedupeKind<T>(target: MarkedTarget, identity: Identity, definition: MarkerDefinition<T>): Effect[] {
  const ids = findMarked(definition, target.comments, identity).map((m) => m.item.id).sort((a, b) => a - b);
  return ids.slice(1).map((commentId): Effect => ({ kind: "deleteComment", issue: target.number, commentId, why: `duplicate ${definition.kind}` }));
}

// Kinds of which an issue holds one comment, and the reply kind, of which it holds one per command comment.
const SINGLE: readonly MarkerDefinition<unknown>[] = [INCIDENT_RECORD, NEEDS_INFO, PUBLIC_REFUSAL, PROJECT_PROBLEM, CONFIG_PROBLEM, POSTMORTEM_LINK, POSTMORTEM_MERGED];

/**
 * Deletes the copies two racing replicas (or a create GitHub applied but answered with an error)
 * left behind: of each kind, and of each reply per command comment, the oldest stays.
 */
export function dedupeMarked(issue: ObservedIssue, identity: Identity): Effect[] {
  const effects: Effect[] = [];
  const drop = (ids: number[], what: string) => {
    for (const id of ids.slice(1)) effects.push({ kind: "deleteComment", issue: issue.number, commentId: id, why: `duplicate ${what}` });
  };
  for (const definition of SINGLE) effects.push(...dedupeKind(issue, identity, definition));
  const replies = new Map<number, number[]>();
  for (const m of findMarked(COMMAND_REPLY, issue.comments, identity)) {
    replies.set(m.data.comment, [...(replies.get(m.data.comment) ?? []), m.item.id]);
  }
  for (const ids of replies.values()) drop(ids.sort((a, b) => a - b), "reply");
  return effects;
}
