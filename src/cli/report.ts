import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { DateTime } from "luxon";
import { loadRepoConfig } from "../config/load.js";
import { makePeriod, parseBound } from "../domain/report/period.js";
import { renderHtml } from "../domain/report/render-html.js";
import { renderJson } from "../domain/report/render-json.js";
import { renderMarkdown } from "../domain/report/render-markdown.js";
import { parseRepoName } from "../domain/repo-name.js";
import { buildReport } from "../engine/report.js";
import { octokitReader } from "../github/config-reader.js";
import { octokitGateway } from "../github/octokit-gateway.js";
import { cliOctokit } from "./github.js";
import type { CliCommand } from "./io.js";

const USAGE = `Usage: vigil report owner/repo --since DATE [--until DATE] [--format md|json|html] [--out FILE]

The compliance evidence report (SPEC 2.12) of one repository over a period: every incident with severity,
declared, resolved and post-mortem merged times, whether the post-mortem deadline was met, the ledger head and
evidence-integrity findings; every security review, patching round and drill with its interval and whether the
target and the hard limit were met; the pull requests that touched a top threat and whether they were approved
before merge; totals. Reads only.

  --since DATE     start of the period: YYYY-MM-DD (start of that day in the configured time zone) or an ISO instant
  --until DATE     end of the period: YYYY-MM-DD (end of that day) or an ISO instant; default now
  --format FMT     md (default), json, or html (one self-contained page with a timeline chart)
  --out FILE       write the report to FILE instead of printing it

Environment: GITHUB_TOKEN (Vigil's installation token, so Vigil's own markers and check runs are recognised),
GITHUB_API_URL. Exit codes: 0 written, 2 usage or configuration error.`;

const FORMATS = { md: renderMarkdown, json: renderJson, html: renderHtml } as const;

/** `vigil report owner/repo --since DATE`: the evidence report, in Markdown, JSON or HTML. */
export const reportCommand: CliCommand = async (argv, io) => {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(USAGE);
    return 0;
  }
  const usage = (message: string) => {
    io.stderr(`vigil report: ${message}\n\n${USAGE}`);
    return 2;
  };
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("-")) positional.push(arg);
    else if (["--since", "--until", "--format", "--out"].includes(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith("--")) return usage(`${arg} needs a value.`);
      options[arg.slice(2)] = value;
    } else return usage(`unknown option ${arg}.`);
  }
  const repo = parseRepoName(positional[0]);
  if (!repo || positional.length !== 1) return usage("give exactly one repository as owner/repo.");
  if (!options.since) return usage("--since is required (YYYY-MM-DD or an ISO instant).");
  const format = (options.format ?? "md") as keyof typeof FORMATS;
  if (!(format in FORMATS)) return usage(`--format must be md, json or html, not ${JSON.stringify(options.format)}.`);
  // Checked before any request, with UTC; the configured zone only moves a date's edges.
  for (const key of ["since", "until"] as const) {
    const bound = options[key] === undefined ? null : parseBound(options[key], "UTC", "start");
    if (bound && !bound.ok) return usage(`--${key}: ${bound.reason}.`);
  }

  const octokit = cliOctokit(io, "report");
  if (!octokit) return 2;
  const loaded = await loadRepoConfig(octokitReader(octokit), repo);
  if (loaded.kind !== "ok") {
    io.stderr(`vigil report: ${repo.owner}/${repo.repo} ${loaded.kind === "absent" ? "has no .github/incident-response.yml (here or in the owner's .github repository)" : "has an invalid configuration; run `vigil check-config` on it"}: the report needs its time zone and calendar.`);
    return 2;
  }
  const zone = loaded.config.timezone;
  const since = parseBound(options.since, zone, "start");
  const until = options.until === undefined ? { ok: true as const, instant: DateTime.now().setZone(zone) } : parseBound(options.until, zone, "end");
  if (!since.ok || !until.ok) return usage("a date could not be read in the configured time zone.");
  const period = makePeriod(since.instant, until.instant, zone);
  if ("error" in period) return usage(`${period.error}.`);

  const model = await buildReport(octokitGateway(octokit), repo, loaded.config, period);
  const text = FORMATS[format](model);
  if (options.out) {
    const path = resolve(io.cwd, options.out);
    await writeFile(path, text, "utf8");
    io.stdout(`vigil report: wrote ${path} (${format}).`);
  } else io.stdout(text);
  return 0;
};
