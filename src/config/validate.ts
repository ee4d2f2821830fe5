import { runChecks } from "./checks.js";
import { formatKey, PEOPLE_EXAMPLE, type ConfigPath, type ConfigProblem, type ConfigResult } from "./problems.js";
import { configSchema } from "./schema.js";
import { UNWORDED, wordIssue } from "./zod-issues.js";

/** The message for a file with nothing in it: the people are the one thing without a default. */
export const EMPTY_CONFIG_MESSAGE = `The configuration is empty. Vigil needs at least the people: the on-call rotation and the Security Officer, for example ${PEOPLE_EXAMPLE}.`;

// The loader (load.ts) follows `_extends` and removes it, but a file checked on its own still carries it.
function withoutExtends(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw) || !("_extends" in raw)) return raw;
  const { _extends: _ignored, ...rest } = raw as Record<string, unknown>;
  return rest;
}

/**
 * Validates a parsed configuration against the schema and every rule beyond it, reporting every problem at once.
 * `file` names the file a problem is in; for a configuration merged from several files (`_extends`), a function
 * from the problem's location to the file that wrote it.
 */
export function validateConfig(raw: unknown, file: string | ((path: ConfigPath) => string)): ConfigResult {
  const fileOf = typeof file === "string" ? () => file : file;
  const toProblem = ({ path, message }: { path: ConfigPath; message: string }): ConfigProblem => ({ file: fileOf(path), key: formatKey(path), message });
  if (raw === undefined || raw === null) return { ok: false, problems: [toProblem({ path: [], message: EMPTY_CONFIG_MESSAGE })] };
  const input = withoutExtends(raw);
  const parsed = configSchema.safeParse(input, { error: () => UNWORDED });
  const worded = parsed.success ? [] : parsed.error.issues.flatMap((issue) => wordIssue(issue, input));
  const schemaProblems = worded.map(toProblem);
  const findings = runChecks({ raw: input, flagged: new Set(schemaProblems.map((p) => p.key)) });
  const errors = [...schemaProblems, ...findings.filter((f) => f.severity === "error").map(toProblem)];
  const warnings = findings.filter((f) => f.severity === "warning").map(toProblem);
  if (!parsed.success || errors.length > 0) return { ok: false, problems: errors };
  return { ok: true, config: parsed.data, warnings };
}
