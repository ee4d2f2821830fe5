import { appendFile, readFile } from "node:fs/promises";
import { Probot, type Options, type ProbotOctokit } from "probot";
import type { CliIO } from "../cli/io.js";
import { ConfigCache } from "../config/cache.js";
import { parseRepoName } from "../domain/repo-name.js";
import { viewerIdentity } from "../github/viewer-identity.js";
import { createVigil } from "../index.js";
import type { Identity } from "../markers/identity.js";
import { summaryReport } from "./actions-report.js";
import { renderSummary, type ActionsRun } from "./actions-summary.js";
import { engineFor, type AppRuntime } from "./engine-for.js";
import { guardErrorLogs } from "./safe-log.js";

/** Events that run the scheduled check of the whole repository instead of one webhook's scope. */
const CHECK_EVENTS = new Set(["schedule", "workflow_dispatch"]);
const LOG_LEVELS = new Set(["trace", "debug", "info", "warn", "error", "fatal"]);

/** For tests: Octokit without the throttling waits, and a clock. */
export interface ActionsOptions {
  Octokit?: typeof ProbotOctokit;
  now?: () => Date;
}

class SetupError extends Error {}

interface Setup {
  name: string;
  payload: Record<string, unknown>;
  token: string;
  repo: { owner: string; repo: string };
}

async function readSetup(env: CliIO["env"]): Promise<Setup> {
  const need = (key: string, hint: string) => {
    const value = env[key];
    if (!value) throw new SetupError(`${key} is not set. ${hint}`);
    return value;
  };
  const inActions = "GitHub Actions sets it for every job; run `vigil actions` as a step of a workflow (see templates/vigil-workflow.yml).";
  const name = need("GITHUB_EVENT_NAME", inActions);
  const path = need("GITHUB_EVENT_PATH", inActions);
  const token = need("GITHUB_TOKEN", "Add `env: { GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }} }` to the step, or an app token from actions/create-github-app-token.");
  const repo = parseRepoName(need("GITHUB_REPOSITORY", inActions));
  if (!repo) throw new SetupError(`GITHUB_REPOSITORY must be owner/name, got ${JSON.stringify(env.GITHUB_REPOSITORY?.slice(0, 100))}.`);
  let payload: unknown;
  try {
    payload = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new SetupError(`cannot read the event at GITHUB_EVENT_PATH (${path}): ${(error as Error).message}`);
  }
  if (typeof payload !== "object" || payload === null) throw new SetupError(`the event at GITHUB_EVENT_PATH (${path}) is not a JSON object.`);
  return { name, payload: payload as Record<string, unknown>, token, repo };
}

async function writeSummary(io: CliIO, run: ActionsRun): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    await appendFile(file, renderSummary(run));
  } catch (error) {
    io.stderr(`vigil actions: warning: cannot write the job summary to ${file}: ${(error as Error).message}`);
  }
}

/**
 * The GitHub Actions entry (SPEC 2.9): the workflow's event goes to the same app the server runs,
 * authenticated with the job's token, whose own identity (`github-actions[bot]` for GITHUB_TOKEN) is
 * Vigil's. `schedule` and `workflow_dispatch` run the scheduled check of the repository. Exit codes:
 * 0 done, 1 the run failed, 2 the environment is not an Actions job's.
 */
export async function runActions(io: CliIO, options: ActionsOptions = {}): Promise<number> {
  let setup: Setup;
  try {
    setup = await readSetup(io.env);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    io.stderr(`vigil actions: ${error.message}`);
    return 2;
  }
  const { env } = io;
  const action = typeof setup.payload.action === "string" ? `.${setup.payload.action}` : "";
  const run: ActionsRun = { event: `${setup.name}${action}`, repo: `${setup.repo.owner}/${setup.repo.repo}`, outcome: "done", runs: [] };
  const probot = new Probot({
    githubToken: setup.token,
    logLevel: (LOG_LEVELS.has(env.LOG_LEVEL ?? "") ? env.LOG_LEVEL : "info") as Options["logLevel"],
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL.replace(/\/$/, "") } : {}),
    ...(io.fetch ? { request: { fetch: io.fetch } } : {}),
    ...(options.Octokit ? { Octokit: options.Octokit } : {}),
  });
  const octokit = await probot.auth();
  let identity: Promise<Identity> | undefined;
  const runtime: AppRuntime = {
    cache: new ConfigCache(),
    now: options.now ?? (() => new Date()),
    identity: () => (identity ??= viewerIdentity(octokit)),
    onResult: (result, scope) => run.runs.push({ scope: scope.issue === undefined ? result.repo : `#${scope.issue}`, result }),
  };
  try {
    if (CHECK_EVENTS.has(setup.name)) {
      guardErrorLogs(probot.log);
      await engineFor(runtime, octokit, probot.log).reconcileRepository(setup.repo);
      run.report = await summaryReport(env, octokit, runtime.cache, setup.repo, runtime.identity, runtime.now());
    } else {
      await probot.load(createVigil({ env: { VIGIL_CHECK_INTERVAL: "0" }, now: runtime.now, identity: runtime.identity, onResult: runtime.onResult }));
      await probot.receive({ id: `${env.GITHUB_RUN_ID ?? "run"}.${env.GITHUB_RUN_ATTEMPT ?? "1"}`, name: setup.name, payload: setup.payload } as Parameters<Probot["receive"]>[0]);
      if (run.runs.length === 0) run.outcome = "not handled";
    }
    const failed = run.runs.filter((r) => r.result.failed.length > 0);
    if (failed.length > 0) Object.assign(run, { outcome: "failed", error: `${failed.map((r) => r.scope).join(", ")}: not every incident could be reconciled; the next run tries again.` });
  } catch (error) {
    // Messages only: an error's attached event or request would carry the incident's text.
    Object.assign(run, { outcome: "failed", error: (error as Error).message });
  }
  await writeSummary(io, run);
  const written = run.runs.reduce((sum, r) => sum + r.result.written, 0);
  if (run.outcome === "failed") {
    io.stderr(`vigil actions: ${run.event} on ${run.repo} failed: ${run.error}`);
    return 1;
  }
  io.stdout(`vigil actions: ${run.event} on ${run.repo}: ${run.outcome}, ${written} change${written === 1 ? "" : "s"} written.`);
  return 0;
}
