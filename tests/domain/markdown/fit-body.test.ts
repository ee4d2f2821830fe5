import { describe, expect, it } from "vitest";
import { fitBody, GITHUB_BODY_LIMIT, SHORTENED_NOTE, truncateText } from "../../../src/domain/markdown/fit-body.js";
import { blockText, inlineText } from "../../../src/domain/sanitize.js";

describe("truncateText", () => {
  it("keeps a text that fits", () => {
    expect(truncateText("abc", 3)).toEqual({ text: "abc", truncated: false });
    expect(truncateText("", 0)).toEqual({ text: "", truncated: false });
  });

  it("cuts to the limit", () => {
    expect(truncateText("abcdef", 4)).toEqual({ text: "abcd", truncated: true });
    expect(truncateText("abc", -1)).toEqual({ text: "", truncated: true });
  });

  it("never cuts a surrogate pair in half", () => {
    expect(truncateText("ab😀c", 3)).toEqual({ text: "ab", truncated: true });
    expect(truncateText("ab😀c", 4)).toEqual({ text: "ab😀", truncated: true });
  });
});

describe("fitBody", () => {
  it("joins the parts as they are when they fit", () => {
    expect(fitBody([{ text: "# Title\n\n" }, { text: "a < b", shrinkable: true, render: inlineText }])).toBe("# Title\n\na &lt; b");
  });

  it("shortens the shrinkable parts, with the note, to the limit", () => {
    const body = fitBody([{ text: "head\n" }, { text: "x".repeat(500), shrinkable: true }, { text: "\ntail" }], 100);
    expect(body.length).toBeLessThanOrEqual(100);
    expect(body.startsWith("head\nxxx")).toBe(true);
    expect(body.endsWith(`x ${SHORTENED_NOTE}\ntail`)).toBe(true);
  });

  it("shortens the longest parts first and leaves short ones whole", () => {
    const body = fitBody(
      [{ text: "short", shrinkable: true }, { text: "|" }, { text: "y".repeat(1000), shrinkable: true }],
      300,
    );
    expect(body.startsWith("short|yyy")).toBe(true);
    expect(body.endsWith(SHORTENED_NOTE)).toBe(true);
    expect(body.length).toBeLessThanOrEqual(300);
    expect(body.length).toBeGreaterThan(290);
  });

  it("shortens before rendering, so a code block keeps its fence", () => {
    const body = fitBody([{ text: "Summary:\n" }, { text: "``` line\n".repeat(20_000), shrinkable: true, render: blockText }]);
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body).toMatch(/\n````$/);
    expect(body).toContain(SHORTENED_NOTE);
  });

  it("holds the limit with text that grows when escaped", () => {
    const body = fitBody([{ text: "<@#".repeat(40_000), shrinkable: true, render: inlineText }]);
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body.length).toBeGreaterThan(GITHUB_BODY_LIMIT - 20);
  });

  it("holds the limit even when the fixed parts alone are too long", () => {
    const body = fitBody([{ text: "z".repeat(200) }, { text: "w".repeat(50), shrinkable: true }], 120);
    expect(body.length).toBeLessThanOrEqual(120);
    expect(body.endsWith(SHORTENED_NOTE)).toBe(true);
    expect(fitBody([{ text: "z".repeat(200) }], 10).length).toBeLessThanOrEqual(10);
  });
});
