import type { Probot } from "probot";
import type { Identity } from "../markers/identity.js";

/**
 * The app's bot account, resolved once per process from `GET /app` (app authentication): its
 * comments are the only ones whose markers Vigil trusts. A failed lookup is retried next time.
 */
export function appIdentity(app: Probot): () => Promise<Identity> {
  let pending: Promise<Identity> | undefined;
  return () => {
    pending ??= (async () => {
      const octokit = await app.auth();
      const { data } = await octokit.rest.apps.getAuthenticated();
      if (!data?.slug) throw new Error("GET /app returned no slug");
      return { login: `${data.slug}[bot]`, isBot: true };
    })();
    pending.catch(() => {
      pending = undefined;
    });
    return pending;
  };
}
