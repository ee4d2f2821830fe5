import type { IncomingMessage, ServerResponse } from "node:http";

type Middleware = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * Webhook deliveries POSTed to `/`. Without a webhook proxy, Probot's setup page registers the app with
 * the server's root URL as its webhook URL, while Probot serves webhooks at `/api/github/webhooks`: every
 * delivery would get a 404. This hands such requests to Probot's own webhook middleware (signature
 * checked the same way), so the registered URL works as it is. Only POSTs carrying GitHub's event header
 * are taken; `GET /` stays Probot's.
 */
export function rootWebhookRoute(middleware: () => Promise<Middleware>) {
  let pending: Promise<Middleware> | undefined;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "POST" || path !== "/" || req.headers["x-github-event"] === undefined) return false;
    pending ??= middleware();
    return (await pending)(req, res);
  };
}
