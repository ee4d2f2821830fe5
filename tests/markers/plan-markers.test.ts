import { describe, expect, it } from "vitest";
import { encodeMarker } from "../../src/markers/codec.js";
import { parseMarker, renderMarker } from "../../src/markers/define.js";
import { INCIDENT_RECORD, PLAN_CHECKLIST } from "../../src/markers/kinds.js";

const record = (ops: string[]) => ({
  issue: 7, declaredAt: "2026-11-23T18:00:00Z", severity: "sev1" as const, responder: "bob", chain: ["bob"],
  cmds: [[101, "0123456789abcdef", ops] as [number, string, string[]]],
});

describe("op codes of /comms and /plan", () => {
  it("accepts `c`, `P` and `P:<slug>`", () => {
    const data = record(["c", "P", "P:lost-laptop", `P:${"a".repeat(60)}`, "n"]);
    expect(parseMarker(INCIDENT_RECORD, renderMarker(INCIDENT_RECORD, data))).toEqual(data);
  });

  it.each(["P:../x", "P:", "P:Lost-laptop", "P:lost--laptop", "P:-x", "P:x-", `P:${"a".repeat(61)}`, "P:a/b", "P:a b", "p:x", "c:acme", "C"])(
    "rejects %j, written or read", (code) => {
      expect(() => renderMarker(INCIDENT_RECORD, record([code]))).toThrow();
      expect(parseMarker(INCIDENT_RECORD, encodeMarker("incident-record", 2, record([code])))).toBeNull();
    },
  );
});

describe("PLAN_CHECKLIST", () => {
  it("round-trips an issue and a slug", () => {
    const line = renderMarker(PLAN_CHECKLIST, { issue: 42, slug: "lost-laptop" });
    expect(line).toBe('<!-- vigil:plan-checklist v1 {"issue":42,"slug":"lost\\u002dlaptop"} -->');
    expect(parseMarker(PLAN_CHECKLIST, `${line}\n### Response plan`)).toEqual({ issue: 42, slug: "lost-laptop" });
  });

  it("rejects anything but a positive issue and a slug, and extra fields", () => {
    for (const data of [{ issue: 0, slug: "x" }, { issue: 1.5, slug: "x" }, { issue: 1, slug: "../x" }, { issue: 1, slug: "" }, { issue: 1, slug: "A" }, { issue: 1, slug: "x", name: "X" }]) {
      expect(() => renderMarker(PLAN_CHECKLIST, data as { issue: number; slug: string })).toThrow();
      expect(parseMarker(PLAN_CHECKLIST, encodeMarker("plan-checklist", 1, data))).toBeNull();
    }
  });
});
