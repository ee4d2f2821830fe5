import { marker, MARKER } from "../domain/markers.js";
import { planProjectFields } from "../domain/project-fields.js";
import type { Severity } from "../domain/severity.js";
import type { IncidentStatus } from "../domain/status.js";
import type { IssueRef } from "../github/client.js";
import type { CommentState } from "../github/comments.js";
import { findMarked, upsertMarkedComment } from "../github/marked-comments.js";
import { addProjectItem, findProject, setSelectField } from "../github/projects.js";
import type { Run } from "./run.js";

/**
 * Puts the issue on the configured project and sets its Severity and Status fields. The project is
 * looked up once per run. What is missing (project, field, option) is reported on the issue in one
 * comment, written once and marked fixed when the problem goes away; the rest of the run goes on.
 */
export async function syncProject(
  run: Run,
  ref: IssueRef,
  contentNodeId: string,
  values: { severity: Severity; status: IncidentStatus },
  comments: readonly CommentState[],
): Promise<void> {
  const settings = run.config.project;
  if (!settings) return;
  const project = await findProject(run.gh, settings.owner, settings.number);
  let problems: string[];
  if (!project) {
    problems = [
      `Project number ${settings.number} of ${settings.owner} was not found, or Vigil cannot see it. Check \`project.owner\` and \`project.number\` in \`.github/incident-response.yml\`, and that Vigil is installed on ${settings.owner} with access to its projects.`,
    ];
  } else {
    const itemId = await addProjectItem(run.gh, project.id, contentNodeId);
    const plan = planProjectFields(project.selectFields, settings.fields, values);
    for (const update of plan.updates) await setSelectField(run.gh, project.id, itemId, update.fieldId, update.optionId);
    problems = plan.problems;
  }
  if (problems.length > 0) {
    const body = [marker(MARKER.projectProblem), "**Vigil could not keep the project board in step with this incident:**", "", ...problems.map((p) => `- ${p}`), "", "The incident itself is handled; fix the project and Vigil updates it on the next change."].join("\n");
    await upsertMarkedComment(run.gh, ref, comments, MARKER.projectProblem, body);
    run.log.warn({ issue: ref.issue_number, problems: problems.length }, "project board problems");
  } else if (findMarked(comments, MARKER.projectProblem).length > 0) {
    const body = [marker(MARKER.projectProblem, { fixed: true }), "~~Vigil could not keep the project board in step with this incident.~~ Fixed: the project is up to date."].join("\n");
    await upsertMarkedComment(run.gh, ref, comments, MARKER.projectProblem, body);
  }
}
