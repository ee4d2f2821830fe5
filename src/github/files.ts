import { statusOf, type GitHubClient, type RepoRef } from "./client.js";

/** Reads a text file from a repository's default branch (or `ref`); null when it does not exist. */
export async function readTextFile(gh: GitHubClient, repo: RepoRef, path: string, ref?: string): Promise<string | null> {
  try {
    const { data } = await gh.rest.repos.getContent({ ...repo, path, ...(ref ? { ref } : {}) });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return null;
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}
