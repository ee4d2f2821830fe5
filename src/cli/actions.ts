import { runActions } from "../triggers/actions.js";
import type { CliCommand } from "./io.js";

const USAGE = `Usage: vigil actions

Runs Vigil for the GitHub Actions job it is a step of (see templates/vigil-workflow.yml): an issues,
issue_comment or pull_request event is handled as the app handles its webhook; schedule and
workflow_dispatch run the scheduled check of the repository. Writes a job summary.

Environment (set by Actions): GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_RUN_ID,
GITHUB_STEP_SUMMARY, GITHUB_API_URL; and GITHUB_TOKEN, which the step must pass. LOG_LEVEL (default info).
Exit codes: 0 done, 1 the run failed (the next run repairs), 2 not run from an Actions job.`;

/** `vigil actions`: the GitHub Actions entry. */
export const actionsCommand: CliCommand = async (argv, io) => {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(USAGE);
    return 0;
  }
  if (argv.length > 0) {
    io.stderr(`vigil actions: takes no arguments (everything comes from the job's environment).\n\n${USAGE}`);
    return 2;
  }
  return runActions(io);
};
