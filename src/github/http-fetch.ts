// The part of `fetch` Octokit uses, over node:http and node:https with kept-alive connections; the server hands it
// to Probot's Octokit (src/server.ts).
//
// Why not Node's own fetch: undici registers every Response with a FinalizationRegistry and keeps its body stream
// behind a WeakRef. V8's young-generation GC cannot clear those, so every answer of every request, with all it
// holds, is promoted to the old generation and freed only by a mark-compact: 9-11 mark-compacts per 1,000
// deliveries, each a 10-20 ms pause in some delivery, against 3 with this transport (README, Scale).

// The modules themselves, looked up at each call, so whatever wraps `http.request` (an APM agent, nock) sees these too.
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { promisify } from "node:util";
import { brotliDecompress, gunzip, inflate, inflateRaw } from "node:zlib";
import { BufferedResponse } from "./http-response.js";

/** As fetch: at most 20 redirects are followed. */
export const REDIRECT_LIMIT = 20;
/** As undici's headers and body timeouts: a connection silent this long fails the request. */
export const IDLE_TIMEOUT_MS = 300_000;

const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };
const decoders: Record<string, (b: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  "x-gzip": promisify(gunzip),
  br: promisify(brotliDecompress),
  // "deflate" is meant to be zlib-wrapped, but some servers send it raw; fetch accepts both.
  deflate: (b) => promisify(inflate)(b).catch(() => promisify(inflateRaw)(b)),
};
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-language", "content-location"];
const CROSS_ORIGIN_DROPPED = ["authorization", "cookie", "proxy-authorization"];
const STANDARD_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH"]);
// A kept-alive socket the server closed while idle fails the next request before any answer. It is sent again once,
// on a new connection: what Octokit's retry plugin would do anyway (it retries a network error, POSTs included),
// a second later.
const STALE_SOCKET = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
  content: Buffer;
}

const networkError = (cause: unknown) => new TypeError("fetch failed", { cause });
const abortReason = (signal: AbortSignal): unknown => signal.reason ?? new DOMException("This operation was aborted", "AbortError");

/** `fetch(url, init)` for a URL (not a Request): same answers, errors and redirects, the body read whole. */
export async function httpFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  if (typeof input !== "string" && !(input instanceof URL)) throw new TypeError("httpFetch takes a URL string or a URL, not a Request");
  let url = new URL(input);
  const given = init.method ?? "GET";
  let method = STANDARD_METHODS.has(given.toUpperCase()) ? given.toUpperCase() : given;
  const headers = new Headers(init.headers);
  if (!headers.has("accept")) headers.set("accept", "*/*");
  if (!headers.has("accept-encoding")) headers.set("accept-encoding", "gzip, deflate, br");
  let body = await bodyBytes(init.body, headers);
  if (body && (method === "GET" || method === "HEAD")) throw new TypeError(`a ${method} request cannot have a body`);
  const signal = init.signal ?? undefined;
  const mode = init.redirect ?? "follow";
  for (let redirects = 0; ; redirects++) {
    const answer = await exchange(url, method, headers, body, signal);
    const location = answer.headers.get("location");
    if (![301, 302, 303, 307, 308].includes(answer.status) || location === null || mode === "manual") {
      return new BufferedResponse(answer.content, answer.status, answer.statusText, answer.headers, url.href.replace(/#.*$/, ""), redirects > 0);
    }
    if (mode === "error") throw networkError(new Error(`${url.href} redirected, and redirect is "error"`));
    if (redirects >= REDIRECT_LIMIT) throw networkError(new Error("redirect count exceeded"));
    const next = new URL(location, url);
    if (next.protocol !== "http:" && next.protocol !== "https:") throw networkError(new Error(`URL scheme must be a HTTP(S) scheme: ${next.href}`));
    if (((answer.status === 301 || answer.status === 302) && method === "POST") || (answer.status === 303 && method !== "GET" && method !== "HEAD")) {
      method = "GET";
      body = undefined;
      for (const name of BODY_HEADERS) headers.delete(name);
    }
    if (next.origin !== url.origin) for (const name of CROSS_ORIGIN_DROPPED) headers.delete(name);
    url = next;
  }
}

/** The body as bytes, and its content type when the caller gave none (as fetch extracts it). */
async function bodyBytes(body: RequestInit["body"], headers: Headers): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") {
    if (!headers.has("content-type")) headers.set("content-type", "text/plain;charset=UTF-8");
    return Buffer.from(body, "utf8");
  }
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // Blob, FormData, URLSearchParams, streams: fetch's own extraction, read whole.
  const extracted = new Response(body as ConstructorParameters<typeof Response>[0]);
  const type = extracted.headers.get("content-type");
  if (type !== null && !headers.has("content-type")) headers.set("content-type", type);
  return Buffer.from(await extracted.arrayBuffer());
}

function exchange(url: URL, method: string, headers: Headers, body: Buffer | undefined, signal: AbortSignal | undefined, retried = false): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const outgoing: Record<string, string> = Object.fromEntries(headers);
    if (body) outgoing["content-length"] = String(body.byteLength);
    const secure = url.protocol === "https:";
    const req = (secure ? https : http).request(url, { method, headers: outgoing, agent: secure ? agents["https:"] : agents["http:"] });
    let settled = false;
    let answered = false;
    const settle = (error: unknown, answer?: Answer) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      if (answer) resolve(answer);
      else reject(error);
    };
    const onAbort = () => {
      settle(abortReason(signal!));
      req.destroy();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    req.setTimeout(IDLE_TIMEOUT_MS, () => req.destroy(new Error(`${url.host} sent nothing for ${IDLE_TIMEOUT_MS / 1000} s`)));
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (!settled && !answered && !retried && req.reusedSocket && STALE_SOCKET.has(error.code ?? "")) {
        settled = true;
        signal?.removeEventListener("abort", onAbort);
        exchange(url, method, headers, body, signal, true).then(resolve, reject);
        return;
      }
      settle(networkError(error));
    });
    req.on("response", (res: IncomingMessage) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) => settle(networkError(error)));
      res.on("end", () => {
        decoded(Buffer.concat(chunks), method === "HEAD" ? null : res.headers["content-encoding"]).then(
          (content) => settle(undefined, { status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", headers: headersOf(res.rawHeaders), content }),
          (error: unknown) => settle(networkError(error)),
        );
      });
    });
    req.end(body);
  });
}

function headersOf(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/** The body with its content codings undone, last applied first; an unknown coding leaves it as sent. */
async function decoded(content: Buffer, encoding: string | null | undefined): Promise<Buffer> {
  if (!encoding || content.byteLength === 0) return content;
  const codings = encoding.toLowerCase().split(",").map((c) => c.trim()).filter((c) => c !== "" && c !== "identity");
  let out = content;
  for (const coding of codings.reverse()) {
    const decode = decoders[coding];
    if (!decode) return content;
    out = await decode(out);
  }
  return out;
}
