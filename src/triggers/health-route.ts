import type { IncomingMessage, ServerResponse } from "node:http";

/** The path a container or load balancer probes. */
export const HEALTH_PATH = "/api/vigil/health";

/**
 * `GET /api/vigil/health` → 200 `{"ok":true}`. It says the process serves HTTP and loaded the app; it
 * deliberately calls no GitHub API, so a GitHub outage does not get every replica restarted.
 */
export function healthRoute() {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== HEALTH_PATH) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "application/json" }).end(JSON.stringify({ error: "use GET" }));
      return true;
    }
    const body = JSON.stringify({ ok: true });
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
