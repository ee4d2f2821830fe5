// GitHub's description is OpenAPI 3.0: `nullable: true`, `example`,
// `discriminator` and `#/components/schemas/...` refs are not JSON Schema.
// This turns one schema into a self-contained JSON Schema (refs collected
// into `$defs`) that ajv can compile. Converted components are cached per
// process because many operations share them.
import type { JsonSchema } from "./spec.js";
import { openApiDocument } from "./spec.js";

const DROPPED = new Set(["description", "example", "examples", "deprecated", "readOnly", "writeOnly", "discriminator", "externalDocs", "xml"]);
const NESTED_MAPS = new Set(["properties", "patternProperties"]);
const NESTED_LISTS = new Set(["allOf", "anyOf", "oneOf"]);
const NESTED_ONE = new Set(["items", "additionalProperties", "not"]);

interface Converted {
  schema: JsonSchema;
  refs: Set<string>;
}

const components = new Map<string, Converted>();

function convertNode(node: unknown, refs: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => convertNode(n, refs));
  if (node === null || typeof node !== "object") return node;
  const source = node as JsonSchema;
  if (typeof source.$ref === "string") {
    const name = source.$ref.replace("#/components/schemas/", "");
    refs.add(name);
    return { $ref: `#/$defs/${name}` };
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (DROPPED.has(key) || key.startsWith("x-") || key === "nullable") continue;
    if (NESTED_MAPS.has(key) && value && typeof value === "object") {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertNode(v, refs)]));
    } else if (NESTED_LISTS.has(key) || NESTED_ONE.has(key)) {
      out[key] = convertNode(value, refs);
    } else {
      out[key] = value;
    }
  }
  return source.nullable === true ? withNull(out) : out;
}

function withNull(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === "string" && !("allOf" in schema || "anyOf" in schema || "oneOf" in schema)) {
    const result: JsonSchema = { ...schema, type: [schema.type, "null"] };
    if (Array.isArray(schema.enum)) result.enum = [...(schema.enum as unknown[]), null];
    return result;
  }
  return { anyOf: [schema, { type: "null" }] };
}

function component(name: string): Converted {
  const hit = components.get(name);
  if (hit) return hit;
  const refs = new Set<string>();
  const entry: Converted = { schema: {}, refs };
  components.set(name, entry);
  entry.schema = convertNode(openApiDocument().components.schemas[name] ?? {}, refs) as JsonSchema;
  return entry;
}

/** A standalone JSON Schema for an OpenAPI schema, with every referenced component under `$defs`. */
export function toJsonSchema(schema: JsonSchema): JsonSchema {
  const refs = new Set<string>();
  const root = convertNode(schema, refs) as JsonSchema;
  const defs: Record<string, JsonSchema> = {};
  const queue = [...refs];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (name in defs) continue;
    const converted = component(name);
    defs[name] = converted.schema;
    queue.push(...converted.refs);
  }
  return { $defs: defs, allOf: [root] };
}
