import { describe, expect, it } from "vitest";
import { classifyLines } from "../../../src/domain/markdown/line-kinds.js";

const kinds = (md: string): string[] => classifyLines(md).map((l) => `${l.kind}:${l.text}`);

describe("classifyLines (kept for markers)", () => {
  it("marks fenced code, quotes (lazy lines included) and HTML blocks", () => {
    expect(kinds("a\n```\nb\n```\n> q\nlazy\n\n<!--\nc\n-->\nd")).toEqual([
      "text:a", "code:```", "code:b", "code:```", "quote:> q", "quote:lazy", "text:",
      "html-comment:<!--", "html-comment:c", "html-comment:-->", "text:d",
    ]);
  });

  it("leaves indented code as text, as the line scanner did", () => {
    expect(kinds("\t<!-- vigil:x -->")).toEqual(["text:\t<!-- vigil:x -->"]);
  });

  it("splits CRLF", () => {
    expect(kinds("a\r\n```\r\nb\r\n```\r\nc")).toEqual(["text:a", "code:```", "code:b", "code:```", "text:c"]);
  });
});

describe("classifyLines: the line scanner's cases", () => {
  it("marks backtick and tilde fences of any length, fence lines included", () => {
    expect(kinds("a\n```\nb\n```\nc\n~~~~\nd\n~~~\ne\n~~~~\nf")).toEqual([
      "text:a", "code:```", "code:b", "code:```", "text:c",
      "code:~~~~", "code:d", "code:~~~", "code:e", "code:~~~~", "text:f",
    ]);
  });

  it("needs the same character and at least the same length to close", () => {
    expect(kinds("````\n```\n~~~~\n````\nx").at(-1)).toBe("text:x");
    expect(kinds("````\n```\nx").at(-1)).toBe("code:x");
  });

  it("does not close a fence with a closing line that has text after it", () => {
    expect(kinds("```\n``` not a close\nx").at(-1)).toBe("code:x");
  });

  it("treats an unclosed fence as running to the end", () => {
    expect(kinds("```js\nx\ny")).toEqual(["code:```js", "code:x", "code:y"]);
  });

  it("does not open a backtick fence whose info string holds a backtick", () => {
    expect(kinds("``` a`b\nx")).toEqual(["text:``` a`b", "text:x"]);
  });

  it("opens fences inside list items", () => {
    expect(kinds("- ```\n  x\n  ```\ny")).toEqual(["code:- ```", "code:  x", "code:  ```", "text:y"]);
  });

  it("keeps a top-level fence open past a line indented four spaces", () => {
    expect(kinds("```\n    ```\nx\n```\ny")).toEqual(["code:```", "code:    ```", "code:x", "code:```", "text:y"]);
  });

  it("marks quotes, but not lines inside fences", () => {
    expect(kinds("> q\n   > q2\n```\n> in code\n```")).toEqual([
      "quote:> q", "quote:   > q2", "code:```", "code:> in code", "code:```",
    ]);
  });

  it("does not let a fence inside a quote swallow what follows", () => {
    expect(kinds("> ```\n> x\ny")).toEqual(["quote:> ```", "quote:> x", "text:y"]);
  });

  it("marks HTML comments, single- and multi-line", () => {
    expect(kinds("<!-- one -->\nx\n<!--\ny\n-->\nz")).toEqual([
      "html-comment:<!-- one -->", "text:x", "html-comment:<!--", "html-comment:y", "html-comment:-->", "text:z",
    ]);
  });

  it("splits CRLF", () => {
    expect(kinds("a\r\n```\r\nb\r\n```\r\nc")).toEqual(["text:a", "code:```", "code:b", "code:```", "text:c"]);
  });
});
