// GitHub's OpenAPI description (13 MB). Loaded through Node's own require so
// the parsed document is cached per process, surviving test-runner module
// resets; nothing else from @octokit/openapi is imported.
import { createRequire } from "node:module";

export type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
  "x-multi-segment"?: boolean;
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: (OpenApiParameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> } | { $ref: string }>;
  externalDocs?: { url: string };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, OpenApiParameter>;
    responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  };
}

const require = createRequire(import.meta.url);
let cached: OpenApiDocument | undefined;

/** The parsed api.github.com description, loaded on first use. */
export function openApiDocument(): OpenApiDocument {
  cached ??= require("@octokit/openapi/generated/api.github.com.json") as OpenApiDocument;
  return cached;
}

/** Resolves `#/components/parameters/...` references in an operation's parameter list. */
export function operationParameters(operation: OpenApiOperation): OpenApiParameter[] {
  const { components } = openApiDocument();
  return (operation.parameters ?? []).flatMap((p) => {
    if (!("$ref" in p)) return [p];
    const resolved = components.parameters[p.$ref.split("/").pop() ?? ""];
    return resolved ? [resolved] : [];
  });
}
