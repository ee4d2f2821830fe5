import { describe, expect, it } from "vitest";
import { MARKER, findMarker, findMarkers, hasMarker, marker } from "../../src/domain/markers.js";

describe("marker", () => {
  it("renders a bare marker and one with data", () => {
    expect(marker("incident-record")).toBe("<!-- vigil:incident-record -->");
    expect(marker("timeline", { event: "status", to: "resolved", n: 3 })).toBe(
      '<!-- vigil:timeline {"event":"status","to":"resolved","n":3} -->',
    );
  });

  it("escapes data so it cannot end or nest the comment", () => {
    const data = { text: "a --> b --!> c <!-- d", "key-->": "-", n: -5, e: 1e-7 };
    const out = marker("timeline", data);
    const inner = out.slice("<!--".length, -"-->".length);
    expect(inner).not.toMatch(/--|[<>]/);
    expect(findMarker(out, "timeline")).toEqual(data);
  });

  it("round-trips unicode, quotes, backslashes and newlines", () => {
    const data = { s: 'line1\nline2 "quoted" \\ back ✓ — dash', nested: { list: [1, "x-y", null, true] } };
    expect(findMarker(`text\n${marker("note", data)}\nmore`, "note")).toEqual(data);
  });

  it("rejects kinds that could break the comment or the pattern", () => {
    for (const kind of ["", "Bad", "a--b", "a-", "-a", "a b", "a>b"]) {
      expect(() => marker(kind)).toThrow(/invalid marker kind/);
    }
  });
});

describe("findMarker", () => {
  const body = ["## Incident record", "", marker(MARKER.incidentRecord, { issue: 12 }), "Body text"].join("\n");

  it("finds the marker's data, and a bare marker as an empty object", () => {
    expect(findMarker(body, "incident-record")).toEqual({ issue: 12 });
    expect(findMarker(`x\n${marker("needs-info")}`, "needs-info")).toEqual({});
    expect(hasMarker(body, "incident-record")).toBe(true);
    expect(hasMarker(body, "needs-info")).toBe(false);
  });

  it("tolerates whitespace and CRLF", () => {
    expect(findMarker('  <!--vigil:timeline   {"a":1}  -->\r\nnext', "timeline")).toEqual({ a: 1 });
    expect(findMarker("\t<!--   vigil:needs-info-->", "needs-info")).toEqual({});
  });

  it("matches the kind exactly", () => {
    expect(findMarker(marker("postmortem-link"), "postmortem")).toBeNull();
    expect(findMarker(marker("postmortem"), "postmortem-link")).toBeNull();
  });

  it("ignores markers that do not start a line", () => {
    expect(findMarker(`quoted: ${marker("incident-record")}`, "incident-record")).toBeNull();
    expect(findMarker(`> ${marker("incident-record")}`, "incident-record")).toBeNull();
  });

  it("ignores markers inside fenced code", () => {
    expect(findMarker(["```", marker("incident-record"), "```"].join("\n"), "incident-record")).toBeNull();
    expect(findMarker(["~~~~", marker("incident-record"), "~~~~", marker("incident-record", { ok: 1 })].join("\n"), "incident-record"))
      .toEqual({ ok: 1 });
  });

  it("ignores markers whose data is not a JSON object", () => {
    expect(findMarker('<!-- vigil:timeline {"a":1 -->', "timeline")).toBeNull();
    expect(findMarker("<!-- vigil:timeline [1,2] -->", "timeline")).toBeNull();
    expect(findMarker("<!-- vigil:timeline 42 -->", "timeline")).toBeNull();
  });

  it("finds every marker of a kind in order", () => {
    const all = [marker("timeline", { i: 1 }), "text", marker("reminder"), marker("timeline", { i: 2 })].join("\n");
    expect(findMarkers(all, "timeline")).toEqual([{ i: 1 }, { i: 2 }]);
  });
});
