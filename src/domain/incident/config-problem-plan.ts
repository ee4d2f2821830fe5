import type { Effect } from "../../engine/effects.js";
import { renderMarker } from "../../markers/define.js";
import type { Identity } from "../../markers/identity.js";
import { CONFIG_PROBLEM } from "../../markers/kinds.js";
import { renderConfigProblems, type ConfigProblemView } from "../config-problems.js";
import { shortHash } from "../hash.js";
import type { ObservedIssue } from "./observation.js";
import { upsertMarked } from "./upsert.js";

/**
 * The one comment that tells an incident's responders the configuration is invalid (SPEC 2.7):
 * written once, updated when the problems change, the marker holding only their hash.
 */
export function planConfigProblem(issue: ObservedIssue, identity: Identity, problems: readonly ConfigProblemView[], configPath: string): Effect[] {
  const text = renderConfigProblems(problems, configPath);
  const body = `${renderMarker(CONFIG_PROBLEM, { hash: shortHash(text) })}\n${text}`;
  return upsertMarked(issue, identity, CONFIG_PROBLEM, () => true, body, "the configuration is invalid");
}
