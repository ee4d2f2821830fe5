import { describe, expect, it } from "vitest";
import { commandLines } from "../../../src/domain/markdown/command-lines.js";

const lines = (body: string): number[] => commandLines(body).map((l) => l.line);

describe("commandLines", () => {
  it("finds a lone command and gives its text and 1-based line", () => {
    expect(commandLines("/severity sev0")).toEqual([{ text: "/severity sev0", line: 1 }]);
    expect(commandLines("Update:\n\n   /status mitigating")).toEqual([{ text: "   /status mitigating", line: 3 }]);
  });

  it("counts every line of a paragraph that starts with /, not only the first", () => {
    expect(commandLines("/severity sev1\n/status mitigating")).toEqual([
      { text: "/severity sev1", line: 1 },
      { text: "/status mitigating", line: 2 },
    ]);
    expect(lines("Update:\n/severity sev1\nsome prose\n/escalate")).toEqual([2, 4]);
  });

  it("reads CRLF and lone CR line endings without keeping them", () => {
    expect(commandLines("hi\r\n/status resolved\r\n/note done\r\n")).toEqual([
      { text: "/status resolved", line: 2 },
      { text: "/note done", line: 3 },
    ]);
    expect(lines("hi\r/escalate")).toEqual([2]);
  });

  it("ignores a / that is not at the start of a line, or indented four spaces or more", () => {
    expect(lines("please run /escalate now")).toEqual([]);
    expect(lines("text\n\n    /status resolved\n\t/escalate")).toEqual([]);
    expect(lines("\\/status resolved")).toEqual([]);
  });

  it("ignores an HTML comment, on its own line, inline or over several lines", () => {
    expect(lines("<!-- /severity sev0 -->")).toEqual([]);
    expect(lines("<!--\n/severity sev0\n-->\n/status resolved")).toEqual([4]);
    expect(lines("foo <!--\n/severity sev0\n-->\nbar")).toEqual([]);
    expect(lines("foo <!-- x\n/severity sev0 -->\n/escalate")).toEqual([3]);
  });

  it("ignores other HTML blocks", () => {
    expect(lines("<details>\n/severity sev0\n</details>")).toEqual([]);
  });

  it("ignores block quotes, lazy continuation lines included", () => {
    expect(lines("> /severity emergency\n>/escalate\n   > /status resolved")).toEqual([]);
    expect(lines("> quote\n/severity sev0")).toEqual([]);
    expect(lines("> a\n> b\n/severity sev0\n/status resolved")).toEqual([]);
  });

  it("finds a command after a quote that a blank line has closed", () => {
    expect(commandLines(">quote\n\n/severity sev0")).toEqual([{ text: "/severity sev0", line: 3 }]);
  });

  it("ignores fenced code, backtick and tilde, of any length and unclosed", () => {
    expect(lines("```\n/status resolved\n```")).toEqual([]);
    expect(lines("~~~\n/severity emergency\n~~~")).toEqual([]);
    expect(lines("`````md\n```\n/escalate\n```\n`````\n/help")).toEqual([6]);
    expect(lines("```\n/escalate")).toEqual([]);
  });

  it("ignores fences inside list items, and lines of list items", () => {
    expect(lines("- ```\n  /status resolved\n  ```\n\n/help")).toEqual([5]);
    expect(lines("1. step\n   ~~~\n   /escalate\n   ~~~")).toEqual([]);
    // A command is a line that starts with `/`: a list item's line starts with its marker.
    expect(lines("- /note x\n* /escalate\n1. /help")).toEqual([]);
    expect(lines("- item\n/severity sev0")).toEqual([]); // lazy continuation of the item
  });

  it("ignores indented code", () => {
    expect(lines("para\n\n    /escalate\n\n/help")).toEqual([5]);
  });

  it("ignores a line inside a code span that opened on the line before", () => {
    expect(lines("see `the\n/severity sev0` command")).toEqual([]);
    expect(lines("see `the` and\n/severity sev0")).toEqual([2]);
  });

  it("ignores lines in tables and footnotes", () => {
    expect(lines("| a |\n| - |\n| /escalate |")).toEqual([]);
    expect(lines("x[^1]\n\n[^1]: /escalate")).toEqual([]);
  });

  it("returns nothing for an empty or ordinary comment", () => {
    expect(commandLines("")).toEqual([]);
    expect(commandLines("Looking into it.")).toEqual([]);
  });

  it("finds nothing in a comment with no line starting with /", () => {
    expect(commandLines("a path a/b and ` /x` mid-line\n  text / more")).toEqual([]);
    expect(commandLines("Update:\n/status mitigating")).toEqual([{ text: "/status mitigating", line: 2 }]);
  });
});
