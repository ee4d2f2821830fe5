import type { ConfigCache } from "../config/cache.js";
import type { DeliveryGate } from "../coordination/lease.js";
import { octokitReader } from "../github/config-reader.js";
import { createEngine, type Engine, type EngineLog, type RunResult } from "../engine/reconcile.js";
import type { GitHubClient } from "../github/client.js";
import { octokitGateway } from "../github/octokit-gateway.js";
import type { Serializer } from "../engine/serialize.js";
import type { Identity } from "../markers/identity.js";

/** What the app's triggers share: the configuration cache, the clock, Vigil's identity and whose turn it is on an issue. */
export interface AppRuntime {
  cache: ConfigCache;
  now: () => Date;
  identity: () => Promise<Identity>;
  /** Shared by every engine of this app (and, with Redis, every replica); the engine's own when absent. */
  serialize?: Serializer;
  /** Runs each webhook delivery once across replicas; every delivery runs when absent. */
  deliveries?: DeliveryGate;
  /** Told what each run did; the Actions entry builds its job summary from it. */
  onResult?: (result: RunResult, scope: { issue?: number }) => void;
  /** How the scheduled check waits out a rate limit; a real timer when absent (tests record the wait instead). */
  sleep?: (ms: number) => Promise<void>;
}

/** The engine over one installation's client, loading configuration through the shared cache. */
export function engineFor(runtime: AppRuntime, octokit: GitHubClient, log: EngineLog): Engine {
  const reader = octokitReader(octokit);
  const engine = createEngine({
    gateway: octokitGateway(octokit, runtime.identity),
    config: (repo) => runtime.cache.get(reader, repo),
    now: runtime.now,
    log,
    serialize: runtime.serialize,
  });
  const report = runtime.onResult;
  if (!report) return engine;
  return {
    ...engine,
    async reconcileIssue(repo, number, options) {
      const result = await engine.reconcileIssue(repo, number, options);
      report(result, { issue: number });
      return result;
    },
    async reconcileRepository(repo, options) {
      const result = await engine.reconcileRepository(repo, options);
      report(result, {});
      return result;
    },
  };
}
