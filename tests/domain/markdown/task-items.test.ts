import { describe, expect, it } from "vitest";
import { taskItems } from "../../../src/domain/markdown/task-items.js";

describe("taskItems", () => {
  it("reads every bullet, ordered items, and [x] or [X]", () => {
    const md = ["- [ ] dash", "", "* [x] star", "", "+ [X] plus", "", "1. [ ] first", "2. [x] second"].join("\n");
    expect(taskItems(md)).toEqual([
      { text: "dash", checked: false, depth: 0, line: 1 },
      { text: "star", checked: true, depth: 0, line: 3 },
      { text: "plus", checked: true, depth: 0, line: 5 },
      { text: "first", checked: false, depth: 0, line: 7 },
      { text: "second", checked: true, depth: 0, line: 8 },
    ]);
  });

  it("reads nested items with their depth, and an item's text without its children", () => {
    const md = "- [ ] parent\n  - [x] child\n    1. [ ] grandchild\n  - plain child\n- [x] next";
    expect(taskItems(md)).toEqual([
      { text: "parent", checked: false, depth: 0, line: 1 },
      { text: "child", checked: true, depth: 1, line: 2 },
      { text: "grandchild", checked: false, depth: 2, line: 3 },
      { text: "next", checked: true, depth: 0, line: 5 },
    ]);
  });

  it("joins an item's wrapped lines with a space, as GitHub shows them", () => {
    expect(taskItems("- [ ] a long\n  item text\r\n  that wraps")).toEqual([
      { text: "a long item text that wraps", checked: false, depth: 0, line: 1 },
    ]);
  });

  it("keeps inline markdown in the text as typed", () => {
    expect(taskItems("- [x] Rotate `API_KEY` and [docs](https://x.example)")[0]?.text).toBe(
      "Rotate `API_KEY` and [docs](https://x.example)",
    );
  });

  it("reads CRLF documents", () => {
    expect(taskItems("Intro\r\n\r\n- [x] one\r\n- [ ] two\r\n").map((i) => [i.text, i.checked, i.line])).toEqual([
      ["one", true, 3],
      ["two", false, 4],
    ]);
  });

  it("ignores items in fenced or indented code, also inside a list", () => {
    expect(taskItems("```\n- [x] fenced\n```\n~~~\n- [ ] tilde\n~~~")).toEqual([]);
    expect(taskItems("para\n\n    - [x] indented code")).toEqual([]);
    expect(taskItems("- [ ] outer\n  ```\n  - [x] in a fence in the item\n  ```").map((i) => i.text)).toEqual(["outer"]);
  });

  it("ignores items in block quotes and HTML comments", () => {
    expect(taskItems("> - [x] quoted\n\n- [ ] real").map((i) => i.text)).toEqual(["real"]);
    expect(taskItems("<!--\n- [x] hidden\n-->\n- [ ] shown").map((i) => i.text)).toEqual(["shown"]);
  });

  it("ignores what GitHub does not render as a task", () => {
    for (const md of ["- plain", "- [] x", "-[x] x", "- [y] x", "[x] no bullet", "text - [x] in the middle", "- [x]"]) {
      expect(taskItems(md)).toEqual([]);
    }
  });

  it("reads a box holding a tab, and answers the same for the same text again", () => {
    const md = "- [\t] tab box\n- [x] done";
    const first = taskItems(md);
    expect(first).toEqual([
      { text: "tab box", checked: false, depth: 0, line: 1 },
      { text: "done", checked: true, depth: 0, line: 2 },
    ]);
    expect(taskItems(md)).toEqual(first);
  });

  it("finds no item, without parsing, in a document with no box, and items once a box is typed", () => {
    expect(taskItems("- [link](https://example.com) and [ref]\n- item")).toEqual([]);
    expect(taskItems("- [link](https://example.com) and [ref]\n- [ ] item")).toEqual([{ text: "item", checked: false, depth: 0, line: 2 }]);
  });
});
