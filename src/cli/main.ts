import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";
import type { CliCommand, CliIO } from "./io.js";

/** One `vigil` subcommand: how `vigil help` shows it, and how to load it. */
interface CommandEntry {
  name: string;
  synopsis: string;
  summary: string;
  // Commands load lazily so `vigil deadline` does not pay for modules only `tick` needs.
  load: () => Promise<CliCommand>;
}

// A new command is one entry here: its help line sits with it.
const COMMANDS: CommandEntry[] = [
  {
    name: "deadline",
    synopsis: "--from ISO [--days N] [--config FILE | --country CC [--state SS] [--region RR] --timezone TZ] [--json]",
    summary: "When a post-mortem is due: N working days (default 3) after the day of --from.",
    load: async () => (await import("./deadline.js")).deadlineCommand,
  },
  {
    name: "check-config",
    synopsis: "FILE [--repo owner/name]",
    summary: "Validate a .github/incident-response.yml; exit 1 with every problem, 0 with the effective config.",
    load: async () => (await import("./check-config.js")).checkConfigCommand,
  },
  {
    name: "tick",
    synopsis: "owner/repo [--now ISO] [--dry-run] [--json]",
    summary: "Reconcile every open incident of a repository (the scheduled check); --dry-run prints the plan.",
    load: async () => (await import("./tick.js")).tickCommand,
  },
  {
    name: "verify",
    synopsis: "owner/repo#N [--json]",
    summary: "Check an incident's evidence against its ledger; exit 1 with findings, 0 when everything matches.",
    load: async () => (await import("./verify.js")).verifyCommand,
  },
  {
    name: "report",
    synopsis: "owner/repo --since DATE [--until DATE] [--format md|json|html] [--out FILE]",
    summary: "The compliance evidence report of a period: incidents, deadlines, recurring work, top-threat scrutiny, integrity.",
    load: async () => (await import("./report.js")).reportCommand,
  },
  {
    name: "actions",
    synopsis: "",
    summary: "Run as a GitHub Actions step: the workflow's event, or on schedule/workflow_dispatch the repository's check.",
    load: async () => (await import("./actions.js")).actionsCommand,
  },
];

function usage(): string {
  const entries = COMMANDS.map((c) => `  vigil ${c.name}${c.synopsis ? ` ${c.synopsis}` : ""}\n      ${c.summary}`);
  return [
    "vigil: security incident response inside GitHub",
    "",
    "Usage:",
    ...entries,
    "  vigil help | --help",
    "      This text. `vigil COMMAND --help` tells more about one command.",
    "  vigil --version",
    "      The version of Vigil.",
    "",
    "Environment: GITHUB_TOKEN (commands that talk to GitHub), GITHUB_API_URL (GitHub Enterprise Server).",
    "",
  ].join("\n");
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/** Runs the `vigil` command line and returns its exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(await version());
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`vigil: unknown command "${name}". Run "vigil help" for the list.`);
    return 2;
  }
  const command = await entry.load();
  return command(rest, io);
}
