import type { ApplicationFunction } from "probot";
import { ConfigCache } from "./config/cache.js";
import { coordinationFor } from "./coordination/from-env.js";
import { appIdentity } from "./triggers/app-identity.js";
import { checkInstallations } from "./triggers/check-all.js";
import { cronRoute } from "./triggers/cron-route.js";
import type { AppRuntime } from "./triggers/engine-for.js";
import { leaseFor, parseInterval, startTimer, type Timer } from "./triggers/timer.js";
import { registerWebhooks } from "./triggers/webhooks.js";

/** Options for building the app; tests, the demo and the bench pass a clock and their own environment. */
export interface VigilOptions {
  now?: () => Date;
  /** `VIGIL_CHECK_INTERVAL`, `VIGIL_CRON_SECRET` and `REDIS_URL`; process.env by default. */
  env?: Record<string, string | undefined>;
  /** Starts the server timer; `startTimer` by default (tests fire the ticks themselves). */
  timer?: (intervalMs: number, tick: () => Promise<unknown>) => Timer;
  /** Stops the timer and closes the Redis connection when aborted. */
  signal?: AbortSignal;
}

/** Builds the Vigil Probot app: webhooks, the scheduled-check timer and the cron route, all into one engine. */
export function createVigil(options: VigilOptions = {}): ApplicationFunction {
  const env = options.env ?? process.env;
  return (app, { addHandler }) => {
    const interval = parseInterval(env.VIGIL_CHECK_INTERVAL);
    if (!interval.ok) throw new Error(interval.error);
    const coordination = coordinationFor(env, app.log);
    const runtime: AppRuntime = { cache: new ConfigCache(), now: options.now ?? (() => new Date()), identity: appIdentity(app), serialize: coordination.serialize, deliveries: coordination.deliveries };
    registerWebhooks(app, runtime);

    const check = async (only?: { owner: string; repo: string }) => {
      const summary = await checkInstallations(app, runtime, only);
      app.log.info(summary, "scheduled check done");
      return summary;
    };
    // Replicas' timers all fire; with Redis only the lease holder checks. The cron route is one call to one replica.
    const tick = () => coordination.checks.runOnce("timer", leaseFor(interval.ms), () => check());
    const timer = interval.ms > 0 ? (options.timer ?? startTimer)(interval.ms, tick) : undefined;
    options.signal?.addEventListener("abort", () => {
      timer?.stop();
      void coordination.close();
    }, { once: true });

    const secret = env.VIGIL_CRON_SECRET;
    if (secret) {
      try {
        addHandler(cronRoute(secret, check));
      } catch {
        app.log.warn("VIGIL_CRON_SECRET is set but this process serves no HTTP (e.g. Actions): no cron route");
      }
    }
  };
}

export default createVigil();
