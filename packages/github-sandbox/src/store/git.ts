// A small git model: commits hold full tree snapshots (path → blob sha), refs
// point at commits. Enough for contents reads/writes per branch, ref creation
// races and "no commits between" checks on pull requests.
import { gitBlobSha, hashParts } from "../ids.js";
import type { CommitRecord, RepoRecord, SandboxState } from "../state.js";

function treeShaOf(files: ReadonlyMap<string, string>): string {
  return hashParts("tree", ...[...files.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([p, s]) => `${p} ${s}`));
}

function makeCommit(
  repo: RepoRecord,
  files: Map<string, string>,
  parents: string[],
  message: string,
  author: string,
  date: string,
): CommitRecord {
  const treeSha = treeShaOf(files);
  // The commit count makes identical re-commits distinct, as timestamps do in real git.
  const sha = hashParts("commit", treeSha, ...parents, message, author, date, String(repo.commits.size));
  const commit: CommitRecord = { sha, treeSha, files, parents, message, author, date };
  repo.commits.set(sha, commit);
  return commit;
}

/** Gives a new repository its first (empty) commit on the default branch. */
export function initRepoGit(repo: RepoRecord, author: string, now: string): void {
  const commit = makeCommit(repo, new Map(), [], "Initial commit", author, now);
  repo.refs.set(`refs/heads/${repo.defaultBranch}`, commit.sha);
}

/** Expands `main`, `heads/main` or `refs/heads/main` to a full branch ref name. */
export function branchRef(name: string): string {
  if (name.startsWith("refs/")) return name;
  if (name.startsWith("heads/")) return `refs/${name}`;
  return `refs/heads/${name}`;
}

/** Resolves a branch, tag, full ref or (abbreviated) commit sha; default branch when omitted. */
export function resolveCommit(repo: RepoRecord, ref?: string): CommitRecord | undefined {
  const name = ref ?? repo.defaultBranch;
  const candidates = [name, `refs/${name}`, `refs/heads/${name}`, `refs/tags/${name}`];
  for (const candidate of candidates) {
    const sha = repo.refs.get(candidate);
    if (sha) return repo.commits.get(sha);
  }
  if (/^[0-9a-f]{7,40}$/i.test(name)) {
    for (const commit of repo.commits.values()) if (commit.sha.startsWith(name.toLowerCase())) return commit;
  }
  return undefined;
}

/** Reads a file at a commit. */
export function readFileAt(
  state: SandboxState,
  commit: CommitRecord,
  path: string,
): { content: string; sha: string } | undefined {
  const sha = commit.files.get(path);
  if (sha === undefined) return undefined;
  return { content: state.blobs.get(sha) ?? "", sha };
}

/** Direct children (files and folders) of a folder at a commit; undefined when it is not a folder. */
export function listFolder(commit: CommitRecord, folder: string): { name: string; path: string; sha: string | null }[] | undefined {
  const prefix = folder === "" ? "" : `${folder.replace(/\/$/, "")}/`;
  const entries = new Map<string, { name: string; path: string; sha: string | null }>();
  for (const [path, sha] of commit.files) {
    if (!path.startsWith(prefix)) continue;
    const [name, ...rest] = path.slice(prefix.length).split("/");
    if (name === undefined || name === "") continue;
    entries.set(name, { name, path: prefix + name, sha: rest.length === 0 ? sha : null });
  }
  if (entries.size === 0 && prefix !== "") return undefined;
  return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Commits changes (content, or null to delete) on top of a branch and moves the branch. */
export function commitToBranch(
  state: SandboxState,
  repo: RepoRecord,
  branch: string,
  changes: ReadonlyMap<string, string | null>,
  message: string,
  author: string,
  now: string,
): CommitRecord {
  return commitToRef(state, repo, branchRef(branch), changes, message, author, now);
}

/** Commits changes on top of any ref (a branch, or `refs/pull/<n>/head` for a fork's head) and moves it. */
export function commitToRef(
  state: SandboxState,
  repo: RepoRecord,
  ref: string,
  changes: ReadonlyMap<string, string | null>,
  message: string,
  author: string,
  now: string,
): CommitRecord {
  const headSha = repo.refs.get(ref);
  const head = headSha === undefined ? undefined : repo.commits.get(headSha);
  if (!head) throw new Error(`Ref ${ref} does not exist in ${repo.owner}/${repo.name}`);
  const files = new Map(head.files);
  for (const [path, content] of changes) {
    if (content === null) {
      files.delete(path);
      continue;
    }
    const sha = gitBlobSha(content);
    state.blobs.set(sha, content);
    files.set(path, sha);
  }
  const commit = makeCommit(repo, files, [head.sha], message, author, now);
  repo.refs.set(ref, commit.sha);
  repo.pushedAt = now;
  return commit;
}

function ancestors(repo: RepoRecord, sha: string): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = [sha];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    order.push(next);
    queue.push(...(repo.commits.get(next)?.parents ?? []));
  }
  return order;
}

/** The first commit reachable from `head` that is also reachable from `base` (their merge base), if any. */
export function mergeBase(repo: RepoRecord, base: string, head: string): CommitRecord | undefined {
  const baseLine = new Set(ancestors(repo, base));
  const sha = ancestors(repo, head).find((s) => baseLine.has(s));
  return sha === undefined ? undefined : repo.commits.get(sha);
}

/** True when `ancestor` is reachable from `descendant` through parent links. */
export function isAncestor(repo: RepoRecord, ancestor: string, descendant: string): boolean {
  return ancestors(repo, descendant).includes(ancestor);
}

/** Records a merge commit of `headSha` into the `base` branch: the head's changes since the merge base win. */
export function mergeIntoBranch(
  repo: RepoRecord,
  base: string,
  headSha: string,
  message: string,
  author: string,
  now: string,
): CommitRecord {
  const ref = branchRef(base);
  const baseSha = repo.refs.get(ref);
  const baseCommit = baseSha === undefined ? undefined : repo.commits.get(baseSha);
  const head = repo.commits.get(headSha);
  if (!baseCommit || !head) throw new Error(`Cannot merge ${headSha} into ${base}`);
  const forkPoint = mergeBase(repo, baseCommit.sha, headSha);
  const files = new Map(baseCommit.files);
  for (const [path, sha] of head.files) if (forkPoint?.files.get(path) !== sha) files.set(path, sha);
  for (const path of forkPoint?.files.keys() ?? []) if (!head.files.has(path)) files.delete(path);
  const commit = makeCommit(repo, files, [baseCommit.sha, headSha], message, author, now);
  repo.refs.set(ref, commit.sha);
  repo.pushedAt = now;
  return commit;
}
