import { describe, expect, it } from "vitest";
import {
  type FormDefinition,
  FormDefinitionError,
  matchOption,
  normaliseLabel,
  optionLead,
  parseFormBody,
  parseFormDefinition,
} from "../../src/domain/issue-form.js";
import { INCIDENT_FORM, renderFormBody } from "../helpers/incident-form.js";

// A form with every field type, for behaviour the incident form does not exercise.
const KITCHEN_SINK_YAML = `
name: Kitchen sink
description: every field type
body:
  - type: markdown
    attributes: { value: "Intro text" }
  - type: textarea
    id: logs
    attributes: { label: Relevant logs, render: shell }
  - type: checkboxes
    id: checks
    attributes:
      label: Checks
      options:
        - label: I removed secrets
          required: true
        - label: I told my manager
        - label: Nobody else knows
  - type: dropdown
    id: areas
    attributes:
      label: Areas
      multiple: true
      options: ["Billing, payments", "Auth", "Search"]
  - type: input
    attributes: { label: Ticket }
  - type: dropdown
    id: answer
    attributes: { label: Answer, options: [1, true] }
`;
const SINK = parseFormDefinition(KITCHEN_SINK_YAML);
const SEVERITY_SV1 = "Sev1 — partial disruption or significant degradation of service";

describe("parseFormDefinition", () => {
  it("reads the fields of an issue form and skips markdown", () => {
    expect(SINK).toEqual({
      name: "Kitchen sink",
      fields: [
        { id: "logs", label: "Relevant logs", type: "textarea", required: false, render: "shell" },
        { id: "checks", label: "Checks", type: "checkboxes", required: false, options: ["I removed secrets", "I told my manager", "Nobody else knows"] },
        { id: "areas", label: "Areas", type: "dropdown", required: false, multiple: true, options: ["Billing, payments", "Auth", "Search"] },
        { id: "Ticket", label: "Ticket", type: "input", required: false },
        { id: "answer", label: "Answer", type: "dropdown", required: false, options: ["1", "true"] },
      ],
    });
  });

  it("reads the shipped incident form's twelve fields", () => {
    expect(INCIDENT_FORM.name).toBe("Security incident");
    expect(INCIDENT_FORM.fields).toHaveLength(12);
    expect(INCIDENT_FORM.fields.find((f) => f.id === "severity")).toMatchObject({ label: "Severity", type: "dropdown", required: true });
  });

  it.each([
    ["invalid YAML", "body: [", /not valid YAML/],
    ["no body", "name: x\ndescription: y\n", /no `body` list/],
    ["an unknown field type", "body:\n  - type: select\n    id: a\n    attributes: { label: A }\n", /unknown field type "select"/],
    ["a field without label", "body:\n  - type: input\n    id: a\n    attributes: {}\n", /needs a label/],
    ["a dropdown without options", "body:\n  - type: dropdown\n    id: a\n    attributes: { label: A }\n", /needs options/],
    ["an option without label", "body:\n  - type: checkboxes\n    id: a\n    attributes: { label: A, options: [{ required: true }] }\n", /every option needs a label/],
    ["a repeated id", "body:\n  - { type: input, id: a, attributes: { label: A } }\n  - { type: input, id: a, attributes: { label: B } }\n", /"a" is used twice/],
    ["labels equal once normalised", "body:\n  - { type: input, id: a, attributes: { label: 'Severity' } }\n  - { type: input, id: b, attributes: { label: 'severity:' } }\n", /also used by "a"/],
  ])("refuses %s", (_name, yaml, message) => {
    expect(() => parseFormDefinition(yaml)).toThrow(FormDefinitionError);
    expect(() => parseFormDefinition(yaml)).toThrow(message);
  });
});

