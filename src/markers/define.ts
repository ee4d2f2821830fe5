import type { z } from "zod";
import { decodeMarker, encodeMarker, startsWithKind, type RawMarker } from "./codec.js";
import { isOwn, type Author, type Identity } from "./identity.js";

/** One kind of marker: its name, current version, the schema of its data and how older versions read. */
export interface MarkerDefinition<T> {
  kind: string;
  version: number;
  schema: z.ZodType<T>;
  /** Reads a marker of an older version as the current one; null when it cannot be. */
  upgrade?: (raw: RawMarker) => T | null;
}

/** Defines a marker kind. */
export function defineMarker<T>(definition: MarkerDefinition<T>): MarkerDefinition<T> {
  return definition;
}

/** The marker line for data of this kind (validated, so Vigil never writes a marker it cannot read back). */
export function renderMarker<T>(definition: MarkerDefinition<T>, data: T): string {
  const checked = definition.schema.parse(data);
  return encodeMarker(definition.kind, definition.version, checked as object);
}

/** Data of the marker of this kind that starts `body`, regardless of who wrote it (for tests and tools). */
export function parseMarker<T>(definition: MarkerDefinition<T>, body: string): T | null {
  const raw = startsWithKind(body, definition.kind) ? decodeMarker(body) : null;
  if (!raw || raw.kind !== definition.kind) return null;
  if (raw.version === definition.version) {
    const result = definition.schema.safeParse(raw.data);
    return result.success ? result.data : null;
  }
  if (raw.version < definition.version && definition.upgrade) return definition.upgrade(raw);
  return null; // a newer Vigil wrote it: leave it alone rather than misread it
}

/** A body and who wrote it. */
export interface Authored {
  body: string;
  author: Author;
}

/**
 * Data of this kind's marker in a body, only when Vigil's own identity wrote it: a marker copied
 * by a person or written by another app is text.
 */
export function readMarker<T>(definition: MarkerDefinition<T>, item: Authored, identity: Identity): T | null {
  return isOwn(item.author, identity) ? parseMarker(definition, item.body) : null;
}

/** Every item carrying this kind's trusted marker, with its data, in the given order. */
export function findMarked<T, C extends Authored>(definition: MarkerDefinition<T>, items: readonly C[], identity: Identity): { item: C; data: T }[] {
  const found: { item: C; data: T }[] = [];
  for (const item of items) {
    const data = readMarker(definition, item, identity);
    if (data !== null) found.push({ item, data });
  }
  return found;
}
