import { spawn, spawnSync } from "node:child_process";
import { freePort } from "./free-port.js";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";

/**
 * True when `redis-server` is on PATH. In CI (`CI` set) its absence is an error, never a silent skip:
 * `.ci/run` installs it, so a missing server means the install step broke.
 */
export function redisServerOnPath(): boolean {
  const found = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
  if (!found && process.env.CI) {
    throw new Error("redis-server is not on PATH: the replica tests need a real Redis. `.ci/run` installs it with `apt-get install -y redis-server`; run that step.");
  }
  return found;
}

/** A throwaway Redis on a loopback port: no persistence, stopped by `stop()`. */
export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts `redis-server` on a free loopback port and resolves once it accepts connections. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port}:\n${output}`)), 10_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}) before accepting connections:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * A redis-server for the enclosing `describe`, started before its tests with a client to inspect it, and both
 * stopped after them. Read `server` and `admin` inside tests (they are set once the suite starts).
 */
export function redisForSuite(): { readonly server: RedisServer; readonly admin: Redis } {
  const suite = {} as { server: RedisServer; admin: Redis };
  beforeAll(async () => {
    suite.server = await startRedisServer();
    suite.admin = new Redis(suite.server.url);
  });
  afterAll(async () => {
    suite.admin?.disconnect();
    await suite.server?.stop();
  });
  return suite;
}
