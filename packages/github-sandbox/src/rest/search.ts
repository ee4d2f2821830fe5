import { checkRepoAccess } from "../auth.js";
import { linkHeaders, paginate } from "../http/pagination.js";
import { issueShape } from "../shapes/issues.js";
import { searchPredicate } from "../store/search.js";
import type { RestHandler } from "./context.js";

function visible(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

/** Issue and pull request search over every repository the caller can see. */
export const searchRoutes: Record<string, RestHandler> = {
  "GET /search/issues": (ctx) => {
    const matches = searchPredicate(ctx.query.get("q") ?? "");
    // GitHub's index trails writes; searchLagMs lets tests model that delay.
    const cutoff = ctx.clock.now.getTime() - ctx.searchLagMs;
    const sort = ctx.query.get("sort");
    const sign = ctx.query.get("order") === "asc" ? 1 : -1;
    const key = sort === "updated" ? "updatedAt" : "createdAt";
    const results = [...ctx.state.repos.values()]
      .filter((repo) => visible(() => checkRepoAccess(ctx.state, ctx.actor, repo, false)))
      .flatMap((repo) => [...repo.issues.values()].map((issue) => ({ repo, issue })))
      .filter(({ repo, issue }) => Date.parse(issue.createdAt) <= cutoff && matches(repo, issue))
      .sort((a, b) =>
        sort === "comments"
          ? sign * (a.issue.comments.length - b.issue.comments.length)
          : sign * (a.issue[key] === b.issue[key] ? a.issue.id - b.issue.id : a.issue[key] < b.issue[key] ? -1 : 1),
      );
    const page = paginate(results, ctx.url);
    // Search results document `body` as a string where issues allow null.
    const items = page.items.map(({ repo, issue }) => ({ ...issueShape(ctx.state, ctx.urls, repo, issue), body: issue.body ?? "", score: 1 }));
    return {
      status: 200,
      body: { total_count: results.length, incomplete_results: false, search_type: "lexical", items },
      headers: linkHeaders(page),
    };
  },
};
