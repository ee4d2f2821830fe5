import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseConfigText, readYaml } from "../config/parse.js";
import type { ConfigResult } from "../config/problems.js";
import { summarizeConfig } from "../config/summary.js";
import { parseRepoName } from "../domain/repo-name.js";
import { CannotFollow, checkWithExtends } from "./check-config-extends.js";
import type { CliCommand } from "./io.js";

const USAGE = `Usage: vigil check-config FILE [--repo owner/name]

Validates a Vigil configuration (.github/incident-response.yml). Prints every problem as
"FILE: key: message" and exits 1, or prints the effective configuration (defaults filled in)
and exits 0. Exits 2 when FILE is missing or cannot be read.

A file with _extends is checked merged with what it inherits, read from GitHub with GITHUB_TOKEN
(GITHUB_API_URL for GitHub Enterprise Server); without a token it says so and exits 2.
  --repo owner/name   the repository the file is for, when _extends names a repository without its owner`;

function readError(file: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return `vigil check-config: ${file}: no such file.`;
  if (code === "EISDIR") return `vigil check-config: ${file} is a directory; give the path of the YAML file.`;
  return `vigil check-config: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
}

/** `vigil check-config FILE`: reports every problem in a configuration file, or summarises the effective config. */
export const checkConfigCommand: CliCommand = async (argv, io) => {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(USAGE);
    return 0;
  }
  const args = [...argv];
  const at = args.indexOf("--repo");
  let home: { owner: string; repo: string } | undefined;
  if (at !== -1) {
    home = parseRepoName(args[at + 1]) ?? undefined;
    if (!home) {
      io.stderr(`vigil check-config: --repo needs owner/name, got ${JSON.stringify(args[at + 1] ?? "")}.\n\n${USAGE}`);
      return 2;
    }
    args.splice(at, 2);
  }
  argv = args;
  const unknownOption = argv.find((arg) => arg.startsWith("-"));
  if (unknownOption !== undefined) {
    io.stderr(`vigil check-config: unknown option ${unknownOption}.\n\n${USAGE}`);
    return 2;
  }
  if (argv.length !== 1) {
    io.stderr(`vigil check-config: ${argv.length === 0 ? "give the configuration file to check" : "give exactly one file"}.\n\n${USAGE}`);
    return 2;
  }
  const file = argv[0] as string;
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), "utf8");
  } catch (error) {
    io.stderr(readError(file, error));
    return 2;
  }
  const read = readYaml(text, file);
  const extendsValue = read.ok && typeof read.value === "object" && read.value !== null ? (read.value as Record<string, unknown>)._extends : undefined;
  let result: ConfigResult;
  try {
    result = extendsValue ? await checkWithExtends(file, text, extendsValue, home, io) : parseConfigText(text, file);
  } catch (error) {
    const why = error instanceof CannotFollow ? error.message : `cannot read what ${file} inherits from GitHub: ${(error as Error).message}`;
    io.stderr(`vigil check-config: ${why}`);
    return 2;
  }
  if (!result.ok) {
    io.stderr(result.problems.map((p) => `${p.file}: ${p.key}: ${p.message}`).join("\n"));
    return 1;
  }
  for (const w of result.warnings) io.stderr(`${w.file}: ${w.key}: warning: ${w.message}`);
  io.stdout(`${file} is valid. Effective configuration:\n\n${summarizeConfig(result.config)}`);
  return 0;
};
