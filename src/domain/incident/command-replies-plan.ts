import { repliesFor } from "../command-replies.js";
import type { CommandComment, replayIncident } from "../incident-state.js";
import { truncateText } from "../markdown/fit-body.js";
import { MESSAGES } from "./messages.js";
import type { IncidentConfig } from "./plan.js";

// A comment may hold any number of mistyped commands of any length: the reply lists a bounded number, each shortened.
const MAX_LISTED_ERRORS = 20;

export function replyLines(c: CommandComment, outcomes: ReturnType<typeof replayIncident>["outcomes"], config: IncidentConfig, unassignable: string | null): string[] {
  const bad = c.commands.flatMap((p) => (p.ok ? [] : [p]));
  const lines = bad.slice(0, MAX_LISTED_ERRORS).map((p) => MESSAGES.badCommand(truncateText(p.line, 200).text, truncateText(p.error, 400).text));
  if (bad.length > MAX_LISTED_ERRORS) lines.push(`…and ${bad.length - MAX_LISTED_ERRORS} more lines Vigil could not read as commands.`);
  if (lines.length > 0) lines.push(MESSAGES.helpHint);
  lines.push(...outcomes.flatMap((o) => repliesFor(o, config.oncall)));
  if (unassignable && outcomes.some((o) => o.entry?.kind === "responder")) lines.push(MESSAGES.unassignable(unassignable));
  return lines;
}
