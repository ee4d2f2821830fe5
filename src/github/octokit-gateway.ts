import type { RepoRole } from "../domain/incident/permission.js";
import type { Identity } from "../markers/identity.js";
import { statusOf, type GitHubClient, type RepoRef } from "./client.js";
import { readGraphql } from "./graphql-read.js";
import { scrutinyGateway } from "./scrutiny-gateway.js";
import type { ListedPull } from "../domain/scrutiny/candidates.js";
import { CHECK_NAME } from "../domain/scrutiny/limits.js";
import { recurringGateway, recurringOf, type RecurringNodes } from "./recurring-gateway.js";
import { reportGateway, type ReportGateway } from "./report-gateway.js";
import { postmortemBranch } from "../domain/postmortem/names.js";
import type { CheckCandidates, GitHubGateway, IssueObservation, ProjectRef } from "./gateway.js";
import { CHECK_CANDIDATES, MORE_COMMENTS, OBSERVE_ISSUE, READ_FILE, REVIEW_ISSUES } from "./observe-query.js";
import { viewerIdentity } from "./viewer-identity.js";
import { issueOf, listedIssueOf, postmortemOf, projectOf, repoOf, type IssueNode, type CommentPage, type ListedIssueNode, type PostmortemNodes, type ProjectOwnerNode, type RepoNode } from "./observe-shapes.js";

interface ObserveIssueData {
  repository: (RepoNode & PostmortemNodes & { issue: IssueNode | null }) | null;
  projectOwner?: ProjectOwnerNode | null;
}

interface CandidatesData {
  repository: (RecurringNodes & {
    open: { pageInfo: PageInfo; nodes: { number: number }[] };
    closed: { nodes: { number: number }[] };
    pms: { nodes: { headRefName: string }[] };
    reviews: { nodes: { body: string; author: { login: string; __typename: string } | null }[] };
    scrutinyPulls?: { nodes: ScrutinyPullNode[] };
  }) | null;
}

interface ScrutinyPullNode {
  number: number;
  headRefOid: string;
  reviews: { nodes: { state: ListedPull["reviews"][number]["state"]; submittedAt: string | null; author: { login: string; __typename: string } | null; commit: { oid: string } | null }[] };
  commits: { nodes: { commit: { oid: string; checkSuites: { nodes: { app: { slug: string } | null; checkRuns: { nodes: { externalId: string | null }[] } }[] } | null } }[] };
}

