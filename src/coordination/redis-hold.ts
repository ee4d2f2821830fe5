import type { Redis } from "ioredis";

// Only the holder may extend or drop a key: if ours expired, another replica may hold it by now.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/** Takes `key` for `ttlMs` when nobody holds it; the value names the holder. */
export async function tryHold(redis: Redis, key: string, token: string, ttlMs: number): Promise<boolean> {
  return (await redis.set(key, token, "PX", ttlMs, "NX")) === "OK";
}

/** Drops `key` if `token` still holds it. */
export async function release(redis: Redis, key: string, token: string): Promise<boolean> {
  return (await redis.eval(RELEASE, 1, key, token)) === 1;
}

/**
 * Extends the hold every third of its time to life while work runs, so a long run keeps its turn but
 * a replica that dies mid-run frees the key within `ttlMs`. Returns the function that stops it.
 */
export function keepAlive(redis: Redis, key: string, token: string, ttlMs: number): () => void {
  const timer = setInterval(() => {
    // A failed extension needs no handling: at worst the key expires and another replica runs the
    // same idempotent work alongside.
    redis.eval(EXTEND, 1, key, token, String(ttlMs)).catch(() => undefined);
  }, Math.max(10, Math.floor(ttlMs / 3)));
  timer.unref();
  return () => clearInterval(timer);
}
