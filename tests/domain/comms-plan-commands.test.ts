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

describe("parseCommands: /comms", () => {
  it("accepts —, –, ' - ' and ':' between the recipient and the message", () => {
    expect(one("/comms Acme Health — We contained the incident at 14:00 UTC.")).toEqual({
      ok: true, line: "/comms Acme Health — We contained the incident at 14:00 UTC.",
      command: { name: "comms", to: "Acme Health", text: "We contained the incident at 14:00 UTC." },
    });
    expect(one("/comms Acme Health–We contained it")).toMatchObject({ command: { name: "comms", to: "Acme Health", text: "We contained it" } });
    expect(one("/comms Acme Health - We contained it")).toMatchObject({ command: { to: "Acme Health", text: "We contained it" } });
    expect(one("/comms legal@acme.example: please call us")).toMatchObject({ command: { to: "legal@acme.example", text: "please call us" } });
  });

  it("splits at the first separator; a hyphen inside a word is no separator", () => {
    expect(one("/comms On-call partner — ETA 10:30 - maybe later")).toMatchObject({
      command: { to: "On-call partner", text: "ETA 10:30 - maybe later" },
    });
    expect(one("/comms Acme: CEO — update")).toMatchObject({ command: { to: "Acme", text: "CEO — update" } });
    expect(one("/comms: Acme — hello")).toMatchObject({ command: { to: "Acme", text: "hello" } });
  });

  it("takes the message verbatim over the following lines until the next command", () => {
    const body = "/comms Acme Health — Dear Acme,\n\nwe detected **unusual** traffic.\n  - db-1 isolated\n\n@bob #12\n/status mitigating";
    const parsed = parseCommands(body);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({
      ok: true,
      command: { name: "comms", to: "Acme Health", text: "Dear Acme,\n\nwe detected **unusual** traffic.\n  - db-1 isolated\n\n@bob #12" },
    });
    expect(parsed[1]).toMatchObject({ command: { name: "status", status: "mitigating" } });
  });

  it("lets the message start on the next line after the separator", () => {
    expect(one("/comms Regulator —\nFormal notice:\nsee attached")).toMatchObject({ command: { to: "Regulator", text: "Formal notice:\nsee attached" } });
    expect(one("/comms Regulator -\nnotice")).toMatchObject({ command: { to: "Regulator", text: "notice" } });
  });

  it("answers a missing recipient or message with the right form", () => {
    expect(errorOf("/comms")).toMatch(/needs the recipient and the message.*\/comms <to> — <message>/);
    expect(errorOf("/comms — we are on it")).toMatch(/needs the recipient.*\/comms <to> — <message>/);
    expect(errorOf("/comms : we are on it")).toMatch(/needs the recipient/);
    expect(errorOf("/comms Acme —")).toMatch(/needs the message.*\/comms <to> — <message>/);
    expect(errorOf("/comms Acme:   \n   \n")).toMatch(/needs the message/);
    expect(errorOf("/comms Acme Health")).toMatch(/separated from it by.*\/comms <to> — <message>/);
  });

  it("is not run from code blocks or quotes", () => {
    expect(parseCommands("```\n/comms Acme — hi\n```\n> /comms Acme — hi")).toEqual([]);
  });
});

describe("parseCommands: /plan", () => {
  it("takes the plan's name and its slug", () => {
    expect(one("/plan Lost laptop")).toEqual({ ok: true, line: "/plan Lost laptop", command: { name: "plan", plan: "Lost laptop", slug: "lost-laptop" } });
    expect(one("/plan Ransomware!")).toMatchObject({ command: { plan: "Ransomware!", slug: "ransomware" } });
    expect(one("/plan ../../etc/passwd")).toMatchObject({ command: { slug: "etc-passwd" } });
  });

  it("answers a missing or unusable name with the right form", () => {
    expect(errorOf("/plan")).toMatch(/needs the name of a plan.*\/plan <name>/);
    expect(errorOf("/plan !!! ---")).toMatch(/letter or digit.*\/plan <name>/);
  });
});

describe("parseCommands: other names for /comms and /plan", () => {
  it.each([["comm", "comms"], ["communication", "comms"], ["notify", "comms"], ["playbook", "plan"], ["runbook", "plan"], ["coms", "comms"], ["paln", "plan"]])(
    "/%s suggests /%s", (word, meant) => {
      const error = errorOf(`/${word} x`);
      expect(error).toContain(`unknown command /${word}.`);
      expect(error).toContain(`Did you mean \`${COMMANDS.find((c) => c.name === meant)?.usage}\`?`);
    },
  );
});

describe("helpText: /comms and /plan", () => {
  it("lists both with a one-line summary, and /postmortem's", () => {
    const text = helpText();
    expect(text).toContain("| `/comms <to> — <message>` | Records an external communication");
    expect(text).toContain("| `/plan <name>` | Attaches a response plan");
    expect(text).toContain("| `/postmortem` | Opens the post-mortem pull request now, also before the incident is resolved (it opens by itself on resolution). |");
    for (const row of text.split("\n").filter((l) => l.startsWith("| `"))) expect(row.split(" | ")).toHaveLength(2);
  });
});
