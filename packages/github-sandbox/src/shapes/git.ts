import type { CommitRecord, RepoRecord, SandboxState } from "../state.js";
import { findUser } from "../store/accounts.js";
import type { Urls } from "./urls.js";
import { repoApi, repoWeb } from "./urls.js";

/** A git reference (`refs/heads/x`) pointing at a commit. */
export function refShape(urls: Urls, repo: RepoRecord, ref: string, sha: string, nodeId: string): Record<string, unknown> {
  const api = repoApi(urls, repo.owner, repo.name);
  return { ref, node_id: nodeId, url: `${api}/git/${ref}`, object: { sha, type: "commit", url: `${api}/git/commits/${sha}` } };
}

function entryUrls(urls: Urls, repo: RepoRecord, path: string, ref: string, sha: string, type: "file" | "dir") {
  const api = repoApi(urls, repo.owner, repo.name);
  const self = `${api}/contents/${path}?ref=${ref}`;
  const git = `${api}/git/${type === "file" ? "blobs" : "trees"}/${sha}`;
  const html = `${repoWeb(urls, repo.owner, repo.name)}/${type === "file" ? "blob" : "tree"}/${ref}/${path}`;
  const download =
    type === "file"
      ? urls.web === "https://github.com"
        ? `https://raw.githubusercontent.com/${repo.owner}/${repo.name}/${ref}/${path}`
        : `${repoWeb(urls, repo.owner, repo.name)}/raw/${ref}/${path}`
      : null;
  return { url: self, html_url: html, git_url: git, download_url: download, _links: { self, git, html } };
}

/** A directory listing entry. */
export function entryShape(urls: Urls, repo: RepoRecord, entry: { name: string; path: string; sha: string | null }, ref: string, size: number) {
  const type = entry.sha === null ? "dir" : "file";
  const sha = entry.sha ?? "0".repeat(40);
  return { type, size: type === "dir" ? 0 : size, name: entry.name, path: entry.path, sha, ...entryUrls(urls, repo, entry.path, ref, sha, type) };
}

/** A file with base64 content, wrapped at 60 characters like GitHub's. */
export function fileShape(urls: Urls, repo: RepoRecord, path: string, ref: string, file: { content: string; sha: string }) {
  const base64 = Buffer.from(file.content, "utf8").toString("base64");
  const wrapped = base64.length === 0 ? "" : `${base64.match(/.{1,60}/g)?.join("\n") ?? ""}\n`;
  return {
    type: "file",
    encoding: "base64",
    size: Buffer.byteLength(file.content, "utf8"),
    name: path.split("/").pop() ?? path,
    path,
    content: wrapped,
    sha: file.sha,
    ...entryUrls(urls, repo, path, ref, file.sha, "file"),
  };
}

/** The commit object returned by contents writes. */
export function commitShape(state: SandboxState, urls: Urls, repo: RepoRecord, commit: CommitRecord): Record<string, unknown> {
  const api = repoApi(urls, repo.owner, repo.name);
  const author = findUser(state, commit.author);
  const person = {
    name: commit.author,
    email: `${author?.id ?? 0}+${commit.author}@users.noreply.github.com`,
    date: commit.date,
  };
  return {
    sha: commit.sha,
    node_id: `C_${Buffer.from(commit.sha).toString("base64url").slice(0, 20)}`,
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${repoWeb(urls, repo.owner, repo.name)}/commit/${commit.sha}`,
    author: person,
    committer: person,
    message: commit.message,
    tree: { url: `${api}/git/trees/${commit.treeSha}`, sha: commit.treeSha },
    parents: commit.parents.map((sha) => ({
      url: `${api}/git/commits/${sha}`,
      html_url: `${repoWeb(urls, repo.owner, repo.name)}/commit/${sha}`,
      sha,
    })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}
