import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { Octokit } from "@octokit/core";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { httpFetch, REDIRECT_LIMIT } from "../../src/github/http-fetch.js";

// Real sockets on the loopback interface: nock's interception of node:http is lifted for this file, so keep-alive
// and reused sockets behave as they do in production.
beforeAll(() => nock.restore());
afterAll(() => nock.activate());

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  socket: Socket;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => {
    s.closeAllConnections();
    s.close(() => resolve());
  })));
});

async function serve(handler: Handler): Promise<{ base: string; seen: Seen[]; connections: () => number }> {
  const seen: Seen[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, socket: req.socket });
      handler(req, res, body);
    });
  });
  server.on("connection", () => connections++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, connections: () => connections };
}

const json = (res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(data));

describe("httpFetch: answers", () => {
  it("answers as fetch does: status, text, URL, headers (every value), and the body as JSON", async () => {
    const { base, seen } = await serve((_req, res) => {
      res.setHeader("set-cookie", ["a=1", "b=2"]);
      json(res, 200, { id: 7 }, { "x-ratelimit-remaining": "4999" });
    });
    const res = await httpFetch(`${base}/repos/acme/svc?x=1#frag`, { headers: { authorization: "token t", "User-Agent": "vigil" } });
    expect([res.status, res.statusText, res.ok, res.url, res.redirected, res.type]).toEqual([200, "OK", true, `${base}/repos/acme/svc?x=1`, false, "default"]);
    expect(res.headers.get("X-RateLimit-Remaining")).toBe("4999");
    expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(Object.fromEntries(res.headers)["content-type"]).toBe("application/json; charset=utf-8");
    expect(await res.json()).toEqual({ id: 7 });
    expect(res.bodyUsed).toBe(true);
    expect(seen[0]).toMatchObject({ method: "GET", url: "/repos/acme/svc?x=1", body: "" });
    expect(seen[0]!.headers).toMatchObject({ authorization: "token t", "user-agent": "vigil", accept: "*/*", "accept-encoding": "gzip, deflate, br" });
  });

  it("keeps the connection alive: requests one after another share one socket", async () => {
    const { base, connections } = await serve((_req, res) => json(res, 200, {}));
    for (let i = 0; i < 5; i++) await (await httpFetch(`${base}/${i}`)).text();
    expect(connections()).toBe(1);
  });

  it("sends a body with its length: a string, bytes, an ArrayBuffer, URLSearchParams, a Blob", async () => {
    const { base, seen } = await serve((_req, res) => res.writeHead(201).end());
    await httpFetch(`${base}/a`, { method: "POST", body: JSON.stringify({ title: "é" }), headers: { "content-type": "application/json; charset=utf-8" } });
    await httpFetch(`${base}/b`, { method: "put", body: "plain" });
    await httpFetch(`${base}/c`, { method: "PATCH", body: new TextEncoder().encode("bytes") });
    await httpFetch(`${base}/d`, { method: "POST", body: new TextEncoder().encode("buffer").buffer });
    await httpFetch(`${base}/e`, { method: "POST", body: new URLSearchParams({ q: "a b" }) });
    await httpFetch(`${base}/f`, { method: "POST", body: new Blob(["blob"], { type: "text/markdown" }) });
    expect(seen.map((s) => [s.method, s.body, s.headers["content-type"], s.headers["content-length"]])).toEqual([
      ["POST", '{"title":"é"}', "application/json; charset=utf-8", "14"],
      ["PUT", "plain", "text/plain;charset=UTF-8", "5"],
      ["PATCH", "bytes", undefined, "5"],
      ["POST", "buffer", undefined, "6"],
      ["POST", "q=a+b", "application/x-www-form-urlencoded;charset=UTF-8", "5"],
      ["POST", "blob", "text/markdown", "4"],
    ]);
  });

  it("answers 204 with no body and 404 with its error body, as fetch", async () => {
    const { base } = await serve((req, res) => (req.url === "/gone" ? json(res, 404, { message: "Not Found" }) : res.writeHead(204).end()));
    const empty = await httpFetch(`${base}/x`, { method: "DELETE" });
    expect([empty.status, empty.body, await empty.text()]).toEqual([204, null, ""]);
    const missing = await httpFetch(`${base}/gone`);
    expect([missing.status, missing.ok, missing.statusText]).toEqual([404, false, "Not Found"]);
    expect(await missing.json()).toEqual({ message: "Not Found" });
  });

  it("reads a body once, as fetch: a clone first, the stream, or the bytes", async () => {
    const { base } = await serve((_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("\uFEFFhello"));
    const res = await httpFetch(base);
    const copy = res.clone();
    expect(await res.text()).toBe("hello");
    await expect(res.text()).rejects.toThrow(TypeError);
    expect(() => res.clone()).toThrow(TypeError);
    expect(Buffer.from(await copy.arrayBuffer()).toString("utf8")).toBe("\uFEFFhello");
    const streamed = await httpFetch(base);
    const reader = streamed.body!.getReader();
    const { value } = await reader.read();
    expect(Buffer.from(value!).toString("utf8")).toBe("\uFEFFhello");
    expect((await reader.read()).done).toBe(true);
    await expect(streamed.arrayBuffer()).rejects.toThrow(TypeError);
    expect(await (await httpFetch(base)).blob()).toMatchObject({ type: "text/plain", size: 8 });
  });

  it("undoes gzip, brotli and deflate (zlib or raw); an unknown coding is left as sent", async () => {
    const text = JSON.stringify({ body: "x".repeat(5000) });
    const encodings: Record<string, Buffer> = { gzip: gzipSync(text), br: brotliCompressSync(text), deflate: deflateSync(text), raw: deflateRawSync(text), odd: Buffer.from("as sent") };
    const { base } = await serve((req, res) => {
      const name = (req.url ?? "").slice(1);
      res.writeHead(200, { "content-type": "application/json", "content-encoding": name === "raw" ? "deflate" : name === "odd" ? "x-unknown" : name }).end(encodings[name]);
    });
    for (const name of ["gzip", "br", "deflate", "raw"]) expect(await (await httpFetch(`${base}/${name}`)).text()).toBe(text);
    expect(await (await httpFetch(`${base}/odd`)).text()).toBe("as sent");
  });
});

describe("httpFetch: redirects, as fetch follows them", () => {
  it("follows a 301 for a GET and says so; the URL is the last one", async () => {
    const { base } = await serve((req, res) => (req.url === "/old" ? res.writeHead(301, { location: "/new" }).end() : json(res, 200, { at: req.url })));
    const res = await httpFetch(`${base}/old`);
    expect([res.status, res.url, res.redirected]).toEqual([200, `${base}/new`, true]);
    expect(await res.json()).toEqual({ at: "/new" });
  });

  it("turns a POST into a GET without its body on 302 and 303; keeps method and body on 307 and 308", async () => {
    const { base, seen } = await serve((req, res) => {
      const m = /^\/(\d{3})$/.exec(req.url ?? "");
      if (m) res.writeHead(Number(m[1]), { location: "/done" }).end();
      else res.writeHead(200).end();
    });
    for (const status of [302, 303, 307, 308]) {
      await httpFetch(`${base}/${status}`, { method: "POST", body: "payload", headers: { "content-type": "text/plain" } });
    }
    const done = seen.filter((s) => s.url === "/done").map((s) => [s.method, s.body, s.headers["content-type"] ?? null]);
    expect(done).toEqual([["GET", "", null], ["GET", "", null], ["POST", "payload", "text/plain"], ["POST", "payload", "text/plain"]]);
  });

  it("drops the credentials on a redirect to another origin, and keeps them on the same one", async () => {
    const other = await serve((_req, res) => res.writeHead(200).end());
    const { base, seen } = await serve((req, res) => {
      if (req.url === "/away") res.writeHead(302, { location: `${other.base}/there` }).end();
      else if (req.url === "/near") res.writeHead(302, { location: "/here" }).end();
      else res.writeHead(200).end();
    });
    await httpFetch(`${base}/away`, { headers: { authorization: "token secret", cookie: "c=1" } });
    await httpFetch(`${base}/near`, { headers: { authorization: "token secret" } });
    expect(other.seen[0]!.headers.authorization).toBeUndefined();
    expect(other.seen[0]!.headers.cookie).toBeUndefined();
    expect(seen.find((s) => s.url === "/here")!.headers.authorization).toBe("token secret");
  });

  it(`stops after ${REDIRECT_LIMIT} redirects; "manual" hands the redirect back; "error" refuses it`, async () => {
    const { base, seen } = await serve((req, res) => res.writeHead(302, { location: `/${Number((req.url ?? "/0").slice(1)) + 1}` }).end());
    await expect(httpFetch(`${base}/0`)).rejects.toMatchObject({ name: "TypeError", message: "fetch failed", cause: { message: "redirect count exceeded" } });
    expect(seen).toHaveLength(REDIRECT_LIMIT + 1);
    const manual = await httpFetch(`${base}/0`, { redirect: "manual" });
    expect([manual.status, manual.headers.get("location"), manual.redirected]).toEqual([302, "/1", false]);
    await expect(httpFetch(`${base}/0`, { redirect: "error" })).rejects.toThrow(TypeError);
  });
});

describe("httpFetch: failures", () => {
  it("a refused connection is fetch's TypeError, its cause naming the error", async () => {
    const { base } = await serve(() => undefined);
    servers[0]!.close();
    servers[0]!.closeAllConnections();
    await new Promise((r) => setTimeout(r, 10));
    await expect(httpFetch(`${base}/x`)).rejects.toMatchObject({ name: "TypeError", message: "fetch failed", cause: { code: "ECONNREFUSED" } });
  });

  it("an aborted signal rejects with its reason, before sending or while waiting for the answer", async () => {
    const { base, seen } = await serve(() => undefined);
    await expect(httpFetch(`${base}/never`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toHaveLength(0);
    const controller = new AbortController();
    const pending = httpFetch(`${base}/slow`, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
  });

  it("resends once when a kept-alive socket was closed by the server while idle", async () => {
    let served = 0;
    const { base, connections } = await serve((req, res) => {
      served++;
      // The second request arrives on the kept-alive socket: the server drops it, as an idle timeout would.
      if (served === 2) req.socket.destroy();
      else json(res, 200, { served });
    });
    await (await httpFetch(`${base}/1`)).text();
    const res = await httpFetch(`${base}/2`, { method: "POST", body: "{}" });
    expect(await res.json()).toEqual({ served: 3 });
    expect(connections()).toBe(2);
  });

  it("refuses what fetch refuses: a GET with a body, a Request object", async () => {
    await expect(httpFetch("http://127.0.0.1:1/", { body: "x" })).rejects.toThrow(TypeError);
    await expect(httpFetch(new Request("http://127.0.0.1:1/"))).rejects.toThrow(/URL/);
  });

  it("speaks TLS to an https URL", async () => {
    const first: Buffer[] = [];
    const tcp = createTcpServer((socket) => socket.once("data", (d: Buffer) => {
      first.push(d);
      socket.destroy();
    }));
    await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
    const port = (tcp.address() as AddressInfo).port;
    await expect(httpFetch(`https://127.0.0.1:${port}/`)).rejects.toThrow(TypeError);
    tcp.close();
    // A TLS handshake record: content type 22, protocol version 3.x.
    expect([first[0]?.[0], first[0]?.[1]]).toEqual([0x16, 0x03]);
  });
});

describe("httpFetch under Octokit", () => {
  it("Octokit reads answers and errors through it as through fetch", async () => {
    const { base } = await serve((req, res) => (req.url === "/repos/acme/svc" ? json(res, 200, { full_name: "acme/svc" }) : json(res, 404, { message: "Not Found", documentation_url: "https://docs" })));
    const octokit = new Octokit({ baseUrl: base, request: { fetch: httpFetch } });
    const { data, status, headers } = await octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "svc" });
    expect([status, data, headers["content-type"]]).toEqual([200, { full_name: "acme/svc" }, "application/json; charset=utf-8"]);
    await expect(octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "gone" })).rejects.toMatchObject({ status: 404, message: "Not Found - https://docs" });
  });
});
