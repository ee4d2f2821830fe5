import { describe, expect, it } from "vitest";
import { fillTemplate, POSTMORTEM_PLACEHOLDERS, type PlaceholderName } from "../../../src/domain/postmortem/template.js";
import { SHIPPED_TEMPLATE } from "./fixtures.js";

const VALUES = Object.fromEntries(POSTMORTEM_PLACEHOLDERS.map((p) => [p.name, `<${p.name.toUpperCase()}>`])) as Record<PlaceholderName, string>;

describe("fillTemplate", () => {
  it("the shipped template uses every placeholder where its content can go, so nothing is appended", () => {
    const out = fillTemplate(SHIPPED_TEMPLATE, VALUES);
    for (const p of POSTMORTEM_PLACEHOLDERS.filter((p) => p.name !== "number")) {
      expect(out.split(`<${p.name.toUpperCase()}>`).length - 1, p.name).toBe(1);
    }
    expect(out).not.toMatch(/\{\{/);
    expect(out.trimEnd().endsWith("<COMMENTS>")).toBe(true);
  });

  it("the shipped template has the sections of SPEC 2.3, in order", () => {
    const headings = SHIPPED_TEMPLATE.split("\n").filter((l) => l.startsWith("## ")).map((l) => l.slice(3));
    expect(headings).toEqual([
      "Summary",
      "Severity and impact",
      "Timeline",
      "Communications",
      "Investigation checklist",
      "Response plans used",
      "Root cause",
      "Suggested defenses",
      "What worked",
      "What didn't",
      "Response plan changes",
      "Verbatim copy of the incident's comments",
    ]);
  });

  it("appends what a repository's template lacks under its own heading, and keeps unknown placeholders as written", () => {
    const template = "# Our post-mortem for {{ title }}\n\n## What happened\n\n{{timeline}}\n\nOwner: {{owner}}\n";
    const out = fillTemplate(template, VALUES);
    expect(out.startsWith("# Our post-mortem for <TITLE>\n\n## What happened\n\n<TIMELINE>\n\nOwner: {{owner}}\n")).toBe(true);
    const appended = out.slice(out.indexOf("{{owner}}") + 10);
    expect(appended).toBe(
      [
        "",
        "## Incident", "", "<INCIDENT>", "",
        "## Due", "", "<DUE>", "",
        "## Evidence ledger head", "", "<LEDGER_HEAD>", "",
        "## Summary", "", "<SUMMARY>", "",
        "## Severity history", "", "<SEVERITY_HISTORY>", "",
        "## Impact", "", "<IMPACT>", "",
        "## Communications", "", "<COMMUNICATIONS>", "",
        "## Investigation checklist", "", "<INVESTIGATION_CHECKLIST>", "",
        "## Response plans used", "", "<PLANS>", "",
        "## Verbatim copy of the incident's comments", "", "<COMMENTS>", "",
      ].join("\n"),
    );
  });

  it("an empty template still gets the whole record", () => {
    const out = fillTemplate("", VALUES);
    for (const p of POSTMORTEM_PLACEHOLDERS.filter((p) => p.heading)) expect(out).toContain(`## ${p.heading}\n\n<${p.name.toUpperCase()}>`);
  });

  it("does not put block content where it would be hidden or break out: HTML comments, code, lists, quotes, sentences", () => {
    const template = [
      "<!-- {{comments}} -->",
      "",
      "```",
      "{{timeline}}",
      "```",
      "",
      "- {{summary}}",
      "",
      "> {{impact}}",
      "",
      "See {{plans}} here.",
      "",
      "[link]({{due}})",
      "",
      "{{communications}}",
    ].join("\n");
    const out = fillTemplate(template, VALUES);
    expect(out.startsWith(template.replace("{{communications}}", "<COMMUNICATIONS>"))).toBe(true);
    for (const name of ["comments", "timeline", "summary", "impact", "plans", "due"]) expect(out).toContain(`<${name.toUpperCase()}>`);
    expect(out).not.toContain("## Communications");
  });

  it("never scans a value again, so quoted placeholders in people's text stay text", () => {
    const out = fillTemplate("{{summary}}\n\n{{comments}}\n", { ...VALUES, summary: "I typed {{comments}} and {{title}}" });
    expect(out.startsWith("I typed {{comments}} and {{title}}\n\n<COMMENTS>\n")).toBe(true);
  });
});
