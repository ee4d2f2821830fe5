// Injected faults reproduce GitHub's failure modes closely enough for
// Octokit's retry and throttling plugins to react as they do in production:
// 5xx, primary rate limit (403 + x-ratelimit-remaining: 0), secondary rate
// limit (403 + retry-after), 429 + retry-after, and network timeouts.

import type { Incoming, Outcome, SandboxCore } from "./core.js";

export type FaultKind = "server-error" | "rate-limit" | "secondary-rate-limit" | "too-many-requests" | "timeout";

export interface FaultSpec {
  kind: FaultKind;
  method?: string;
  /** OpenAPI template or concrete path (string: exact match; RegExp: tested against both); `/graphql` for GraphQL. */
  route?: string | RegExp;
  /** How many matching requests fail; default 1. */
  times?: number;
  /** For server-error: 500, 502 (default) or 503. */
  status?: 500 | 502 | 503;
  /** Wait GitHub asks for (retry-after / x-ratelimit-reset); default 60. */
  retryAfterSeconds?: number;
  /**
   * The request takes effect and only the response is lost (a 502 or timeout
   * after GitHub committed the write), so a retry repeats a write that
   * already happened. Default false: the request fails before any effect.
   */
  applied?: boolean;
}

export interface Fault {
  readonly spec: Readonly<FaultSpec>;
  remaining: number;
}

export interface FaultAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

function routeMatches(pattern: string | RegExp | undefined, route: string, path: string): boolean {
  if (pattern === undefined) return true;
  if (typeof pattern === "string") return pattern === route || pattern === path.split("?")[0];
  return pattern.test(route) || pattern.test(path);
}

/** Consumes one use of the first armed fault matching the request. */
export function takeFault(faults: readonly Fault[], method: string, route: string, path: string): Fault | undefined {
  const fault = faults.find(
    (f) =>
      f.remaining > 0 &&
      (f.spec.method === undefined || f.spec.method.toUpperCase() === method) &&
      routeMatches(f.spec.route, route, path),
  );
  if (fault) fault.remaining -= 1;
  return fault;
}

const DOCS = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

/** The response GitHub gives for a fault (timeouts have none: the caller rejects instead). */
export function faultAnswer(spec: Readonly<FaultSpec>, realNowMs: number): FaultAnswer {
  const wait = spec.retryAfterSeconds ?? 60;
  const secondary = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
  switch (spec.kind) {
    case "rate-limit":
      return {
        status: 403,
        headers: {
          "x-ratelimit-limit": "5000",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-used": "5000",
          // Clients compare the reset with their own wall clock, so it is real time.
          "x-ratelimit-reset": String(Math.floor(realNowMs / 1000) + wait),
          "x-ratelimit-resource": "core",
        },
        body: { message: "API rate limit exceeded for installation.", documentation_url: DOCS, status: "403" },
      };
    case "secondary-rate-limit":
      return { status: 403, headers: { "retry-after": String(wait) }, body: { message: secondary, documentation_url: DOCS, status: "403" } };
    case "too-many-requests":
      return { status: 429, headers: { "retry-after": String(wait) }, body: { message: secondary, documentation_url: DOCS, status: "429" } };
    default: {
      const status = spec.status ?? 502;
      const message = status === 500 ? "Server Error" : status === 503 ? "Service Unavailable" : "Bad Gateway";
      return { status, headers: {}, body: { message, documentation_url: "https://docs.github.com/rest", status: String(status) } };
    }
  }
}

/** Answers a request with an injected fault and logs it (timeouts are logged with status 0). */
export function faulted(core: SandboxCore, req: Incoming, route: string, fault: Fault): Outcome {
  const answer = fault.spec.kind === "timeout" ? undefined : faultAnswer(fault.spec, Date.now());
  core.requests.push({ method: req.method, route, path: req.pathWithQuery, status: answer?.status ?? 0, fault: fault.spec.kind });
  return answer ?? { timeout: true };
}

/** The error a fetch rejects with when a request times out. */
export function timeoutError(): Error {
  return new DOMException("The operation was aborted due to timeout", "TimeoutError");
}
