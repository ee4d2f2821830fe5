// Milestones, issue timelines (close/reopen events) and Dependabot alerts in
// the GraphQL model: what Vigil's recurring-issue observe query reads.
import type { IssueRecord, MilestoneRecord, RepoRecord } from "../state.js";
import { hasSecurityPermission } from "../store/security.js";
import type { ConnectionArgs } from "./connection.js";
import { connection } from "./connection.js";
import { GitHubGraphqlError } from "./errors.js";
import type { IssuesArgs, Order } from "./issue-filters.js";
import { filterIssues, sortBy } from "./issue-filters.js";
import type { GraphqlContext } from "./nodes.js";
import { actorNode, issueNode, repoNode } from "./nodes.js";
import type { PullRequestsArgs } from "./pulls.js";
import { filterPulls } from "./pulls.js";

type Node = Record<string, unknown>;

export interface MilestonesArgs extends ConnectionArgs {
  states?: ("OPEN" | "CLOSED")[] | null;
  orderBy?: (Order & { field: "CREATED_AT" | "DUE_DATE" | "NUMBER" | "UPDATED_AT" }) | null;
  query?: string | null;
}

/** A milestone with its issues and pull requests. */
export function milestoneNode(ctx: GraphqlContext, repo: RepoRecord, m: MilestoneRecord): Node {
  const path = `/${repo.owner}/${repo.name}/milestone/${m.number}`;
  const members = () => [...repo.issues.values()].filter((i) => i.milestone === m.number);
  return {
    __typename: "Milestone",
    id: m.nodeId,
    number: m.number,
    title: m.title,
    description: m.description,
    state: m.state.toUpperCase(),
    closed: m.state === "closed",
    closedAt: m.closedAt,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    dueOn: m.dueOn,
    creator: () => actorNode(ctx, m.creator),
    progressPercentage: () => {
      const all = members();
      return all.length === 0 ? 0 : (100 * all.filter((i) => i.state === "closed").length) / all.length;
    },
    resourcePath: path,
    url: `${ctx.urls.web}${path}`,
    repository: () => repoNode(ctx, repo),
    issues: (args: IssuesArgs) =>
      connection(filterIssues(repo, args).filter((i) => i.milestone === m.number).map((i) => issueNode(ctx, repo, i)), args, "issues"),
    pullRequests: (args: PullRequestsArgs) =>
      connection(filterPulls(repo, args).filter((i) => i.milestone === m.number).map((i) => issueNode(ctx, repo, i)), args, "pullRequests"),
  };
}

/** `Repository.milestones(states:, orderBy:, query:)`; by number unless ordered otherwise. */
export function milestonesConnection(ctx: GraphqlContext, repo: RepoRecord, args: MilestonesArgs) {
  const query = args.query?.toLowerCase();
  let list = [...repo.milestones.values()]
    .filter((m) => !args.states || args.states.includes(m.state.toUpperCase() as "OPEN" | "CLOSED"))
    .filter((m) => !query || m.title.toLowerCase().includes(query))
    .sort((a, b) => a.number - b.number);
  const order = args.orderBy;
  if (order) {
    const key = (m: MilestoneRecord): string | number => {
      switch (order.field) {
        case "NUMBER":
          return m.number;
        case "DUE_DATE":
          return m.dueOn ?? "9999";
        case "UPDATED_AT":
          return Date.parse(m.updatedAt);
        default:
          return Date.parse(m.createdAt);
      }
    };
    list = sortBy(list, key, order.direction);
  }
  return connection(list.map((m) => milestoneNode(ctx, repo, m)), args, "milestones");
}

export interface TimelineArgs extends ConnectionArgs {
  itemTypes?: string[] | null;
  since?: string | null;
  skip?: number | null;
}

const MODELLED_TIMELINE = new Set(["CLOSED_EVENT", "REOPENED_EVENT"]);

