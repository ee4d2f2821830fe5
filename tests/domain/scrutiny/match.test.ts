import { describe, expect, it } from "vitest";
import { addedLines } from "../../../src/domain/scrutiny/diff.js";
import { matchThreats, SCAN_LIMITS, scrutinyConfigured } from "../../../src/domain/scrutiny/match.js";

const threat = (name: string, paths: string[], patterns: string[]) => ({ name, paths, patterns, checklist: [] });
const XSS = threat("XSS", ["web/**/*.tsx"], ["dangerouslySetInnerHTML", "innerHTML\\s*="]);
const SQL = threat("SQL", [], ["query\\(.*\\+"]);

describe("addedLines", () => {
  it("numbers added lines as the new file has them, across hunks, skipping removed lines", () => {
    const patch = "@@ -1,3 +1,4 @@\n a\n-b\n+B\n+C\n c\n@@ -10,2 +11,3 @@\n x\n+y\n z\n\\ No newline at end of file";
    expect(addedLines(patch, 100)).toEqual({ lines: [{ line: 2, text: "B" }, { line: 3, text: "C" }, { line: 12, text: "y" }], cut: false });
  });

  it("stops at the limit and says so", () => {
    expect(addedLines("@@ -0,0 +1,3 @@\n+a\n+b\n+c", 2)).toEqual({ lines: [{ line: 1, text: "a" }, { line: 2, text: "b" }], cut: true });
  });
});

describe("matchThreats", () => {
  it("matches by path (dotfiles included) and by pattern over added lines only", () => {
    const result = matchThreats([XSS, SQL], [
      { path: "web/a/b.tsx", patch: "@@ -1 +1 @@\n-old\n+new" },
      { path: "src/db.ts", patch: "@@ -1,2 +1,2 @@\n-db.query(a + b)\n+db.query(a, [b])\n ctx.query(x + y)" },
      { path: "src/view.ts", patch: "@@ -5,0 +6,1 @@\n+el.innerHTML = html;" },
    ]);
    expect(result.matches.map((m) => [m.name, m.hits.map((h) => `${h.file}:${h.line ?? "path"}`)])).toEqual([["XSS", ["web/a/b.tsx:path", "src/view.ts:6"]]]);
  });

  it("matches nothing and needs nothing when no file qualifies", () => {
    expect(matchThreats([XSS, SQL], [{ path: "README.md", patch: "@@ -0,0 +1 @@\n+hello" }])).toEqual({ matches: [], pathOnly: [], cut: [] });
  });

  it("matches a file without a patch by path only and lists it", () => {
    const result = matchThreats([XSS], [{ path: "web/big.tsx", patch: null }, { path: "lib/huge.js", patch: null }]);
    expect(result.matches[0]!.hits).toEqual([{ file: "web/big.tsx", line: null, text: null }]);
    expect(result.pathOnly).toEqual(["web/big.tsx", "lib/huge.js"]);
  });

  it("ignores name-only threats, which are not scrutiny", () => {
    expect(scrutinyConfigured([threat("Phishing", [], [])])).toBe(false);
    expect(scrutinyConfigured([threat("Phishing", [], []), SQL])).toBe(true);
    expect(matchThreats([threat("Phishing", [], [])], [{ path: "a", patch: "@@ -0,0 +1 @@\n+Phishing" }]).matches).toEqual([]);
  });

  it("bounds the work on a hostile diff: lines and line length capped, said per file, and fast", () => {
    const evil = threat("ReDoS bait", [], ["(a+)+$", "(x|x|x)*y"]);
    const long = "a".repeat(200_000) + "!";
    const many = Array.from({ length: SCAN_LIMITS.maxLines + 10 }, () => "+aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!").join("\n");
    const started = performance.now();
    const result = matchThreats([evil], [{ path: "long.txt", patch: `@@ -0,0 +1 @@\n+${long}` }, { path: "many.txt", patch: `@@ -0,0 +1,${SCAN_LIMITS.maxLines + 10} @@\n${many}` }]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.cut).toEqual(["long.txt", "many.txt"]);
    // The cap cut the trailing "!" off the long line, so RE2 saw only a's and matched; the bait never backtracked.
    expect(result.matches[0]!.hits[0]).toMatchObject({ file: "long.txt", line: 1 });
  });
});
