/**
 * Issue forms: reading a form definition, and reading back the markdown body GitHub renders from it.
 *
 * Why not @github/issue-parser (installed; its behaviour is recorded in
 * tests/templates/github-issue-parser.test.ts): it copes with CRLF, `_No response_`, `None`,
 * `[x]`/`[X]`, text above the first heading and reordered or deleted sections, but it only knows a
 * heading written exactly `### <label>`. A heading edited to `## Severity`, `### severity` or
 * `### Severity:` silently becomes part of the previous answer, fenced answers keep their fences,
 * and a heading line inside a fenced block splits the block. Issue bodies get edited by hand during
 * incidents, so this parser matches headings of any level to labels ignoring case, spacing,
 * emphasis and trailing punctuation, and skips fenced blocks.
 *
 * Rules worth knowing:
 * - The first heading naming a field opens its section; a later heading with the same label is
 *   treated like an unknown heading (a reporter's pasted text cannot override an answer).
 * - An unknown heading inside a textarea answer is part of that answer (people paste markdown);
 *   after any other field, or before the first field, it opens a section reported in `unknownSections`.
 * - A section missing from the body is absent from `values`; an empty answer (`_No response_`, `None`,
 *   nothing) is `null`; checkboxes give the labels that are ticked, possibly none.
 * - A code fence left unclosed is treated as plain text, so one stray ``` cannot swallow the rest.
 */
import { load } from "js-yaml";
import { rememberByText } from "./remember.js";

/** The kinds of answer a form field collects (markdown elements collect none and are skipped). */
type FieldType = "input" | "textarea" | "dropdown" | "checkboxes";

/** One answerable field of an issue form. */
export interface FormField {
  id: string;
  label: string;
  type: FieldType;
  required: boolean;
  options?: string[];
  multiple?: boolean;
  render?: string;
}

/** The answerable fields of an issue form, in form order. */
export interface FormDefinition {
  name?: string;
  fields: FormField[];
}

/** One parsed answer: text, chosen options, or null when left empty. */
export type FieldValue = string | string[] | null;

/** Answers keyed by field id, plus headings that belong to no field. */
interface ParsedFormBody {
  values: Record<string, FieldValue>;
  unknownSections: string[];
}

/** Thrown when a form definition is not a usable issue form. */
export class FormDefinitionError extends Error {
  override name = "FormDefinitionError";
}

const FIELD_TYPES: readonly string[] = ["input", "textarea", "dropdown", "checkboxes"];

// Every delivery reads the repository's form and the incident's body again, mostly the same texts as last time.
const FORMS_KEPT = { entries: 100, chars: 1_000_000 };
const BODIES_KEPT = { entries: 500, chars: 2_000_000 };

/** Reads an issue form's YAML into its answerable fields; throws FormDefinitionError when it is not one. */
export const parseFormDefinition: (yamlText: string) => FormDefinition = rememberByText(readFormDefinition, FORMS_KEPT);

function readFormDefinition(yamlText: string): FormDefinition {
  let doc: unknown;
  try {
    doc = load(yamlText);
  } catch (error) {
    throw new FormDefinitionError(`The issue form is not valid YAML: ${(error as Error).message}`);
  }
  if (!isRecord(doc) || !Array.isArray(doc.body)) throw new FormDefinitionError("The issue form has no `body` list");
  const fields: FormField[] = [];
  const labels = new Map<string, string>();
  doc.body.forEach((element: unknown, index) => {
    if (!isRecord(element) || element.type === "markdown") return;
    const where = `body[${index}]`;
    const type = String(element.type);
    if (!FIELD_TYPES.includes(type)) throw new FormDefinitionError(`${where}: unknown field type "${type}"`);
    const attributes = isRecord(element.attributes) ? element.attributes : {};
    const label = typeof attributes.label === "string" ? attributes.label.trim() : "";
    if (!label) throw new FormDefinitionError(`${where}: a ${type} needs a label`);
    // GitHub allows a field without an id; its label then has to serve as the key.
    const id = typeof element.id === "string" && element.id ? element.id : label;
    if (fields.some((f) => f.id === id)) throw new FormDefinitionError(`${where}: the id "${id}" is used twice`);
    const key = normaliseLabel(label);
    const clash = labels.get(key);
    // Two fields with one label would make every rendered body ambiguous.
    if (clash) throw new FormDefinitionError(`${where}: the label "${label}" is also used by "${clash}"`);
    labels.set(key, id);
    const field: FormField = { id, label, type: type as FieldType, required: isRecord(element.validations) && element.validations.required === true };
    if (type === "dropdown" || type === "checkboxes") field.options = readOptions(attributes.options, type, where);
    if (type === "dropdown" && attributes.multiple === true) field.multiple = true;
    if (type === "textarea" && typeof attributes.render === "string") field.render = attributes.render;
    fields.push(field);
  });
  const name = doc.name;
  return typeof name === "string" ? { name, fields } : { fields };
}

