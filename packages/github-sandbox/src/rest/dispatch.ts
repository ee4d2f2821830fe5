// The REST pipeline: match the OpenAPI operation, validate the request,
// apply injected faults, authenticate, run the handler, check the response.
import { authenticate } from "../auth.js";
import type { Incoming, Outcome, SandboxCore } from "../core.js";
import { faulted, takeFault } from "../faults.js";
import { HttpError, errorBody } from "../http/errors.js";
import type { OpenApiOperation } from "../openapi/spec.js";
import { matchRoute } from "../openapi/routes.js";
import { checkBody, checkQuery, checkResponse } from "../openapi/validate.js";
import type { ViolationKind } from "../violations.js";
import { restHandler } from "./router.js";

const REST_DOCS = "https://docs.github.com/rest";

type Recorder = {
  violate: (kind: ViolationKind, message: string, route?: string) => void;
  log: (route: string, status: number) => void;
};

function recorder(core: SandboxCore, req: Incoming): Recorder {
  return {
    violate: (kind, message, route) =>
      core.violations.push({ kind, method: req.method, path: req.pathWithQuery, ...(route ? { route } : {}), message }),
    log: (route, status) => core.requests.push({ method: req.method, route, path: req.pathWithQuery, status }),
  };
}

function errorOutcome(status: number, message: string, docs: string): Outcome {
  return { status, body: { message, documentation_url: docs, status: String(status) } };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

// Records every problem; returns GitHub's refusal when GitHub would refuse rather than ignore.
function refusal(rec: Recorder, req: Incoming, template: string, operation: OpenApiOperation, body: unknown): Outcome | undefined {
  const docs = operation.externalDocs?.url ?? REST_DOCS;
  const problems = [...checkQuery(operation, req.url.searchParams), ...checkBody(operation, body)];
  for (const problem of problems) rec.violate(problem.kind, problem.message, template);
  const rejection = problems.find((p) => p.status !== undefined);
  if (!rejection) return undefined;
  rec.log(template, rejection.status ?? 422);
  return errorOutcome(rejection.status ?? 422, `Invalid request.\n\n${rejection.message}`, docs);
}

function handle(core: SandboxCore, req: Incoming, rec: Recorder, match: { template: string; operation: OpenApiOperation; params: Record<string, string> }, body: unknown): Outcome {
  const { template, operation, params } = match;
  const docs = operation.externalDocs?.url ?? REST_DOCS;
  const handler = restHandler(req.method, template);
  if (!handler) {
    rec.violate("unsupported-by-sandbox", `the sandbox does not emulate ${operation.operationId}`, template);
    return errorOutcome(501, `The GitHub sandbox does not implement ${req.method} ${template}`, docs);
  }
  try {
    const actor = authenticate(core.state, req.headers.get("authorization"), template);
    const accept = req.headers.get("accept") ?? "";
    const { clock, state, searchLagMs } = core;
    return handler({ state, clock, urls: req.urls, actor, method: req.method, params, query: req.url.searchParams, body, accept, url: req.url, searchLagMs });
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, body: errorBody(error, docs), headers: { ...error.headers } };
    // Anything else is a sandbox bug: fail loudly rather than pass a test by accident.
    rec.violate("sandbox-error", error instanceof Error ? (error.stack ?? error.message) : String(error), template);
    return errorOutcome(500, "Server Error", docs);
  }
}

/** Serves one REST request and records it (and any violation) on the core. */
export function serveRest(core: SandboxCore, req: Incoming): Outcome {
  const rec = recorder(core, req);
  const lookup = matchRoute(req.method, req.path);
  if (lookup.kind !== "match") {
    const unknown = lookup.kind === "unknown-path";
    const message = unknown ? "no such path in GitHub's REST API" : `GitHub only allows ${lookup.allowed.join(", ")} here`;
    rec.violate(unknown ? "unknown-endpoint" : "wrong-method", message, unknown ? undefined : lookup.template);
    rec.log(unknown ? req.path : lookup.template, 404);
    return errorOutcome(404, "Not Found", REST_DOCS);
  }
  const { template, operation } = lookup;
  const parsed = parseJson(req.bodyText);
  if (!parsed.ok) {
    rec.violate("invalid-body", "request body is not JSON", template);
    rec.log(template, 400);
    return errorOutcome(400, "Problems parsing JSON", operation.externalDocs?.url ?? REST_DOCS);
  }
  const refused = refusal(rec, req, template, operation, parsed.value);
  if (refused) return refused;
  const fault = takeFault(core.faults, req.method, template, req.path);
  if (fault && !fault.spec.applied) return faulted(core, req, template, fault);
  const outcome = handle(core, req, rec, lookup, parsed.value);
  if (fault) return faulted(core, req, template, fault);
  if ("status" in outcome) {
    rec.log(template, outcome.status);
    if (core.checkResponses && outcome.status < 300 && outcome.text === undefined && outcome.body !== undefined) {
      const mismatch = checkResponse(operation, outcome.status, outcome.body);
      if (mismatch) rec.violate("invalid-response", mismatch, template);
    }
  }
  return outcome;
}
