// The mutable parts a request passes through, shared by the transport and
// the GitHubSandbox facade.
import type { SandboxClock } from "./clock.js";
import type { Fault } from "./faults.js";
import type { RequestRecord } from "./requests.js";
import type { Urls } from "./shapes/urls.js";
import type { SandboxState } from "./state.js";
import type { Violation } from "./violations.js";

export interface SandboxCore {
  state: SandboxState;
  clock: SandboxClock;
  violations: Violation[];
  requests: RequestRecord[];
  faults: Fault[];
  /** Validate sandbox responses against GitHub's response schemas (a self-check). */
  checkResponses: boolean;
  /** How long (sandbox clock) new issues stay invisible to search. */
  searchLagMs: number;
}

/** A request as the transport sees it, relative to the API root it was sent to. */
export interface Incoming {
  method: string;
  url: URL;
  /** Path relative to the API root, e.g. `/repos/o/r/issues` or `/graphql`. */
  path: string;
  /** Path plus query, for logs and violations. */
  pathWithQuery: string;
  headers: Headers;
  bodyText: string;
  urls: Urls;
}

/** What a pipeline answers: a JSON body, raw text, or an injected timeout. */
export type Outcome =
  | { status: number; body?: unknown; text?: string; contentType?: string; headers?: Record<string, string> }
  | { timeout: true };
