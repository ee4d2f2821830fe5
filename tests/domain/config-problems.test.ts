import type { Node, Parent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { MAX_LISTED_PROBLEMS, MAX_MESSAGE_CHARS, renderConfigProblems, type ConfigProblemView } from "../../src/domain/config-problems.js";

const PATH = ".github/incident-response.yml";

function nodes(markdown: string): Node[] {
  const out: Node[] = [];
  const walk = (node: Node): void => {
    out.push(node);
    for (const child of (node as Parent).children ?? []) walk(child);
  };
  walk(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));
  return out;
}

const codeValues = (markdown: string): string[] =>
  nodes(markdown)
    .filter((n) => n.type === "inlineCode")
    .map((n) => (n as unknown as { value: string }).value);

describe("renderConfigProblems", () => {
  it("lists file, key and message, and says how to go on", () => {
    const text = renderConfigProblems([{ file: PATH, key: "oncall.rotation", message: "needs at least one GitHub login." }], PATH);
    expect(text).toBe(
      [
        "**Vigil cannot handle this incident yet: `.github/incident-response.yml` is invalid.**",
        "",
        "- `.github/incident-response.yml` → `oncall.rotation`: needs at least one GitHub login.",
        "",
        "Fix the configuration on the default branch (`npx vigil check-config FILE` checks it locally), then edit this issue or run a scheduled check: Vigil picks the incident up again.",
      ].join("\n"),
    );
  });

  it("keeps a key with backticks, a mention and HTML inert: one code span each, showing the text as written", () => {
    const key = "a`b``c @octocat <b>bold</b> <img src=x onerror=alert(1)> #1 [x](https://evil.example)";
    const file = "evil/`repo`:@team <script>.yml";
    const text = renderConfigProblems([{ file, key, message: "ping @octocat <b>now</b> `x`" }], PATH);
    const types = nodes(text).map((n) => n.type);
    expect(types).not.toContain("html");
    expect(types).not.toContain("link");
    expect(codeValues(text)).toEqual(expect.arrayContaining([key, file]));
    // The message is inline text: its mention is broken and its HTML escaped.
    const plain = nodes(text).filter((n) => n.type === "text").map((n) => (n as unknown as { value: string }).value);
    expect(plain.join("")).not.toMatch(/@octocat/);
    expect(text).toContain("&lt;b&gt;now&lt;/b&gt;");
  });

  it("shows line breaks and bidirectional controls in a key instead of obeying them", () => {
    const text = renderConfigProblems([{ file: PATH, key: "x\n# heading\u202Eevil", message: "m" }], PATH);
    expect(nodes(text).map((n) => n.type)).not.toContain("heading");
    expect(text).not.toContain("\u202E");
  });

  it(`lists at most ${MAX_LISTED_PROBLEMS} problems and counts the rest`, () => {
    const problems = Array.from({ length: 10_000 }, (_, i): ConfigProblemView => ({ file: PATH, key: `k${i}`, message: `problem ${i}` }));
    const text = renderConfigProblems(problems, PATH);
    expect(text.split("\n").filter((l) => l.startsWith("- `"))).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(text).toContain(`- and ${10_000 - MAX_LISTED_PROBLEMS} more`);
    expect(text).not.toContain("`k50`");
  });

  it("stays far below GitHub's 65,536-character limit whatever the problems hold", () => {
    const huge = (c: string) => c.repeat(200_000);
    const worst: ConfigProblemView = { file: huge("`"), key: huge("\u202E"), message: huge("&") };
    const problems = Array.from({ length: 10_000 }, (): ConfigProblemView => worst);
    const text = renderConfigProblems(problems, huge("<"));
    expect(text.length).toBeLessThan(45_000);
    for (const [i, c] of [["`", "`"], ["\u202E", "\u202E"], ["&", "&"]] as const) {
      const one = renderConfigProblems([{ file: c, key: i, message: huge(c) }], PATH);
      expect(one.length).toBeLessThan(1_500);
    }
  });

  it(`cuts a long message to ${MAX_MESSAGE_CHARS} characters as rendered, with an ellipsis, never inside an escape`, () => {
    const line = (message: string) => renderConfigProblems([{ file: PATH, key: "k", message }], PATH).split("\n")[2] ?? "";
    const prefix = "- `.github/incident-response.yml` → `k`: ";
    for (const message of ["x".repeat(5_000), "&".repeat(5_000), "@a ".repeat(2_000), "😀".repeat(2_000)]) {
      const shown = line(message).slice(prefix.length);
      expect(shown.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(shown.endsWith("…")).toBe(true);
      expect(shown).not.toMatch(/&(?:a|am|amp|l|lt|g|gt)…$/);
      expect(shown).not.toMatch(/[\ud800-\udbff]…$/);
    }
    expect(line("short")).toBe(`${prefix}short`);
  });

  it("keeps an empty list readable", () => {
    expect(renderConfigProblems([], PATH)).toContain("is invalid");
  });
});
