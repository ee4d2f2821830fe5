import { UnreadableConfigFile, type ConfigReader } from "../config/reader.js";
import { statusOf } from "./client.js";

/**
 * The one method of an Octokit client the reader uses. Both a Probot installation client and `@octokit/rest`'s
 * `Octokit` satisfy it (method syntax, so Octokit's richer parameter type is accepted).
 */
export interface ContentsClient {
  rest: {
    repos: {
      getContent(params: { owner: string; repo: string; path: string }): Promise<{ data: unknown }>;
    };
  };
}

function describeEntry(data: unknown): string {
  if (Array.isArray(data)) return "a directory";
  const type = typeof data === "object" && data !== null ? (data as { type?: unknown }).type : undefined;
  if (type === "dir") return "a directory";
  if (type === "submodule") return "a submodule";
  if (type === "symlink") return "a symbolic link";
  return "not a file";
}

/**
 * A reader over the REST contents API (default branch). A 404 is null; a directory or anything but an inlined file
 * throws UnreadableConfigFile; every other failure (5xx, rate limit, 403) propagates for the caller to retry.
 */
export function octokitReader(octokit: ContentsClient): ConfigReader {
  return {
    async readFile(owner, repo, path) {
      let data: unknown;
      try {
        ({ data } = await octokit.rest.repos.getContent({ owner, repo, path }));
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw error;
      }
      if (Array.isArray(data) || typeof data !== "object" || data === null || (data as { type?: unknown }).type !== "file") {
        throw new UnreadableConfigFile(owner, repo, path, describeEntry(data));
      }
      const { content, encoding } = data as { content?: unknown; encoding?: unknown };
      // Files over 1 MB come back with an empty content and encoding "none".
      if (typeof content !== "string" || encoding !== "base64") {
        throw new UnreadableConfigFile(owner, repo, path, "a file too large to read through the contents API");
      }
      return Buffer.from(content, "base64").toString("utf8");
    },
  };
}
