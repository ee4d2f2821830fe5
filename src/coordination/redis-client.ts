import { Redis } from "ioredis";
import type { EngineLog } from "../engine/reconcile.js";

/**
 * A client that fails fast while Redis is away (one reconnection attempt per command, 2 s at most),
 * so callers fall back to running their work instead of waiting on a dead server. It keeps
 * reconnecting in the background and logs once per outage.
 */
export function connectRedis(url: string, log: EngineLog): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
  let down = false;
  redis.on("error", (error: Error) => {
    if (down) return;
    down = true;
    log.warn({ err: error.message }, "Redis unreachable: every replica runs its own work until it is back (the engine dedupes)");
  });
  redis.on("ready", () => {
    if (down) log.info({}, "Redis reachable again: replicas take turns again");
    down = false;
  });
  return redis;
}
