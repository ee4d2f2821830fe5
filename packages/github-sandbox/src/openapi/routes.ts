// Maps a concrete request path to GitHub's OpenAPI path template. Literal
// segments beat parameters (so /git/matching-refs/{ref} is not read as
// /git/refs/{ref}), and only parameters marked x-multi-segment (contents
// paths) may span slashes.
import type { OpenApiOperation } from "./spec.js";
import { openApiDocument, operationParameters } from "./spec.js";

type Segment = { literal: string } | { param: string; multi: boolean };

interface CompiledTemplate {
  template: string;
  segments: Segment[];
  operations: Record<string, OpenApiOperation>;
}

export type RouteLookup =
  | { kind: "match"; template: string; operation: OpenApiOperation; params: Record<string, string> }
  | { kind: "unknown-path" }
  | { kind: "wrong-method"; template: string; allowed: string[] };

let compiled: CompiledTemplate[] | undefined;

function compile(): CompiledTemplate[] {
  return Object.entries(openApiDocument().paths).map(([template, operations]) => {
    const multi = new Set(
      Object.values(operations).flatMap((op) => operationParameters(op).filter((p) => p["x-multi-segment"]).map((p) => p.name)),
    );
    const segments = template
      .split("/")
      .slice(1)
      .map((s): Segment => {
        const param = /^\{(.+)\}$/.exec(s)?.[1];
        return param === undefined ? { literal: s } : { param, multi: multi.has(param) };
      });
    return { template, segments, operations };
  });
}

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function matchSegments(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] as Segment;
    const part = parts[i];
    if (part === undefined) return undefined;
    if ("literal" in segment) {
      if (segment.literal !== part) return undefined;
      continue;
    }
    if (segment.multi && i === segments.length - 1) {
      params[segment.param] = decode(parts.slice(i).join("/"));
      return params;
    }
    if (part === "") return undefined;
    params[segment.param] = decode(part);
  }
  return parts.length === segments.length ? params : undefined;
}

// Earlier literal segments are more specific; -1 sorts a before b.
function bySpecificity(a: CompiledTemplate, b: CompiledTemplate): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i += 1) {
    const sa = a.segments[i];
    const sb = b.segments[i];
    const la = sa !== undefined && "literal" in sa;
    const lb = sb !== undefined && "literal" in sb;
    if (la !== lb) return la ? -1 : 1;
  }
  return b.segments.length - a.segments.length;
}

/** Finds the OpenAPI operation for a method and API-relative path such as `/repos/o/r/issues`. */
export function matchRoute(method: string, pathname: string): RouteLookup {
  compiled ??= compile().sort(bySpecificity);
  const parts = pathname.replace(/\/$/, "").split("/").slice(1);
  const lowerMethod = method.toLowerCase();
  let pathMatch: CompiledTemplate | undefined;
  for (const candidate of compiled) {
    const params = matchSegments(candidate.segments, parts);
    if (!params) continue;
    const operation = candidate.operations[lowerMethod];
    if (operation) return { kind: "match", template: candidate.template, operation, params };
    pathMatch ??= candidate;
  }
  if (!pathMatch) return { kind: "unknown-path" };
  return { kind: "wrong-method", template: pathMatch.template, allowed: Object.keys(pathMatch.operations).map((m) => m.toUpperCase()) };
}
