import type { Effect } from "../../engine/effects.js";
import { labelDefinition } from "../labels.js";
import { isSeverityLabel, severityLabel, type Severity } from "../severity.js";
import type { ObservedIssue, ObservedRepo } from "./observation.js";

const lower = (s: string) => s.toLowerCase();

/**
 * The label effects that add `add`, remove `remove` and, given a severity, leave exactly that one
 * severity label; everything else a person put on the issue stays. The swap is one request, so
 * nobody sees two severities or none; Vigil's labels the repository lacks are created first, with
 * their colour and description.
 */
export function planLabels(repo: ObservedRepo, issue: ObservedIssue, add: readonly string[], remove: readonly string[], severity?: Severity): Effect[] {
  const removed = new Set(remove.map(lower));
  const wanted = [...add, ...(severity ? [severityLabel(severity)] : [])];
  const kept = issue.labels.filter((l) => !removed.has(lower(l)) && !(severity && isSeverityLabel(l) && lower(l) !== lower(severityLabel(severity))));
  const desired = [...kept, ...wanted.filter((w) => !kept.some((k) => lower(k) === lower(w)))];
  const same = desired.length === issue.labels.length && desired.every((d) => issue.labels.some((l) => lower(l) === lower(d)));
  if (same) return [];
  const effects: Effect[] = [];
  for (const name of wanted) {
    const definition = labelDefinition(name);
    if (definition && !repo.labels.some((l) => lower(l) === lower(name))) {
      effects.push({ kind: "createLabel", issue: 0, label: definition, why: `Vigil's label "${name}" does not exist yet` });
    }
  }
  const what = [...wanted.filter((w) => !issue.labels.some((l) => lower(l) === lower(w))).map((w) => `+${w}`),
    ...issue.labels.filter((l) => !desired.includes(l)).map((l) => `-${l}`)].join(", ");
  effects.push({ kind: "setLabels", issue: issue.number, labels: desired, why: `labels follow the incident (${what})` });
  return effects;
}