// A listed pull request as plain values; runs on another commit than the head (a push racing the query) do not count.
function listedPullOf(p: ScrutinyPullNode): ListedPull {
  const head = p.commits.nodes[0]?.commit;
  const suites = head?.oid === p.headRefOid ? (head.checkSuites?.nodes ?? []) : [];
  return {
    number: p.number,
    headOid: p.headRefOid,
    runs: suites.flatMap((s) => s.checkRuns.nodes.map((r) => ({ appSlug: s.app?.slug ?? null, externalId: r.externalId }))),
    reviews: p.reviews.nodes.map((r) => ({ author: { login: r.author?.login ?? "ghost", isBot: r.author?.__typename === "Bot" }, state: r.state, commitOid: r.commit?.oid ?? null, submittedAt: r.submittedAt })),
  };
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

function postmortemVariables(number: number) {
  const branch = postmortemBranch(number);
  return { withPostmortem: true, pmRef: `refs/heads/${branch}`, pmBranch: branch };
}

function projectVariables(project: ProjectRef | undefined) {
  return { withProject: project !== undefined, projectOwner: project?.owner ?? "", projectNumber: project?.number ?? 0 };
}

/**
 * The gateway over an authenticated Octokit (Probot's installation client, or @octokit/rest in the
 * CLI). `knownIdentity` is passed when the caller knows who it is (the app's bot login, resolved once);
 * otherwise the token's own identity is asked once, from GraphQL `viewer`.
 */
export function octokitGateway(gh: GitHubClient, knownIdentity?: () => Promise<Identity>): GitHubGateway & ReportGateway {
  let identity: Promise<Identity> | undefined;

  async function restOfComments(repo: RepoRef, number: number, issue: IssueNode): Promise<IssueNode> {
    let page = issue.comments;
    const nodes = [...page.nodes];
    while (page.pageInfo.hasNextPage) {
      const data = await readGraphql<ObserveIssueData>(gh, OBSERVE_ISSUE, {
        owner: repo.owner, name: repo.repo, number, after: page.pageInfo.endCursor, ...projectVariables(undefined), withPostmortem: false, pmRef: "", pmBranch: "",
      });
      const next = data.repository?.issue?.comments;
      if (!next) break;
      nodes.push(...next.nodes);
      page = next;
    }
    return { ...issue, comments: { pageInfo: page.pageInfo, nodes } };
  }

  // Every comment of a pull request or listed issue: the first page came with the query, the rest are read here,
  // so Vigil's reminders and nudges are found however long the discussion (else it would nudge twice).
  async function allComments<T extends { number: number; comments: CommentPage }>(repo: RepoRef, node: T): Promise<T> {
    const nodes = [...node.comments.nodes];
    let page = node.comments.pageInfo;
    while (page?.hasNextPage && page.endCursor) {
      const data = await readGraphql<{ repository: { issueOrPullRequest: { comments: CommentPage } | null } | null }>(gh, MORE_COMMENTS, { owner: repo.owner, name: repo.repo, number: node.number, after: page.endCursor });
      const next = data.repository?.issueOrPullRequest?.comments;
      if (!next) break;
      nodes.push(...next.nodes);
      page = next.pageInfo;
    }
    return { ...node, comments: { nodes } };
  }

  return {
    ...recurringGateway(gh),
    ...scrutinyGateway(gh),
    ...reportGateway(gh),
    identity() {
      identity ??= knownIdentity ? knownIdentity() : viewerIdentity(gh);
      return identity;
    },

    async observeIssue(repo, number, project): Promise<IssueObservation> {
      const data = await readGraphql<ObserveIssueData>(gh, OBSERVE_ISSUE, { owner: repo.owner, name: repo.repo, number, after: null, ...projectVariables(project), ...postmortemVariables(number) });
      if (!data.repository) throw new Error(`repository ${repo.owner}/${repo.repo} not found`);
      const node = data.repository.issue ? await restOfComments(repo, number, data.repository.issue) : null;
      const pulls = data.repository.pmPulls ? { nodes: await Promise.all(data.repository.pmPulls.nodes.map((p) => allComments(repo, p))) } : null;
      return {
        repo: repoOf(repo, data.repository),
        issue: node ? issueOf(node) : null,
        project: project ? projectOf(data.projectOwner) : undefined,
        postmortem: postmortemOf({ ...data.repository, pmPulls: pulls }),
      };
    },

    async checkCandidates(repo, closedSince, withRecurring, withScrutiny = false): Promise<CheckCandidates> {
      const incidents = new Set<number>();
      let postmortemBranches: string[] = [];
      let reviews: CheckCandidates["reviews"] = [];
      let recurring: CheckCandidates["recurring"];
      let pulls: CheckCandidates["pulls"];
      let page: string | null = null;
      do {
        const data: CandidatesData = await readGraphql<CandidatesData>(gh, CHECK_CANDIDATES, { owner: repo.owner, name: repo.repo, page, since: closedSince, withRecurring: withRecurring && page === null, withScrutiny: withScrutiny && page === null, checkName: CHECK_NAME });
        if (!data.repository) throw new Error(`repository ${repo.owner}/${repo.repo} not found`);
        const r = data.repository;
        for (const n of [...r.open.nodes, ...r.closed.nodes]) incidents.add(n.number);
        if (page === null) {
          postmortemBranches = r.pms.nodes.map((p) => p.headRefName);
          reviews = r.reviews.nodes.map((i) => ({ body: i.body, author: { login: i.author?.login ?? "ghost", isBot: i.author?.__typename === "Bot" } }));
          if (withRecurring) recurring = recurringOf(r);
          if (withScrutiny) pulls = (r.scrutinyPulls?.nodes ?? []).map(listedPullOf);
        }
        page = r.open.pageInfo.hasNextPage ? r.open.pageInfo.endCursor : null;
      } while (page !== null);
      return { incidents: [...incidents].sort((a, b) => a - b), postmortemBranches, reviews, recurring, pulls };
    },

    async reviewIssues(repo, since) {
      const data = await readGraphql<{ repository: { issues: { nodes: ListedIssueNode[] } } | null }>(gh, REVIEW_ISSUES, { owner: repo.owner, name: repo.repo, since });
      const nodes = await Promise.all((data.repository?.issues.nodes ?? []).map((n) => allComments(repo, n)));
      return nodes.map(listedIssueOf);
    },

    async readFile(repo, path) {
      const data = await readGraphql<{ repository: { object: { text?: string | null } | null } | null }>(gh, READ_FILE, { owner: repo.owner, name: repo.repo, expression: `HEAD:${path}` });
      const text = data.repository?.object?.text;
      return typeof text === "string" ? text : null;
    },

    async role(repo, login): Promise<RepoRole> {
      try {
        const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
        // `permission` folds maintain into write and triage into read; `role_name` keeps them apart.
        const role = data.role_name ?? data.permission;
        if (["admin", "maintain", "write", "triage", "read"].includes(role)) return role as RepoRole;
        return ["admin", "write", "read"].includes(data.permission) ? (data.permission as RepoRole) : "none";
      } catch (error) {
        if (statusOf(error) === 404) return "none";
        throw error;
      }
    },

    async canAssign(repo, login) {
      try {
        await gh.rest.issues.checkUserCanBeAssigned({ ...repo, assignee: login });
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },

    async createLabel(repo, label) {
      try {
        await gh.rest.issues.createLabel({ ...repo, name: label.name, color: label.color, description: label.description });
      } catch (error) {
        if (statusOf(error) !== 422) throw error; // it exists already: someone else created it
      }
    },
    async setLabels(repo, issue, labels) {
      await gh.rest.issues.setLabels({ ...repo, issue_number: issue, labels });
    },
    async addAssignees(repo, issue, logins) {
      await gh.rest.issues.addAssignees({ ...repo, issue_number: issue, assignees: logins });
    },
    async removeAssignees(repo, issue, logins) {
      await gh.rest.issues.removeAssignees({ ...repo, issue_number: issue, assignees: logins });
    },
    async closeIssue(repo, issue, reason) {
      await gh.rest.issues.update({ ...repo, issue_number: issue, state: "closed", state_reason: reason });
    },
    async createComment(repo, issue, body) {
      const { data } = await gh.rest.issues.createComment({ ...repo, issue_number: issue, body, request: { retries: 0 } });
      return data.id;
    },
    async updateComment(repo, commentId, body) {
      await gh.rest.issues.updateComment({ ...repo, comment_id: commentId, body });
    },
    async deleteComment(repo, commentId) {
      try {
        await gh.rest.issues.deleteComment({ ...repo, comment_id: commentId });
      } catch (error) {
        if (statusOf(error) !== 404) throw error; // a racing replica deleted it first
      }
    },
    async react(repo, commentId, content) {
      await gh.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content });
    },
    async addLabels(repo, issue, labels) {
      await gh.rest.issues.addLabels({ ...repo, issue_number: issue, labels });
    },
    async removeLabel(repo, issue, label) {
      try {
        await gh.rest.issues.removeLabel({ ...repo, issue_number: issue, name: label });
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    },
    async createIssue(repo, issue) {
      const { data } = await gh.rest.issues.create({ ...repo, ...issue, request: { retries: 0 } });
      return data.number;
    },
    async updatePullBody(repo, pull, body) {
      await gh.rest.pulls.update({ ...repo, pull_number: pull, body });
    },
    async createBranch(repo, branch, sha) {
      try {
        await gh.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha });
        return true;
      } catch (error) {
        if (statusOf(error) === 422) return false; // "Reference already exists": a racing run made it
        throw error;
      }
    },
    async createFile(repo, branch, path, content, message) {
      try {
        await gh.rest.repos.createOrUpdateFileContents({ ...repo, branch, path, message, content: Buffer.from(content, "utf8").toString("base64") });
        return true;
      } catch (error) {
        // Without the file's sha GitHub refuses to overwrite it: a racing run (or a write applied but answered 5xx) made it.
        if (statusOf(error) === 422 || statusOf(error) === 409) return false;
        throw error;
      }
    },
    async openPull(repo, pull) {
      try {
        const { data } = await gh.rest.pulls.create({ ...repo, ...pull, request: { retries: 0 } });
        return data.number;
      } catch (error) {
        if (statusOf(error) !== 422) throw error;
        // "A pull request already exists": adopt it.
        const { data } = await gh.rest.pulls.list({ ...repo, head: `${repo.owner}:${pull.head}`, state: "open", per_page: 1 });
        const existing = data[0];
        if (!existing) throw error;
        return existing.number;
      }
    },
    async requestReviewers(repo, pull, reviewers, teamReviewers) {
      if (reviewers.length === 0 && teamReviewers.length === 0) return false;
      try {
        await gh.rest.pulls.requestReviewers({ ...repo, pull_number: pull, reviewers, team_reviewers: teamReviewers });
        return false;
      } catch (error) {
        if (statusOf(error) === 422) return true;
        throw error;
      }
    },
    async addProjectItem(projectId, contentId) {
      const result = await gh.graphql<{ addProjectV2ItemById: { item: { id: string } } }>(
        `mutation VigilAddItem($projectId: ID!, $contentId: ID!) {
          addProjectV2ItemById(input: { projectId: $projectId, contentId: $contentId }) { item { id } }
        }`,
        { projectId, contentId },
      );
      return result.addProjectV2ItemById.item.id;
    },
    async setProjectFields(projectId, itemId, fields) {
      if (fields.length === 0) return;
      // One mutation per field, aliased into one request.
      const params = fields.map((_, i) => `$field${i}: ID!, $option${i}: String!`).join(", ");
      const body = fields
        .map((_, i) => `f${i}: updateProjectV2ItemFieldValue(input: { projectId: $projectId, itemId: $itemId, fieldId: $field${i}, value: { singleSelectOptionId: $option${i} } }) { projectV2Item { id } }`)
        .join("\n");
      const variables: Record<string, string> = { projectId, itemId };
      fields.forEach((f, i) => {
        variables[`field${i}`] = f.fieldId;
        variables[`option${i}`] = f.optionId;
      });
      await gh.graphql(`mutation VigilSetFields($projectId: ID!, $itemId: ID!, ${params}) {\n${body}\n}`, variables);
    },
  };
}
