import { SEVERITIES, SEVERITY_INFO } from "./severity.js";

/** A label as Vigil creates it when a repository lacks it. */
export interface LabelDefinition {
  readonly name: string;
  /** Six hex digits without `#`, as the REST API takes it. */
  readonly color: string;
  /** At most 100 characters (GitHub's limit). */
  readonly description: string;
}

/** Names of the non-severity labels, so callers never spell them by hand. */
export const LABEL = {
  incident: "incident",
  needsInfo: "needs-info",
  postmortem: "postmortem",
  overdue: "overdue",
  securityReview: "security-review",
  patching: "patching",
  irDrill: "ir-drill",
  // Not named by the SPEC, which only says a review issue is filed. Vigil labels it so that the
  // scheduled check finds open reviews with one server-side filtered list request (as it does for
  // recurring work) instead of scanning every issue for a marker, and so the evidence report and
  // people can filter on it.
  postmortemReview: "postmortem-review",
} as const;

const INCIDENT_LABEL: LabelDefinition = { name: LABEL.incident, color: "d73a4a", description: "Security incident, handled by Vigil" };

const OTHER_LABELS: readonly LabelDefinition[] = [
  { name: LABEL.needsInfo, color: "d876e3", description: "The incident report is incomplete or invalid: see Vigil's comment, then edit the issue" },
  { name: LABEL.postmortem, color: "5319e7", description: "Post-mortem of a resolved incident; Vigil tracks its deadline" },
  { name: LABEL.overdue, color: "e11d21", description: "Past its deadline: the Security Officer is reminded every working day until done" },
  { name: LABEL.securityReview, color: "0e8a16", description: "Recurring holistic security review: changes, top threats, progress on defenses" },
  { name: LABEL.patching, color: "1d76db", description: "Recurring OS patching of production and development systems" },
  { name: LABEL.irDrill, color: "006b75", description: "Yearly test of selected incident response plans" },
  { name: LABEL.postmortemReview, color: "c5def5", description: "Check that the defenses agreed in a post-mortem were implemented" },
];

/** Every label Vigil may create: `incident`, the severity labels in order of gravity, then the rest. */
export const LABELS: readonly LabelDefinition[] = [
  INCIDENT_LABEL,
  ...SEVERITIES.map((level) => {
    const { label, color, description } = SEVERITY_INFO[level];
    return { name: label, color, description };
  }),
  ...OTHER_LABELS,
];

const BY_NAME = new Map(LABELS.map((def) => [def.name.toLowerCase(), def]));

/** The definition of one of Vigil's labels, matched case-insensitively like GitHub does; undefined for others. */
export function labelDefinition(name: string): LabelDefinition | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}
