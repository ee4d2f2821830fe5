import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { EngineLog } from "../engine/reconcile.js";
import type { DeliveryGate } from "./lease.js";
import { keepAlive, release } from "./redis-hold.js";

const IN_HAND_MS = 120_000;
const DONE_MS = 3_600_000;
// Marks a delivery done only if this replica still holds it; keeps it for an hour.
const DONE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/**
 * Runs each `X-GitHub-Delivery` once across replicas: a copy is skipped while the first is in hand
 * (2 min, extended while it runs) or for an hour after it succeeded. A failed first attempt drops the
 * mark at once, so a manual redelivery, which keeps the id, is handled. Without Redis every copy runs.
 */
export function redisDeliveryGate(redis: Redis, replica: string, log: EngineLog): DeliveryGate {
  return {
    async once(id, work) {
      const key = `vigil:delivery:${id}`;
      const token = `${replica}:${randomUUID()}`;
      let claimed: boolean;
      try {
        claimed = (await redis.set(key, token, "PX", IN_HAND_MS, "NX")) === "OK";
      } catch {
        return work();
      }
      if (!claimed) {
        log.info({ delivery: id, replica }, "delivery skipped: another replica has it in hand or handled it");
        return;
      }
      const stop = keepAlive(redis, key, token, IN_HAND_MS);
      try {
        await work();
      } catch (error) {
        stop();
        await release(redis, key, token).catch(() => undefined);
        throw error;
      }
      stop();
      await redis.eval(DONE, 1, key, token, String(DONE_MS)).catch(() => undefined);
    },
  };
}
