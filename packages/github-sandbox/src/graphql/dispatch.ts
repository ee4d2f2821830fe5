// The GraphQL pipeline: authenticate, apply injected faults, validate and
// execute. GitHub answers GraphQL problems with 200 and an `errors` array.
import { authenticate } from "../auth.js";
import type { Incoming, Outcome, SandboxCore } from "../core.js";
import { faulted, takeFault } from "../faults.js";
import { HttpError, errorBody } from "../http/errors.js";
import type { Actor } from "../state.js";
import type { GraphqlRequest } from "./execute.js";
import { runGraphql } from "./execute.js";

const DOCS = "https://docs.github.com/graphql";

function parseRequest(text: string): GraphqlRequest | undefined {
  try {
    const value = JSON.parse(text) as Partial<GraphqlRequest>;
    return typeof value.query === "string" ? (value as GraphqlRequest) : undefined;
  } catch {
    return undefined;
  }
}

/** Serves one GraphQL request and records it (and any violation) on the core. */
export async function serveGraphql(core: SandboxCore, req: Incoming): Promise<Outcome> {
  const log = (status: number, graphqlOperation?: string) =>
    core.requests.push({ method: req.method, route: "/graphql", path: req.pathWithQuery, status, ...(graphqlOperation ? { graphqlOperation } : {}) });
  const violate = (message: string) =>
    core.violations.push({ kind: "invalid-graphql", method: req.method, path: req.pathWithQuery, route: "/graphql", message });

  if (req.method !== "POST") {
    core.violations.push({ kind: "wrong-method", method: req.method, path: req.pathWithQuery, route: "/graphql", message: "GraphQL only accepts POST" });
    log(404);
    return { status: 404, body: { message: "Not Found", documentation_url: DOCS, status: "404" } };
  }
  let actor: Actor;
  try {
    actor = authenticate(core.state, req.headers.get("authorization"), "/graphql");
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    log(error.status);
    return { status: error.status, body: errorBody(error, DOCS) };
  }
  const request = parseRequest(req.bodyText);
  if (!request) {
    violate("the body must be JSON with a `query` string");
    log(400);
    return { status: 400, body: { message: "Problems parsing JSON", documentation_url: DOCS, status: "400" } };
  }
  const fault = takeFault(core.faults, req.method, "/graphql", req.path);
  if (fault && !fault.spec.applied) return faulted(core, req, "/graphql", fault);
  const outcome = await runGraphql({ state: core.state, clock: core.clock, urls: req.urls, actor }, request);
  if (outcome.invalid) violate(outcome.invalid);
  if (fault) return faulted(core, req, "/graphql", fault);
  log(200, outcome.operation);
  return { status: 200, body: outcome.body };
}
