type ErrorShape = {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | number | undefined>; data?: { errors?: { type?: string }[] } };
  errors?: { type?: string }[];
};

const header = (e: ErrorShape, name: string) => {
  const value = e.response?.headers?.[name];
  return value === undefined ? undefined : Number(value);
};

// GitHub's documented fallback when a secondary limit names no wait: at least a minute.
const SECONDARY_FALLBACK_S = 60;

/**
 * The seconds GitHub asks a client to wait when `error` is a rate limit: a secondary limit (403 or 429 with
 * `retry-after`, or the "secondary rate limit" message), or the primary one (`x-ratelimit-remaining: 0`, or GraphQL's
 * RATE_LIMITED, until `x-ratelimit-reset`). Anything else is undefined: an ordinary failure.
 */
export function rateLimitWait(error: unknown, nowMs: number): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as ErrorShape;
  const graphqlLimited = [...(e.errors ?? []), ...(e.response?.data?.errors ?? [])].some((x) => x?.type === "RATE_LIMITED");
  if (e.status !== 403 && e.status !== 429 && !graphqlLimited) return undefined;
  const retryAfter = header(e, "retry-after");
  if (retryAfter !== undefined && Number.isFinite(retryAfter)) return Math.max(1, retryAfter);
  if (header(e, "x-ratelimit-remaining") === 0 || graphqlLimited) {
    const reset = header(e, "x-ratelimit-reset");
    return reset !== undefined && Number.isFinite(reset) ? Math.max(1, Math.ceil(reset - nowMs / 1000)) : SECONDARY_FALLBACK_S;
  }
  if (e.status === 429 || /secondary rate limit/i.test(String(e.message ?? ""))) return SECONDARY_FALLBACK_S;
  return undefined;
}
