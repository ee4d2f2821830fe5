import { describe, expect, it } from "vitest";
import { COMMANDS, helpText, parseCommands, type ParsedCommand } from "../../src/domain/commands.js";

function one(body: string): ParsedCommand {
  const parsed = parseCommands(body);
  expect(parsed).toHaveLength(1);
  return parsed[0] as ParsedCommand;
}

function errorOf(body: string): string {
  const p = one(body);
  if (p.ok) throw new Error(`expected an error for ${JSON.stringify(body)}, got ${JSON.stringify(p.command)}`);
  return p.error;
}

describe("parseCommands: each command", () => {
  it("/severity with and without a reason", () => {
    expect(one("/severity sev1 the API is degraded")).toEqual({
      ok: true, line: "/severity sev1 the API is degraded",
      command: { name: "severity", level: "sev1", reason: "the API is degraded" },
    });
    expect(one("/severity emergency")).toMatchObject({ ok: true, command: { name: "severity", level: "emergency", reason: null } });
    expect(one("/Severity SEV0: data exfiltrated")).toMatchObject({ command: { level: "sev0", reason: "data exfiltrated" } });
    expect(one("/severity sev 2 — minor")).toMatchObject({ command: { level: "sev2", reason: "minor" } });
  });

  it("/severity rejects missing, unknown and unsettable levels with the right form", () => {
    expect(errorOf("/severity")).toMatch(/needs a level.*\/severity <emergency\|sev0\|sev1\|sev2> \[reason\]/);
    expect(errorOf("/severity high")).toMatch(/does not know the level "high"/);
    expect(errorOf("/severity sev3 bad")).toMatch(/no level sev3/);
    expect(errorOf("/severity triage")).toMatch(/cannot be set/);
    expect(errorOf("/severity sev1x")).toMatch(/"sev1x"/);
  });

  it("/status", () => {
    expect(one("/status mitigated")).toEqual({ ok: true, line: "/status mitigated", command: { name: "status", status: "mitigated" } });
    expect(one("/STATUS Resolved")).toMatchObject({ command: { name: "status", status: "resolved" } });
    expect(one("/status: mitigating")).toMatchObject({ command: { name: "status", status: "mitigating" } });
    expect(errorOf("/status")).toMatch(/needs a status.*\/status <investigating\|mitigating\|mitigated\|resolved>/);
    expect(errorOf("/status done")).toMatch(/does not know "done"/);
    expect(errorOf("/status resolved firewall fixed")).toMatch(/only the status.*\/note/);
  });

  it("/note on one line and over several", () => {
    expect(one("/note quarantined db-1")).toMatchObject({ ok: true, command: { name: "note", text: "quarantined db-1" } });
    expect(one("/note restored from backup\nverified checksums\n\n  - row counts match\n")).toMatchObject({
      command: { name: "note", text: "restored from backup\nverified checksums\n\n  - row counts match" },
    });
    expect(one("/note\nstarts on the next line")).toMatchObject({ command: { text: "starts on the next line" } });
    expect(errorOf("/note")).toMatch(/needs the text.*\/note <text>/);
    expect(errorOf("/note   \n  \n")).toMatch(/needs the text/);
  });

  it("/note keeps code blocks verbatim and does not run commands inside them", () => {
    const body = "/note saw in the logs:\n```\n/status resolved\n```\n/status mitigating";
    const parsed = parseCommands(body);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ command: { name: "note", text: "saw in the logs:\n```\n/status resolved\n```" } });
    expect(parsed[1]).toMatchObject({ command: { name: "status", status: "mitigating" } });
  });

  it("/note keeps lines that start with a path", () => {
    expect(one("/note attacker read\n/etc/passwd was read at 14:05")).toMatchObject({
      command: { text: "attacker read\n/etc/passwd was read at 14:05" },
    });
  });

  it("/responder", () => {
    expect(one("/responder @alice")).toMatchObject({ ok: true, command: { name: "responder", login: "alice" } });
    expect(one("/responder bob-2")).toMatchObject({ command: { login: "bob-2" } });
    expect(errorOf("/responder")).toMatch(/needs a GitHub login.*\/responder @login/);
    expect(errorOf("/responder @alice @bob")).toMatch(/exactly one person/);
    expect(errorOf("/responder @org/security")).toMatch(/not a team/);
    expect(errorOf("/responder @-bad-")).toMatch(/"@-bad-" is not a GitHub login/);
  });

  it("/escalate, with an optional reason", () => {
    expect(one("/escalate")).toMatchObject({ ok: true, command: { name: "escalate", reason: null } });
    expect(one("/escalate alice is not answering")).toMatchObject({ command: { name: "escalate", reason: "alice is not answering" } });
  });

  it("/postmortem takes no arguments", () => {
    expect(one("/postmortem")).toEqual({ ok: true, line: "/postmortem", command: { name: "postmortem" } });
    expect(errorOf("/postmortem now please")).toMatch(/takes no arguments/);
  });

  it("/help, whatever follows", () => {
    expect(one("/help")).toMatchObject({ ok: true, command: { name: "help" } });
    expect(one("/HELP me")).toMatchObject({ ok: true, command: { name: "help" } });
  });
});

