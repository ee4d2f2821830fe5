// The app's shipped security incident form, for tests and benchmarks that file incidents the way a
// reporter would. Rendering a submitted form is generic and lives in @vigil/github-sandbox; which
// form and how it is parsed are Vigil's own, so they stay here.
import { readFileSync } from "node:fs";
import { type FormDefinition, parseFormDefinition } from "../../src/domain/issue-form.js";
import { templatePath } from "../../src/paths.js";

export { option, renderFormBody } from "@vigil/github-sandbox";
export type { Answers } from "@vigil/github-sandbox";

/** The shipped security incident form, as YAML text. */
export const INCIDENT_FORM_YAML = readFileSync(templatePath("issue-forms", "security-incident.yml"), "utf8");

/** The shipped security incident form, parsed. */
export const INCIDENT_FORM: FormDefinition = parseFormDefinition(INCIDENT_FORM_YAML);
