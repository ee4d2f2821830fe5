import type { ObservedCheckRun, ObservedPull, ObservedReview, PullFile } from "../domain/scrutiny/observation.js";
import { CHECK_NAME, MAX_PULL_FILES } from "../domain/scrutiny/limits.js";
import { statusOf, type GitHubClient, type RepoRef } from "./client.js";
import type { CheckRunWrite } from "./gateway.js";
import { readGraphql } from "./graphql-read.js";
import { MORE_COMMENTS } from "./observe-query.js";
import { authorOf, commentOf, type CommentPage } from "./observe-shapes.js";
import { OBSERVE_PULL } from "./pull-query.js";

interface AuthorNode {
  login: string;
  __typename: string;
}

interface PullNode {
  number: number;
  state: "OPEN" | "CLOSED" | "MERGED";
  isDraft: boolean;
  headRefOid: string;
  isCrossRepository: boolean;
  changedFiles: number;
  author: AuthorNode | null;
  labels: { nodes: { name: string }[] };
  comments: CommentPage;
  reviews: { nodes: { state: ObservedReview["state"]; submittedAt: string | null; author: AuthorNode | null; commit: { oid: string } | null }[] };
  reviewRequests: { nodes: { requestedReviewer: { __typename: string; login?: string; slug?: string; organization?: { login: string } } | null }[] };
  commits: { nodes: { commit: { oid: string; checkSuites: { nodes: { app: { slug: string } | null; checkRuns: { nodes: CheckRunNode[] } }[] } | null } }[] };
}

/** A check run as GraphQL names its fields (upper-case enums): the domain's shape with its database id. */
type CheckRunNode = Omit<ObservedCheckRun, "id" | "appSlug"> & { databaseId: number };

/** The reads and writes of top-threat scrutiny, over the same client as the rest of the gateway. */
export function scrutinyGateway(gh: GitHubClient) {
  return {
    /** The pull request, or null when the number is an issue or nothing. */
    async observePull(repo: RepoRef, number: number): Promise<ObservedPull | null> {
      const data = await readGraphql<{ repository: { labels: { nodes: { name: string }[] }; pullRequest: PullNode | null } | null }>(gh, OBSERVE_PULL, { owner: repo.owner, name: repo.repo, number, checkName: CHECK_NAME });
      const node = data.repository?.pullRequest;
      if (!data.repository || !node) return null;
      const comments = [...node.comments.nodes];
      let page = node.comments.pageInfo;
      while (page?.hasNextPage && page.endCursor) {
        const more = await readGraphql<{ repository: { issueOrPullRequest: { comments: CommentPage } | null } | null }>(gh, MORE_COMMENTS, { owner: repo.owner, name: repo.repo, number, after: page.endCursor });
        const next = more.repository?.issueOrPullRequest?.comments;
        if (!next) break;
        comments.push(...next.nodes);
        page = next.pageInfo;
      }
      const head = node.commits.nodes[0]?.commit;
      // The check runs are read off the newest commit; should a push land between the two fields, the head wins.
      const checkRuns: ObservedCheckRun[] = head?.oid === node.headRefOid
        ? (head.checkSuites?.nodes ?? []).flatMap((suite) => suite.checkRuns.nodes.map((r) => ({
            id: r.databaseId, appSlug: suite.app?.slug ?? null, name: r.name, status: r.status.toLowerCase(), conclusion: r.conclusion?.toLowerCase() ?? null, title: r.title, summary: r.summary, externalId: r.externalId,
          })))
        : [];
      return {
        number: node.number,
        state: node.state === "MERGED" ? "merged" : node.state === "CLOSED" ? "closed" : "open",
        isDraft: node.isDraft,
        headOid: node.headRefOid,
        author: authorOf(node.author),
        fromFork: node.isCrossRepository,
        labels: node.labels.nodes.map((l) => l.name),
        repoLabels: data.repository.labels.nodes.map((l) => l.name),
        comments: comments.map(commentOf).sort((a, b) => a.id - b.id),
        reviews: node.reviews.nodes.map((r) => ({ author: authorOf(r.author), state: r.state, commitOid: r.commit?.oid ?? null, submittedAt: r.submittedAt })),
        requested: {
          users: node.reviewRequests.nodes.flatMap((r) => (r.requestedReviewer?.__typename === "User" && r.requestedReviewer.login ? [r.requestedReviewer.login] : [])),
          teams: node.reviewRequests.nodes.flatMap((r) => (r.requestedReviewer?.__typename === "Team" && r.requestedReviewer.slug ? [`${r.requestedReviewer.organization?.login ?? repo.owner}/${r.requestedReviewer.slug}`] : [])),
        },
        checkRuns,
        changedFiles: node.changedFiles,
      };
    },

    /** The changed files with their patches, every page up to GitHub's 3,000; `patch` null where GitHub sent none. */
    async pullFiles(repo: RepoRef, number: number): Promise<PullFile[]> {
      const files: PullFile[] = [];
      for await (const { data } of gh.paginate.iterator(gh.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 })) {
        for (const f of data) files.push({ path: f.filename, patch: typeof f.patch === "string" ? f.patch : null });
        if (files.length >= MAX_PULL_FILES) break;
      }
      return files.slice(0, MAX_PULL_FILES);
    },

    /** Whether a person is an active member of a team (a pending invitation is not membership). */
    async isTeamMember(org: string, team: string, login: string): Promise<boolean> {
      try {
        const { data } = await gh.rest.teams.getMembershipForUserInOrg({ org, team_slug: team, username: login });
        return data.state === "active";
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },

    /** Not retried blindly: a create GitHub applied but answered with an error would leave a second run. */
    async createCheckRun(repo: RepoRef, run: CheckRunWrite): Promise<void> {
      await gh.rest.checks.create({ ...repo, name: run.name, head_sha: run.headSha, status: "completed", conclusion: run.conclusion, external_id: run.externalId, output: { title: run.title, summary: run.summary }, request: { retries: 0 } });
    },

    async updateCheckRun(repo: RepoRef, checkRunId: number, run: CheckRunWrite): Promise<void> {
      await gh.rest.checks.update({ ...repo, check_run_id: checkRunId, status: "completed", conclusion: run.conclusion, external_id: run.externalId, output: { title: run.title, summary: run.summary } });
    },
  };
}

/** The scrutiny part of the gateway. */
export type ScrutinyGateway = ReturnType<typeof scrutinyGateway>;
