import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import type { ConfigResult } from "./problems.js";
import { EMPTY_CONFIG_MESSAGE, validateConfig } from "./validate.js";

/**
 * Parses and validates the text of a configuration file. The YAML 1.2 core schema has no timestamp type, so
 * `2026-12-24` stays a string, exactly as the `yaml` package behind Probot's `context.config` reads it.
 */
export function parseConfigText(text: string, file: string): ConfigResult {
  let raw: unknown;
  try {
    raw = load(text, { schema: CORE_SCHEMA, filename: file });
  } catch (caught) {
    if (!(caught instanceof YAMLException)) throw caught;
    const { line, column } = caught.mark;
    return {
      ok: false,
      problems: [
        {
          file,
          key: "(root)",
          message: `The file is not valid YAML: ${caught.reason} at line ${line + 1}, column ${column + 1}. Fix the syntax there (indentation, a missing colon, or an unclosed bracket or quote are the usual causes).`,
        },
      ],
    };
  }
  if (raw === undefined || raw === null) return { ok: false, problems: [{ file, key: "(root)", message: EMPTY_CONFIG_MESSAGE }] };
  return validateConfig(raw, file);
}
