/** Incident statuses in the order an incident normally moves through them. */
export const STATUSES = ["investigating", "mitigating", "mitigated", "resolved"] as const;

/** An incident's status. */
export type IncidentStatus = (typeof STATUSES)[number];

/** The status of a newly declared incident (SPEC 2.8). */
export const INITIAL_STATUS: IncidentStatus = "investigating";

/** What Vigil shows and writes for one status. */
interface StatusInfo {
  readonly status: IncidentStatus;
  readonly displayName: string;
  /** Name of the option in the Project's Status single-select field. */
  readonly projectOption: string;
  /** One-line explanation for the help text and the incident record. */
  readonly meaning: string;
}

function info(status: IncidentStatus, displayName: string, meaning: string): StatusInfo {
  return { status, displayName, projectOption: displayName, meaning };
}

/** Per-status facts. */
export const STATUS_INFO: Readonly<Record<IncidentStatus, StatusInfo>> = {
  investigating: info("investigating", "Investigating", "establishing what happened, where, and how far it reaches"),
  mitigating: info("mitigating", "Mitigating", "containment or recovery steps are under way"),
  mitigated: info("mitigated", "Mitigated", "the impact is contained; investigation and root-cause analysis go on"),
  resolved: info("resolved", "Resolved", "the incident is over; the post-mortem is due"),
};

/** The display name of a status, e.g. "Mitigated". */
export function statusDisplayName(status: IncidentStatus): string {
  return STATUS_INFO[status].displayName;
}

// One word, any case, optionally followed by punctuation people type after it ("Resolved.").
const STATUS_RE = /^(investigating|mitigating|mitigated|resolved)[.!]?$/i;

/** Reads a status from text such as "Mitigated" or "resolved."; null when it is not exactly one status. */
export function parseStatus(text: string): IncidentStatus | null {
  const m = STATUS_RE.exec(text.trim());
  return m?.[1] ? (m[1].toLowerCase() as IncidentStatus) : null;
}
