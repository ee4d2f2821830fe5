import { verifyEvidence, type EvidenceReport } from "../domain/evidence/verify.js";
import { parseRepoName } from "../domain/repo-name.js";
import { octokitGateway } from "../github/octokit-gateway.js";
import { cliOctokit } from "./github.js";
import type { CliCommand } from "./io.js";

const USAGE = `Usage: vigil verify owner/repo#N [--json]

Checks incident #N's evidence (SPEC 2.13): every command, note and /comms comment the ledger holds
must still read as the SHA-256 it recorded, the ledger's parts must chain from one to the next, and
every ledger comment must be Vigil's own and unedited by anyone else. Reads only; the scheduled check
is what posts a notice on the incident for each finding.

  --json    print the result as JSON

Environment: GITHUB_TOKEN (required; read access to the repository's issues is enough), GITHUB_API_URL.
Exit codes: 0 everything matches, 1 findings, 2 usage error or no such issue.`;

/** `vigil verify owner/repo#N`: the incident's evidence checked against its ledger. */
export const verifyCommand: CliCommand = async (argv, io) => {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(USAGE);
    return 0;
  }
  const json = argv.includes("--json");
  const rest = argv.filter((a) => a !== "--json");
  const m = /^([^#\s]+)#(\d+)$/.exec(rest[0] ?? "");
  const repo = m ? parseRepoName(m[1]) : null;
  if (!m || !repo || rest.length !== 1) {
    io.stderr(`vigil verify: give exactly one incident as owner/repo#N, e.g. acme/incidents#42${rest.some((a) => a.startsWith("-")) ? ` (unknown option ${rest.find((a) => a.startsWith("-"))})` : ""}.\n\n${USAGE}`);
    return 2;
  }
  const octokit = cliOctokit(io, "verify");
  if (!octokit) return 2;
  const gateway = octokitGateway(octokit);
  const observed = await gateway.observeIssue(repo, Number(m[2]));
  if (!observed.issue) {
    io.stderr(`vigil verify: ${rest[0]} is not an issue this token can read.`);
    return 2;
  }
  const report = verifyEvidence(observed.issue, await gateway.identity());
  io.stdout(json ? JSON.stringify({ repo: `${repo.owner}/${repo.repo}`, ...report }, null, 2) : renderReport(rest[0]!, report));
  return report.findings.length > 0 ? 1 : 0;
};

function renderReport(name: string, r: EvidenceReport): string {
  const lines = [
    `${name}: ${r.findings.length === 0 ? "evidence matches its ledger" : `${r.findings.length} finding(s)`}`,
    `ledger head: ${r.head}`,
    `${r.entries} entries in ${r.parts} part(s), covering ${r.comments} comment(s)`,
  ];
  for (const f of r.findings) lines.push(`  FINDING ${f.kind}: ${f.detail}`);
  for (const c of r.changes) lines.push(`  recorded: comment ${c.comment} ${{ e: "edited", d: "deleted", m: "changed (found by a check)", x: "gone (found by a check)" }[c.op]} by ${c.by} at ${c.at}`);
  if (r.pending.length > 0) lines.push(`  not ledgered yet (the next check adds them): ${r.pending.join(", ")}`);
  return lines.join("\n");
}
