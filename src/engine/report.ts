import { DateTime } from "luxon";
import type { GitHubGateway } from "../github/gateway.js";
import type { RepoRef } from "../github/client.js";
import type { ReportGateway } from "../github/report-gateway.js";
import { buildReportModel, type ReportConfig } from "../domain/report/build-model.js";
import type { ReportModel } from "../domain/report/model.js";
import type { ReportIncident } from "../domain/report/observation.js";
import type { ReportPeriod } from "../domain/report/period.js";
import { SCRUTINY_CHECK } from "../domain/report/pulls.js";

/** What a report reads through: the gateway's identity and issue observe, and the report's own lists. */
export type ReportSource = Pick<GitHubGateway, "identity" | "observeIssue"> & ReportGateway;

// The first interval in the period is measured from the completion before it, so recurring history is read from two
// years before the period: drills are yearly; reviews and patching need far less.
const HISTORY_WEEKS = 104;

/**
 * The evidence report of a repository over a period (SPEC 2.12): the lists in one paged query, each incident
 * observed whole (its comments for the markers and the ledger, its post-mortem pull requests), then the pure model.
 * The Actions entry can call this and `renderMarkdown(model)` for the job summary.
 */
export async function buildReport(gateway: ReportSource, repo: RepoRef, config: ReportConfig, period: ReportPeriod): Promise<ReportModel> {
  const identity = await gateway.identity();
  const historySince = DateTime.fromISO(period.since).minus({ weeks: HISTORY_WEEKS }).toUTC().toISO() as string;
  const lists = await gateway.reportLists(repo, { since: period.since, until: period.until, historySince }, SCRUTINY_CHECK);
  const incidents: ReportIncident[] = [];
  // One at a time: an incident may have many comment pages, and a report is not in a hurry.
  for (const number of lists.incidents) {
    const observed = await gateway.observeIssue(repo, number);
    if (observed.issue) incidents.push({ issue: observed.issue, pulls: observed.postmortem.pulls });
  }
  return buildReportModel(
    { repo: { owner: repo.owner, name: repo.repo }, incidents, recurring: lists.recurring, pulls: lists.pulls, pullsTruncated: lists.pullsTruncated },
    config, period, identity,
  );
}
