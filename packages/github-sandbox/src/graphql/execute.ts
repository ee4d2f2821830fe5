// POST /graphql: validate the document against GitHub's schema (an invalid
// one is a violation, answered with 200 + errors as GitHub does), then run it
// against sandbox state.
import type { DocumentNode, GraphQLError, OperationDefinitionNode } from "graphql";
import { execute, parse } from "graphql";
import { GitHubGraphqlError } from "./errors.js";
import type { GraphqlContext } from "./nodes.js";
import { rootValue } from "./root.js";
import { githubGraphql } from "./schema.js";

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphqlOutcome {
  body: { data?: unknown; errors?: unknown[] };
  /** Set when the document does not validate against GitHub's schema. */
  invalid?: string;
  operation: string;
}

function describe(document: DocumentNode, operationName: string | null | undefined): string {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  const op = ops.find((o) => o.name?.value === (operationName ?? o.name?.value)) ?? ops[0];
  if (!op) return "(none)";
  if (op.name) return op.name.value;
  const fields = op.selectionSet.selections.flatMap((s) => (s.kind === "Field" ? [s.name.value] : []));
  return fields.join(",");
}

function githubError(error: GraphQLError): Record<string, unknown> {
  const original = error.originalError;
  return {
    ...(original instanceof GitHubGraphqlError ? { type: original.type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
  };
}

/** Validates and executes one GraphQL request. */
export async function runGraphql(ctx: GraphqlContext, request: GraphqlRequest): Promise<GraphqlOutcome> {
  const { validate, schema } = await githubGraphql();
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { body: { errors: [{ message }] }, invalid: message, operation: "(unparsable)" };
  }
  const operation = describe(document, request.operationName);
  const problems = validate(request.query);
  if (problems.length > 0) {
    return { body: { errors: problems.map(githubError) }, invalid: problems.map((p) => p.message).join("; "), operation };
  }
  const result = await execute({
    schema,
    document,
    rootValue: rootValue(ctx),
    variableValues: request.variables ?? undefined,
    operationName: request.operationName ?? undefined,
  });
  const errors = result.errors?.map(githubError);
  // No data at all means the request itself was refused (e.g. variables of the wrong type).
  if (result.data === undefined) return { body: { errors }, invalid: result.errors?.map((e) => e.message).join("; "), operation };
  return { body: { data: result.data, ...(errors ? { errors } : {}) }, operation };
}
