// Who is calling. Apps authenticate with an RS256 JWT (verified against the
// registered public key when one is known) and may then only use the app
// endpoints; installation tokens are scoped to their installation's
// repositories; user tokens see what the user's role allows.
import { createPublicKey, verify } from "node:crypto";
import { HttpError, notFound } from "./http/errors.js";
import type { Actor, RepoRecord, SandboxState } from "./state.js";
import { roleOf } from "./store/repos.js";

const APP_ROUTES = /^\/app(\/|$)|^\/(repos\/\{owner\}\/\{repo\}|orgs\/\{org\}|users\/\{username\})\/installation$/;

function unauthorized(message: string): HttpError {
  return new HttpError(401, message);
}

function verifyJwt(state: SandboxState, jwt: string): Actor {
  const [header, payload, signature] = jwt.split(".");
  if (header === undefined || payload === undefined || signature === undefined) throw unauthorized("A JSON web token could not be decoded");
  let claims: { iss?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as typeof claims;
  } catch {
    throw unauthorized("A JSON web token could not be decoded");
  }
  if (String(claims.iss) !== String(state.app.id)) throw unauthorized("Integration not found");
  // JWT lifetimes are checked against the real clock: the signer uses real time too.
  if (typeof claims.exp !== "number" || claims.exp * 1000 < Date.now()) {
    throw unauthorized("'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.");
  }
  if (state.app.publicKey) {
    const ok = verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), createPublicKey(state.app.publicKey), Buffer.from(signature, "base64url"));
    if (!ok) throw unauthorized("A JSON web token could not be decoded");
  }
  return { kind: "app" };
}

/** Resolves the Authorization header to an actor and checks it may call this route at all. */
export function authenticate(state: SandboxState, authorization: string | null, route: string): Actor {
  const credential = authorization?.replace(/^(bearer|token)\s+/i, "").trim() ?? "";
  if (credential === "") throw unauthorized("Requires authentication");
  const isJwt = /^[\w-]+\.[\w-]+\.[\w-]+$/.test(credential);
  const actor = isJwt ? verifyJwt(state, credential) : state.tokens.get(credential);
  if (!actor) throw unauthorized("Bad credentials");
  const appRoute = APP_ROUTES.test(route);
  if (appRoute && actor.kind !== "app") throw unauthorized("A JSON web token could not be decoded");
  if (!appRoute && actor.kind === "app") throw new HttpError(403, "Resource not accessible by integration");
  return actor;
}

/** Hides repositories the actor cannot see (404, like GitHub) and refuses writes without push-level access. */
export function checkRepoAccess(state: SandboxState, actor: Actor, repo: RepoRecord, write: boolean): void {
  if (actor.kind === "admin" || actor.kind === "app") return;
  if (actor.kind === "installation") {
    if (repo.installationId !== actor.installationId) throw notFound();
    return;
  }
  const role = roleOf(state, repo, actor.login);
  if (role === "none") throw notFound();
  if (write && role === "read") throw new HttpError(403, "Must have push access to repository");
}
