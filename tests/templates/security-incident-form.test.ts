import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { FormDefinitionError, parseFormDefinition } from "../../src/domain/issue-form.js";
import { INCIDENT_FORM, INCIDENT_FORM_YAML } from "../helpers/incident-form.js";

const repoFile = (path: string): string => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), "utf8");
const schema = JSON.parse(repoFile("tests/schemas/github-issue-forms.json")) as Record<string, unknown>;

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
// The SchemaStore schema is draft-07, which is what the default Ajv class implements.
const ajv = addFormats(new Ajv({ allErrors: true, strict: true }));
const validate = ajv.compile(schema);

const formWith = (body: unknown[]): Record<string, unknown> => ({ name: "Broken", description: "A broken form", body });
const dropdown = { type: "dropdown", id: "pick", attributes: { label: "Pick", options: ["A", "B"] } };

describe("templates/issue-forms/security-incident.yml", () => {
  it("is byte-identical to the copy this repository uses in .github/ISSUE_TEMPLATE", () => {
    expect(repoFile(".github/ISSUE_TEMPLATE/security-incident.yml")).toBe(INCIDENT_FORM_YAML);
  });

  it("is valid against SchemaStore's GitHub issue form schema", () => {
    expect(validate(load(INCIDENT_FORM_YAML)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("asks exactly the fields of SPEC 2.1, in order, with their types", () => {
    expect(INCIDENT_FORM.fields.map((f) => `${f.id}:${f.type}`)).toEqual([
      "summary:textarea",
      "notified_at:input",
      "source:dropdown",
      "notifier_contact:input",
      "systems:textarea",
      "environment:dropdown",
      "severity:dropdown",
      "real:dropdown",
      "in_progress:dropdown",
      "impact:dropdown",
      "urgent:dropdown",
      "containable:dropdown",
    ]);
  });

  it("requires what an incident record cannot do without, and nothing else", () => {
    expect(INCIDENT_FORM.fields.filter((f) => f.required).map((f) => f.id)).toEqual(["summary", "notified_at", "severity"]);
  });

  it("offers the options of SPEC 2.1, severities with their definitions from SPEC 1", () => {
    const options = Object.fromEntries(INCIDENT_FORM.fields.map((f) => [f.id, f.options]));
    expect(options.source).toEqual([
      "Engineering",
      "Customer success / other employee",
      "Customer or end user",
      "External source",
      "Monitoring alert",
    ]);
    expect(options.environment).toEqual(["Production", "Staging", "Development", "Unknown"]);
    expect(options.severity).toEqual([
      "Emergency — threat to life or public safety",
      "Sev0 — sensitive data breach, or complete disruption of a critical service",
      "Sev1 — partial disruption or significant degradation of service",
      "Sev2 — moderate or minor disruption or degradation",
      "Not sure yet",
    ]);
    expect(options.real).toEqual(["Real", "Perceived", "Unknown"]);
    expect(options.impact).toEqual(["Minimal", "Serious", "Critical", "Unknown"]);
    for (const id of ["in_progress", "urgent", "containable"]) expect(options[id]).toEqual(["Yes", "No", "Unknown"]);
  });

  it("applies the incident label, prefixes the title and warns reporters not to paste secrets", () => {
    const doc = load(INCIDENT_FORM_YAML) as { labels: string[]; title: string; body: { type: string; attributes: { value?: string } }[] };
    expect(doc.labels).toEqual(["incident"]);
    expect(doc.title).toBe("[Incident] ");
    expect(doc.body[0]?.type).toBe("markdown");
    expect(doc.body[0]?.attributes.value).toMatch(/do not paste secrets/i);
  });

  it("explains the accepted notification time formats", () => {
    const doc = load(INCIDENT_FORM_YAML) as { body: { id?: string; attributes: { description?: string } }[] };
    const description = doc.body.find((e) => e.id === "notified_at")?.attributes.description ?? "";
    expect(description).toContain("`2026-11-22 14:05`");
    expect(description).toMatch(/configured\s+time zone/);
    expect(description).toContain("ISO 8601");
  });

  it("quotes every yes/no-like option, which GitHub's YAML 1.1 parser would turn into a boolean", () => {
    const bare = INCIDENT_FORM_YAML.split("\n").filter((line) => /^\s*-\s+(yes|no|on|off|y|n|true|false)\s*$/i.test(line));
    expect(bare).toEqual([]);
  });
});

describe("the vendored issue form schema rejects broken forms", () => {
  it("accepts a minimal correct form, so the rejections below are about the breakage", () => {
    expect(validate(formWith([dropdown]))).toBe(true);
  });

  it("rejects a dropdown without options", () => {
    expect(validate(formWith([{ ...dropdown, attributes: { label: "Pick" } }]))).toBe(false);
    expect(validate(formWith([{ ...dropdown, attributes: { label: "Pick", options: [] } }]))).toBe(false);
  });

  it("rejects repeated options, an unknown field type, an id with spaces and a form without a name", () => {
    expect(validate(formWith([{ ...dropdown, attributes: { label: "Pick", options: ["A", "A"] } }]))).toBe(false);
    expect(validate(formWith([{ type: "select", id: "x", attributes: { label: "X" } }]))).toBe(false);
    expect(validate(formWith([{ ...dropdown, id: "has space" }]))).toBe(false);
    expect(validate({ description: "no name", body: [dropdown] })).toBe(false);
  });

  it("cannot see duplicate ids (JSON Schema has no uniqueness across items), so parseFormDefinition refuses them", () => {
    const duplicate = formWith([dropdown, { ...dropdown, attributes: { label: "Other", options: ["C"] } }]);
    expect(validate(duplicate)).toBe(true);
    expect(() => parseFormDefinition(JSON.stringify(duplicate))).toThrow(FormDefinitionError);
    expect(() => parseFormDefinition(JSON.stringify(duplicate))).toThrow(/"pick" is used twice/);
  });
});
