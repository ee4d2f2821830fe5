import { helpText } from "./commands.js";
import type { CommandOutcome } from "./incident-state.js";
import { pagedMentions } from "./paging.js";
import { SEVERITY_INFO, severityPages } from "./severity.js";
import type { OncallSettings } from "./settings.js";

/**
 * What to tell people about one accepted command (SPEC 2.2: a reply only where there is something to
 * say): help, a refusal (e.g. no such response plan), that a response plan is already attached, or
 * the paging notice when severity rises to a level that pages. A communication, a note or a plan
 * newly attached is acknowledged with the reaction alone (the plan by its checklist comment).
 */
export function repliesFor(outcome: CommandOutcome, oncall: Pick<OncallSettings, "securityOfficer" | "escalate">): string[] {
  if (outcome.refusal) return [outcome.refusal];
  const { command, entry } = outcome;
  if (command.name === "help") return [helpText()];
  if (command.name === "plan" && entry === null) {
    return [`The response plan \`${command.slug}\` is already attached to this incident; its checklist is in the comments above.`];
  }
  if (entry?.kind === "severity" && severityPages(entry.to) && !severityPages(entry.from)) {
    const info = SEVERITY_INFO[entry.to];
    return [`Severity raised to **${info.displayName}** (${info.meaning}): paging ${pagedMentions(oncall).join(", ")}.`];
  }
  return [];
}
