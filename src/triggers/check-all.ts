import type { Probot } from "probot";
import type { RunResult } from "../engine/reconcile.js";
import { installedRepo, listInstalledRepos } from "../github/installations.js";
import { engineFor, type AppRuntime } from "./engine-for.js";

/** What one scheduled check over installations did. */
export interface CheckSummary {
  repositories: number;
  configured: number;
  written: number;
  failed: string[];
}

/**
 * The scheduled check (SPEC 2.9): every repository of every installation (all pages of both), or
 * only `only` when given; a repository without a configuration is skipped after its config read.
 * One failing repository does not stop the others.
 */
export async function checkInstallations(app: Probot, runtime: AppRuntime, only?: { owner: string; repo: string }): Promise<CheckSummary> {
  const summary: CheckSummary = { repositories: 0, configured: 0, written: 0, failed: [] };
  const appOctokit = await app.auth();
  const targets = only ? [await installedRepo(appOctokit, only)] : await listInstalledRepos(appOctokit, (id) => app.auth(id));
  for (const target of targets) {
    summary.repositories++;
    try {
      const octokit = await app.auth(target.installation);
      const result: RunResult = await engineFor(runtime, octokit, app.log).reconcileRepository({ owner: target.owner, repo: target.repo });
      if (result.config === "ok") summary.configured++;
      summary.written += result.written;
      if (result.failed.length > 0) summary.failed.push(`${result.repo}#${result.failed.join(",#")}`);
    } catch (error) {
      summary.failed.push(`${target.owner}/${target.repo}`);
      app.log.error({ repo: `${target.owner}/${target.repo}`, err: (error as Error).message }, "scheduled check of a repository failed; the next one tries again");
    }
  }
  return summary;
}