describe("parseFormBody with the incident form", () => {
  const answers = {
    summary: "Odd traffic.\n\nSecond paragraph.",
    notified_at: "2026-11-22 14:05",
    source: "Monitoring alert",
    notifier_contact: "pager@example.com",
    systems: "db-2 (10.0.4.17)\napi.example.com",
    environment: "Production",
    severity: SEVERITY_SV1,
    real: "Real",
    in_progress: "Yes",
    impact: "Critical",
    urgent: "No",
    containable: "Unknown",
  };
  const body = renderFormBody(INCIDENT_FORM, answers);

  it("reads back every answer of a body rendered as GitHub does", () => {
    expect(parseFormBody(body, INCIDENT_FORM)).toEqual({ values: answers, unknownSections: [] });
  });

  it("reads CRLF and old-Mac CR line endings and a byte-order mark the same way", () => {
    expect(parseFormBody(renderFormBody(INCIDENT_FORM, answers, "\r\n"), INCIDENT_FORM).values).toEqual(answers);
    expect(parseFormBody(renderFormBody(INCIDENT_FORM, answers, "\r"), INCIDENT_FORM).values).toEqual(answers);
    expect(parseFormBody("\uFEFF" + body, INCIDENT_FORM).values).toEqual(answers);
  });

  it("gives null for `_No response_`, `None`, `*No response*` and nothing at all", () => {
    const empty = renderFormBody(INCIDENT_FORM, { summary: "x" })
      .replace("### Environment\n\n_No response_", "### Environment\n\nNone")
      .replace("### Affected systems\n\n_No response_", "### Affected systems\n\n*No response*")
      .replace("### Notifier's contact\n\n_No response_", "### Notifier's contact\n\n");
    const { values } = parseFormBody(empty, INCIDENT_FORM);
    expect(values).toMatchObject({ summary: "x", environment: null, systems: null, notifier_contact: null, severity: null });
  });

  it("tolerates hand-edited headings: level, case, spacing, colons, closing hashes, bold, no space", () => {
    const edited = body
      .replace("### What happened?", "#   what   HAPPENED  ")
      .replace("### When were you notified?", "## When were you notified:")
      .replace("### Severity", "#### Severity ###")
      .replace("### Environment", "**Environment:**")
      .replace("### Is the response urgent?", "###Is the response urgent?")
      .replace("### Business impact if the attack succeeds", "### Business  impact if the attack succeeds :");
    expect(parseFormBody(edited, INCIDENT_FORM).values).toEqual(answers);
  });

  it("ignores text added above the first heading and reads reordered sections", () => {
    const sections = body.split("\n\n### ");
    const reordered = ["### " + sections.slice(1).reverse().join("\n\n### "), sections[0]].join("\n\n");
    expect(parseFormBody("Hi team, see below.\n\n" + reordered, INCIDENT_FORM).values).toEqual(answers);
  });

  it("leaves a deleted section out of the values, unlike one left empty", () => {
    const { values } = parseFormBody(body.replace(/### Severity\n\n[^\n]+\n\n/, ""), INCIDENT_FORM);
    expect("severity" in values).toBe(false);
    expect(values.real).toBe("Real");
  });

  it("keeps an unknown heading inside a textarea answer, as pasted text", () => {
    const pasted = body.replace("Second paragraph.", "### fake heading inside a textarea\n\nmore");
    const parsed = parseFormBody(pasted, INCIDENT_FORM);
    expect(parsed.values.summary).toBe("Odd traffic.\n\n### fake heading inside a textarea\n\nmore");
    expect(parsed.unknownSections).toEqual([]);
  });

  it("reports an unknown heading after a single-answer field, or before the first field, instead of corrupting the answer", () => {
    const added = "# My report\n\nintro\n\n" + body + "\n\n### Anything else?\n\nThe CEO knows.";
    const parsed = parseFormBody(added, INCIDENT_FORM);
    expect(parsed.values.containable).toBe("Unknown");
    expect(parsed.unknownSections).toEqual(["My report", "Anything else?"]);
  });

  it("lets the first heading of a field win; a repeat is treated as pasted text", () => {
    const repeated = body.replace("Second paragraph.", "### Severity\n\nSev0");
    const parsed = parseFormBody(repeated, INCIDENT_FORM);
    expect(parsed.values.severity).toBe("Sev0");
    expect(parsed.values.environment).toBe("Production");
    expect(parsed.unknownSections).toEqual(["Severity"]);
  });

  it("does not read headings inside fenced code, and unwraps an answer that is one fenced block", () => {
    const fenced = body.replace("db-2 (10.0.4.17)\napi.example.com", "~~~\n### Severity\nSev0\n~~~");
    const parsed = parseFormBody(fenced, INCIDENT_FORM);
    expect(parsed.values.systems).toBe("### Severity\nSev0");
    expect(parsed.values.severity).toBe(SEVERITY_SV1);
  });

  it("keeps the fences of an answer made of several blocks", () => {
    const twoBlocks = "```\na\n```\n\nand\n\n```\nb\n```";
    expect(parseFormBody(body.replace("db-2 (10.0.4.17)\napi.example.com", twoBlocks), INCIDENT_FORM).values.systems).toBe(twoBlocks);
  });

  it("treats an unclosed fence as text, so the sections after it are still read", () => {
    const stray = body.replace("Second paragraph.", "I typed ``` and stopped\n```");
    const { values } = parseFormBody(stray, INCIDENT_FORM);
    expect(values.summary).toBe("Odd traffic.\n\nI typed ``` and stopped\n```");
    expect(values.severity).toBe(SEVERITY_SV1);
    expect(values.containable).toBe("Unknown");
  });

  it("returns reporter text verbatim: mentions and HTML are data, not Vigil's concern here", () => {
    const hostile = renderFormBody(INCIDENT_FORM, { summary: "@someone look <script>alert(1)</script> **bold**" });
    expect(parseFormBody(hostile, INCIDENT_FORM).values.summary).toBe("@someone look <script>alert(1)</script> **bold**");
  });

  it("finds nothing in a body that does not follow the form", () => {
    expect(parseFormBody("help, we were hacked!\n\n## Details\n\nno idea", INCIDENT_FORM)).toEqual({ values: {}, unknownSections: ["Details"] });
    expect(parseFormBody("", INCIDENT_FORM)).toEqual({ values: {}, unknownSections: [] });
  });
});

describe("parseFormBody with other field types", () => {
  const render = (answers: Record<string, string | string[]>) => renderFormBody(SINK, answers);

  it("gives the ticked checkbox labels for [X] and [x], and none when nothing is ticked", () => {
    const body = render({ checks: ["I removed secrets", "Nobody else knows"] }).replace("- [X] Nobody", "- [x] Nobody");
    expect(parseFormBody(body, SINK).values.checks).toEqual(["I removed secrets", "Nobody else knows"]);
    expect(parseFormBody(render({}), SINK).values.checks).toEqual([]);
  });

  it("maps a ticked checkbox to the form's wording when only case or spacing differ, and keeps other text", () => {
    const body = "### Checks\n\n* [X]   i removed  SECRETS\n- [x] Something I added\n- [ ] I told my manager";
    expect(parseFormBody(body, SINK).values.checks).toEqual(["I removed secrets", "Something I added"]);
  });

  it("unwraps a `render:` textarea's fence and reads an empty one as null", () => {
    expect(parseFormBody(render({ logs: "$ whoami\nroot" }), SINK).values.logs).toBe("$ whoami\nroot");
    expect(parseFormBody("### Relevant logs\n\n```shell\n_No response_\n```", SINK).values.logs).toBeNull();
    expect(parseFormBody("### Relevant logs\n\n```shell\n```", SINK).values.logs).toBeNull();
  });

  it("splits a multiple-choice dropdown without cutting an option that contains a comma", () => {
    expect(parseFormBody(render({ areas: ["Billing, payments", "Search"] }), SINK).values.areas).toEqual(["Billing, payments", "Search"]);
    expect(parseFormBody("### Areas\n\nAuth, Something else", SINK).values.areas).toEqual(["Auth", "Something else"]);
    expect(parseFormBody("### Areas\n\nNone", SINK).values.areas).toBeNull();
  });

  it("keys a field without id by its label", () => {
    expect(parseFormBody(render({ Ticket: "SEC-42" }), SINK).values.Ticket).toBe("SEC-42");
  });
});

describe("reading the same texts again", () => {
  const yaml = "body:\n  - type: input\n    id: ticket\n    attributes:\n      label: Ticket\n";

  it("gives one form for one text, and reads a body by the form it is given", () => {
    const form = parseFormDefinition(yaml);
    expect(parseFormDefinition(yaml)).toBe(form);
    const other = parseFormDefinition(yaml.replace("label: Ticket", "label: Reference"));
    const body = "### Ticket\n\nSEC-42";
    expect(parseFormBody(body, form).values).toEqual({ ticket: "SEC-42" });
    expect(parseFormBody(body, other)).toEqual({ values: {}, unknownSections: ["Ticket"] });
    expect(parseFormBody(body, form)).toBe(parseFormBody(body, form));
  });

  it("still refuses a text that is no form, every time", () => {
    expect(() => parseFormDefinition("body: 3")).toThrow(FormDefinitionError);
    expect(() => parseFormDefinition("body: 3")).toThrow(FormDefinitionError);
  });
});

describe("matchOption", () => {
  const severities = INCIDENT_FORM.fields.find((f) => f.id === "severity")?.options ?? [];
  const sources = INCIDENT_FORM.fields.find((f) => f.id === "source")?.options ?? [];

  it.each([
    [SEVERITY_SV1, SEVERITY_SV1],
    ["Sev1", SEVERITY_SV1],
    ["  SEV1  ", SEVERITY_SV1],
    ["sev1 — partial disruption", SEVERITY_SV1],
    ["sev1 - something I wrote", SEVERITY_SV1],
    ["Sev1—partial", SEVERITY_SV1],
    ["**Sev1**", SEVERITY_SV1],
    ["emerg", "Emergency — threat to life or public safety"],
    ["not sure", "Not sure yet"],
    ["Not sure yet.", "Not sure yet"],
  ])("matches %j to a severity", (answer, expected) => {
    expect(matchOption(answer, severities)).toBe(expected);
  });

  it.each([["sev5"], ["Sev"], [""], ["critical"]])("matches no severity for %j", (answer) => {
    expect(matchOption(answer, severities)).toBeNull();
  });

  it("refuses an answer that fits several options rather than guessing", () => {
    expect(matchOption("customer", sources)).toBeNull();
    expect(matchOption("Customer or end user", sources)).toBe("Customer or end user");
    expect(matchOption("monitoring", sources)).toBe("Monitoring alert");
  });
});

describe("label and option helpers", () => {
  it("normaliseLabel ignores case, spacing, emphasis and trailing punctuation", () => {
    expect(normaliseLabel("  **What   happened?** :")).toBe(normaliseLabel("what happened"));
  });

  it("optionLead gives an option's short name as written", () => {
    expect(optionLead(SEVERITY_SV1)).toBe("Sev1");
    expect(optionLead("Not sure yet")).toBe("Not sure yet");
    expect(optionLead("Customer success / other employee")).toBe("Customer success / other employee");
  });
});

// Keeps the type import used even where only values are compared.
const _typed: FormDefinition = SINK;
