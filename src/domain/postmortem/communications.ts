import type { TimelineEntry } from "../incident-state.js";

/** An external communication recorded with `/comms`, as the post-mortem lists it. */
export interface RecordedCommunication {
  at: string;
  /** Who recorded it. */
  by: string | null;
  /** To whom it went. */
  to: string | null;
  /** The message as typed; null when the comment was edited after Vigil recorded it. */
  text: string | null;
  /** The comment that recorded it. */
  url: string | null;
}

// An empty string counts as not recorded: after an edit the recipient is no longer known.
const field = (entry: Record<string, unknown>, ...names: string[]): string | null => {
  for (const name of names) {
    const value = entry[name];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return null;
};

/**
 * The `/comms` entries of a timeline, in timeline order. Read by shape rather than through the
 * TimelineEntry union, so an entry is listed (with whatever it carries) even while its exact
 * fields are still settling: a communication must never vanish from the post-mortem because a
 * field was renamed.
 */
export function communicationsOf(timeline: readonly TimelineEntry[]): RecordedCommunication[] {
  const out: RecordedCommunication[] = [];
  for (const entry of timeline as readonly unknown[]) {
    if (typeof entry !== "object" || entry === null) continue;
    const e = entry as Record<string, unknown>;
    if (e.kind !== "comms" || typeof e.at !== "string") continue;
    out.push({
      at: e.at,
      by: field(e, "by"),
      to: field(e, "to", "recipient"),
      text: field(e, "text", "message"),
      url: field(e, "url"),
    });
  }
  return out;
}
