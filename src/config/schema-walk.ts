import { z } from "zod";
import { configSchema } from "./schema.js";
import type { ConfigPath } from "./problems.js";

// Wrappers that change how a value is parsed but not which keys it has.
function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) {
    return unwrap(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodPipe) return unwrap(schema.in as z.ZodType);
  return schema;
}

// A value that may be written in several forms (a top threat: a name or an object) has keys only in its object form.
function objectForm(schema: z.ZodType): z.ZodType {
  if (!(schema instanceof z.ZodUnion)) return schema;
  const objects = (schema.options as z.ZodType[]).map(unwrap).filter((o) => o instanceof z.ZodObject);
  return objects[0] ?? schema;
}

/** The schema that governs a path of the configuration, or undefined where the schema has no such place. */
function schemaAt(path: ConfigPath, root: z.ZodType = configSchema): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  for (const segment of path) {
    if (schema === undefined) return undefined;
    const inner = objectForm(unwrap(schema));
    if (inner instanceof z.ZodObject && typeof segment === "string") schema = inner.shape[segment] as z.ZodType | undefined;
    else if (inner instanceof z.ZodArray && typeof segment === "number") schema = inner.element as z.ZodType;
    else return undefined;
  }
  return schema;
}

/** The schema at a path without its optional/default wrappers: the object, array, number... the user writes. */
export function innerSchemaAt(path: ConfigPath): z.ZodType | undefined {
  const schema = schemaAt(path);
  return schema === undefined ? undefined : unwrap(schema);
}

/** The keys an object at this path accepts, in schema order; empty when the path is not an object. */
export function allowedKeysAt(path: ConfigPath): string[] {
  const schema = innerSchemaAt(path);
  const inner = schema === undefined ? undefined : objectForm(schema);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

/** Whether leaving this key out is fine because it is optional or has a default. */
export function hasDefaultAt(path: ConfigPath): boolean {
  const schema = schemaAt(path);
  return schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault;
}
