// What a REST handler receives and returns, plus the lookups every handler
// repeats (repository with access check, numeric path parameters, paging).
import { checkRepoAccess } from "../auth.js";
import type { SandboxClock } from "../clock.js";
import { notFound } from "../http/errors.js";
import { linkHeaders, paginate } from "../http/pagination.js";
import type { Urls } from "../shapes/urls.js";
import type { Actor, RepoRecord, SandboxState } from "../state.js";
import { actorLogin } from "../store/accounts.js";
import { requireRepo } from "../store/repos.js";

export interface RestContext {
  state: SandboxState;
  clock: SandboxClock;
  urls: Urls;
  actor: Actor;
  method: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The JSON body, already validated against the operation's schema. */
  body: unknown;
  accept: string;
  url: URL;
  searchLagMs: number;
}

export interface RestResult {
  status: number;
  body?: unknown;
  /** A non-JSON body (raw file contents). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export type RestHandler = (ctx: RestContext) => RestResult;

/** The repository named by {owner}/{repo}, or 404 when missing or invisible to the caller. */
export function repoOf(ctx: RestContext): RepoRecord {
  const repo = requireRepo(ctx.state, ctx.params.owner ?? "", ctx.params.repo ?? "");
  checkRepoAccess(ctx.state, ctx.actor, repo, ctx.method !== "GET");
  return repo;
}

/** A numeric path parameter; non-numbers are 404 as on GitHub. */
export function numberParam(ctx: RestContext, name: string): number {
  const value = Number(ctx.params[name]);
  if (!Number.isInteger(value)) throw notFound();
  return value;
}

/** The login writes are attributed to. */
export function actorOf(ctx: RestContext): string {
  return actorLogin(ctx.state, ctx.actor);
}

/** A 200 JSON response. */
export function ok(body: unknown, status = 200): RestResult {
  return { status, body };
}

/** 204 No Content. */
export function noContent(): RestResult {
  return { status: 204 };
}

/** One page of a list with its Link header. */
export function paged(ctx: RestContext, items: readonly unknown[]): RestResult {
  const page = paginate(items, ctx.url);
  return { status: 200, body: page.items, headers: linkHeaders(page) };
}

