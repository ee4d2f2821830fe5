import type { Probot } from "probot";
import { appBotIdentity } from "../github/installations.js";
import type { Identity } from "../markers/identity.js";

/**
 * The app's bot account, resolved once per process from `GET /app` (app authentication): its
 * comments are the only ones whose markers Vigil trusts. A failed lookup is retried next time.
 */
export function appIdentity(app: Probot): () => Promise<Identity> {
  let pending: Promise<Identity> | undefined;
  return () => {
    pending ??= app.auth().then(appBotIdentity);
    pending.catch(() => {
      pending = undefined;
    });
    return pending;
  };
}
