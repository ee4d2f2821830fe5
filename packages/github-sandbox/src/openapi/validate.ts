// Checks a request against its OpenAPI operation. Each problem becomes a
// violation; `status` is set when GitHub itself would refuse the request
// (422), and left unset when GitHub would silently ignore the mistake
// (unknown query parameters, unknown body keys) — the test still fails.
import { Ajv } from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { toJsonSchema } from "./json-schema.js";
import type { JsonSchema, OpenApiOperation } from "./spec.js";
import { operationParameters } from "./spec.js";

export interface RequestProblem {
  kind: "invalid-body" | "unknown-body-property" | "unknown-query-parameter" | "invalid-query-parameter";
  message: string;
  /** The status GitHub answers with, when it rejects rather than ignores. */
  status?: number;
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function compiler(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormatsModule.default(ajv);
  ajv.addFormat("repo.nwo", /^[^/]+\/[^/]+$/);
  return ajv;
}

/** Compiles (once per process) a validator for an OpenAPI schema under a cache key. */
export function validatorFor(key: string, schema: JsonSchema): ValidateFunction {
  const hit = validators.get(key);
  if (hit) return hit;
  const validate = compiler().compile(toJsonSchema(schema));
  validators.set(key, validate);
  return validate;
}

/** Formats ajv errors like `/labels must be array`. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message ?? "is invalid"}`).join("; ");
}

function queryValueOk(schema: JsonSchema | undefined, value: string): boolean {
  if (!schema) return true;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if (schema.type === "integer") return /^-?\d+$/.test(value);
  if (schema.type === "boolean") return value === "true" || value === "false";
  return true;
}

/** Unknown, malformed and missing query parameters. */
export function checkQuery(operation: OpenApiOperation, query: URLSearchParams): RequestProblem[] {
  const declared = new Map(operationParameters(operation).filter((p) => p.in === "query").map((p) => [p.name, p]));
  const problems: RequestProblem[] = [];
  for (const [name, value] of query) {
    const parameter = declared.get(name);
    if (!parameter) {
      problems.push({ kind: "unknown-query-parameter", message: `query parameter "${name}" is not declared by ${operation.operationId}` });
    } else if (!queryValueOk(parameter.schema, value)) {
      problems.push({ kind: "invalid-query-parameter", message: `query parameter "${name}" has invalid value "${value}"`, status: 422 });
    }
  }
  for (const parameter of declared.values()) {
    if (parameter.required && !query.has(parameter.name)) {
      problems.push({ kind: "invalid-query-parameter", message: `query parameter "${parameter.name}" is required`, status: 422 });
    }
  }
  return problems;
}

function bodySchema(operation: OpenApiOperation): JsonSchema | undefined {
  const content = operation.requestBody?.content;
  return content?.["application/json"]?.schema ?? Object.values(content ?? {})[0]?.schema;
}

/** Schema violations and undeclared top-level keys in a JSON request body. */
export function checkBody(operation: OpenApiOperation, body: unknown): RequestProblem[] {
  const schema = bodySchema(operation);
  if (!schema) {
    const empty = body === undefined || (typeof body === "object" && body !== null && Object.keys(body).length === 0);
    return empty ? [] : [{ kind: "unknown-body-property", message: `${operation.operationId} takes no request body` }];
  }
  if (body === undefined) {
    return operation.requestBody?.required ? [{ kind: "invalid-body", message: "request body is required", status: 422 }] : [];
  }
  const validate = validatorFor(`request:${operation.operationId}`, schema);
  if (!validate(body)) return [{ kind: "invalid-body", message: describeErrors(validate.errors), status: 422 }];
  const properties = schema.properties as Record<string, unknown> | undefined;
  if (!properties || schema.additionalProperties !== undefined || typeof body !== "object" || body === null) return [];
  return Object.keys(body)
    .filter((key) => !(key in properties))
    .map((key) => ({ kind: "unknown-body-property" as const, message: `body property "${key}" is not declared by ${operation.operationId}` }));
}

/** Differences between a response the sandbox produced and GitHub's documented response schema. */
export function checkResponse(operation: OpenApiOperation, status: number, body: unknown): string | undefined {
  const response = operation.responses[String(status)];
  if (!response || "$ref" in response) return undefined;
  const schema = response.content?.["application/json"]?.schema;
  if (!schema) return undefined;
  const validate = validatorFor(`response:${operation.operationId}:${status}`, schema);
  return validate(body) ? undefined : describeErrors(validate.errors);
}
