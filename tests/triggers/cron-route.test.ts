import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cronRoute, CRON_PATH } from "../../src/triggers/cron-route.js";

// The route is served on the loopback interface; everything else stays blocked.
beforeAll(() => nock.enableNetConnect("127.0.0.1"));
afterAll(() => nock.disableNetConnect());

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function serve(secret: string) {
  const runs: (object | undefined)[] = [];
  const handler = cronRoute(secret, async (only) => {
    runs.push(only);
  });
  server = createServer((req, res) => {
    if (!handler(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  const call = (path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${port}${path}`, init);
  return { runs, call };
}

describe("the cron route", () => {
  it("answers 202 and runs the check with the right bearer secret", async () => {
    const { runs, call } = await serve("s3cret");
    const res = await call(CRON_PATH, { method: "POST", headers: { authorization: "Bearer s3cret" } });
    expect(res.status).toBe(202);
    expect(runs).toEqual([undefined]);
  });

  it("scopes the check to ?repo=owner/name", async () => {
    const { runs, call } = await serve("s3cret");
    const res = await call(`${CRON_PATH}?repo=acme/incidents`, { method: "POST", headers: { authorization: "Bearer s3cret" } });
    expect(res.status).toBe(202);
    expect(runs).toEqual([{ owner: "acme", repo: "incidents" }]);
  });

  it("answers 401 to a wrong or missing secret and runs nothing", async () => {
    const { runs, call } = await serve("s3cret");
    for (const headers of [{ authorization: "Bearer s3cre" }, { authorization: "Bearer s3cret2" }, {} as Record<string, string>, { authorization: "Basic s3cret" }]) {
      const res = await call(CRON_PATH, { method: "POST", headers });
      expect(res.status).toBe(401);
    }
    expect(runs).toEqual([]);
  });

  it("rejects other methods and malformed repos; other paths fall through", async () => {
    const { runs, call } = await serve("s3cret");
    expect((await call(CRON_PATH, { method: "GET", headers: { authorization: "Bearer s3cret" } })).status).toBe(405);
    expect((await call(`${CRON_PATH}?repo=../../etc`, { method: "POST", headers: { authorization: "Bearer s3cret" } })).status).toBe(400);
    expect((await call("/other", { method: "POST" })).status).toBe(404);
    expect(runs).toEqual([]);
  });
});
