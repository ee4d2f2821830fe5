import type { ConfigProblem } from "./problems.js";
import { CONFIG_FILE_NAME, CONFIG_PATH, type VigilConfig } from "./schema.js";
import { validateConfig } from "./validate.js";

/** The part of a Probot context that reading the configuration needs, so tests can pass a plain object. */
export interface ConfigContext {
  config(
    fileName: string,
    defaultConfig?: undefined,
    deepMergeOptions?: { arrayMerge?: (target: unknown[], source: unknown[]) => unknown[] },
  ): Promise<unknown>;
}

/** A repository's configuration: not opted in, present but unusable (with every problem), or ready. */
export type RepoConfig =
  | { kind: "absent" }
  | { kind: "invalid"; problems: ConfigProblem[] }
  | { kind: "ok"; config: VigilConfig; warnings: ConfigProblem[] };

// Probot's default deep merge concatenates lists, which would append an `_extends` base's rotation to the
// repository's own; a list written in the repository replaces the inherited one instead.
const replaceLists = { arrayMerge: (_inherited: unknown[], own: unknown[]) => own };

// The config plugin reports files it can read but not use (bad YAML, a directory, an `_extends` loop) as plain
// errors with this prefix; HTTP failures carry a status and are the caller's to retry.
const PLUGIN_PREFIX = "[@probot/octokit-plugin-config]";

function readable(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function pluginProblem(error: Error): ConfigProblem {
  // The `yaml` package's first line already says what is wrong and where ("... at line 1, column 4:").
  const cause = (error as { cause?: { message?: unknown } }).cause;
  const detail = typeof cause?.message === "string" ? `: ${cause.message.split("\n")[0]?.replace(/:$/, "")}` : "";
  const what = readable(error.message.slice(PLUGIN_PREFIX.length).trim());
  return { file: CONFIG_PATH, key: "(root)", message: `${what}${detail}. Fix the file; Vigil reads it again on the next event.` };
}

function isPluginError(error: unknown): error is Error {
  return error instanceof Error && error.message.startsWith(PLUGIN_PREFIX) && !("status" in error);
}

/**
 * Reads and validates `.github/incident-response.yml` through Probot, so `_extends` and the organisation's
 * `.github` repository apply. Read afresh on every call: the file may change between deliveries.
 */
export async function loadRepoConfig(context: ConfigContext): Promise<RepoConfig> {
  let raw: unknown;
  try {
    raw = await context.config(CONFIG_FILE_NAME, undefined, replaceLists);
  } catch (error) {
    if (isPluginError(error)) return { kind: "invalid", problems: [pluginProblem(error)] };
    throw error;
  }
  if (raw === null || raw === undefined) return { kind: "absent" };
  const result = validateConfig(raw, CONFIG_PATH);
  return result.ok ? { kind: "ok", config: result.config, warnings: result.warnings } : { kind: "invalid", problems: result.problems };
}
