import { readYaml } from "./parse.js";
import { valueAt, type ConfigPath, type ConfigProblem } from "./problems.js";
import { UnreadableConfigFile, type ConfigReader } from "./reader.js";
import { CONFIG_PATH, type VigilConfig } from "./schema.js";
import { validateConfig } from "./validate.js";

/** A repository's configuration: not opted in, present but unusable (with every problem), or ready. */
export type RepoConfig =
  | { kind: "absent" }
  | { kind: "invalid"; problems: ConfigProblem[] }
  | { kind: "ok"; config: VigilConfig; warnings: ConfigProblem[] };

/** How many `_extends` hops a configuration may take before Vigil gives up. */
export const MAX_EXTENDS_DEPTH = 10;

// The config plugin's own grammar for `_extends`: `repo`, `owner/repo`, `owner/repo:path/to/file.yml`.
const EXTENDS_RE = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;

interface FileRef {
  owner: string;
  repo: string;
  path: string;
}

/** One file of the chain, parsed, with `_extends` taken out. */
interface LoadedFile extends FileRef {
  label: string;
  settings: Record<string, unknown>;
  extendsValue: unknown;
}

type Read = { kind: "absent" } | { kind: "problem"; problem: ConfigProblem } | { kind: "ok"; file: LoadedFile };

/** Loading stopped on a problem; thrown inside this module only. */
class Stop {
  constructor(readonly problem: ConfigProblem) {}
}

function sameFile(a: FileRef, b: FileRef): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase() && a.path === b.path;
}

/** How problems name a file: the repository's own file by its path, any other as `_extends` would name it. */
function labelOf(ref: FileRef, home: { owner: string; repo: string }): string {
  return sameFile(ref, { ...home, path: ref.path }) ? ref.path : `${ref.owner}/${ref.repo}:${ref.path}`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "a single text";
  return `a single ${typeof value} value`;
}

async function readConfigFile(reader: ConfigReader, ref: FileRef, label: string): Promise<Read> {
  let text: string | null;
  try {
    text = await reader.readFile(ref.owner, ref.repo, ref.path);
  } catch (error) {
    if (!(error instanceof UnreadableConfigFile)) throw error;
    return {
      kind: "problem",
      problem: { file: label, key: "(root)", message: `The path is ${error.found}, not a configuration file. Put the settings in a YAML file at ${ref.path}.` },
    };
  }
  if (text === null) return { kind: "absent" };
  const read = readYaml(text, label);
  if (!read.ok) return { kind: "problem", problem: read.problem };
  // As the config plugin reads it: an empty file (or one holding only `~`) is present and has no settings.
  const value = read.value ?? {};
  if (!isMapping(value)) {
    return {
      kind: "problem",
      problem: { file: label, key: "(root)", message: `The file holds ${kindOf(value)} instead of settings. Write one \`key: value\` line per setting, for example oncall: { rotation: [alice, bob], securityOfficer: erin }.` },
    };
  }
  const { _extends: extendsValue, ...settings } = value;
  return { kind: "ok", file: { ...ref, label, settings, extendsValue } };
}

/** Where an `_extends` value points; owner and path default to the repository being loaded's, as in the plugin. */
function extendsTarget(file: LoadedFile, home: FileRef): FileRef {
  const value = file.extendsValue;
  const match = typeof value === "string" ? EXTENDS_RE.exec(value.trim()) : null;
  if (!match) {
    const written = typeof value === "string" ? JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value) : kindOf(value);
    throw new Stop({
      file: file.label,
      key: "_extends",
      message: `_extends must name a repository as repo, owner/repo or owner/repo:path/to/file.yml, but it is ${written}.`,
    });
  }
  return { owner: match[1] ?? home.owner, repo: match[2] as string, path: match[3] ?? home.path };
}

/** The chain of files, the repository's own (or its owner's `.github`) first, then each `_extends` base in turn. */
async function loadChain(reader: ConfigReader, home: FileRef): Promise<LoadedFile[] | null> {
  let first = await readConfigFile(reader, home, labelOf(home, home));
  if (first.kind === "absent" && home.repo.toLowerCase() !== ".github") {
    const org = { owner: home.owner, repo: ".github", path: home.path };
    first = await readConfigFile(reader, org, labelOf(org, home));
  }
  if (first.kind === "absent") return null;
  if (first.kind === "problem") throw new Stop(first.problem);
  const chain = [first.file];
  // As in the plugin, an empty `_extends:` (or any false-y value) extends nothing.
  for (let file = first.file; file.extendsValue; ) {
    const target = extendsTarget(file, home);
    const label = labelOf(target, home);
    const seen = chain.find((loaded) => sameFile(loaded, target));
    if (seen) {
      const cycle = [...chain.slice(chain.indexOf(seen)).map((f) => f.label), label].join(" → ");
      throw new Stop({ file: file.label, key: "_extends", message: `_extends goes round in a loop (${cycle}). Remove _extends from one of these files.` });
    }
    if (chain.length > MAX_EXTENDS_DEPTH) {
      throw new Stop({
        file: file.label,
        key: "_extends",
        message: `_extends is followed at most ${MAX_EXTENDS_DEPTH} times, and this chain goes on to ${label}. Point the repository at the file that holds the settings.`,
      });
    }
    const read = await readConfigFile(reader, target, label);
    if (read.kind === "problem") throw new Stop(read.problem);
    if (read.kind === "absent") {
      throw new Stop({
        file: file.label,
        key: "_extends",
        message: `_extends names ${label}, which does not exist or which Vigil cannot read. Create that file, fix the name, or install the app on ${target.owner}/${target.repo}.`,
      });
    }
    chain.push(read.file);
    file = read.file;
  }
  return chain;
}

/** The config plugin's deep merge, with a list written closer to the repository replacing an inherited list. */
function merge(base: unknown, own: unknown): unknown {
  if (!isMapping(base) || !isMapping(own)) return own;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) {
    if (key === "__proto__") continue;
    merged[key] = Object.hasOwn(base, key) ? merge(base[key], value) : value;
  }
  return merged;
}

/**
 * Reads and validates `.github/incident-response.yml` as Probot's config plugin does: the repository's own file, or
 * else the one in the owner's `.github` repository; then `_extends` (`repo`, `owner/repo`,
 * `owner/repo:path/to/file.yml`) recursively, with loops and over-long chains reported. Each file's settings override
 * its base's; lists are replaced, not appended. Every problem names the file it is in. Read afresh on every call
 * (see cache.ts); errors other than "not found" propagate so the caller can retry.
 */
export async function loadRepoConfig(reader: ConfigReader, target: { owner: string; repo: string }): Promise<RepoConfig> {
  const home = { owner: target.owner, repo: target.repo, path: CONFIG_PATH };
  let chain: LoadedFile[] | null;
  try {
    chain = await loadChain(reader, home);
  } catch (error) {
    if (error instanceof Stop) return { kind: "invalid", problems: [error.problem] };
    throw error;
  }
  if (chain === null) return { kind: "absent" };
  const files = chain;
  const raw = files.reduceRight<unknown>((base, file) => merge(base, file.settings), {});
  // A setting is the fault of the nearest file that writes it; a missing one, of the file the chain starts from.
  const fileOf = (path: ConfigPath): string => (files.find((file) => valueAt(file.settings, path) !== undefined) ?? files[0])?.label ?? CONFIG_PATH;
  const result = validateConfig(raw, fileOf);
  return result.ok ? { kind: "ok", config: result.config, warnings: result.warnings } : { kind: "invalid", problems: result.problems };
}