describe("parseCommands: where commands are", () => {
  it("parses several commands in one comment, in order", () => {
    const parsed = parseCommands("Update:\n/severity sev0 PHI exposed\nsome prose\n/status mitigating\n/responder @carol\n/escalate");
    expect(parsed.map((p) => (p.ok ? p.command.name : p.error))).toEqual(["severity", "status", "responder", "escalate"]);
  });

  it("accepts CRLF and up to three spaces of indentation", () => {
    const parsed = parseCommands("hi\r\n   /status resolved\r\n /note done\r\nsecond line\r\n");
    expect(parsed).toEqual([
      { ok: true, line: "/status resolved", command: { name: "status", status: "resolved" } },
      { ok: true, line: "/note done", command: { name: "note", text: "done\nsecond line" } },
    ]);
  });

  it("ignores lines indented four spaces or a tab (code or continuation)", () => {
    expect(parseCommands("text\n\n    /status resolved\n\t/escalate")).toEqual([]);
  });

  it("ignores commands in backtick and tilde fences of any length", () => {
    expect(parseCommands("```\n/status resolved\n```")).toEqual([]);
    expect(parseCommands("~~~\n/severity emergency\n~~~")).toEqual([]);
    expect(parseCommands("`````md\n```\n/escalate\n```\n`````")).toEqual([]);
    expect(parseCommands("```\n/status resolved\n```\n/status mitigated")).toHaveLength(1);
  });

  it("ignores commands in an unclosed fence", () => {
    expect(parseCommands("```\n/escalate")).toEqual([]);
  });

  it("ignores commands in block quotes and HTML comments", () => {
    expect(parseCommands("> /severity emergency\n>/escalate\n   > /status resolved")).toEqual([]);
    expect(parseCommands("<!--\n/escalate\n-->\n<!-- /status resolved -->")).toEqual([]);
  });

  it("ignores a lazy continuation line of a quote, an inline HTML comment and list items", () => {
    expect(parseCommands("> quote\n/severity sev0")).toEqual([]);
    expect(parseCommands("see <!--\n/severity sev0\n-->")).toEqual([]);
    expect(parseCommands("- /note x\n1. /escalate")).toEqual([]);
    expect(parseCommands(">quote\n\n/severity sev0")).toMatchObject([{ ok: true, command: { level: "sev0" } }]);
  });

  it("ends a /note at the next command even inside one paragraph", () => {
    expect(parseCommands("/note first\nmore\n/status mitigating")).toMatchObject([
      { command: { name: "note", text: "first\nmore" } },
      { command: { name: "status", status: "mitigating" } },
    ]);
  });

  it("ignores `/` inside a line", () => {
    expect(parseCommands("please run /escalate now")).toEqual([]);
  });

  it("returns nothing for an ordinary comment", () => {
    expect(parseCommands("Looking into it, will update soon.")).toEqual([]);
    expect(parseCommands("")).toEqual([]);
  });
});

describe("parseCommands: unknown commands", () => {
  it("reports a lone /word", () => {
    expect(errorOf("/deploy")).toMatch(/^unknown command \/deploy\. Send `\/help`/);
  });

  it("reports typos and suggests the command", () => {
    expect(errorOf("/sevrity sev0")).toMatch(/unknown command \/sevrity\. Did you mean `\/severity/);
    expect(errorOf("/stauts resolved")).toMatch(/Did you mean `\/status/);
    expect(errorOf("/notes found a shell")).toMatch(/Did you mean `\/note <text>`/);
  });

  it("reports other names for a command and suggests the right one", () => {
    expect(errorOf("/assign @bob")).toMatch(/unknown command \/assign\. Did you mean `\/responder @login`/);
    expect(errorOf("/resolve now")).toMatch(/`\/status </);
    expect(errorOf("/page security")).toMatch(/`\/escalate/);
  });

  it("does not take paths or prose starting with a slash for commands", () => {
    expect(parseCommands("/etc/passwd was read")).toEqual([]);
    expect(parseCommands("/api/v1/users returns 500")).toEqual([]);
    expect(parseCommands("/tmp is full on web-3")).toEqual([]);
    expect(parseCommands("/hello there")).toEqual([]);
    expect(parseCommands("/constructor x")).toEqual([]);
    expect(parseCommands("// a comment")).toEqual([]);
    expect(parseCommands("/ status resolved")).toEqual([]);
  });

  it("ends a /note at an unknown command line", () => {
    const parsed = parseCommands("/note text\n/deploy");
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ command: { text: "text" } });
    expect(parsed[1]).toMatchObject({ ok: false });
  });
});

describe("helpText", () => {
  it("is a markdown table listing every command and who may run them", () => {
    const text = helpText();
    expect(text.split("\n").slice(0, 2)).toEqual(["| Command | What it does |", "| --- | --- |"]);
    for (const c of COMMANDS) expect(text).toContain(`/${c.name}`);
    expect(text).toContain("`/severity <emergency\\|sev0\\|sev1\\|sev2> [reason]`");
    expect(text).toMatch(/write, maintain or admin/);
    const rows = text.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows).toHaveLength(9);
  });
});
