import type { MergedPull, ObservedRecurring, RecurringIssue } from "../domain/recurring/observation.js";
import { statusOf, type GitHubClient, type RepoRef } from "./client.js";
import { readGraphql } from "./graphql-read.js";
import { MERGED_PULLS, OBSERVE_RECURRING } from "./observe-query.js";
import { authorOf, commentOf, planFilesOf } from "./observe-shapes.js";

type AuthorNode = { login: string; __typename: string } | null;

interface RecurringNode {
  number: number;
  title: string;
  state: "OPEN" | "CLOSED";
  stateReason: string | null;
  createdAt: string;
  closedAt: string | null;
  body: string;
  url: string;
  author: AuthorNode;
  labels: { nodes: { name: string }[] };
  milestone: { number: number; title: string; issues: { nodes: { number: number; title: string; url: string }[] } } | null;
  comments: { nodes: { databaseId: number; body: string; url: string; createdAt: string; author: AuthorNode }[] };
  timelineItems: { nodes: ({ actor?: AuthorNode } | null)[] };
}

/** The recurring fields of a repository as the queries return them. */
export interface RecurringNodes {
  vulnerabilityAlerts?: { totalCount: number } | null;
  milestones?: { nodes: { number: number; title: string; state: "OPEN" | "CLOSED" }[] };
  secReviews?: { nodes: RecurringNode[] };
  patchRounds?: { nodes: RecurringNode[] };
  drills?: { nodes: RecurringNode[] };
  pmReviews?: { nodes: { number: number; title: string; url: string }[] };
  plans?: { entries?: { name: string; type: string; object: { text?: string | null } | null }[] } | null;
  mergedPulls?: { pageInfo: { hasNextPage: boolean }; nodes: { number: number; title: string; url: string; mergedAt: string; updatedAt: string; labels: { nodes: { name: string }[] } }[] };
}

interface RecurringData {
  repository: RecurringNodes | null;
}

/** The recurring fields as plain values. */
export function recurringOf(r: RecurringNodes): ObservedRecurring {
  return {
    dependabotAlerts: r.vulnerabilityAlerts ? r.vulnerabilityAlerts.totalCount : null,
    milestones: (r.milestones?.nodes ?? []).map((m) => ({ number: m.number, title: m.title, state: m.state === "CLOSED" ? "closed" : "open" })),
    reviews: (r.secReviews?.nodes ?? []).map(issueOf),
    patching: (r.patchRounds?.nodes ?? []).map(issueOf),
    drills: (r.drills?.nodes ?? []).map(issueOf),
    postmortemReviews: r.pmReviews?.nodes ?? [],
    plans: planFilesOf(r.plans),
    recentMerged: {
      pulls: (r.mergedPulls?.nodes ?? []).map((p) => ({ number: p.number, title: p.title, url: p.url, mergedAt: p.mergedAt, updatedAt: p.updatedAt, labels: p.labels.nodes.map((l) => l.name) })),
      more: r.mergedPulls?.pageInfo.hasNextPage ?? false,
    },
  };
}


function issueOf(n: RecurringNode): RecurringIssue {
  const closer = n.timelineItems.nodes.at(-1)?.actor;
  return {
    number: n.number,
    title: n.title,
    state: n.state === "CLOSED" ? "closed" : "open",
    stateReason: n.stateReason === "COMPLETED" ? "completed" : n.stateReason === "NOT_PLANNED" || n.stateReason === "DUPLICATE" ? "not_planned" : n.stateReason === "REOPENED" ? "reopened" : null,
    createdAt: n.createdAt,
    closedAt: n.closedAt,
    closedBy: n.state === "CLOSED" && closer ? authorOf(closer) : null,
    body: n.body,
    url: n.url,
    author: authorOf(n.author),
    labels: n.labels.nodes.map((l) => l.name),
    milestone: n.milestone ? { number: n.milestone.number, title: n.milestone.title, openIssues: n.milestone.issues.nodes } : null,
    comments: n.comments.nodes.map(commentOf).sort((a, b) => a.id - b.id),
  };
}

