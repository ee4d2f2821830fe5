import { describe, expect, it } from "vitest";
import {
  blockText,
  classifyLines,
  inlineText,
  isGitHubLogin,
  mentionOrName,
  teamMentionOrName,
} from "../../src/domain/sanitize.js";
import { findMarker } from "../../src/domain/markers.js";

const ZWSP = "\u200b";

describe("inlineText", () => {
  it("leaves plain prose alone", () => {
    expect(inlineText("The API gateway is slow")).toBe("The API gateway is slow");
  });

  it("turns newlines and tabs into single spaces and trims", () => {
    expect(inlineText("  first\r\nsecond\n\nthird\tfourth\r")).toBe("first second third fourth");
  });

  it("breaks @mentions and team mentions with a zero-width space", () => {
    expect(inlineText("ping @alice and @org/security")).toBe(`ping @${ZWSP}alice and @${ZWSP}org/security`);
    expect(inlineText("@bob")).not.toMatch(/@[A-Za-z0-9]/);
    // Emails would be autolinked; the same break stops that.
    expect(inlineText("ops@example.com")).toBe(`ops@${ZWSP}example.com`);
  });

  it("keeps issue references readable but unlinked", () => {
    expect(inlineText("see #123 and GH-7")).toBe(`see \\#${ZWSP}123 and GH-${ZWSP}7`);
  });

  it("escapes HTML so no tag survives", () => {
    const out = inlineText(`<img src=x onerror="alert(1)"> & <script>x</script>`);
    expect(out).not.toMatch(/[<>]/);
    expect(out).toBe(`&lt;img src=x onerror="alert\\(1\\)"&gt; &amp; &lt;script&gt;x&lt;/script&gt;`);
  });

  it("cannot forge a Vigil marker", () => {
    const out = inlineText("<!-- vigil:incident-record -->");
    expect(out).toBe("&lt;\\!-- vigil:incident-record --&gt;");
    expect(findMarker(out, "incident-record")).toBeNull();
    expect(findMarker(`<!-- vigil:x -->\n${out}`, "incident-record")).toBeNull();
  });

  it("escapes links, images and emphasis", () => {
    expect(inlineText("[click](https://evil.example) ![x](y.png) *bold* _it_ ~~gone~~"))
      .toBe("\\[click\\]\\(https\\://evil.example\\) \\!\\[x\\]\\(y.png\\) \\*bold\\* \\_it\\_ \\~\\~gone\\~\\~");
  });

  it("stops bare URLs from autolinking", () => {
    expect(inlineText("go to https://evil.example or www.evil.example")).toBe("go to https\\://evil.example or www\\.evil.example");
  });

  it("escapes code spans, table pipes, math and backslashes", () => {
    expect(inlineText("a `b` | c $x$ \\d")).toBe("a \\`b\\` \\| c \\$x\\$ \\\\d");
  });

  it("stops a value from starting a heading, quote, list or rule", () => {
    expect(inlineText("# Heading")).toBe("\\# Heading");
    expect(inlineText("> quoted")).toBe("&gt; quoted");
    expect(inlineText("- item")).toBe("\\- item");
    expect(inlineText("+ item")).toBe("\\+ item");
    expect(inlineText("---")).toBe("\\---");
    expect(inlineText("===")).toBe("\\===");
    expect(inlineText("1. first")).toBe("1\\. first");
    expect(inlineText("12) first")).toBe("12\\) first");
    expect(inlineText("version 1. ok - fine")).toBe("version 1. ok - fine");
  });

  it("turns a table into one line of text", () => {
    const out = inlineText("| a | b |\n|---|---|\n| 1 | 2 |");
    expect(out).not.toContain("\n");
    expect(out).toBe("\\| a \\| b \\| \\|---\\|---\\| \\| 1 \\| 2 \\|");
  });

  it("drops control and bidirectional override characters", () => {
    expect(inlineText("safe\u202Egnp.exe\u0000\u0007")).toBe("safegnp.exe");
  });
});

describe("blockText", () => {
  it("fences multi-line text verbatim with normalised newlines", () => {
    expect(blockText("line 1\r\nline 2\n")).toBe("```\nline 1\nline 2\n```");
    expect(blockText("@alice <b>x</b>")).toBe("```\n@alice <b>x</b>\n```");
  });

  it("uses a fence longer than any backtick run, so the text cannot break out", () => {
    const text = "a ``` b\n````\n`````` c";
    const out = blockText(text);
    expect(out.startsWith("```````\n")).toBe(true);
    expect(out.endsWith("\n```````")).toBe(true);
    expect(out).toBe("```````\n" + text + "\n```````");
    const kinds = classifyLines(out + "\n/after").map((l) => l.kind);
    expect(kinds).toEqual(["code", "code", "code", "code", "code", "text"]);
  });

  it("keeps a forged marker inside the block, where it is not a marker", () => {
    const out = blockText("<!-- vigil:incident-record -->");
    expect(findMarker(out, "incident-record")).toBeNull();
  });

  it("renders an empty value as an empty block", () => {
    expect(blockText("")).toBe("```\n\n```");
  });
});

describe("mentions by choice", () => {
  it("mentions or names a user", () => {
    expect(mentionOrName("alice", true)).toBe("@alice");
    expect(mentionOrName("@alice", true)).toBe("@alice");
    expect(mentionOrName("alice", false)).toBe("alice");
    expect(mentionOrName("@alice", false)).toBe("alice");
  });

  it("never mentions something that is not a login", () => {
    expect(mentionOrName("alice bob", true)).toBe("alice bob");
    expect(mentionOrName("@org/team", true)).toBe(`@${ZWSP}org/team`);
  });

  it("mentions or names a team", () => {
    expect(teamMentionOrName("@my-org/security", true)).toBe("@my-org/security");
    expect(teamMentionOrName("my-org/security", true)).toBe("@my-org/security");
    expect(teamMentionOrName("@my-org/security", false)).toBe("my-org/security");
    expect(teamMentionOrName("@alice", true)).toBe(`@${ZWSP}alice`);
  });

  it("validates logins like GitHub", () => {
    expect(isGitHubLogin("alice-b2")).toBe(true);
    expect(isGitHubLogin("a".repeat(39))).toBe(true);
    expect(isGitHubLogin("a".repeat(40))).toBe(false);
    expect(isGitHubLogin("-alice")).toBe(false);
    expect(isGitHubLogin("alice--b")).toBe(false);
    expect(isGitHubLogin("alice-")).toBe(false);
    expect(isGitHubLogin("al ice")).toBe(false);
  });
});

describe("classifyLines", () => {
  const kinds = (md: string): string[] => classifyLines(md).map((l) => `${l.kind}:${l.text}`);

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
