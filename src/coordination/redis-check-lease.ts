import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { EngineLog } from "../engine/reconcile.js";
import type { CheckLease } from "./lease.js";
import { keepAlive, release, tryHold } from "./redis-hold.js";

/**
 * The timer's lease: the first replica whose timer fires takes `vigil:check:<name>` and runs the
 * check; the others skip it while the lease holds (`holdMs` after the holder's start, extended while
 * it runs). A successful check keeps the lease until it expires, so a replica whose jittered timer
 * fires a little later does not repeat it; a failed one drops it so the next replica's timer retries.
 * Without Redis the check runs here, as it would on a single replica.
 */
export function redisCheckLease(redis: Redis, replica: string, log: EngineLog): CheckLease {
  return {
    async runOnce(name, holdMs, work) {
      const key = `vigil:check:${name}`;
      const token = `${replica}:${randomUUID()}`;
      let held: boolean;
      try {
        held = await tryHold(redis, key, token, holdMs);
      } catch (error) {
        log.warn({ replica, err: (error as Error).message }, "Redis unreachable: running the scheduled check without the lease");
        return { ran: true, value: await work() };
      }
      if (!held) {
        log.info({ replica, holder: await redis.get(key).catch(() => null) }, "scheduled check skipped: another replica holds the lease");
        return { ran: false };
      }
      const stop = keepAlive(redis, key, token, holdMs);
      try {
        return { ran: true, value: await work() };
      } catch (error) {
        await release(redis, key, token).catch(() => undefined);
        throw error;
      } finally {
        stop();
      }
    },
  };
}
