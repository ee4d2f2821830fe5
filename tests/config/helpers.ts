import { expect } from "vitest";
import type { ConfigProblem, ConfigResult } from "../../src/config/problems.js";
import type { VigilConfig } from "../../src/config/schema.js";

/** The smallest valid configuration: only the people, which have no defaults. */
export const PEOPLE = { oncall: { rotation: ["alice", "bob"], securityOfficer: "erin" } };

/** The problems of a result that must be invalid. */
export function problemsOf(result: ConfigResult): ConfigProblem[] {
  if (result.ok) throw new Error(`expected problems, got a valid config: ${JSON.stringify(result.config)}`);
  return result.problems;
}

/** The config of a result that must be valid. */
export function configOf(result: ConfigResult): VigilConfig {
  if (!result.ok) throw new Error(`expected a valid config, got: ${JSON.stringify(result.problems, null, 2)}`);
  return result.config;
}

/** The one problem reported at `key`, failing when there is none or several. */
export function problemAt(problems: ConfigProblem[], key: string): ConfigProblem {
  const found = problems.filter((p) => p.key === key);
  expect(found, `problems at ${key} among ${JSON.stringify(problems, null, 2)}`).toHaveLength(1);
  return found[0] as ConfigProblem;
}
