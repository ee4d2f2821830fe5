import type { Logger } from "probot";
import { loadRepoConfig } from "../config/load.js";
import { octokitReader } from "../config/reader.js";
import type { ConfigProblem } from "../config/problems.js";
import { CONFIG_PATH, type VigilConfig } from "../config/schema.js";
import { marker, MARKER } from "../domain/markers.js";
import { inlineText } from "../domain/sanitize.js";
import type { GitHubClient, IssueRef, RepoRef } from "../github/client.js";
import { listComments } from "../github/comments.js";
import { upsertMarkedComment } from "../github/marked-comments.js";

/** Everything one handler invocation works with. */
export interface Run {
  gh: GitHubClient;
  repo: RepoRef;
  config: VigilConfig;
  log: Logger;
  now: Date;
  /** True when the repository is public (incident details must not be copied there). */
  isPublic: boolean;
}

/** The parts of a Probot context a run is built from. */
export interface RunContext {
  octokit: GitHubClient;
  log: Logger;
  repo(): RepoRef;
  payload: { repository?: { private?: boolean; visibility?: string } };
}

/**
 * Loads the repository's configuration for a run on an issue. A repository without a configuration
 * has not opted in: null, and nothing is touched. An invalid configuration is reported on the issue
 * (once; the comment is updated when the problems change) and the run stops there.
 */
export async function startRun(context: RunContext, issueNumber: number, now: Date): Promise<Run | null> {
  const loaded = await loadRepoConfig(octokitReader(context.octokit), context.repo());
  if (loaded.kind === "absent") return null;
  const repo = context.repo();
  if (loaded.kind === "invalid") {
    const ref: IssueRef = { ...repo, issue_number: issueNumber };
    const comments = await listComments(context.octokit, ref);
    await upsertMarkedComment(context.octokit, ref, comments, MARKER.configProblem, configProblemComment(loaded.problems));
    context.log.warn({ repo: `${repo.owner}/${repo.repo}`, problems: loaded.problems.length }, "invalid Vigil configuration");
    return null;
  }
  const repository = context.payload.repository;
  const isPublic = repository?.private === false && repository.visibility !== "internal";
  return { gh: context.octokit, repo, config: loaded.config, log: context.log, now, isPublic };
}

/** The comment that reports an invalid configuration: file, key and problem, and how to go on. */
export function configProblemComment(problems: readonly ConfigProblem[]): string {
  return [
    marker(MARKER.configProblem),
    `**Vigil cannot handle this incident yet: \`${CONFIG_PATH}\` is invalid.**`,
    "",
    ...problems.map((p) => `- \`${p.file}\` → \`${p.key}\`: ${inlineText(p.message)}`),
    "",
    "Fix the configuration on the default branch (`npx vigil check-config FILE` checks it locally), then edit this issue or run a scheduled check: Vigil picks the incident up again.",
  ].join("\n");
}
