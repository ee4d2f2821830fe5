// Records what @github/issue-parser 2.x does with bodies rendered from Vigil's incident form, and
// why src/domain/issue-form.ts parses them itself. If an upgrade makes the "does not" cases pass,
// these tests fail and the decision deserves another look.
import { parseIssue } from "@github/issue-parser";
import { describe, expect, it } from "vitest";
import { parseFormBody } from "../../src/domain/issue-form.js";
import { INCIDENT_FORM, INCIDENT_FORM_YAML, renderFormBody } from "../helpers/incident-form.js";

const body = renderFormBody(INCIDENT_FORM, {
  summary: "Odd traffic from db-2",
  notified_at: "2026-11-22 14:05",
  severity: "Sev2 — moderate or minor disruption or degradation",
});
const library = (text: string) => parseIssue(text, INCIDENT_FORM_YAML);
const ours = (text: string) => parseFormBody(text, INCIDENT_FORM).values;

describe("@github/issue-parser handles", () => {
  it("a body exactly as GitHub renders it, dropping `_No response_` answers", () => {
    const parsed = library(body);
    expect(parsed.summary).toBe("Odd traffic from db-2");
    expect(parsed.severity).toEqual(["Sev2 — moderate or minor disruption or degradation"]);
    expect(parsed.notifier_contact).toBeUndefined();
  });

  it("CRLF line endings, text above the first heading, reordered and deleted sections", () => {
    const sections = body.split("\n\n### ");
    const reordered = ["### " + sections.slice(1).reverse().join("\n\n### "), sections[0]].join("\n\n");
    const withoutSummary = body.replace(/### What happened\?\n\nOdd traffic from db-2\n\n/, "");
    expect(library(body.replace(/\n/g, "\r\n")).summary).toBe("Odd traffic from db-2");
    expect(library("Added by hand.\n\n" + body).summary).toBe("Odd traffic from db-2");
    expect(library(reordered).summary).toBe("Odd traffic from db-2");
    expect(library(withoutSummary).summary).toBeUndefined();
    expect(library(withoutSummary).severity).toEqual(["Sev2 — moderate or minor disruption or degradation"]);
  });

  it("`None` in a dropdown (as an empty list) and `[x]`/`[X]` in checkboxes", () => {
    expect(library(body.replace(/### Environment\n\n_No response_/, "### Environment\n\nNone")).environment).toEqual([]);
    const template = "name: t\ndescription: t\nbody:\n  - type: checkboxes\n    id: ack\n    attributes:\n      label: Ack\n      options:\n        - label: A\n        - label: B\n        - label: C\n";
    expect(parseIssue("### Ack\n\n- [X] A\n- [x] B\n- [ ] C", template).ack).toEqual({ selected: ["A", "B"], unselected: ["C"] });
  });
});

describe("@github/issue-parser does not handle, and Vigil's parser does", () => {
  it.each([
    ["a heading in lower case", "### severity"],
    ["a trailing colon", "### Severity:"],
    ["a level-2 heading", "## Severity"],
    ["a level-4 heading", "#### Severity"],
  ])("%s: the answer is swallowed by the previous field", (_name, heading) => {
    const edited = body.replace("### Severity", heading);
    expect(library(edited).severity).toBeUndefined();
    expect(String(library(edited).environment)).toContain(heading);
    expect(ours(edited).severity).toBe("Sev2 — moderate or minor disruption or degradation");
  });

  it("a fenced answer keeps its fences", () => {
    const fenced = body.replace(/### Affected systems\n\n_No response_/, "### Affected systems\n\n```text\ndb-2\n```");
    expect(library(fenced).systems).toBe("```text\ndb-2\n```");
    expect(ours(fenced).systems).toBe("db-2");
  });

  it("a heading inside a fenced block splits the block", () => {
    const pasted = "```\nlog line\n\n### Severity\n\nnot an answer\n```";
    const fenced = body.replace(/### Affected systems\n\n_No response_/, `### Affected systems\n\n${pasted}`);
    expect(library(fenced).systems).toBe("```\nlog line");
    expect(ours(fenced).systems).toBe("log line\n\n### Severity\n\nnot an answer");
    expect(ours(fenced).severity).toBe("Sev2 — moderate or minor disruption or degradation");
  });

  it("an empty answer has a different shape per field type (undefined or [])", () => {
    expect(library(body).notifier_contact).toBeUndefined();
    expect(library(body).environment).toEqual([]);
    expect(ours(body).notifier_contact).toBeNull();
    expect(ours(body).environment).toBeNull();
  });
});
