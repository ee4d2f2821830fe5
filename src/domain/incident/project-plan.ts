import type { Effect } from "../../engine/effects.js";
import { renderMarker, findMarked } from "../../markers/define.js";
import { PROJECT_PROBLEM } from "../../markers/kinds.js";
import type { IncidentState } from "../incident-state.js";
import { planProjectFields } from "../project-fields.js";
import { MESSAGES } from "./messages.js";
import type { IncidentInput } from "./plan.js";
import { upsertMarked } from "./upsert.js";

/**
 * SPEC 2.8: the incident is on the configured project with its Severity and Status options set.
 * What cannot be done (no project, no field, no option) is said in one comment, marked fixed later.
 */
export function planProject(input: IncidentInput, state: IncidentState): Effect[] {
  const settings = input.config.project;
  if (!settings || input.project === undefined) return [];
  const { issue, identity, project } = input;
  const effects: Effect[] = [];
  let problems: string[];
  if (!project) {
    problems = [MESSAGES.projectMissing(settings.owner, settings.number)];
  } else {
    const plan = planProjectFields(project.fields, settings.fields, { severity: state.severity, status: state.status });
    const item = issue.projectItems.find((i) => i.projectId === project.id) ?? null;
    const updates = plan.updates.filter((u) => item?.values[u.fieldId] !== u.optionId);
    if (!item || updates.length > 0) {
      effects.push({
        kind: "projectItem", issue: issue.number, projectId: project.id, contentId: issue.nodeId, itemId: item?.id ?? null,
        fields: updates.map((u) => ({ fieldId: u.fieldId, optionId: u.optionId, name: u.field })),
        why: item ? "project fields follow the incident" : "the incident is not on the project yet",
      });
    }
    problems = plan.problems;
  }
  const reported = findMarked(PROJECT_PROBLEM, issue.comments, identity)[0];
  if (problems.length > 0) {
    const body = [renderMarker(PROJECT_PROBLEM, { issue: issue.number, fixed: false }), MESSAGES.projectTitle, "", ...problems.map((p) => `- ${p}`), "", MESSAGES.projectAfter].join("\n");
    effects.push(...upsertMarked(issue, identity, PROJECT_PROBLEM, () => true, body, "the project board cannot follow the incident"));
  } else if (reported && !reported.data.fixed) {
    const body = `${renderMarker(PROJECT_PROBLEM, { issue: issue.number, fixed: true })}\n${MESSAGES.projectFixed}`;
    effects.push(...upsertMarked(issue, identity, PROJECT_PROBLEM, () => true, body, "the project problem is fixed"));
  }
  return effects;
}
