import type { VigilConfig } from "../config/schema.js";
import { mentionOrName, teamMentionOrName } from "./sanitize.js";

/** Who an Emergency or Sev0 incident pages, as live mentions: the Security Officer, then the escalation targets. */
export function pagedMentions(oncall: Pick<VigilConfig["oncall"], "securityOfficer" | "escalate">): string[] {
  return [
    `${mentionOrName(oncall.securityOfficer, true)} (Security Officer)`,
    ...oncall.escalate.map((t) => (t.startsWith("@") ? teamMentionOrName(t, true) : mentionOrName(t, true))),
  ];
}