/**
 * The reads and writes of recurring work (SPEC 2.4) over an authenticated Octokit. Alert counts the app may not read
 * are null, never an error: a review is filed all the same and says how to grant the permission.
 */
export function recurringGateway(gh: GitHubClient) {
  return {
    async observeRecurring(repo: RepoRef): Promise<ObservedRecurring> {
      // Without "Dependabot alerts: read" GitHub answers FORBIDDEN for that one field and the rest as usual.
      const data = await readGraphql<RecurringData>(gh, OBSERVE_RECURRING, { owner: repo.owner, name: repo.repo });
      if (!data.repository) throw new Error(`repository ${repo.owner}/${repo.repo} not found`);
      return recurringOf(data.repository);
    },

    /** Pull requests merged since `since`, all pages up to `max`; `truncated` when there were more. */
    async mergedPullsSince(repo: RepoRef, since: string, max = 1000): Promise<{ pulls: MergedPull[]; truncated: boolean }> {
      const pulls: MergedPull[] = [];
      let after: string | null = null;
      for (;;) {
        type Node = { number: number; title: string; url: string; mergedAt: string; updatedAt: string; labels: { nodes: { name: string }[] } };
        type Page = { repository: { pullRequests: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Node[] } } | null };
        const data: Page = await gh.graphql<Page>(MERGED_PULLS, { owner: repo.owner, name: repo.repo, after });
        const page = data.repository?.pullRequests;
        if (!page) return { pulls, truncated: false };
        for (const p of page.nodes) {
          if (p.mergedAt >= since) pulls.push({ number: p.number, title: p.title, url: p.url, mergedAt: p.mergedAt, labels: p.labels.nodes.map((l) => l.name) });
          if (pulls.length >= max) return { pulls, truncated: true };
        }
        // A merge updates the pull request, so once a page ends before `since` nothing older was merged after it.
        const last = page.nodes.at(-1);
        if (!page.pageInfo.hasNextPage || !last || last.updatedAt < since) return { pulls, truncated: false };
        after = page.pageInfo.endCursor;
      }
    },

    /** Open code-scanning alerts; null when the app may not read them or code scanning is not set up. */
    async codeScanningAlerts(repo: RepoRef): Promise<number | null> {
      try {
        const alerts = await gh.paginate(gh.rest.codeScanning.listAlertsForRepo, { ...repo, state: "open", per_page: 100 });
        return alerts.length;
      } catch (error) {
        if (statusOf(error) === 403 || statusOf(error) === 404) return null;
        throw error;
      }
    },

    /** The milestone with this title: created, or found when it exists (GitHub answers 422 to a duplicate title). */
    async ensureMilestone(repo: RepoRef, title: string, dueOn: string, description: string): Promise<number> {
      try {
        const { data } = await gh.rest.issues.createMilestone({ ...repo, title, due_on: `${dueOn}T23:59:59Z`, description });
        return data.number;
      } catch (error) {
        if (statusOf(error) !== 422) throw error;
        const all = await gh.paginate(gh.rest.issues.listMilestones, { ...repo, state: "all", per_page: 100 });
        const found = all.find((m) => m.title === title);
        if (!found) throw error;
        return found.number;
      }
    },

    async createIssueIn(repo: RepoRef, issue: { title: string; body: string; labels: string[]; assignees: string[]; milestone: number | null }): Promise<number> {
      const { data } = await gh.rest.issues.create({ ...repo, title: issue.title, body: issue.body, labels: issue.labels, assignees: issue.assignees, ...(issue.milestone ? { milestone: issue.milestone } : {}), request: { retries: 0 } });
      return data.number;
    },
  };
}

/** The recurring-work part of the gateway. */
export type RecurringGateway = ReturnType<typeof recurringGateway>;
