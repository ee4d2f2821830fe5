import type { GitHubClient } from "./client.js";

type GraphqlFailure = { data?: unknown; errors?: { type?: string }[] };

/** Whether a GraphQL failure only withholds alerts the app may not read, or things that do not exist. */
function onlyForbiddenOrMissing(errors: readonly { type?: string }[] | undefined): boolean {
  return Boolean(errors?.length) && errors!.every((e) => e.type === "FORBIDDEN" || e.type === "NOT_FOUND");
}

/**
 * A GraphQL read. GitHub answers NOT_FOUND (a missing project, issue or file) and FORBIDDEN (alerts the app may not
 * read) next to the data it could read; those parts are simply absent. Any other error is the caller's to retry.
 */
export async function readGraphql<T>(gh: GitHubClient, document: string, variables: Record<string, unknown>): Promise<T> {
  try {
    return await gh.graphql<T>(document, variables);
  } catch (error) {
    const failure = error as GraphqlFailure;
    if (failure.data && onlyForbiddenOrMissing(failure.errors)) return failure.data as T;
    throw error;
  }
}
