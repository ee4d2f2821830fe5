import { describe, expect, it } from "vitest";
import { decodeMarker, encodeMarker } from "../../src/markers/codec.js";
import { findMarked, parseMarker, readMarker, renderMarker } from "../../src/markers/define.js";
import { isOwn, type Identity } from "../../src/markers/identity.js";
import { COMMAND_REPLY, INCIDENT_RECORD, NEEDS_INFO } from "../../src/markers/kinds.js";

const VIGIL: Identity = { login: "vigil[bot]", isBot: true };
const record = { issue: 7, declaredAt: "2026-11-23T18:00:00Z", severity: "sev1" as const, responder: "bob", chain: ["bob", "carol", "erin"], cmds: [[101, "0123456789abcdef", ["s:sev0", "n"]] as [number, string, string[]]] };

describe("marker codec", () => {
  it("round-trips data and versions", () => {
    const line = encodeMarker("incident-record", 2, { a: 1, b: "x" });
    expect(line).toBe('<!-- vigil:incident-record v2 {"a":1,"b":"x"} -->');
    expect(decodeMarker(`${line}\nbody`)).toEqual({ kind: "incident-record", version: 2, data: { a: 1, b: "x" } });
  });

  it("escapes everything that could end or split the comment: --, <, >, U+2028/2029, NUL, bidi", () => {
    const nasty = "a-->b<!--c\u2028d\u2029e\u0000f\u202eg";
    const line = encodeMarker("x", 1, { s: nasty });
    const inner = line.slice("<!-- ".length, -" -->".length);
    // eslint-disable-next-line no-control-regex -- NUL is one of the characters under test
    expect(inner).not.toMatch(/--|<|>|[\u2028\u2029\u0000\u202e]/u);
    expect(line.split("\n")).toHaveLength(1);
    expect((decodeMarker(line)?.data as { s: string }).s).toBe(nasty);
  });

  it("reads only the first line, so a marker quoted further down is text", () => {
    expect(decodeMarker(`hello\n${encodeMarker("x", 1, {})}`)).toBeNull();
  });

  it("reads versionless markers of earlier releases as version 1", () => {
    expect(decodeMarker('<!-- vigil:command-reply {"comment":5} -->')).toEqual({ kind: "command-reply", version: 1, data: { comment: 5 } });
  });

  it("reads a marker with CRLF, and nothing that does not start with one", () => {
    const line = encodeMarker("incident-record", 2, { a: 1 });
    expect(decodeMarker(`${line}\r\nrecord`)).toEqual({ kind: "incident-record", version: 2, data: { a: 1 } });
    expect(decodeMarker(` ${line}`)).toBeNull();
    expect(decodeMarker(`${"x".repeat(100_000)}${line}`)).toBeNull();
  });
});

describe("typed markers", () => {
  it("validate their data when written and when read", () => {
    const line = renderMarker(INCIDENT_RECORD, record);
    expect(parseMarker(INCIDENT_RECORD, line)).toEqual(record);
    expect(() => renderMarker(INCIDENT_RECORD, { ...record, responder: "not a login!" })).toThrow();
    expect(parseMarker(INCIDENT_RECORD, encodeMarker("incident-record", 2, { ...record, extra: "user text" }))).toBeNull();
  });

  it("upgrade version 1 records, keeping ids and enums and dropping the report text", () => {
    const v1 = `<!-- vigil:incident-record ${JSON.stringify({ v: 1, declaredAt: "2026-11-23T18:00:00Z", responder: "bob", chain: ["bob", "erin"], report: { severity: "sev0", summary: "secret" } })} -->`;
    expect(parseMarker(INCIDENT_RECORD, v1)).toEqual({ issue: 1, declaredAt: "2026-11-23T18:00:00Z", severity: "sev0", responder: "bob", chain: ["bob", "erin"], cmds: [] });
  });

  it("leave markers of a newer version alone", () => {
    expect(parseMarker(COMMAND_REPLY, encodeMarker("command-reply", 3, { comment: 1 }))).toBeNull();
  });

  it("read only their own kind, a kind whose name starts the same included, and versionless ones of it", () => {
    expect(parseMarker(COMMAND_REPLY, encodeMarker("command-reply-x", 2, { comment: 1 }))).toBeNull();
    expect(parseMarker(COMMAND_REPLY, encodeMarker("command", 2, { comment: 1 }))).toBeNull();
    expect(parseMarker(COMMAND_REPLY, '<!-- vigil:command-reply {"comment":5} -->')).toEqual({ comment: 5 });
    expect(parseMarker(COMMAND_REPLY, `${encodeMarker("command-reply", 2, { comment: 7 })}\r\ntext`)).toEqual({ comment: 7 });
  });
});

describe("trust: only Vigil's own identity", () => {
  const body = renderMarker(NEEDS_INFO, { issue: 1, open: true, hash: "0123456789abcdef" });
  it("accepts the app's bot under its REST and GraphQL logins", () => {
    expect(readMarker(NEEDS_INFO, { body, author: { login: "vigil[bot]", isBot: true } }, VIGIL)).not.toBeNull();
    expect(readMarker(NEEDS_INFO, { body, author: { login: "vigil", isBot: true } }, VIGIL)).not.toBeNull();
  });

  it("ignores another app's bot, a person, and a person whose login looks like the app", () => {
    for (const author of [{ login: "other-app[bot]", isBot: true }, { login: "mallory", isBot: false }, { login: "vigil", isBot: false }]) {
      expect(readMarker(NEEDS_INFO, { body, author }, VIGIL)).toBeNull();
    }
  });

  it("in the CLI trusts the token's own user", () => {
    const cli: Identity = { login: "alice", isBot: false };
    expect(isOwn({ login: "Alice", isBot: false }, cli)).toBe(true);
    expect(findMarked(NEEDS_INFO, [{ body, author: { login: "vigil[bot]", isBot: true } }], cli)).toEqual([]);
  });
});