/**
 * `timelineItems` holding the close and reopen events the sandbox records; asking for any other
 * item type (or none, which means all) fails loudly rather than answer an incomplete timeline.
 */
export function timelineItems(ctx: GraphqlContext, repo: RepoRecord, issue: IssueRecord, args: TimelineArgs) {
  const types = args.itemTypes;
  if (!types || types.some((t) => !MODELLED_TIMELINE.has(t))) {
    throw new Error(`The sandbox models timelineItems(itemTypes:) only for ${[...MODELLED_TIMELINE].join(", ")}; asked for ${types ? types.join(", ") : "all types"}`);
  }
  const issueUrl = `${ctx.urls.web}/${repo.owner}/${repo.name}/${issue.pull ? "pull" : "issues"}/${issue.number}`;
  const selected = issue.events
    .filter((e) => types.includes(e.kind === "closed" ? "CLOSED_EVENT" : "REOPENED_EVENT"))
    .filter((e) => !args.since || Date.parse(e.createdAt) >= Date.parse(args.since))
    .slice(args.skip ?? 0);
  const nodes = selected.map((e): Node => {
    const common = {
      id: e.nodeId,
      createdAt: e.createdAt,
      actor: () => actorNode(ctx, e.actor),
      closable: () => issueNode(ctx, repo, issue),
      stateReason: e.stateReason === null ? null : e.stateReason.toUpperCase(),
    };
    if (e.kind === "reopened") return { __typename: "ReopenedEvent", ...common };
    const path = `/${repo.owner}/${repo.name}/${issue.pull ? "pull" : "issues"}/${issue.number}#event-${e.id}`;
    // `closer` is the commit or pull request that closed it; the sandbox only closes by hand or by merge.
    return { __typename: "ClosedEvent", ...common, closer: null, resourcePath: path, url: `${issueUrl}#event-${e.id}` };
  });
  const result = connection(nodes, args, "timelineItems");
  return { ...result, totalCount: issue.events.length, filteredCount: nodes.length, pageCount: result.nodes.length, updatedAt: issue.updatedAt };
}

interface VulnerabilityAlertsArgs extends ConnectionArgs {
  states?: ("OPEN" | "FIXED" | "DISMISSED" | "AUTO_DISMISSED")[] | null;
  dependencyScopes?: ("RUNTIME" | "DEVELOPMENT")[] | null;
}

/**
 * `Repository.vulnerabilityAlerts`: an installation without "Dependabot alerts: read" gets a
 * FORBIDDEN error for this field (the rest of the query still answers).
 */
export function vulnerabilityAlerts(ctx: GraphqlContext, repo: RepoRecord, args: VulnerabilityAlertsArgs) {
  if (!hasSecurityPermission(ctx.state, ctx.actor, "vulnerability_alerts")) {
    throw new GitHubGraphqlError("FORBIDDEN", "Resource not accessible by integration");
  }
  const alerts = repo.vulnerabilityAlerts
    .filter((a) => !args.states || args.states.includes(a.state.toUpperCase() as "OPEN"))
    .filter(() => !args.dependencyScopes || args.dependencyScopes.includes("RUNTIME"));
  const nodes = alerts.map((a): Node => ({
    __typename: "RepositoryVulnerabilityAlert",
    id: a.nodeId,
    number: a.number,
    state: a.state.toUpperCase(),
    createdAt: a.createdAt,
    fixedAt: a.fixedAt,
    dismissedAt: a.dismissedAt,
    autoDismissedAt: null,
    dismissReason: null,
    dismissComment: null,
    dismisser: null,
    dependencyScope: "RUNTIME",
    vulnerableManifestFilename: "package-lock.json",
    vulnerableManifestPath: "package-lock.json",
    vulnerableRequirements: null,
    securityAdvisory: null,
    securityVulnerability: null,
    dependabotUpdate: null,
    repository: () => repoNode(ctx, repo),
  }));
  return connection(nodes, args, "vulnerabilityAlerts");
}
