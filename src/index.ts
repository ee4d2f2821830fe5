import type { ApplicationFunction } from "probot";
import { ConfigCache } from "./config/cache.js";
import { coordinationFor } from "./coordination/from-env.js";
import type { RunResult } from "./engine/reconcile.js";
import type { Identity } from "./markers/identity.js";
import { appIdentity } from "./triggers/app-identity.js";
import { checkInstallations } from "./triggers/check-all.js";
import { cronRoute } from "./triggers/cron-route.js";
import type { AppRuntime } from "./triggers/engine-for.js";
import { leaseFor, parseInterval, startTimer, type Timer } from "./triggers/timer.js";
import { healthRoute } from "./triggers/health-route.js";
import { rootWebhookRoute } from "./triggers/root-webhook.js";
import { guardErrorLogs } from "./triggers/safe-log.js";
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
  /** Who Vigil is: the app's bot account by default; the token's own identity in GitHub Actions. */
  identity?: () => Promise<Identity>;
  /** Told what each run did (the Actions entry's job summary). */
  onResult?: AppRuntime["onResult"];
}

export type { RunResult };

/** Builds the Vigil Probot app: webhooks, the scheduled-check timer and the HTTP routes, all into one engine. */
export function createVigil(options: VigilOptions = {}): ApplicationFunction {
  const env = options.env ?? process.env;
  return (app, { addHandler }) => {
    const interval = parseInterval(env.VIGIL_CHECK_INTERVAL);
    if (!interval.ok) throw new Error(interval.error);
    const coordination = coordinationFor(env, app.log);
    guardErrorLogs(app.log);
    const runtime: AppRuntime = {
      cache: new ConfigCache(),
      now: options.now ?? (() => new Date()),
      identity: options.identity ?? appIdentity(app),
      serialize: coordination.serialize,
      deliveries: coordination.deliveries,
      ...(options.onResult ? { onResult: options.onResult } : {}),
    };
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

    // A process without an HTTP server (the Actions entry, tests) has no routes: Probot's addHandler throws there.
    const serve = (handler: Parameters<typeof addHandler>[0]) => {
      try {
        addHandler(handler);
        return true;
      } catch {
        return false;
      }
    };
    const serving = serve(healthRoute()) && serve(rootWebhookRoute(() => app.getNodeMiddleware({ path: "/" })));
    const secret = env.VIGIL_CRON_SECRET;
    if (secret && !(serving && serve(cronRoute(secret, check)))) {
      app.log.warn("VIGIL_CRON_SECRET is set but this process serves no HTTP (e.g. Actions): no cron route");
    }
  };
}

export default createVigil();
