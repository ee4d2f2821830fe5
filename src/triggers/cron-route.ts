import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseRepoName } from "../domain/repo-name.js";

/** The path of the external cron route. */
export const CRON_PATH = "/api/vigil/check";

// Hashing both sides first gives equal lengths, so the comparison time says nothing about the secret.
function sameSecret(given: string, secret: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(secret));
}


/**
 * `POST /api/vigil/check` for an external cron (SPEC 2.9): `Authorization: Bearer <secret>`, optional
 * `?repo=owner/name`. Answers 202 and runs the check after answering; 401 without the right secret,
 * 405 for another method, 400 for a malformed `repo`. Other paths fall through (false).
 */
export function cronRoute(secret: string, run: (only?: { owner: string; repo: string }) => Promise<unknown>) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== CRON_PATH) return false;
    const reply = (status: number, body: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
      return true;
    };
    if (req.method !== "POST") return reply(405, { error: "use POST" }, { allow: "POST" });
    const auth = req.headers.authorization ?? "";
    const token = /^Bearer (.+)$/.exec(auth)?.[1] ?? "";
    if (!sameSecret(token, secret)) return reply(401, { error: "missing or wrong bearer token" }, { "www-authenticate": "Bearer" });
    const repo = url.searchParams.get("repo");
    let only: { owner: string; repo: string } | undefined;
    if (repo !== null) {
      only = parseRepoName(repo) ?? undefined;
      if (!only) return reply(400, { error: `repo must be owner/name, got ${JSON.stringify(repo.slice(0, 100))}` });
    }
    reply(202, { accepted: true, ...(only ? { repo: `${only.owner}/${only.repo}` } : {}) });
    void run(only).catch(() => undefined);
    return true;
  };
}
