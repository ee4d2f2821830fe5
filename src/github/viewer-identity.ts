import type { Identity } from "../markers/identity.js";
import type { GitHubClient } from "./client.js";
import { VIEWER } from "./observe-query.js";

/**
 * The token's own identity from GraphQL `viewer`: the CLI's user, or in GitHub Actions the workflow
 * token's `github-actions[bot]`. Its comments are the ones whose markers Vigil trusts there.
 */
export async function viewerIdentity(gh: Pick<GitHubClient, "graphql">): Promise<Identity> {
  const { viewer } = await gh.graphql<{ viewer: { login: string; __typename: string } }>(VIEWER);
  // `viewer` is typed User, so an installation token shows as a User named `slug[bot]`; no person's login has brackets.
  return { login: viewer.login, isBot: viewer.__typename === "Bot" || viewer.login.endsWith("[bot]") };
}
