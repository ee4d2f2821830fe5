import type { CliCommand, CliIO } from "./io.js";

const USAGE = `vigil: security incident response inside GitHub

Usage:
  vigil deadline --from ISO [--days N] [--config FILE | --country CC [--state SS] [--region RR] --timezone TZ] [--json]
      When a post-mortem is due: N working days (default 3) after the day of --from.
  vigil check-config FILE
      Validate a .github/incident-response.yml; exit 1 with every problem, 0 with the effective config.
  vigil tick owner/repo [--now ISO] [--dry-run] [--json]
      Reconcile every open incident of a repository (the scheduled check); --dry-run prints the plan.
  vigil verify owner/repo#N [--json]
      Check an incident's evidence against its ledger; exit 1 with findings, 0 when everything matches.
  vigil report owner/repo --since DATE [--until DATE] [--format md|json|html] [--out FILE]
      The compliance evidence report of a period: incidents, deadlines, recurring work, top-threat scrutiny, integrity.
  vigil help
      This text.

Environment: GITHUB_TOKEN (commands that talk to GitHub), GITHUB_API_URL (GitHub Enterprise Server).
`;

// Commands load lazily so `vigil deadline` does not pay for modules only `tick` needs.
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  deadline: async () => (await import("./deadline.js")).deadlineCommand,
  "check-config": async () => (await import("./check-config.js")).checkConfigCommand,
  tick: async () => (await import("./tick.js")).tickCommand,
  verify: async () => (await import("./verify.js")).verifyCommand,
  report: async () => (await import("./report.js")).reportCommand,
};

/** Runs the `vigil` command line and returns its exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`vigil: unknown command "${name}". Run "vigil help" for the list.`);
    return 2;
  }
  const command = await load();
  return command(rest, io);
}
