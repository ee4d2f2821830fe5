import { readFile } from "node:fs/promises";
import type { Logger } from "probot";
import { parseFormDefinition, type FormDefinition } from "../domain/issue-form.js";
import type { GitHubClient, RepoRef } from "../github/client.js";
import { readTextFile } from "../github/files.js";
import { templatePath } from "../paths.js";

/** Where a repository keeps the incident issue form. */
export const FORM_PATH = ".github/ISSUE_TEMPLATE/security-incident.yml";

let shipped: Promise<FormDefinition> | undefined;

/** The issue form Vigil ships in templates/, read from disk once per process. */
export function shippedForm(): Promise<FormDefinition> {
  shipped ??= readFile(templatePath("issue-forms", "security-incident.yml"), "utf8").then(parseFormDefinition);
  return shipped;
}

/**
 * The form an incident body must be parsed with: the repository's own copy (it may have renamed
 * labels or options), else the shipped one. A repository form Vigil cannot read is logged and the
 * shipped one used, so intake never stops on it.
 */
export async function loadForm(gh: GitHubClient, repo: RepoRef, log: Logger): Promise<FormDefinition> {
  const text = await readTextFile(gh, repo, FORM_PATH);
  if (text !== null) {
    try {
      return parseFormDefinition(text);
    } catch (error) {
      log.warn({ repo: `${repo.owner}/${repo.repo}`, err: (error as Error).message }, "repository issue form unreadable; using Vigil's own");
    }
  }
  return shippedForm();
}
