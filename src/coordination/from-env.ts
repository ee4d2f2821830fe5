import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { EngineLog } from "../engine/reconcile.js";
import { keyedSerializer } from "../engine/serialize.js";
import { alwaysRun, everyDelivery, type Coordination } from "./lease.js";
import { redisDeliveryGate } from "./redis-delivery-gate.js";
import { redisCheckLease } from "./redis-check-lease.js";
import { connectRedis } from "./redis-client.js";
import { redisSerializer } from "./redis-serializer.js";

/**
 * With `REDIS_URL` (the variable Probot reads for its cluster-wide rate limiting), the replicas of a
 * deployment take turns through Redis; without it, turns are within this process, as on one replica.
 */
export function coordinationFor(env: Record<string, string | undefined>, log: EngineLog): Coordination {
  const url = env.REDIS_URL?.trim();
  if (!url) return { kind: "process", serialize: keyedSerializer(), checks: alwaysRun, deliveries: everyDelivery, close: async () => undefined };
  const replica = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const redis = connectRedis(url, log);
  return {
    kind: "redis",
    serialize: redisSerializer(redis, { replica, log }),
    checks: redisCheckLease(redis, replica, log),
    deliveries: redisDeliveryGate(redis, replica, log),
    async close() {
      // QUIT waits for an answer a server that is away never gives; then just drop the connection.
      if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
