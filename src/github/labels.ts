import { statusOf, type GitHubClient, type RepoRef } from "./client.js";

/** A repository label as Vigil defines it. */
export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/**
 * Makes sure a label exists with Vigil's colour and description. Creating answers 422 when the
 * label is already there, which is the common case and costs the same single request as a lookup.
 */
export async function ensureLabel(gh: GitHubClient, repo: RepoRef, label: LabelSpec): Promise<void> {
  try {
    await gh.rest.issues.createLabel({ ...repo, name: label.name, color: label.color, description: label.description });
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
  }
}
