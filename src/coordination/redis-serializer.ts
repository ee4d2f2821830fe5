import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { EngineLog } from "../engine/reconcile.js";
import { keyedSerializer, type Serializer } from "../engine/serialize.js";
import { keepAlive, release, tryHold } from "./redis-hold.js";

/** Tuning of the cross-replica turns; the defaults suit webhooks (GitHub's 10 s) and one-issue runs. */
export interface RedisTurnOptions {
  /** Names this replica in the keys it holds (and in logs). */
  replica: string;
  log: EngineLog;
  /** How long a turn lasts without renewal: a replica that dies mid-run frees its scope after this. */
  ttlMs?: number;
  /** How long to wait for another replica's turn before running anyway. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Turn = "held" | "timeout" | "unavailable";

/**
 * Runs work for one scope key at a time across every replica sharing Redis: first in turn within
 * this process (no Redis round trips for local waits), then holding `vigil:scope:<key>`. Work is
 * never dropped: when the wait runs out or Redis cannot be reached it runs anyway, since the engine
 * is idempotent and deletes copies that racing runs leave.
 */
export function redisSerializer(redis: Redis, options: RedisTurnOptions): Serializer {
  const ttlMs = options.ttlMs ?? 15_000;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const sleep = options.sleep ?? pause;
  const local = keyedSerializer();

  async function take(key: string, token: string): Promise<Turn> {
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        if (await tryHold(redis, key, token, ttlMs)) return "held";
      } catch {
        return "unavailable";
      }
      if (waited >= maxWaitMs) return "timeout";
      // Doubling from 20 ms to 500 ms, halved at random so replicas waiting on the same key spread out.
      const step = Math.min(500, 20 * 2 ** attempt) * (0.5 + Math.random() / 2);
      await sleep(step);
      waited += step;
    }
  }

  return <T>(key: string, work: () => Promise<T>): Promise<T> =>
    local(key, async () => {
      const redisKey = `vigil:scope:${key}`;
      const token = `${options.replica}:${randomUUID()}`;
      const turn = await take(redisKey, token);
      if (turn !== "held") {
        const why = turn === "timeout" ? "another replica kept its turn too long" : "Redis unreachable";
        options.log.warn({ scope: key, replica: options.replica, why }, "running without a cross-replica turn; the engine dedupes what racing runs leave");
        return work();
      }
      const stop = keepAlive(redis, redisKey, token, ttlMs);
      try {
        return await work();
      } finally {
        stop();
        await release(redis, redisKey, token).catch(() => undefined);
      }
    });
}
