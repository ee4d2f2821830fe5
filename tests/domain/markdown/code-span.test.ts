import { describe, expect, it } from "vitest";
import { codeSpan } from "../../../src/domain/markdown/code-span.js";
import { parseMarkdown } from "../../../src/domain/markdown/parse.js";

// What GitHub would show: the one inline code node of the paragraph.
function rendered(markdown: string): string | null {
  const para = parseMarkdown(`x ${markdown} y`).children;
  if (para.length !== 1 || para[0]?.type !== "paragraph") return null;
  const codes = para[0].children.filter((c) => c.type === "inlineCode");
  return codes.length === 1 && codes[0]?.type === "inlineCode" ? codes[0].value : null;
}

describe("codeSpan", () => {
  it("wraps plain text in single backticks", () => {
    expect(codeSpan("oncall.rotation")).toBe("`oncall.rotation`");
    expect(rendered(codeSpan("oncall.rotation"))).toBe("oncall.rotation");
  });

  it("uses a backtick run longer than any inside", () => {
    expect(codeSpan("a`b``c")).toBe("```a`b``c```");
    expect(rendered(codeSpan("a`b``c"))).toBe("a`b``c");
  });

  it("pads text that starts or ends with a backtick or a space, so it shows as typed", () => {
    expect(codeSpan("`x")).toBe("`` `x ``");
    for (const text of ["`x", "x`", "`", " a ", " a", "a "]) expect(rendered(codeSpan(text))).toBe(text);
  });

  it("shows line endings, controls, bidi and invisible characters as code points", () => {
    expect(codeSpan("a\nb")).toBe("`a\\u000Ab`");
    expect(codeSpan("key\u202Etxt.exe")).toBe("`key\\u202Etxt.exe`");
    for (const c of ["\r", "\u2028", "\u2029", "\u0085", "\u0000", "\u200E", "\u061C", "\u2066", "\u200B", "\uFEFF", "\uD800"]) {
      expect(codeSpan(`a${c}b`)).toMatch(/^`a\\u[0-9A-F]{4}b`$/);
    }
  });

  it("cannot be broken out of", () => {
    for (const text of ["a\n# heading", "`` `x` ``", "x` <b>bold</b> `", "<!-- vigil:x -->", "a\n\n```\nb"]) {
      expect(rendered(codeSpan(text))).not.toBeNull();
    }
    expect(rendered(codeSpan("x` <b>b</b> `"))).toBe("x` <b>b</b> `");
  });

  it("keeps other non-ASCII text", () => {
    expect(codeSpan("clé 🔑")).toBe("`clé 🔑`");
  });

  it("gives a span for an empty string", () => {
    expect(rendered(codeSpan(""))).toBe(" ");
  });
});
