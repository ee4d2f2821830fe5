/**
 * Test entry point for the GitHub sandbox. Importing this module registers an
 * afterEach hook in the importing test file that fails the test when any
 * strict sandbox created during it recorded a violation that no
 * `assertNoViolations()` / `receive()` reported yet. Import sandbox helpers
 * from here rather than from @vigil/github-sandbox so the hook is always in place.
 */
import { afterEach } from "vitest";
import type { SandboxOptions } from "@vigil/github-sandbox";
import { GitHubSandbox, verifyStrictSandboxes } from "@vigil/github-sandbox";

afterEach(() => {
  verifyStrictSandboxes();
});

export * from "@vigil/github-sandbox";

/** The organization most tests use. */
export const ORG = "acme";
/** The repository most tests use; fixtures carry installation id 1, so it is installed as 1. */
export const REPO = "incidents";

/** A strict sandbox holding `acme/incidents` (private, organization-owned, installation 1). */
export function createSandbox(options: SandboxOptions = {}): GitHubSandbox {
  const sandbox = new GitHubSandbox(options);
  sandbox.addRepo({ owner: ORG, name: REPO, installationId: 1 });
  return sandbox;
}
