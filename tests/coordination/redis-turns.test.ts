// The cross-replica turns and the timer's lease against a real Redis (issue 11: several replicas).
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { redisCheckLease } from "../../src/coordination/redis-check-lease.js";
import { redisDeliveryGate } from "../../src/coordination/redis-delivery-gate.js";
import { release, tryHold } from "../../src/coordination/redis-hold.js";
import { redisSerializer } from "../../src/coordination/redis-serializer.js";
import type { EngineLog } from "../../src/engine/reconcile.js";
import { freePort } from "../helpers/free-port.js";
import { redisServerOnPath, startRedisServer, type RedisServer } from "../helpers/redis-server.js";

const warnings: string[] = [];
const log: EngineLog = { info: () => undefined, warn: (_data, message) => void warnings.push(message), error: () => undefined };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe.skipIf(!redisServerOnPath())("Redis turns", () => {
  let server: RedisServer;
  const clients: Redis[] = [];
  const client = (url = server.url) => {
    const redis = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => null });
    redis.on("error", () => undefined);
    clients.push(redis);
    return redis;
  };

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    for (const redis of clients) redis.disconnect();
    await server?.stop();
  });
  beforeEach(async () => {
    warnings.length = 0;
    await client().flushall();
  });

  it("two replicas on the same scope run one after the other, and both run", async () => {
    const a = redisSerializer(client(), { replica: "a", log });
    const b = redisSerializer(client(), { replica: "b", log });
    let running = 0;
    let overlapped = false;
    const order: string[] = [];
    const work = (name: string) => async () => {
      overlapped ||= running > 0;
      running++;
      order.push(`${name}:start`);
      for (let i = 0; i < 5; i++) await tick();
      order.push(`${name}:end`);
      running--;
      return name;
    };
    const results = await Promise.all([a("acme/incidents#1", work("a")), b("acme/incidents#1", work("b")), a("acme/incidents#1", work("a2"))]);
    expect(results).toEqual(["a", "b", "a2"]);
    expect(overlapped).toBe(false);
    expect(order).toHaveLength(6);
    expect(warnings).toEqual([]);
    expect(await client().keys("vigil:scope:*")).toEqual([]); // released after each turn
  });

  it("different scopes do not wait for each other", async () => {
    const a = redisSerializer(client(), { replica: "a", log });
    const b = redisSerializer(client(), { replica: "b", log });
    let inside = 0;
    let bothInside = false;
    // Each waits (up to 2 s) for the other to be inside too: serialized runs would never meet.
    const work = async () => {
      inside++;
      for (let i = 0; i < 400 && !bothInside; i++) {
        bothInside ||= inside === 2;
        await tick();
      }
      inside--;
    };
    await Promise.all([a("acme/incidents#1", work), b("acme/incidents#2", work)]);
    expect(bothInside).toBe(true);
  });

  it("a turn another replica never gives back is waited for a bounded time, then the work runs anyway", async () => {
    const redis = client();
    await redis.set("vigil:scope:acme/incidents#3", "crashed-replica:1", "PX", 60_000);
    const a = redisSerializer(redis, { replica: "a", log, maxWaitMs: 150 });
    expect(await a("acme/incidents#3", async () => "done")).toBe("done");
    expect(warnings).toEqual([expect.stringContaining("without a cross-replica turn")]);
    // Not ours to release: the stranger's hold stays until it expires.
    expect(await redis.get("vigil:scope:acme/incidents#3")).toBe("crashed-replica:1");
  });

  it("only the holder releases a key", async () => {
    const redis = client();
    expect(await tryHold(redis, "vigil:scope:x", "a:1", 60_000)).toBe(true);
    expect(await tryHold(redis, "vigil:scope:x", "b:1", 60_000)).toBe(false);
    expect(await release(redis, "vigil:scope:x", "b:1")).toBe(false);
    expect(await redis.get("vigil:scope:x")).toBe("a:1");
    expect(await release(redis, "vigil:scope:x", "a:1")).toBe(true);
    expect(await redis.exists("vigil:scope:x")).toBe(0);
  });

  it("a run longer than the time to live keeps its turn", async () => {
    const a = redisSerializer(client(), { replica: "a", log, ttlMs: 400 });
    const b = redisSerializer(client(), { replica: "b", log, ttlMs: 400 });
    let running = 0;
    let overlapped = false;
    const slow = async () => {
      overlapped ||= running > 0;
      running++;
      await new Promise((resolve) => setTimeout(resolve, 1_300)); // > 3 × the time to live
      running--;
    };
    await Promise.all([a("k", slow), b("k", slow)]);
    expect(overlapped).toBe(false);
  });

  it("with Redis unreachable the work runs at once, with a warning", async () => {
    const dead = client(`redis://127.0.0.1:${await freePort()}`);
    const a = redisSerializer(dead, { replica: "a", log });
    expect(await a("acme/incidents#4", async () => 42)).toBe(42);
    expect(warnings).toEqual([expect.stringContaining("without a cross-replica turn")]);
  });

  describe("the timer's lease", () => {
    it("one of two replicas firing together runs the check; the lease then holds for its time", async () => {
      const a = redisCheckLease(client(), "a", log);
      const b = redisCheckLease(client(), "b", log);
      let runs = 0;
      const check = async () => {
        runs++;
        await tick();
        return runs;
      };
      const outcomes = await Promise.all([a.runOnce("timer", 60_000, check), b.runOnce("timer", 60_000, check)]);
      expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
      expect(runs).toBe(1);
      // Kept after a successful check, so a replica whose jittered timer fires a little later skips it too.
      expect(await b.runOnce("timer", 60_000, check)).toEqual({ ran: false });
      expect(await client().get("vigil:check:timer")).toMatch(/^[ab]:/);
    });

    it("a failed check gives the lease back so the next replica's tick retries", async () => {
      const a = redisCheckLease(client(), "a", log);
      const b = redisCheckLease(client(), "b", log);
      await expect(a.runOnce("timer", 60_000, async () => Promise.reject(new Error("installations unreadable")))).rejects.toThrow("installations unreadable");
      expect(await b.runOnce("timer", 60_000, async () => "checked")).toEqual({ ran: true, value: "checked" });
    });

    it("with Redis unreachable every replica runs its check", async () => {
      const port = await freePort();
      const a = redisCheckLease(client(`redis://127.0.0.1:${port}`), "a", log);
      const b = redisCheckLease(client(`redis://127.0.0.1:${port}`), "b", log);
      const outcomes = await Promise.all([a.runOnce("timer", 60_000, async () => 1), b.runOnce("timer", 60_000, async () => 2)]);
      expect(outcomes).toEqual([{ ran: true, value: 1 }, { ran: true, value: 2 }]);
    });
  });

  describe("the delivery gate", () => {
    it("runs one of two copies arriving together, and a later copy of a handled delivery not at all", async () => {
      const a = redisDeliveryGate(client(), "a", log);
      const b = redisDeliveryGate(client(), "b", log);
      let runs = 0;
      const work = async () => {
        runs++;
        await tick();
      };
      await Promise.all([a.once("d-1", work), b.once("d-1", work)]);
      await b.once("d-1", work);
      expect(runs).toBe(1);
      await b.once("d-2", work);
      expect(runs).toBe(2);
    });

    it("a failed attempt leaves the delivery to the next copy; with Redis unreachable every copy runs", async () => {
      const a = redisDeliveryGate(client(), "a", log);
      await expect(a.once("d-3", () => Promise.reject(new Error("GitHub 502")))).rejects.toThrow("GitHub 502");
      let ran = false;
      await a.once("d-3", async () => void (ran = true));
      expect(ran).toBe(true);
      const dead = redisDeliveryGate(client(`redis://127.0.0.1:${await freePort()}`), "c", log);
      let runs = 0;
      await dead.once("d-4", async () => void runs++);
      await dead.once("d-4", async () => void runs++);
      expect(runs).toBe(2);
    });
  });
});
