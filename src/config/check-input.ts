import { formatKey, valueAt, type ConfigPath } from "./problems.js";

/** Something a check beyond the schema found: an error makes the configuration invalid, a warning does not. */
export interface Finding {
  path: ConfigPath;
  message: string;
  severity: "error" | "warning";
}

/** What the user wrote, and the keys zod already complained about (so a check never repeats a complaint). */
export interface CheckInput {
  raw: unknown;
  flagged: ReadonlySet<string>;
}

/** The shape of `read`: a value the checks may rely on, absent, or already reported by the schema. */
export type Reading = { state: "absent" } | { state: "flagged" } | { state: "present"; value: unknown };

/** Reads a raw value, unless the schema already reported a problem at that key or one containing it. */
export function read(input: CheckInput, path: ConfigPath): Reading {
  for (let length = 0; length <= path.length; length++) {
    if (input.flagged.has(formatKey(path.slice(0, length)))) return { state: "flagged" };
  }
  const value = valueAt(input.raw, path);
  return value === undefined ? { state: "absent" } : { state: "present", value };
}

/** A raw string the checks may rely on, or undefined. */
export function readString(input: CheckInput, path: ConfigPath): string | undefined {
  const reading = read(input, path);
  return reading.state === "present" && typeof reading.value === "string" ? reading.value : undefined;
}

/** The number in effect at a path: what the user wrote, else the default; undefined when the schema rejected it. */
export function effectiveNumber(input: CheckInput, path: ConfigPath, fallback: number): { value: number; defaulted: boolean } | undefined {
  const reading = read(input, path);
  if (reading.state === "absent") return { value: fallback, defaulted: true };
  return reading.state === "present" && typeof reading.value === "number" ? { value: reading.value, defaulted: false } : undefined;
}

/** An error finding. */
export function error(path: ConfigPath, message: string): Finding {
  return { path, message, severity: "error" };
}

/** A warning finding. */
export function warning(path: ConfigPath, message: string): Finding {
  return { path, message, severity: "warning" };
}
