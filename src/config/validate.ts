import { runChecks } from "./checks.js";
import { formatKey, PEOPLE_EXAMPLE, type ConfigProblem, type ConfigResult } from "./problems.js";
import { configSchema } from "./schema.js";
import { UNWORDED, wordIssue } from "./zod-issues.js";

export type { ConfigProblem, ConfigResult } from "./problems.js";

/** The message for a file with nothing in it: the people are the one thing without a default. */
export const EMPTY_CONFIG_MESSAGE = `The configuration is empty. Vigil needs at least the people: the on-call rotation and the Security Officer, for example ${PEOPLE_EXAMPLE}.`;

// Probot's config loader follows `_extends` and removes it, but a file checked on its own still carries it.
function withoutExtends(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw) || !("_extends" in raw)) return raw;
  const { _extends: _ignored, ...rest } = raw as Record<string, unknown>;
  return rest;
}

/** Validates a parsed configuration against the schema and every rule beyond it, reporting every problem at once. */
export function validateConfig(raw: unknown, file: string): ConfigResult {
  if (raw === undefined || raw === null) return { ok: false, problems: [{ file, key: "(root)", message: EMPTY_CONFIG_MESSAGE }] };
  const input = withoutExtends(raw);
  const parsed = configSchema.safeParse(input, { error: () => UNWORDED });
  const worded = parsed.success ? [] : parsed.error.issues.flatMap((issue) => wordIssue(issue, input));
  const schemaProblems = worded.map(({ path, message }) => ({ file, key: formatKey(path), message }));
  const findings = runChecks({ raw: input, flagged: new Set(schemaProblems.map((p) => p.key)) });
  const toProblem = ({ path, message }: { path: readonly PropertyKey[]; message: string }): ConfigProblem => ({ file, key: formatKey(path), message });
  const errors = [...schemaProblems, ...findings.filter((f) => f.severity === "error").map(toProblem)];
  const warnings = findings.filter((f) => f.severity === "warning").map(toProblem);
  if (!parsed.success || errors.length > 0) return { ok: false, problems: errors };
  return { ok: true, config: parsed.data, warnings };
}
