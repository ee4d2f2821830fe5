import { Octokit } from "@octokit/rest";
import type { CliIO } from "./io.js";

/**
 * An Octokit for the CLI from `GITHUB_TOKEN`, honouring `GITHUB_API_URL` (GitHub Enterprise Server);
 * null with a message when there is no token. Octokit's logging goes to stderr, warnings only.
 */
export function cliOctokit(io: CliIO, command: string): Octokit | null {
  const token = io.env.GITHUB_TOKEN;
  if (!token) {
    io.stderr(`vigil ${command}: set GITHUB_TOKEN to a token that can read and write the repository's issues (a fine-grained token with Issues: read and write, Contents: read, Metadata: read; Projects if one is configured).`);
    return null;
  }
  return new Octokit({
    auth: token,
    ...(io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL.replace(/\/$/, "") } : {}),
    ...(io.fetch ? { request: { fetch: io.fetch } } : {}),
    log: { debug: () => undefined, info: () => undefined, warn: (m: string) => io.stderr(m), error: () => undefined },
  });
}
