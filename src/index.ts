import type { ApplicationFunction } from "probot";
import { ConfigCache } from "./config/cache.js";
import { appIdentity } from "./triggers/app-identity.js";
import { checkInstallations } from "./triggers/check-all.js";
import { cronRoute } from "./triggers/cron-route.js";
import type { AppRuntime } from "./triggers/engine-for.js";
import { parseInterval, startTimer } from "./triggers/timer.js";
import { registerWebhooks } from "./triggers/webhooks.js";

/** Options for building the app; tests and the demo pass a clock and their own environment. */
export interface VigilOptions {
  now?: () => Date;
  /** `VIGIL_CHECK_INTERVAL` and `VIGIL_CRON_SECRET`; process.env by default. */
  env?: Record<string, string | undefined>;
}

/** Builds the Vigil Probot app: webhooks, the scheduled-check timer and the cron route, all into one engine. */
export function createVigil(options: VigilOptions = {}): ApplicationFunction {
  const env = options.env ?? process.env;
  return (app, { addHandler }) => {
    const runtime: AppRuntime = { cache: new ConfigCache(), now: options.now ?? (() => new Date()), identity: appIdentity(app) };
    registerWebhooks(app, runtime);

    const check = async (only?: { owner: string; repo: string }) => {
      const summary = await checkInstallations(app, runtime, only);
      app.log.info(summary, "scheduled check done");
    };
    const interval = parseInterval(env.VIGIL_CHECK_INTERVAL);
    if (!interval.ok) throw new Error(interval.error);
    if (interval.ms > 0) startTimer(interval.ms, check);

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