function readOptions(raw: unknown, type: string, where: string): string[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new FormDefinitionError(`${where}: a ${type} needs options`);
  return raw.map((option: unknown) => {
    const text = isRecord(option) ? option.label : option;
    // YAML turns bare 1 or true into numbers and booleans; GitHub shows them as text, so do we.
    if (typeof text === "string" || typeof text === "number" || typeof text === "boolean") return String(text);
    throw new FormDefinitionError(`${where}: every option needs a label`);
  });
}

// Keyed by the form object: a form read from the same text is the same (remembered) object.
const bodiesByForm = new WeakMap<FormDefinition, (body: string) => ParsedFormBody>();

/** Splits a rendered issue body into answers keyed by field id, using the form's labels. */
export function parseFormBody(body: string, form: FormDefinition): ParsedFormBody {
  let parse = bodiesByForm.get(form);
  if (!parse) {
    parse = rememberByText((text) => splitBody(text, form), BODIES_KEPT);
    bodiesByForm.set(form, parse);
  }
  return parse(body);
}

function splitBody(body: string, form: FormDefinition): ParsedFormBody {
  const lines = body.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const ignoredFences = new Set<number>();
  // Re-split while a fence stays open at the end: that opener was a stray ``` typed as text.
  for (;;) {
    const result = splitSections(lines, form, ignoredFences);
    if (result.unclosedFence === null) return toParsed(result.sections, result.unknownSections);
    ignoredFences.add(result.unclosedFence);
  }
}

interface Section {
  field: FormField | null;
  lines: string[];
}

function splitSections(lines: string[], form: FormDefinition, ignoredFences: Set<number>) {
  const byLabel = new Map(form.fields.map((f) => [normaliseLabel(f.label), f]));
  const sections: Section[] = [];
  const unknownSections: string[] = [];
  const seen = new Set<string>();
  let current: Section | null = null;
  let fence: { marker: string; line: number } | null = null;
  for (const [index, line] of lines.entries()) {
    if (fence) {
      if (closesFence(line, fence.marker)) fence = null;
      current?.lines.push(line);
      continue;
    }
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (opener && !ignoredFences.has(index)) {
      fence = { marker: opener, line: index };
      current?.lines.push(line);
      continue;
    }
    const heading = headingOf(line);
    if (heading) {
      const field = byLabel.get(normaliseLabel(heading.text));
      if (field && !seen.has(field.id)) {
        seen.add(field.id);
        current = { field, lines: [] };
        sections.push(current);
        continue;
      }
      if (heading.strict && current?.field?.type !== "textarea") {
        unknownSections.push(heading.text);
        current = { field: null, lines: [] };
        continue;
      }
    }
    current?.lines.push(line);
  }
  return { sections, unknownSections, unclosedFence: fence ? fence.line : null };
}

function closesFence(line: string, marker: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return !!m?.[1] && m[1][0] === marker[0] && m[1].length >= marker.length;
}

