// The sandbox's `fetch`: accepts any base URL (api.github.com, or a GitHub
// Enterprise Server's /api/v3 and /api/graphql), serves the request from
// memory and answers with a real Response. No sockets are opened.
import { randomBytes } from "node:crypto";
import type { Incoming, Outcome, SandboxCore } from "./core.js";
import { timeoutError } from "./faults.js";
import { serveGraphql } from "./graphql/dispatch.js";
import { serveRest } from "./rest/dispatch.js";
import { urlsForApiBase } from "./shapes/urls.js";

function locate(url: URL): { path: string; apiBase: string } {
  const p = url.pathname;
  if (p === "/api/graphql") return { path: "/graphql", apiBase: `${url.origin}/api/v3` };
  if (p === "/api/v3" || p.startsWith("/api/v3/")) return { path: p.slice("/api/v3".length) || "/", apiBase: `${url.origin}/api/v3` };
  return { path: p, apiBase: url.origin };
}

async function incoming(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Incoming> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const { path, apiBase } = locate(url);
  return {
    method: request.method.toUpperCase(),
    url,
    path,
    pathWithQuery: `${path}${url.search}`,
    headers: request.headers,
    bodyText: await request.text(),
    urls: urlsForApiBase(apiBase),
  };
}

function toResponse(core: SandboxCore, outcome: Exclude<Outcome, { timeout: true }>): Response {
  const headers = new Headers({
    "x-github-api-version-selected": "2022-11-28",
    "x-github-media-type": "github.v3; format=json",
    "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": String(Math.max(0, 5000 - core.requests.length)),
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    "x-ratelimit-resource": "core",
    ...outcome.headers,
  });
  if (outcome.status === 204 || outcome.status === 304) return new Response(null, { status: outcome.status, headers });
  if (outcome.text !== undefined) {
    headers.set("content-type", outcome.contentType ?? "text/plain; charset=utf-8");
    return new Response(outcome.text, { status: outcome.status, headers });
  }
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(outcome.body ?? null), { status: outcome.status, headers });
}

/** Builds a fetch function that serves every request from the sandbox core. */
export function createSandboxFetch(core: SandboxCore): typeof globalThis.fetch {
  return async (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) throw signal.reason;
    const req = await incoming(input, init);
    const outcome = req.path === "/graphql" ? await serveGraphql(core, req) : serveRest(core, req);
    // An injected timeout rejects as fetch does when an AbortSignal.timeout fires, without waiting.
    if ("timeout" in outcome) throw timeoutError();
    // A real fetch response knows the URL it came from; Octokit's paginate reads it.
    const response = toResponse(core, outcome);
    Object.defineProperty(response, "url", { value: req.url.href });
    return response;
  };
}
