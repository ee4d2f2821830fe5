import type { ReportCheckRun, ReportPull, ReportRecurringIssue } from "../domain/report/observation.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { readGraphql } from "./graphql-read.js";
import { authorOf } from "./observe-shapes.js";
import { headChecksQuery, REPORT_LISTS } from "./report-query.js";

type AuthorNode = { login: string; __typename: string } | null;
type Page<T> = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: T[] };
type IncidentNode = { number: number; createdAt: string; closedAt: string | null };
type RecurringNode = { number: number; title: string; url: string; state: "OPEN" | "CLOSED"; stateReason: string | null; createdAt: string; closedAt: string | null; body: string; author: AuthorNode; timelineItems: { nodes: ({ actor?: AuthorNode } | null)[] } };
type PullNode = { number: number; title: string; url: string; mergedAt: string; updatedAt: string; headRefOid: string; labels: { nodes: { name: string }[] } };
type Lists = { open?: Page<IncidentNode>; closed?: Page<IncidentNode>; reviews?: Page<RecurringNode>; patching?: Page<RecurringNode>; drills?: Page<RecurringNode>; pulls?: Page<PullNode> };
type ListName = keyof Lists;

/** The window a report reads: the period, and how far back recurring history goes for the first interval. */
export interface ReportWindow {
  since: string;
  until: string;
  historySince: string;
}

/** What the lists give: incident numbers to observe, recurring issues, and merged pull requests with head checks. */
export interface ReportLists {
  incidents: number[];
  recurring: { reviews: ReportRecurringIssue[]; patching: ReportRecurringIssue[]; drills: ReportRecurringIssue[] };
  pulls: ReportPull[];
  pullsTruncated: boolean;
}

const MAX_PULLS = 1000;
const t = (iso: string) => Date.parse(iso);

function recurringOf(n: RecurringNode): ReportRecurringIssue {
  const closer = n.timelineItems.nodes.at(-1)?.actor;
  return {
    number: n.number, title: n.title, url: n.url, body: n.body, createdAt: n.createdAt, closedAt: n.closedAt, author: authorOf(n.author),
    state: n.state === "CLOSED" ? "closed" : "open",
    stateReason: n.stateReason === "COMPLETED" ? "completed" : n.stateReason === "NOT_PLANNED" || n.stateReason === "DUPLICATE" ? "not_planned" : n.stateReason === "REOPENED" ? "reopened" : null,
    closedBy: n.state === "CLOSED" && closer ? authorOf(closer) : null,
  };
}

/** The evidence report's reads over an authenticated Octokit. */
export function reportGateway(gh: GitHubClient) {
  return {
    /** Every list of the report: all pages of each, folded into as few requests as the longest list needs. */
    async reportLists(repo: RepoRef, window: ReportWindow, checkName: string): Promise<ReportLists> {
      const cursors: Partial<Record<ListName, string | null>> = { open: null, closed: null, reviews: null, patching: null, drills: null, pulls: null };
      const got: { [K in ListName]: NonNullable<Lists[K]>["nodes"] } = { open: [], closed: [], reviews: [], patching: [], drills: [], pulls: [] };
      let truncated = false;
      while (Object.keys(cursors).length > 0) {
        const vars: Record<string, unknown> = { owner: repo.owner, name: repo.repo, since: window.since };
        for (const name of Object.keys(got) as ListName[]) {
          vars[name] = name in cursors;
          vars[`${name}After`] = cursors[name] ?? null;
        }
        const data = await readGraphql<{ repository: Lists | null }>(gh, REPORT_LISTS, vars);
        if (!data.repository) throw new Error(`repository ${repo.owner}/${repo.repo} not found`);
        for (const name of Object.keys(cursors) as ListName[]) {
          const page = data.repository[name] as Page<never> | undefined;
          (got[name] as unknown[]).push(...(page?.nodes ?? []));
          const last = page?.nodes.at(-1) as { createdAt?: string; updatedAt?: string } | undefined;
          // Newest first: once a page reaches back before what the report needs, older pages cannot matter.
          const done = !page?.pageInfo.hasNextPage
            || (name === "pulls" && (t(last?.updatedAt ?? "") < t(window.since) || got.pulls.length >= MAX_PULLS))
            || ((name === "reviews" || name === "patching" || name === "drills") && t(last?.createdAt ?? "") < t(window.historySince));
          if (name === "pulls" && page?.pageInfo.hasNextPage && got.pulls.length >= MAX_PULLS) truncated = true;
          if (done) delete cursors[name];
          else cursors[name] = page.pageInfo.endCursor;
        }
      }
      const incidents = [...got.open, ...got.closed].filter((i) => t(i.createdAt) <= t(window.until) && (i.closedAt === null || t(i.closedAt) >= t(window.since))).map((i) => i.number);
      const merged = got.pulls.filter((p) => t(p.mergedAt) >= t(window.since) && t(p.mergedAt) <= t(window.until));
      return {
        incidents: [...new Set(incidents)].sort((a, b) => a - b),
        recurring: { reviews: got.reviews.map(recurringOf), patching: got.patching.map(recurringOf), drills: got.drills.map(recurringOf) },
        pulls: await withChecks(gh, repo, merged, checkName),
        pullsTruncated: truncated,
      };
    },
  };
}

// Check runs are read only for pull requests that carry a `security: …` label: the rest are not in the report.
async function withChecks(gh: GitHubClient, repo: RepoRef, pulls: PullNode[], checkName: string): Promise<ReportPull[]> {
  const labelled = pulls.filter((p) => p.labels.nodes.some((l) => /^security:/i.test(l.name)));
  const runs = new Map<string, ReportCheckRun[]>();
  const heads = [...new Set(labelled.map((p) => p.headRefOid))];
  for (let i = 0; i < heads.length; i += 50) {
    const chunk = heads.slice(i, i + 50);
    type Suites = { checkSuites?: { nodes: { app: { slug: string } | null; checkRuns: { nodes: { name: string; conclusion: string | null }[] } }[] } } | null;
    const data = await readGraphql<{ repository: Record<string, Suites> | null }>(gh, headChecksQuery(chunk.length), { owner: repo.owner, name: repo.repo, check: checkName, ...Object.fromEntries(chunk.map((oid, j) => [`o${j}`, oid])) });
    chunk.forEach((oid, j) => {
      const suites = data.repository?.[`c${j}`]?.checkSuites?.nodes ?? [];
      runs.set(oid, suites.flatMap((s) => s.checkRuns.nodes.map((r) => ({ app: s.app?.slug ?? "", name: r.name, conclusion: r.conclusion }))));
    });
  }
  return labelled.map((p) => ({ number: p.number, title: p.title, url: p.url, mergedAt: p.mergedAt, labels: p.labels.nodes.map((l) => l.name), headOid: p.headRefOid, checkRuns: runs.get(p.headRefOid) ?? [] }));
}

/** The report part of the gateway. */
export type ReportGateway = ReturnType<typeof reportGateway>;
