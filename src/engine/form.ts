import { readFile } from "node:fs/promises";
import { parseFormDefinition, type FormDefinition } from "../domain/issue-form.js";
import { templatePath } from "../paths.js";

let shipped: Promise<FormDefinition> | undefined;

/** The issue form Vigil ships in templates/, read from disk once per process. */
function shippedForm(): Promise<FormDefinition> {
  shipped ??= readFile(templatePath("issue-forms", "security-incident.yml"), "utf8").then(parseFormDefinition);
  return shipped;
}

/**
 * The form an incident body is parsed with: the repository's own copy (it may have renamed labels
 * or options), else the shipped one. A repository form that does not parse is reported through
 * `onUnreadable` and the shipped one used, so intake never stops on it.
 */
export async function formFor(repoFormText: string | null, onUnreadable: (reason: string) => void): Promise<FormDefinition> {
  if (repoFormText !== null) {
    try {
      return parseFormDefinition(repoFormText);
    } catch (error) {
      onUnreadable((error as Error).message);
    }
  }
  return shippedForm();
}

let postmortemTemplate: Promise<string> | undefined;

/** The post-mortem template Vigil ships in templates/, read once per process. */
export function shippedPostmortemTemplate(): Promise<string> {
  postmortemTemplate ??= readFile(templatePath("postmortem.md"), "utf8");
  return postmortemTemplate;
}
