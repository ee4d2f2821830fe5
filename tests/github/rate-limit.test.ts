import { describe, expect, it } from "vitest";
import { rateLimitWait } from "../../src/github/rate-limit.js";

const NOW = 1_800_000_000_000;
const failure = (status: number, headers: Record<string, string> = {}, message = "", data?: object) => ({ status, message, response: { headers, data } });

describe("rateLimitWait", () => {
  it.each([
    ["a 429 with retry-after", failure(429, { "retry-after": "30" }), 30],
    ["a secondary-limit 403 with retry-after", failure(403, { "retry-after": "120" }, "You have exceeded a secondary rate limit."), 120],
    ["a secondary-limit 403 without retry-after", failure(403, {}, "You have exceeded a secondary rate limit."), 60],
    ["a 429 without retry-after", failure(429), 60],
    ["the primary limit, until its reset", failure(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW / 1000 + 600) }), 600],
    ["GraphQL's RATE_LIMITED", { ...failure(200, { "x-ratelimit-reset": String(NOW / 1000 + 90) }), errors: [{ type: "RATE_LIMITED" }] }, 90],
  ])("%s: waits %#", (_name, error, seconds) => {
    expect(rateLimitWait(error, NOW)).toBe(seconds);
  });

  it.each([
    ["a permission 403", failure(403, { "x-ratelimit-remaining": "4000" }, "Resource not accessible by integration")],
    ["a 502", failure(502, { "retry-after": "5" })],
    ["a 404", failure(404)],
    ["not an error object", "boom"],
  ])("%s is not a rate limit", (_name, error) => {
    expect(rateLimitWait(error, NOW)).toBeUndefined();
  });
});
