import { SEVERITY_INFO, type Severity } from "./severity.js";
import { STATUS_INFO, type IncidentStatus } from "./status.js";

/** A single-select field as the project reports it. */
export interface SelectFieldView {
  id: string;
  name: string;
  options: readonly { id: string; name: string }[];
}

/** The field writes to make, and what is missing, in plain sentences. */
interface ProjectPlan {
  updates: { field: string; fieldId: string; optionId: string }[];
  problems: string[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Matches the incident's severity and status to the project's single-select fields and options by
 * name, ignoring case (SPEC 2.8); whatever cannot be matched becomes a problem saying what to add.
 */
export function planProjectFields(
  fields: readonly SelectFieldView[],
  names: { severity: string; status: string },
  values: { severity: Severity; status: IncidentStatus },
): ProjectPlan {
  const plan: ProjectPlan = { updates: [], problems: [] };
  const wanted: [string, string, readonly string[]][] = [
    [names.severity, SEVERITY_INFO[values.severity].projectOption, Object.values(SEVERITY_INFO).map((s) => s.projectOption)],
    [names.status, STATUS_INFO[values.status].projectOption, Object.values(STATUS_INFO).map((s) => s.projectOption)],
  ];
  for (const [fieldName, optionName, allOptions] of wanted) {
    const field = fields.find((f) => same(f.name, fieldName));
    if (!field) {
      plan.problems.push(
        `The project has no single-select field named "${fieldName}". Add one with the options ${allOptions.join(", ")}, or set \`project.fields\` to the field's name.`,
      );
      continue;
    }
    const option = field.options.find((o) => same(o.name, optionName));
    if (!option) {
      plan.problems.push(`The "${field.name}" field has no option "${optionName}". Add it (expected options: ${allOptions.join(", ")}).`);
      continue;
    }
    plan.updates.push({ field: field.name, fieldId: field.id, optionId: option.id });
  }
  return plan;
}
