// Webhook payload fixtures (tests/fixtures/<event>.<action>.json) copied
// from @octokit/webhooks-examples, with deep overrides for the fields a test
// cares about (repository, installation id, issue body, ...).
import { readFileSync } from "node:fs";

export type FixtureName =
  | "installation.created"
  | "issue_comment.created"
  | "issues.closed"
  | "issues.edited"
  | "issues.labeled"
  | "issues.opened"
  | "pull_request.closed";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Merges `overrides` into `base`: objects recursively, everything else (arrays too) replaced. */
export function deepMerge(base: Json, overrides: Json): Json {
  const result: Json = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = result[key];
    result[key] = isObject(current) && isObject(value) ? deepMerge(current, value) : value;
  }
  return result;
}

/** Loads a fixture payload (a fresh copy each call) and applies overrides. */
export function loadFixture(name: FixtureName, overrides: Json = {}): Json {
  const url = new URL(`../fixtures/${name}.json`, import.meta.url);
  return deepMerge(JSON.parse(readFileSync(url, "utf8")) as Json, overrides);
}
