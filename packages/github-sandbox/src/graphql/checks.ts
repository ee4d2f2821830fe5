// Check suites and runs of a commit (`Commit.checkSuites`): one suite per app and commit, as GitHub groups them.
import type { CheckRunRecord, RepoRecord } from "../state.js";
import type { ConnectionArgs } from "./connection.js";
import { connection } from "./connection.js";
import type { GraphqlContext } from "./nodes.js";

type Node = Record<string, unknown>;

interface Filter extends ConnectionArgs {
  filterBy?: { appId?: number | null; checkName?: string | null } | null;
}

const upper = (value: string | null) => (value === null ? null : value.toUpperCase());

function appNode(ctx: GraphqlContext, slug: string): Node {
  const own = slug === ctx.state.app.slug;
  return { __typename: "App", id: `A_${slug}`, databaseId: own ? ctx.state.app.id : 0, slug, name: slug, url: `${ctx.urls.web}/apps/${slug}` };
}

function runNode(ctx: GraphqlContext, repo: RepoRecord, run: CheckRunRecord): Node {
  const path = `/${repo.owner}/${repo.name}/runs/${run.id}`;
  return {
    __typename: "CheckRun", id: run.nodeId, databaseId: run.id, name: run.name, status: upper(run.status), conclusion: upper(run.conclusion),
    title: run.title, summary: run.summary, text: null, externalId: run.externalId, startedAt: run.startedAt, completedAt: run.completedAt,
    detailsUrl: `${ctx.urls.web}${path}`, permalink: `${ctx.urls.web}${path}`, resourcePath: path, url: `${ctx.urls.web}${path}`,
  };
}

/** The resolver of `Commit.checkSuites` for a commit of `repo`. */
export function checkSuites(ctx: GraphqlContext, repo: RepoRecord, sha: string, args: Filter) {
  const appId = args.filterBy?.appId ?? null;
  const name = args.filterBy?.checkName ?? null;
  const runs = repo.checkRuns.filter((r) => r.headSha === sha);
  const suiteIds = [...new Set(runs.map((r) => r.suiteId))];
  const suites = suiteIds.flatMap((suiteId): Node[] => {
    const inSuite = runs.filter((r) => r.suiteId === suiteId);
    const slug = inSuite[0]!.appSlug;
    if (appId !== null && appId !== (slug === ctx.state.app.slug ? ctx.state.app.id : 0)) return [];
    if (name !== null && !inSuite.some((r) => r.name === name)) return [];
    return [{
      __typename: "CheckSuite", id: `CS_${suiteId}`, databaseId: suiteId, app: appNode(ctx, slug),
      status: inSuite.every((r) => r.status === "completed") ? "COMPLETED" : "IN_PROGRESS",
      conclusion: null,
      checkRuns: (a: Filter) => connection(inSuite.filter((r) => !a.filterBy?.checkName || r.name === a.filterBy.checkName).map((r) => runNode(ctx, repo, r)), a, "checkRuns"),
    }];
  });
  return connection(suites, args, "checkSuites");
}
