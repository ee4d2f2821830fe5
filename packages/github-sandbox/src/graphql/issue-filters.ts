// `Repository.issues(states:, labels:, filterBy:, orderBy:)` over sandbox
// records. GitHub's rules: `labels` keeps issues carrying ANY of the names
// (compared case-insensitively); `states` and `filterBy` narrow further;
// without `orderBy` issues come oldest first. Pull requests never appear.
import type { IssueRecord, RepoRecord } from "../state.js";

export interface Order {
  direction: "ASC" | "DESC";
}

interface IssueFilters {
  assignee?: string | null;
  createdBy?: string | null;
  labels?: string[] | null;
  mentioned?: string | null;
  milestone?: string | null;
  milestoneNumber?: string | null;
  since?: string | null;
  states?: ("OPEN" | "CLOSED")[] | null;
  viewerSubscribed?: boolean | null;
}

export interface IssuesArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  states?: ("OPEN" | "CLOSED")[] | null;
  labels?: string[] | null;
  orderBy?: (Order & { field: "CREATED_AT" | "UPDATED_AT" | "COMMENTS" }) | null;
  filterBy?: IssueFilters | null;
}

/** A stable sort by key; ties keep their original (creation) order. */
export function sortBy<T>(items: readonly T[], key: (item: T) => string | number, direction: "ASC" | "DESC"): T[] {
  const sign = direction === "DESC" ? -1 : 1;
  return items
    .map((item, index) => ({ item, index, k: key(item) }))
    .sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.index - b.index))
    .map((e) => e.item);
}

const lower = (s: string) => s.toLowerCase();

function hasAnyLabel(issue: IssueRecord, names: readonly string[] | null | undefined): boolean {
  if (!names) return true;
  const wanted = new Set(names.map(lower));
  return issue.labels.some((l) => wanted.has(lower(l)));
}

function inStates(issue: IssueRecord, states: readonly string[] | null | undefined): boolean {
  return !states || states.includes(issue.state.toUpperCase());
}

function matchesFilters(repo: RepoRecord, issue: IssueRecord, f: IssueFilters | null | undefined): boolean {
  if (!f) return true;
  for (const unmodelled of ["mentioned", "viewerSubscribed"] as const) {
    if (f[unmodelled] !== undefined && f[unmodelled] !== null && f[unmodelled] !== false) {
      throw new Error(`The sandbox does not model issues(filterBy: { ${unmodelled} })`);
    }
  }
  if (f.assignee === "*" && issue.assignees.length === 0) return false;
  if (f.assignee && f.assignee !== "*" && !issue.assignees.some((a) => lower(a) === lower(f.assignee as string))) return false;
  if (f.createdBy && lower(issue.user) !== lower(f.createdBy)) return false;
  if (!hasAnyLabel(issue, f.labels) || !inStates(issue, f.states)) return false;
  if (f.since && Date.parse(issue.updatedAt) < Date.parse(f.since)) return false;
  // `milestoneNumber` names a milestone by number, `milestone` by database id; both take "*" and "none".
  const milestoneId = issue.milestone === null ? null : (repo.milestones.get(issue.milestone)?.id ?? null);
  if (!milestoneMatches(f.milestoneNumber, issue.milestone) || !milestoneMatches(f.milestone, milestoneId)) return false;
  return true;
}

function milestoneMatches(wanted: string | null | undefined, actual: number | null): boolean {
  if (wanted === undefined || wanted === null) return true;
  if (wanted === "*") return actual !== null;
  if (wanted === "none") return actual === null;
  return String(actual) === wanted;
}

/** The repository's issues the arguments select, in the order they ask for. */
export function filterIssues(repo: RepoRecord, args: IssuesArgs): IssueRecord[] {
  const issues = [...repo.issues.values()]
    .filter((i) => i.pull === null && inStates(i, args.states) && hasAnyLabel(i, args.labels) && matchesFilters(repo, i, args.filterBy))
    .sort((a, b) => a.number - b.number);
  const order = args.orderBy;
  if (!order) return issues;
  if (order.field === "COMMENTS") return sortBy(issues, (i) => i.comments.length, order.direction);
  return sortBy(issues, (i) => Date.parse(order.field === "CREATED_AT" ? i.createdAt : i.updatedAt), order.direction);
}
