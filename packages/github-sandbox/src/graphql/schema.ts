// GitHub's GraphQL schema, loaded on the first GraphQL request of a process:
// `validate` from @octokit/graphql-schema judges documents, and an
// executable copy built from the same SDL runs them against sandbox state.
import type { GraphQLError, GraphQLSchema } from "graphql";
import { buildSchema } from "graphql";

export interface GitHubGraphql {
  validate: (query: string) => ReadonlyArray<GraphQLError>;
  schema: GraphQLSchema;
}

let loading: Promise<GitHubGraphql> | undefined;

/** The validator and executable schema, built once per process. */
export function githubGraphql(): Promise<GitHubGraphql> {
  loading ??= import("@octokit/graphql-schema").then((mod) => ({
    validate: mod.validate,
    schema: buildSchema(mod.schema.idl, { assumeValidSDL: true }),
  }));
  return loading;
}
