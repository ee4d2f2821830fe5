import nock from "nock";
import { afterEach } from "vitest";
import { verifyStrictSandboxes } from "@vigil/github-sandbox";

// Tests never reach the network: every GitHub request goes to the in-memory sandbox.
nock.disableNetConnect();

// Every strict sandbox a test created is checked after it, so a request GitHub would reject fails
// the test even when the app swallowed the error and the test never called receive().
afterEach(() => verifyStrictSandboxes());
