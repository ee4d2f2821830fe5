// Issue search query language, the subset apps rely on: repo:/org:/user:,
// is:/type:/state:, label: (AND, quoted, negatable), author:, assignee:,
// no:label|assignee|milestone, in:title|body|comments, created:/updated:/
// closed: comparisons, and free-text terms.
import { HttpError } from "../http/errors.js";
import type { IssueRecord, RepoRecord } from "../state.js";

interface Term {
  negated: boolean;
  key: string | null;
  value: string;
}

/** Splits a query into qualifiers and words, keeping quoted phrases together. */
export function parseSearchQuery(q: string): Term[] {
  const tokens = q.match(/-?[\w.-]+:"[^"]*"|-?[\w.-]+:\S+|"[^"]*"|\S+/g) ?? [];
  return tokens.map((token) => {
    const negated = token.startsWith("-") && token.includes(":");
    const body = negated ? token.slice(1) : token;
    const colon = body.indexOf(":");
    const unquote = (s: string) => s.replace(/^"(.*)"$/, "$1");
    if (colon > 0 && !body.startsWith('"')) return { negated, key: body.slice(0, colon).toLowerCase(), value: unquote(body.slice(colon + 1)) };
    return { negated: false, key: null, value: unquote(body) };
  });
}

function compareDate(actual: string | null, spec: string): boolean {
  if (actual === null) return false;
  const time = Date.parse(actual);
  const range = /^(.+)\.\.(.+)$/.exec(spec);
  if (range) return time >= Date.parse(range[1] as string) && time <= Date.parse(`${range[2] as string}`);
  const op = /^(>=|<=|>|<)?(.+)$/.exec(spec);
  const bound = Date.parse(op?.[2] ?? spec);
  switch (op?.[1]) {
    case ">":
      return time > bound;
    case ">=":
      return time >= bound;
    case "<":
      return time < bound;
    case "<=":
      return time <= bound;
    default:
      return actual.startsWith(op?.[2] ?? spec);
  }
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function qualifierHolds(term: Term, repo: RepoRecord, issue: IssueRecord): boolean {
  const v = term.value;
  switch (term.key) {
    case "repo":
      return same(`${repo.owner}/${repo.name}`, v);
    case "org":
    case "user":
    case "owner":
      return same(repo.owner, v);
    case "is":
    case "type":
    case "state":
      if (v === "issue") return issue.pull === null;
      if (v === "pr" || v === "pull-request") return issue.pull !== null;
      if (v === "merged") return issue.pull?.merged === true;
      if (v === "unmerged") return issue.pull !== null && !issue.pull.merged && issue.state === "closed";
      if (v === "public" || v === "internal") return repo.visibility === v;
      if (v === "private") return repo.visibility !== "public";
      return issue.state === v;
    case "label":
      return v.split(",").some((name) => issue.labels.some((l) => same(l, name)));
    case "author":
      return same(issue.user, v);
    case "assignee":
      return issue.assignees.some((a) => same(a, v));
    case "milestone":
      return issue.milestone !== null && same(repo.milestones.get(issue.milestone)?.title ?? "", v);
    case "no":
      if (v === "label") return issue.labels.length === 0;
      if (v === "assignee") return issue.assignees.length === 0;
      if (v === "milestone") return issue.milestone === null;
      return true;
    case "created":
      return compareDate(issue.createdAt, v);
    case "updated":
      return compareDate(issue.updatedAt, v);
    case "closed":
      return compareDate(issue.closedAt, v);
    default:
      return true;
  }
}

const KNOWN = new Set(["repo", "org", "user", "owner", "is", "type", "state", "label", "author", "assignee", "milestone", "no", "created", "updated", "closed", "in", "sort"]);

/** Builds a predicate for a search query; GitHub requires `is:issue` or `is:pr`. */
export function searchPredicate(q: string): (repo: RepoRecord, issue: IssueRecord) => boolean {
  const terms = parseSearchQuery(q);
  const kinds = terms.filter((t) => (t.key === "is" || t.key === "type") && ["issue", "pr", "pull-request"].includes(t.value));
  if (kinds.length === 0) throw new HttpError(422, "Query must include 'is:issue' or 'is:pull-request'");
  const scopes = terms.find((t) => t.key === "in")?.value.split(",") ?? ["title", "body"];
  const words = terms.filter((t) => t.key === null || !KNOWN.has(t.key)).map((t) => (t.key === null ? t.value : `${t.key}:${t.value}`).toLowerCase());
  const qualifiers = terms.filter((t) => t.key !== null && KNOWN.has(t.key) && t.key !== "in" && t.key !== "sort");
  return (repo, issue) => {
    if (!qualifiers.every((t) => qualifierHolds(t, repo, issue) !== t.negated)) return false;
    const haystack = [
      scopes.includes("title") ? issue.title : "",
      scopes.includes("body") ? (issue.body ?? "") : "",
      scopes.includes("comments") ? issue.comments.map((c) => c.body).join("\n") : "",
    ]
      .join("\n")
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  };
}
