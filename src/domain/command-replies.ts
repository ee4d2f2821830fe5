import { helpText } from "./commands.js";
import type { CommandOutcome } from "./incident-state.js";
import { pagedMentions } from "./paging.js";
import { SEVERITY_INFO, severityPages } from "./severity.js";
import type { OncallSettings } from "./settings.js";

/**
 * What to tell people about one accepted command (SPEC 2.2: a reply only where there is something to
 * say): help, a refusal, or the paging notice when severity rises to a level that pages.
 */
export function repliesFor(outcome: CommandOutcome, oncall: Pick<OncallSettings, "securityOfficer" | "escalate">): string[] {
  if (outcome.refusal) return [outcome.refusal];
  const { command, entry } = outcome;
  if (command.name === "help") return [helpText()];
  if (command.name === "postmortem") {
    return ["`/postmortem` is recognised, but this Vigil version does not open post-mortem pull requests yet; nothing was changed."];
  }
  if (entry?.kind === "severity" && severityPages(entry.to) && !severityPages(entry.from)) {
    const info = SEVERITY_INFO[entry.to];
    return [`Severity raised to **${info.displayName}** (${info.meaning}): paging ${pagedMentions(oncall).join(", ")}.`];
  }
  return [];
}
