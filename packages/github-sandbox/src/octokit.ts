import { Octokit } from "@octokit/rest";
import type { GitHubSandbox } from "./sandbox.js";

export interface TestOctokitOptions {
  /** Act as this user (their role decides access); default: an all-access admin token. */
  login?: string;
  /** Act as an installation instead. */
  installationId?: number;
  /** API root, for GitHub Enterprise Server style URLs. */
  baseUrl?: string;
  /** Octokit logger; by default only warnings (deprecations) are printed, not every failed request. */
  log?: { debug: (message: string) => void; info: (message: string) => void; warn: (message: string) => void; error: (message: string) => void };
}

const quiet = { debug: () => undefined, info: () => undefined, warn: console.warn, error: () => undefined };

/** An @octokit/rest client bound to the sandbox with a sandbox-issued token (for CLI code and scripts). */
export function createTestOctokit(sandbox: GitHubSandbox, options: TestOctokitOptions = {}): Octokit {
  const who =
    options.installationId !== undefined
      ? { installationId: options.installationId }
      : options.login !== undefined
        ? { login: options.login }
        : "admin";
  return new Octokit({
    auth: sandbox.issueToken(who),
    request: { fetch: sandbox.fetch },
    log: options.log ?? quiet,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
}