// A strict heading is an ATX heading of any level. Looser forms someone may type by hand (`###Severity`,
// a line that is only bold text) count only when they name a field, so that `#123` or bold words
// stay part of an answer.
function headingOf(line: string): { text: string; strict: boolean } | null {
  const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
  if (atx) return { text: (atx[1] ?? "").replace(/[ \t]+#+$/, "").trim(), strict: true };
  const loose = /^ {0,3}#{1,6}(\S.*?)\s*$/.exec(line) ?? /^ {0,3}(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$/.exec(line);
  return loose?.[1] ? { text: loose[1], strict: false } : null;
}

function toParsed(sections: Section[], unknownSections: string[]): ParsedFormBody {
  const values: Record<string, FieldValue> = {};
  for (const { field, lines } of sections) if (field) values[field.id] = valueOf(field, lines);
  return { values, unknownSections };
}

const EMPTY_ANSWERS = new Set(["_no response_", "*no response*", "no response", "none", "_none_", "*none*", ""]);

function valueOf(field: FormField, lines: string[]): FieldValue {
  const text = unwrapFence(trimBlankLines(lines).join("\n")).trim();
  if (field.type === "checkboxes") return checkedOptions(text, field.options ?? []);
  if (EMPTY_ANSWERS.has(text.toLowerCase())) return null;
  if (field.type === "dropdown" && field.multiple) return splitChoices(text, field.options ?? []);
  return text;
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start]?.trim()) start++;
  while (end > start && !lines[end - 1]?.trim()) end--;
  return lines.slice(start, end);
}

// GitHub wraps a `render:` textarea in a fence; an answer that is one whole fenced block is its content.
function unwrapFence(text: string): string {
  const m = /^ {0,3}(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n? {0,3}\1\s*$/.exec(text);
  if (!m?.[1] || m[2] === undefined) return text;
  // A fence marker inside means the text is several blocks, not one.
  return m[2].includes(m[1]) ? text : m[2];
}

function checkedOptions(text: string, options: readonly string[]): string[] {
  const checked: string[] = [];
  for (const line of text.split("\n")) {
    const m = /^\s*[-*+]\s+\[([ xX])\]\s*(.*)$/.exec(line);
    if (!m?.[2] || m[1] === " ") continue;
    const label = m[2].trim();
    checked.push(options.find((o) => normaliseChoice(o) === normaliseChoice(label)) ?? label);
  }
  return checked;
}

// Options may themselves contain ", " (the severity descriptions do), so known options are
// consumed first and only the unrecognised rest is split on commas.
function splitChoices(text: string, options: readonly string[]): string[] {
  const chosen: string[] = [];
  let rest = text;
  while (rest) {
    const known = [...options]
      .sort((a, b) => b.length - a.length)
      .find((o) => rest.toLowerCase().startsWith(o.toLowerCase()) && /^(?:\s*,|\s*$)/.test(rest.slice(o.length)));
    const next = known ?? rest.split(",")[0] ?? rest;
    chosen.push(next.trim());
    rest = rest.slice(next.length).replace(/^\s*,\s*/, "");
  }
  return chosen.filter((c) => c !== "");
}

/** Lower-case, single-spaced label without emphasis, trailing colons or question marks: what hand edits keep. */
export function normaliseLabel(label: string): string {
  return label
    .normalize("NFKC")
    .replace(/[*_`]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s:?.!]+$/, "")
    .toLowerCase();
}

function normaliseChoice(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[*_`]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!:;,]+$/, "")
    .toLowerCase();
}

/** The short name of an option as written: "Sev1 — partial disruption" → "Sev1". */
export function optionLead(option: string): string {
  return option.split(/\s*[\u2013\u2014]\s*| - |:|\(/)[0]?.trim() || option.trim();
}

// The normalised short name, for comparisons.
function leadOf(text: string): string {
  return normaliseChoice(text).split(/\s*[\u2013\u2014]\s*| - |:|\(/)[0]?.trim() ?? "";
}

function firstWordOf(text: string): string {
  return normaliseChoice(text).split(/[\s,/\u2013\u2014]+/)[0] ?? "";
}

/**
 * The form option an answer stands for, or null when none or several fit. Tried in order: the whole
 * option, its short name before " — " ("Sev1"), the unique option whose short name starts with the
 * answer ("prod"), the unique option sharing the answer's first word ("Monitoring").
 */
export function matchOption(answer: string, options: readonly string[]): string | null {
  const whole = normaliseChoice(answer);
  if (!whole) return null;
  const lead = leadOf(answer);
  const word = firstWordOf(answer);
  const tests: ((o: string) => boolean)[] = [
    (o) => normaliseChoice(o) === whole,
    (o) => leadOf(o) === lead,
    (o) => lead.length >= 3 && leadOf(o).startsWith(lead),
    (o) => firstWordOf(o) === word,
  ];
  for (const test of tests) {
    const found = options.filter(test);
    if (found.length === 1) return found[0] ?? null;
    if (found.length > 1) return null;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
