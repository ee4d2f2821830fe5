import type { Probot } from "probot";
import type { RunResult } from "../engine/reconcile.js";
import { installedRepo, listInstalledRepos } from "../github/installations.js";
import { rateLimitWait } from "../github/rate-limit.js";
import { engineFor, type AppRuntime } from "./engine-for.js";

/** What one scheduled check over installations did. */
export interface CheckSummary {
  repositories: number;
  configured: number;
  written: number;
  failed: string[];
  /** Repositories left for the next check because GitHub kept rate-limiting after one wait. */
  deferred: number;
}

// A longer wait than this is a budget spent for the hour: better left to the next check than held open.
const LONGEST_WAIT_S = 15 * 60;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * The scheduled check (SPEC 2.9): every repository of every installation (all pages of both), or
 * only `only` when given; a repository without a configuration is skipped after its config read.
 * Repositories are checked one at a time. One failing repository does not stop the others, but a rate
 * limit does: a limit applies to the whole installation, so pressing on would only be refused again
 * (and GitHub may block an app that ignores its secondary limits). The check waits what GitHub asks
 * once, resumes with the same repository, and leaves the rest to the next check if it is refused again.
 */
export async function checkInstallations(app: Probot, runtime: AppRuntime, only?: { owner: string; repo: string }): Promise<CheckSummary> {
  const summary: CheckSummary = { repositories: 0, configured: 0, written: 0, failed: [], deferred: 0 };
  const sleep = runtime.sleep ?? realSleep;
  const appOctokit = await app.auth();
  const targets = only ? [await installedRepo(appOctokit, only)] : await listInstalledRepos(appOctokit, (id) => app.auth(id));
  let waited = false;
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]!;
    const name = `${target.owner}/${target.repo}`;
    try {
      const octokit = await app.auth(target.installation);
      const result: RunResult = await engineFor(runtime, octokit, app.log).reconcileRepository({ owner: target.owner, repo: target.repo });
      summary.repositories++;
      if (result.config === "ok") summary.configured++;
      summary.written += result.written;
      if (result.failed.length > 0) summary.failed.push(`${result.repo}#${result.failed.join(",#")}`);
    } catch (error) {
      const wait = rateLimitWait(error, runtime.now().getTime());
      if (wait !== undefined && !waited && wait <= LONGEST_WAIT_S) {
        waited = true;
        app.log.warn({ repo: name, waitSeconds: wait }, "rate limited during the scheduled check; waiting, then resuming with this repository");
        await sleep(wait * 1000);
        i--;
        continue;
      }
      if (wait !== undefined) {
        summary.repositories = targets.length;
        summary.deferred = targets.length - i;
        app.log.warn({ repo: name, deferred: summary.deferred, waitSeconds: wait }, "still rate limited: the rest of the scheduled check is left to the next one");
        break;
      }
      summary.repositories++;
      summary.failed.push(name);
      app.log.error({ repo: name, err: (error as Error).message }, "scheduled check of a repository failed; the next one tries again");
    }
  }
  return summary;
}
