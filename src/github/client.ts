import type { ProbotOctokit } from "probot";

/** The authenticated GitHub client every function in src/github takes (a Probot installation client). */
export type GitHubClient = Pick<ProbotOctokit, "rest" | "paginate" | "graphql" | "request">;

/** A repository. */
// Type aliases, not interfaces: Octokit's parameter types carry an index signature that
// interfaces cannot satisfy.
export type RepoRef = {
  owner: string;
  repo: string;
};

/** HTTP status of an Octokit RequestError, or undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === "number" ? status : undefined;
  }
  return undefined;
}
