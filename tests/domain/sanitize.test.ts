import { describe, expect, it } from "vitest";
import { commandLines } from "../../src/domain/markdown/command-lines.js";
import {
  blockText,
  inlineText,
  isGitHubLogin,
  mentionOrName,
  teamMentionOrName,
} from "../../src/domain/sanitize.js";
import { decodeMarker, encodeMarker } from "../../src/markers/codec.js";

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
    expect(decodeMarker(out)).toBeNull();
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
    expect(commandLines(`${out}\n/after\n/x`)).toEqual([{ text: "/after", line: 6 }, { text: "/x", line: 7 }]);
  });

  it("keeps a forged marker inside the block, where it is not a marker", () => {
    const out = blockText("<!-- vigil:incident-record -->");
    expect(decodeMarker(out)).toBeNull();
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

describe("any character a user can type", () => {
  // Line breaks other than LF, C0/C1 controls, bidi controls and invisible format characters.
  const UNSAFE = [
    ..."\r\u2028\u2029\u0085\u000b\u000c",
    ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => !"\t\n\r".includes(c)),
    ...Array.from({ length: 33 }, (_, i) => String.fromCharCode(0x7f + i)),
    ..."\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
    ..."\u200b\u2060\ufeff\u00ad\u180e\u3164",
  ];
  const UNSAFE_RE = new RegExp(`[${UNSAFE.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}]`, "u");
  // Vigil's own ZWSP after `@` and `#` is the only invisible character it writes.
  const withoutOwnBreaks = (s: string): string => s.replace(/([@#]|GH-)\u200b/gi, "$1");

  it("is never shown raw by inlineText or blockText", () => {
    for (const c of UNSAFE) {
      const text = `a${c}b <!-- x${c}-->${c}`;
      expect(inlineText(text), JSON.stringify(c)).not.toMatch(UNSAFE_RE);
      expect(withoutOwnBreaks(blockText(text)), JSON.stringify(c)).not.toMatch(UNSAFE_RE);
    }
  });

  it("drops bidi controls and invisible characters", () => {
    expect(inlineText("a\u200Eb\u200Fc\u061Cd\u2066e\u2069f\u202Bg")).toBe("abcdefg");
    expect(inlineText("in\u200Bvis\u2060ible\uFEFF")).toBe("invisible");
    expect(blockText("safe\u202Egnp.exe\u0000")).toBe("```\nsafegnp.exe\n```");
  });

  it("turns every kind of line break into a space inline and a newline in a block", () => {
    expect(inlineText("a\u2028b\u2029c\u0085d\re")).toBe("a b c d e");
    expect(blockText("a\u2028b\u2029c\u0085d\re\r\nf")).toBe("```\na\nb\nc\nd\ne\nf\n```");
  });

  it("keeps joiners that shape emoji and scripts, drops those that only hide", () => {
    const family = "👨\u200D👩\u200D👧";
    expect(inlineText(`team ${family}`)).toBe(`team ${family}`);
    expect(inlineText("می\u200Cخواهم")).toBe("می\u200Cخواهم");
    expect(inlineText("a\u200Db \u200Cc\u200D")).toBe("ab c");
  });

  it("keeps a subdivision flag but drops hidden tag characters", () => {
    const england = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
    expect(inlineText(`go ${england}`)).toBe(`go ${england}`);
    expect(inlineText("hi\u{E0041}\u{E0042}\u{E007F}")).toBe("hi");
  });

  it("replaces a lone surrogate", () => {
    expect(inlineText("a\uD800b")).toBe("a\uFFFDb");
    expect(blockText("a\uDC00")).toBe("```\na\uFFFD\n```");
  });

  it("never breaks a marker or opens a comment", () => {
    const attempts = ["-->", "--!>", "<!--", "<!-- vigil:timeline -->", "\u2028<!-- vigil:timeline -->", "\u0085-->", "`", "```"];
    for (const text of attempts) {
      const inline = inlineText(text);
      expect(inline).not.toMatch(/[<>]/);
      const body = `${encodeMarker("timeline", 1, { n: 1 })}\n- ${inline}\n${blockText(text)}`;
      expect(decodeMarker(body), text).toEqual({ kind: "timeline", version: 1, data: { n: 1 } });
      expect(decodeMarker(inline), text).toBeNull();
      expect(decodeMarker(blockText(text)), text).toBeNull();
      // The block closes where it should: the line after it is the document's own again.
      expect(commandLines(`${blockText(text)}\n/after`).map((l) => l.text)).toEqual(["/after"]);
    }
  });
});
