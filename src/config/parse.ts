import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import type { ConfigProblem, ConfigResult } from "./problems.js";
import { EMPTY_CONFIG_MESSAGE, validateConfig } from "./validate.js";

// An unquoted value may not start with `@` or a backtick (YAML reserves them), after `key: `, `- ` or in a flow list.
const RESERVED_START = /(?:^|:\s+|^\s*-\s+|[[{,]\s*)([@`])([^\s,\]}]*)/;

/** The fix for the commonest way to break a configuration: `securityOfficer: @erin`. */
function indicatorHint(line: string): string | null {
  const match = RESERVED_START.exec(line);
  if (!match) return null;
  const [, mark, rest] = match;
  const word = `${mark}${rest}`;
  if (mark === "`") return `A value cannot start with a backtick in YAML: write it in quotes, "${word}".`;
  return `A value cannot start with @ in YAML: write "${word}" in quotes, or ${rest || "the login"} without the @ (Vigil reads both as the same login or team).`;
}

/**
 * Parses YAML text as Vigil reads every configuration file. The YAML 1.2 core schema has no timestamp type, so
 * `2026-12-24` stays a string, exactly as the `yaml` package behind Probot's config plugin reads it. Broken YAML is
 * a problem of `file` with its line and column.
 */
export function readYaml(text: string, file: string): { ok: true; value: unknown } | { ok: false; problem: ConfigProblem } {
  try {
    return { ok: true, value: load(text, { schema: CORE_SCHEMA, filename: file }) };
  } catch (caught) {
    if (!(caught instanceof YAMLException)) throw caught;
    const { line, column } = caught.mark;
    const hint = indicatorHint(text.split(/\r?\n/)[line] ?? "");
    return {
      ok: false,
      problem: {
        file,
        key: "(root)",
        message: `The file is not valid YAML: ${caught.reason} at line ${line + 1}, column ${column + 1}. ${hint ?? "Fix the syntax there (indentation, a missing colon, or an unclosed bracket or quote are the usual causes)."}`,
      },
    };
  }
}

/** Parses and validates the text of a configuration file. */
export function parseConfigText(text: string, file: string): ConfigResult {
  const read = readYaml(text, file);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const raw = read.value;
  if (raw === undefined || raw === null) return { ok: false, problems: [{ file, key: "(root)", message: EMPTY_CONFIG_MESSAGE }] };
  return validateConfig(raw, file);
}
