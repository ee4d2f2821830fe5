// `Repository.object(expression:, oid:)`: git objects by revision expression
// (`HEAD:path`, `main:path`, `refs/heads/main:path`, `<sha>:path`, or a bare
// revision for its commit) or by object id. Like GitHub, an unknown revision
// or a path that does not exist resolves to null, not to an error.
import { hashParts } from "../ids.js";
import type { CommitRecord, RepoRecord } from "../state.js";
import { listFolder, readFileAt, resolveCommit } from "../store/git.js";
import type { GraphqlContext } from "./nodes.js";
import { checkSuites } from "./checks.js";

type Node = Record<string, unknown>;

function gitNodeId(kind: string, repo: RepoRecord, oid: string): string {
  return `${kind}_kwDO${Buffer.from(`sandbox:${repo.id}:${oid}`).toString("base64url")}`;
}

function commitUrl(ctx: GraphqlContext, repo: RepoRecord, commit: CommitRecord) {
  const path = `/${repo.owner}/${repo.name}/commit/${commit.sha}`;
  return { commitResourcePath: path, commitUrl: `${ctx.urls.web}${path}` };
}

function blobNode(ctx: GraphqlContext, repo: RepoRecord, commit: CommitRecord, oid: string, text: string): Node {
  const bytes = Buffer.byteLength(text, "utf8");
  return {
    __typename: "Blob",
    id: gitNodeId("B", repo, oid),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    byteSize: bytes,
    // The sandbox stores small text files only: never binary, never big enough for GitHub to truncate.
    isBinary: false,
    isTruncated: false,
    text,
    ...commitUrl(ctx, repo, commit),
  };
}

function treeNode(ctx: GraphqlContext, repo: RepoRecord, commit: CommitRecord, folder: string): Node | null {
  const entries = listFolder(commit, folder);
  if (!entries) return null;
  const entryOid = (path: string, sha: string | null) =>
    sha ?? hashParts("tree", ...[...commit.files].filter(([p]) => p.startsWith(`${path}/`)).map(([p, s]) => `${p} ${s}`));
  const oid = folder === "" ? commit.treeSha : entryOid(folder.replace(/\/$/, ""), null);
  return {
    __typename: "Tree",
    id: gitNodeId("T", repo, oid),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    ...commitUrl(ctx, repo, commit),
    entries: entries.map((e) => ({
      name: e.name,
      path: e.path,
      type: e.sha === null ? "tree" : "blob",
      mode: e.sha === null ? 16384 : 33188,
      oid: entryOid(e.path, e.sha),
      object: () => (e.sha === null ? treeNode(ctx, repo, commit, e.path) : blobNode(ctx, repo, commit, e.sha, ctx.state.blobs.get(e.sha) ?? "")),
    })),
  };
}

function commitNode(ctx: GraphqlContext, repo: RepoRecord, commit: CommitRecord): Node {
  const path = `/${repo.owner}/${repo.name}/commit/${commit.sha}`;
  return {
    __typename: "Commit",
    id: gitNodeId("C", repo, commit.sha),
    oid: commit.sha,
    abbreviatedOid: commit.sha.slice(0, 7),
    message: commit.message,
    messageHeadline: commit.message.split("\n")[0] ?? "",
    committedDate: commit.date,
    authoredDate: commit.date,
    resourcePath: path,
    url: `${ctx.urls.web}${path}`,
    ...commitUrl(ctx, repo, commit),
    tree: () => treeNode(ctx, repo, commit, ""),
    checkSuites: (args: Parameters<typeof checkSuites>[3]) => checkSuites(ctx, repo, commit.sha, args),
  };
}

/** The Commit object with this sha, or null when the repository has no such commit. */
export function commitObject(ctx: GraphqlContext, repo: RepoRecord, sha: string): Node | null {
  const commit = repo.commits.get(sha);
  return commit ? commitNode(ctx, repo, commit) : null;
}

function byExpression(ctx: GraphqlContext, repo: RepoRecord, expression: string): Node | null {
  const colon = expression.indexOf(":");
  const revision = colon < 0 ? expression : expression.slice(0, colon);
  // `HEAD` (or an empty revision, as in `:path`) is the default branch's head.
  const commit = resolveCommit(repo, revision === "" || revision === "HEAD" ? undefined : revision);
  if (!commit) return null;
  if (colon < 0) return commitNode(ctx, repo, commit);
  const path = expression.slice(colon + 1).replace(/^\.?\//, "");
  if (path === "" || path.endsWith("/")) return treeNode(ctx, repo, commit, path);
  const file = readFileAt(ctx.state, commit, path);
  if (file) return blobNode(ctx, repo, commit, file.sha, file.content);
  return treeNode(ctx, repo, commit, path);
}

function byOid(ctx: GraphqlContext, repo: RepoRecord, oid: string): Node | null {
  const commit = repo.commits.get(oid.toLowerCase());
  if (commit) return commitNode(ctx, repo, commit);
  for (const c of repo.commits.values()) {
    for (const sha of c.files.values()) if (sha === oid.toLowerCase()) return blobNode(ctx, repo, c, sha, ctx.state.blobs.get(sha) ?? "");
  }
  return null;
}

/** The resolver of `Repository.object`. */
export function gitObject(ctx: GraphqlContext, repo: RepoRecord, args: { expression?: string | null; oid?: string | null }): Node | null {
  if (typeof args.oid === "string") return byOid(ctx, repo, args.oid);
  if (typeof args.expression === "string") return byExpression(ctx, repo, args.expression);
  return null;
}
