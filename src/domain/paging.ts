import { mentionOrName, teamMentionOrName } from "./sanitize.js";
import type { OncallSettings } from "./settings.js";

/** Who an Emergency or Sev0 incident pages, as live mentions: the Security Officer, then the escalation targets. */
export function pagedMentions(oncall: Pick<OncallSettings, "securityOfficer" | "escalate">): string[] {
  return [
    `${mentionOrName(oncall.securityOfficer, true)} (Security Officer)`,
    ...oncall.escalate.map((t) => (t.startsWith("@") ? teamMentionOrName(t, true) : mentionOrName(t, true))),
  ];
}
