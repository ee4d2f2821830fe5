// GitHub's API on a loopback port: each HTTP request becomes a `Request` answered by the sandbox's `fetch`, so an app
// in another process (the server entry, the bench's app) talks to the sandbox over real HTTP.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { GitHubSandbox } from "@vigil/github-sandbox";

export interface SandboxServer {
  sandbox: GitHubSandbox;
  /** host:port, for GHE_HOST with GHE_PROTOCOL=http. */
  host: string;
  /** How long the sandbox has spent answering, in ms. */
  busyMs: () => number;
  close: () => Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
}

/** The sandbox `make` builds for this server's API URL (`http://127.0.0.1:PORT/api/v3`), served there. */
export async function sandboxServer(make: (apiUrl: string) => GitHubSandbox): Promise<SandboxServer> {
  const ref: { sandbox?: GitHubSandbox } = {};
  let busy = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const data = await body(req);
      const start = performance.now();
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const answer = await ref.sandbox!.fetch(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: data }));
      const out = Buffer.from(await answer.arrayBuffer());
      busy += performance.now() - start;
      const outHeaders: Record<string, string> = {};
      answer.headers.forEach((v, k) => (outHeaders[k] = v));
      // The sandbox's answer is already decoded.
      delete outHeaders["content-encoding"];
      outHeaders["content-length"] = String(out.length);
      res.writeHead(answer.status, outHeaders).end(out);
    })().catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sandbox = make(`http://${host}/api/v3`);
  ref.sandbox = sandbox;
  return {
    sandbox, host, busyMs: () => busy,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
