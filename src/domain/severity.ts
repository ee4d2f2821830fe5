/** Severity levels in order of gravity, gravest first; `triage` means not yet assessed. */
export const SEVERITIES = ["emergency", "sev0", "sev1", "sev2", "triage"] as const;

/** An incident severity level. */
export type Severity = (typeof SEVERITIES)[number];

/** A severity somebody has actually assessed (what `/severity` may set). */
export type AssessedSeverity = Exclude<Severity, "triage">;

/** Everything Vigil shows or writes for one severity level. */
interface SeverityInfo {
  readonly level: Severity;
  /** Repository label name, e.g. `severity: sev0`. */
  readonly label: string;
  /** Label colour, six hex digits without `#`. */
  readonly color: string;
  /** Label description (GitHub allows at most 100 characters). */
  readonly description: string;
  readonly displayName: string;
  /** What the level means, from the security policy. */
  readonly meaning: string;
  /** Whether the Security Officer and the escalation teams are mentioned (paged). */
  readonly pages: boolean;
  /** Name of the option in the Project's Severity single-select field. */
  readonly projectOption: string;
}

function info(level: Severity, displayName: string, color: string, meaning: string, pages: boolean, description: string): SeverityInfo {
  return { level, label: `severity: ${level}`, color, description, displayName, meaning, pages, projectOption: displayName };
}

/** Per-level facts; colours run from the darkest red (emergency) to grey (triage). */
export const SEVERITY_INFO: Readonly<Record<Severity, SeverityInfo>> = {
  emergency: info("emergency", "Emergency", "5c0011", "threat to life or public safety", true,
    "Emergency: threat to life or public safety. Pages the Security Officer and escalation teams."),
  sev0: info("sev0", "Sev0", "b60205", "sensitive data breach, or complete disruption of a critical service", true,
    "Sev0: sensitive data breach, or complete disruption of a critical service."),
  sev1: info("sev1", "Sev1", "e4572e", "partial disruption or significant degradation of service", false,
    "Sev1: partial disruption or significant degradation of service."),
  sev2: info("sev2", "Sev2", "f9a03f", "moderate or minor disruption or degradation", false,
    "Sev2: moderate or minor disruption or degradation."),
  triage: info("triage", "Triage", "bfbfbf", "not yet assessed", false,
    "Severity not yet assessed: a responder sets it with /severity."),
};

// "Sev0", "SEV-0", "sev 0", "Severity 1", "Severity: sev0", "Emergency — threat to life…": the level leads, anything
// may follow.
const LEVEL_RE = /^(?:severity\s*:?\s*)?(?:(emergency)|sev(?:erity)?\s*-?\s*([0-2])|(triage|not\s+sure(?:\s+yet)?|unknown|unassessed))(?![a-z0-9])/i;

/**
 * Reads a severity from free text (form dropdown value, command argument, label name).
 * "Not sure yet" and "unknown" mean triage; anything unrecognisable is null.
 */
export function parseSeverity(text: string): Severity | null {
  return splitSeverity(text)?.level ?? null;
}

/** The severity a text starts with and the rest of the text after it (a command's reason), or null. */
export function splitSeverity(text: string): { level: Severity; rest: string } | null {
  const trimmed = text.trim();
  const m = LEVEL_RE.exec(trimmed);
  if (!m) return null;
  const level: Severity = m[1] !== undefined ? "emergency" : m[2] !== undefined ? (`sev${m[2]}` as Severity) : "triage";
  return { level, rest: trimmed.slice(m[0].length).replace(/^[\s:,;–—-]+/, "").trim() };
}

/** The label name of a level. */
export function severityLabel(level: Severity): string {
  return SEVERITY_INFO[level].label;
}

/** Position in order of gravity: 0 is the gravest; lets callers compare two levels. */
export function severityRank(level: Severity): number {
  return SEVERITIES.indexOf(level);
}

/** Whether a level pages the Security Officer and the escalation teams. */
export function severityPages(level: Severity): boolean {
  return SEVERITY_INFO[level].pages;
}

// GitHub treats label names case-insensitively, so a hand-made "Severity: SEV0" is the same label.
function normalise(name: string): string {
  return name.trim().toLowerCase();
}

const BY_LABEL = new Map<string, Severity>(SEVERITIES.map((level) => [normalise(severityLabel(level)), level]));

/** The severity a label name stands for, or null when it is not a severity label. */
export function severityOfLabel(name: string): Severity | null {
  return BY_LABEL.get(normalise(name)) ?? null;
}

/** Whether a label name is one of the severity labels. */
export function isSeverityLabel(name: string): boolean {
  return severityOfLabel(name) !== null;
}

/** Distinct levels among an issue's labels, gravest first; more than one means the labels need repair. */
export function severityFromLabels(labelNames: readonly string[]): Severity[] {
  const present = new Set<Severity>();
  for (const name of labelNames) {
    const level = severityOfLabel(name);
    if (level) present.add(level);
  }
  return SEVERITIES.filter((level) => present.has(level));
}

/**
 * The issue's labels with exactly one severity label, `level`'s, and without the `drop` labels;
 * everything else a person put on the issue stays.
 */
export function withSeverityLabel(labels: readonly string[], level: Severity, drop: readonly string[] = []): string[] {
  const dropped = new Set(drop.map((d) => d.toLowerCase()));
  const kept = labels.filter((l) => !isSeverityLabel(l) && !dropped.has(l.toLowerCase()));
  return [...kept, severityLabel(level)];
}
