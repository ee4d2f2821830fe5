import { DateTime } from "luxon";
import type { CliIO } from "../cli/io.js";
import type { ConfigCache } from "../config/cache.js";
import { makePeriod } from "../domain/report/period.js";
import { renderMarkdown } from "../domain/report/render-markdown.js";
import { buildReport } from "../engine/report.js";
import type { GitHubClient, RepoRef } from "../github/client.js";
import { octokitReader } from "../github/config-reader.js";
import { octokitGateway } from "../github/octokit-gateway.js";
import type { Identity } from "../markers/identity.js";

/** How far back the job summary's evidence report looks, in days, unless `VIGIL_REPORT_DAYS` says otherwise. */
export const REPORT_DAYS = 90;

/**
 * The evidence report (SPEC 2.12) of the last `VIGIL_REPORT_DAYS` days as Markdown, for a scheduled run's job
 * summary; null when the repository is not opted in. Never throws: the check already ran, and a report that cannot
 * be written is said so in one line rather than failing the job.
 */
export async function summaryReport(env: CliIO["env"], octokit: GitHubClient, cache: ConfigCache, repo: RepoRef, identity: () => Promise<Identity>, now: Date): Promise<string | null> {
  const days = env.VIGIL_REPORT_DAYS === undefined ? REPORT_DAYS : Number(env.VIGIL_REPORT_DAYS);
  if (!Number.isInteger(days) || days < 1 || days > 3660) return `Evidence report not written: VIGIL_REPORT_DAYS must be a whole number of days from 1 to 3660, not ${JSON.stringify(env.VIGIL_REPORT_DAYS)}.`;
  try {
    const loaded = await cache.get(octokitReader(octokit), repo);
    if (loaded.kind !== "ok") return null;
    const zone = loaded.config.timezone;
    const until = DateTime.fromJSDate(now).setZone(zone);
    const period = makePeriod(until.minus({ days }).startOf("day"), until, zone);
    if ("error" in period) return null;
    return renderMarkdown(await buildReport(octokitGateway(octokit, identity), repo, loaded.config, period));
  } catch (error) {
    return `Evidence report not written: ${(error as Error).message}`;
  }
}
