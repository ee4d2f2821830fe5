/**
 * GitHubSandbox: an in-memory GitHub for tests, `vigil demo` and benchmarks.
 *
 * How violations fail tests. Every request is checked against GitHub's
 * OpenAPI description (REST) or GraphQL schema. A request GitHub would refuse
 * is answered as GitHub would (404 / 422 / 200 with `errors`) AND recorded in
 * `violations`; one GitHub would silently ignore (unknown query parameter or
 * body key) is served normally but recorded too. A strict sandbox (the
 * default) then fails the test in three independent places, so forgetting a
 * check is not possible for code driven through the harness:
 *   1. `createTestProbot(...).receive()` calls `assertNoViolations()` after
 *      every delivery, even when the app swallowed the error response;
 *   2. tests/helpers/sandbox.ts registers an `afterEach` that calls
 *      `verifyStrictSandboxes()`, which asserts on every live strict sandbox
 *      (covers CLI tests using createTestOctokit and shared sandboxes);
 *   3. `assertNoViolations()` can be called by hand at any point.
 * Each violation is reported once. Use `strict: false` for tests that expect
 * violations and inspect `violations` directly.
 */
import { SandboxClock } from "./clock.js";
import type { SandboxCore } from "./core.js";
import type { Fault, FaultSpec } from "./faults.js";
import type { PayloadBuilders } from "./payloads.js";
import { payloadBuilders } from "./payloads.js";
import type { RequestFilter, RequestRecord } from "./requests.js";
import { matchesRequest } from "./requests.js";
import { urlsForApiBase } from "./shapes/urls.js";
import type { Actor, SandboxState } from "./state.js";
import { createState } from "./state.js";
import { SandboxStateApi } from "./state-api.js";
import { createSandboxFetch } from "./transport.js";
import type { Violation } from "./violations.js";
import { SandboxViolationError } from "./violations.js";
import { randomToken } from "./ids.js";
import { ensureUser } from "./store/accounts.js";

export interface SandboxOptions {
  /** Fail tests on violations (default true). */
  strict?: boolean;
  /** Freeze the clock at this time (default: follow real time). */
  now?: Date | string | number;
  appId?: number;
  appSlug?: string;
  /** API root used in webhook payload URLs (default https://api.github.com). */
  apiUrl?: string;
  /** Also validate the sandbox's own responses against GitHub's response schemas. */
  checkResponses?: boolean;
  /** Issues younger than this (sandbox clock) are not yet found by search, like GitHub's index lag. */
  searchLagMs?: number;
}

const strictSandboxes = new Set<WeakRef<GitHubSandbox>>();

/** Asserts that no live strict sandbox holds unreported violations (the test helper's afterEach). */
export function verifyStrictSandboxes(): void {
  const failures: Violation[] = [];
  for (const ref of strictSandboxes) {
    const sandbox = ref.deref();
    // Sandboxes shared across tests (beforeAll) stay registered; collected ones drop out.
    if (sandbox) failures.push(...sandbox.takeUnreportedViolations());
    else strictSandboxes.delete(ref);
  }
  if (failures.length > 0) throw new SandboxViolationError(failures);
}

/** An in-memory GitHub: state API for tests plus a `fetch` that serves REST and GraphQL. */
export class GitHubSandbox extends SandboxStateApi {
  readonly strict: boolean;
  readonly clock: SandboxClock;
  /** Pass as Octokit's / Probot's `request: { fetch }`. */
  readonly fetch: typeof globalThis.fetch;
  /** Webhook payloads built from the current state. */
  readonly payloadFor: PayloadBuilders;
  readonly #core: SandboxCore;
  #reported = 0;

  constructor(options: SandboxOptions = {}) {
    const clock = new SandboxClock(options.now);
    const state: SandboxState = createState({ id: options.appId ?? 4242, slug: options.appSlug ?? "vigil" });
    super(state, clock);
    this.strict = options.strict ?? true;
    this.clock = clock;
    this.#core = {
      state,
      clock,
      violations: [],
      requests: [],
      faults: [],
      checkResponses: options.checkResponses ?? false,
      searchLagMs: options.searchLagMs ?? 0,
    };
    this.fetch = createSandboxFetch(this.#core);
    this.payloadFor = payloadBuilders(state, urlsForApiBase(options.apiUrl ?? "https://api.github.com"));
    if (this.strict) strictSandboxes.add(new WeakRef(this));
  }

  /** The app this GitHub knows: id, slug and bot login. */
  get app(): { id: number; slug: string; botLogin: string } {
    const { id, slug, botLogin } = this.state.app;
    return { id, slug, botLogin };
  }

  /** Every violation recorded so far (reported or not). */
  get violations(): readonly Violation[] {
    return this.#core.violations;
  }

  /** The request log, oldest first. */
  get requests(): readonly RequestRecord[] {
    return this.#core.requests;
  }

  /** Lets the sandbox verify app JWT signatures. */
  registerAppKey(publicKeyPem: string): void {
    this.state.app.publicKey = publicKeyPem;
  }

  /** A token for the REST/GraphQL API: a user's, an installation's, or (default) an all-access admin's. */
  issueToken(who: { login: string } | { installationId: number } | "admin" = "admin"): string {
    const token = randomToken(who !== "admin" && "installationId" in who ? "ghs" : "ghp");
    let actor: Actor;
    if (who === "admin") actor = { kind: "admin", login: ensureUser(this.state, "sandbox-admin").login };
    else if ("login" in who) actor = { kind: "user", login: ensureUser(this.state, who.login).login };
    else actor = { kind: "installation", installationId: who.installationId };
    this.state.tokens.set(token, actor);
    return token;
  }

  /** Makes the next matching request(s) fail; returns the armed fault (see `remaining`). */
  injectFault(spec: FaultSpec): Fault {
    const fault: Fault = { spec: { ...spec }, remaining: spec.times ?? 1 };
    this.#core.faults.push(fault);
    return fault;
  }

  /** Disarms all faults. */
  clearFaults(): void {
    this.#core.faults.length = 0;
  }

  /** Counts logged requests matching the filter (all when omitted). */
  countRequests(filter?: RequestFilter): number {
    return this.#core.requests.filter((r) => matchesRequest(r, filter)).length;
  }

  /** Clears the request log. */
  resetCounts(): void {
    this.#core.requests.length = 0;
  }

  /** Returns violations not yet reported and marks them reported. */
  takeUnreportedViolations(): Violation[] {
    const fresh = this.#core.violations.slice(this.#reported);
    this.#reported = this.#core.violations.length;
    return fresh;
  }

  /** Throws a SandboxViolationError listing violations not reported before. */
  assertNoViolations(cause?: unknown): void {
    const fresh = this.takeUnreportedViolations();
    if (fresh.length > 0) throw new SandboxViolationError(fresh, cause === undefined ? undefined : { cause });
  }

  /** Forgets recorded violations. */
  clearViolations(): void {
    this.#core.violations.length = 0;
    this.#reported = 0;
  }
}
