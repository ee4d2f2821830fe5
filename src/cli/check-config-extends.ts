import { loadRepoConfig } from "../config/load.js";
import type { ConfigResult } from "../config/problems.js";
import type { ConfigReader } from "../config/reader.js";
import { CONFIG_PATH } from "../config/schema.js";
import { octokitReader } from "../github/config-reader.js";
import { cliOctokit } from "./github.js";
import type { CliIO } from "./io.js";

/** Why a file's `_extends` could not be followed: a sentence for stderr (exit 2). */
export class CannotFollow extends Error {}

const qualified = (value: string) => /^[^/:\s]+\/[^/:\s]+/.test(value.trim());

/**
 * Validates a local file that has `_extends`, with its bases read from GitHub through the loader every
 * trigger uses (so merging, loops and missing bases behave as in the app). The local file stands in
 * for `.github/incident-response.yml` of `home`; a base named without an owner needs `home`.
 */
export async function checkWithExtends(file: string, text: string, extendsValue: unknown, home: { owner: string; repo: string } | undefined, io: CliIO): Promise<ConfigResult> {
  const target = typeof extendsValue === "string" ? extendsValue : JSON.stringify(extendsValue);
  if (!io.env.GITHUB_TOKEN) {
    throw new CannotFollow(
      `${file} inherits from ${target} (_extends), which cannot be read offline. Set GITHUB_TOKEN to a token that can read that repository to check the merged configuration, or check the base file itself.`,
    );
  }
  if (!home && !(typeof extendsValue === "string" && qualified(extendsValue))) {
    throw new CannotFollow(`${file} inherits from ${target}, a repository named without its owner: say which repository the file is for with --repo owner/name.`);
  }
  const octokit = cliOctokit(io, "check-config");
  if (!octokit) throw new CannotFollow("GITHUB_TOKEN is needed to follow _extends.");
  const remote = octokitReader(octokit);
  // A fully named base needs no home repository; the local file then stands in for one of its owner's.
  const repo = home ?? { owner: target.trim().split("/")[0] as string, repo: "local-file" };
  const reader: ConfigReader = {
    readFile: (owner, name, path) => (owner === repo.owner && name === repo.repo && path === CONFIG_PATH ? Promise.resolve(text) : remote.readFile(owner, name, path)),
  };
  const loaded = await loadRepoConfig(reader, repo);
  // The loader names the repository's own file by its path in the repository; here it is the local file.
  const named = <T extends { file: string }>(p: T): T => (p.file === CONFIG_PATH ? { ...p, file } : p);
  if (loaded.kind === "ok") return { ok: true, config: loaded.config, warnings: loaded.warnings.map(named) };
  if (loaded.kind === "invalid") return { ok: false, problems: loaded.problems.map(named) };
  throw new CannotFollow(`${file} could not be read as the repository's configuration.`);
}
