import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createVigil } from "../../src/index.js";
import { safeError } from "../../src/triggers/safe-log.js";
import { createTestProbot } from "@vigil/github-sandbox";
import { INCIDENT_FORM, renderFormBody } from "../helpers/incident-form.js";
import { answers, optedInSandbox, OWNER, REPO } from "../helpers/world.js";

const SECRET_TEXT = "customer-ssn-123-45-6789 leaked via db-1";

/** A pino logger at trace level whose every line is kept, parsed. */
function capturingLog() {
  const lines: { level: number; [key: string]: unknown }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as { level: number });
      done();
    },
  });
  return { log: pino({ level: "trace" }, stream), lines };
}

async function failingDelivery() {
  const sandbox = optedInSandbox();
  const { log, lines } = capturingLog();
  const app = createTestProbot(sandbox, createVigil({ now: () => sandbox.clock.now, env: { VIGIL_CHECK_INTERVAL: "0" } }), { log });
  const issue = sandbox.addIssue(OWNER, REPO, { title: "x", body: renderFormBody(INCIDENT_FORM, answers({ summary: SECRET_TEXT })), labels: ["incident"], user: "bob" });
  // GitHub keeps failing the read of the issue, so the handler fails, carrying the delivery (and its payload, the issue body).
  sandbox.injectFault({ kind: "server-error", status: 500, route: "/graphql", times: 50 });
  const failure = await app.receive("issues", sandbox.payloadFor.issues("opened", OWNER, REPO, issue.number, { sender: "bob" }), "delivery-42").then(
    () => undefined,
    (error: unknown) => error,
  );
  return { failure, lines };
}

describe("a failing webhook handler's logs", () => {
  it("name the delivery, the event and the error, and never the incident's text at info or above", async () => {
    const { failure, lines } = await failingDelivery();
    expect(failure).toBeInstanceOf(Error);
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((l) => JSON.stringify(l).includes("delivery-42") && JSON.stringify(l).includes('"name":"issues"'))).toBe(true);
    expect(errors.some((l) => JSON.stringify(l).includes("500"))).toBe(true);
    for (const line of lines.filter((l) => l.level >= 30)) expect(JSON.stringify(line)).not.toContain(SECRET_TEXT);
    // The text was there to leak: Probot logs each delivery at debug.
    expect(lines.some((l) => l.level < 30 && JSON.stringify(l).includes(SECRET_TEXT))).toBe(true);
  });
});

describe("safeError", () => {
  it("keeps type, message, status, request method and URL, event ids; drops payload, request body and response data", () => {
    const error = Object.assign(new Error("Server Error"), {
      status: 502,
      request: { method: "POST", url: "https://api.github.com/repos/a/b/issues/1/comments", body: { body: SECRET_TEXT } },
      response: { data: { message: SECRET_TEXT } },
      event: { id: "d-1", name: "issues", payload: { action: "opened", repository: { full_name: "a/b" }, issue: { body: SECRET_TEXT } } },
    });
    const safe = safeError(new AggregateError([error], "Server Error")) as Record<string, unknown>;
    expect(JSON.stringify(safe)).not.toContain(SECRET_TEXT);
    expect(safe.errors).toEqual([
      expect.objectContaining({ type: "Error", message: "Server Error", status: 502, request: { method: "POST", url: "https://api.github.com/repos/a/b/issues/1/comments" }, event: { id: "d-1", name: "issues", action: "opened", repository: "a/b" } }),
    ]);
    expect(safeError("just text")).toBe("just text");
  });
});
