import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseConfigText } from "../config/parse.js";
import { summarizeConfig } from "../config/summary.js";
import type { CliCommand } from "./io.js";

const USAGE = `Usage: vigil check-config FILE

Validates a Vigil configuration (.github/incident-response.yml). Prints every problem as
"FILE: key: message" and exits 1, or prints the effective configuration (defaults filled in)
and exits 0. Exits 2 when FILE is missing or cannot be read.`;

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
  const result = parseConfigText(text, file);
  if (!result.ok) {
    io.stderr(result.problems.map((p) => `${p.file}: ${p.key}: ${p.message}`).join("\n"));
    return 1;
  }
  for (const w of result.warnings) io.stderr(`${w.file}: ${w.key}: warning: ${w.message}`);
  io.stdout(`${file} is valid. Effective configuration:\n\n${summarizeConfig(result.config)}`);
  return 0;
};
