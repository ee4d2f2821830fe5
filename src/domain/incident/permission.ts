/** A person's role on a repository, from most to least privileged. */
export type RepoRole = "admin" | "maintain" | "write" | "triage" | "read" | "none";

/** Whether a role may run incident commands (SPEC 2.2: write, maintain or admin). */
export function mayRunCommands(role: RepoRole): boolean {
  return role === "admin" || role === "maintain" || role === "write";
}
