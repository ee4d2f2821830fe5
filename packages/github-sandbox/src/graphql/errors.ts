// GitHub GraphQL errors carry a top-level `type` (NOT_FOUND, ...) next to the
// message; resolvers throw this class and execute.ts copies the type out.

/** An error a resolver raises with GitHub's error type. */
export class GitHubGraphqlError extends Error {
  readonly type: string;

  constructor(type: string, message: string) {
    super(message);
    this.name = "GitHubGraphqlError";
    this.type = type;
  }
}

/** GitHub's NOT_FOUND error. */
export function notFoundError(message: string): GitHubGraphqlError {
  return new GitHubGraphqlError("NOT_FOUND", message);
}
