import { loadRepoConfig } from "../config/load.js";
import { octokitReader } from "../github/config-reader.js";
import { describeEffect, renderPlan } from "../engine/dry-run.js";
import { createEngine, type EngineLog } from "../engine/reconcile.js";
import { octokitGateway } from "../github/octokit-gateway.js";
import { parseRepoName } from "../domain/repo-name.js";
import { cliOctokit } from "./github.js";
import type { CliCommand, CliIO } from "./io.js";

const USAGE = `Usage: vigil tick owner/repo [--now ISO] [--dry-run] [--json]

Runs the scheduled check on one repository: every open incident gets one current record and exactly
the labels, assignee and Project fields its state says. With --dry-run it prints what it would change
and writes nothing; a second run right after a real one changes nothing.

  --now ISO    decide as of this instant (ISO 8601), e.g. to see what a deadline check will do
  --dry-run    print the plan; write nothing
  --json       print the result as JSON

Environment: GITHUB_TOKEN (required), GITHUB_API_URL (GitHub Enterprise Server).
Exit codes: 0 done (or nothing to do), 1 an incident could not be reconciled, 2 usage or configuration error.`;

function stderrLog(io: CliIO): EngineLog {
  return { info: () => undefined, warn: (d, m) => io.stderr(`warning: ${m} ${JSON.stringify(d)}`), error: (d, m) => io.stderr(`error: ${m} ${JSON.stringify(d)}`) };
}

/** `vigil tick owner/repo`: one scheduled check of one repository, through the same engine as the app. */
export const tickCommand: CliCommand = async (argv, io) => {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(USAGE);
    return 0;
  }
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i === -1) return false;
    args.splice(i, 1);
    return true;
  };
  const dryRun = flag("--dry-run");
  const json = flag("--json");
  let now = new Date();
  const at = args.indexOf("--now");
  if (at !== -1) {
    const value = args[at + 1];
    const parsed = value ? new Date(value) : new Date(NaN);
    if (!value || Number.isNaN(parsed.getTime()) || !/^\d{4}-\d\d-\d\d/.test(value)) {
      io.stderr(`vigil tick: --now needs an ISO 8601 instant such as 2026-12-02T09:00:00Z, got ${JSON.stringify(value ?? "")}.`);
      return 2;
    }
    now = parsed;
    args.splice(at, 2);
  }
  const unknown = args.find((a) => a.startsWith("-"));
  if (unknown) {
    io.stderr(`vigil tick: unknown option ${unknown}.\n\n${USAGE}`);
    return 2;
  }
  const repo = parseRepoName(args[0]);
  if (!repo || args.length !== 1) {
    io.stderr(`vigil tick: give exactly one repository as owner/repo.\n\n${USAGE}`);
    return 2;
  }
  const octokit = cliOctokit(io, "tick");
  if (!octokit) return 2;
  const reader = octokitReader(octokit);
  const engine = createEngine({ gateway: octokitGateway(octokit), config: (r) => loadRepoConfig(reader, r), now: () => now, log: stderrLog(io) });
  const result = await engine.reconcileRepository(repo, { dryRun });
  if (json) {
    io.stdout(JSON.stringify({ ...result, dryRun, effects: result.effects.map((e) => ({ kind: e.kind, issue: e.issue, what: describeEffect(e), why: e.why })) }, null, 2));
  } else if (result.config === "absent") {
    io.stdout(`${result.repo}: no .github/incident-response.yml (here or in the owner's .github repository): nothing to check.`);
  } else if (result.config === "invalid") {
    io.stderr(`${result.repo}: the configuration is invalid; run \`vigil check-config\` on it for every problem.`);
  } else {
    io.stdout(dryRun ? renderPlan(result.repo, result.effects) : `${renderPlan(result.repo, result.effects)}\n${result.written} written.`);
  }
  if (result.config === "invalid") return 2;
  return result.failed.length > 0 ? 1 : 0;
};
