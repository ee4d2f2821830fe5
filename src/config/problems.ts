import type { VigilConfig } from "./schema.js";

/** One thing wrong with a configuration file: where it is and a sentence saying what is wrong and how to fix it. */
export interface ConfigProblem {
  file: string;
  /** Dotted path such as `oncall.rotation[0]`, or `(root)` for the file as a whole. */
  key: string;
  message: string;
}

/** The outcome of reading a configuration: the effective config and any warnings, or every problem found. */
export type ConfigResult =
  | { ok: true; config: VigilConfig; warnings: ConfigProblem[] }
  | { ok: false; problems: ConfigProblem[] };

/** A location inside the configuration, as zod reports it. */
export type ConfigPath = readonly PropertyKey[];

/** The key shown to users for a path: `oncall.overrides[0].from`, or `(root)`. */
export function formatKey(path: ConfigPath): string {
  if (path.length === 0) return "(root)";
  return path
    .map((segment, index) => (typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`))
    .join("");
}

/** What the user wrote at a path of the raw input, or undefined when it is absent. */
export function valueAt(raw: unknown, path: ConfigPath): unknown {
  let value = raw;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** A value as a sentence can quote it: strings in quotes, collections by kind. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return "nothing";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of settings";
  return String(value);
}

/** The people every configuration must name, as an example a user can copy. */
export const PEOPLE_EXAMPLE = "oncall: { rotation: [alice, bob], securityOfficer: erin }";
