import { statusOf, type GitHubClient, type RepoRef } from "./client.js";

/** A person's role on a repository, from most to least privileged. */
export type RepoRole = "admin" | "maintain" | "write" | "triage" | "read" | "none";

/** Looks up a person's role on the repository; someone GitHub does not know has none. */
export async function getRole(gh: GitHubClient, repo: RepoRef, username: string): Promise<RepoRole> {
  try {
    const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    // `permission` folds maintain into write and triage into read; `role_name` keeps them apart.
    const role = (data.role_name ?? data.permission) as string;
    if (["admin", "maintain", "write", "triage", "read"].includes(role)) return role as RepoRole;
    if (data.permission === "admin" || data.permission === "write" || data.permission === "read") return data.permission;
    return "none";
  } catch (error) {
    if (statusOf(error) === 404) return "none";
    throw error;
  }
}

/** Whether a role may run incident commands (SPEC 2.2: write, maintain or admin). */
export function canCommand(role: RepoRole): boolean {
  return role === "admin" || role === "maintain" || role === "write";
}
