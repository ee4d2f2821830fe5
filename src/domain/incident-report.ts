/**
 * The incident a reporter described in the security incident form (SPEC 2.1), read from the issue
 * body with the form definition and checked, so that intake either has a typed report or can tell
 * the reporter exactly what to fix.
 *
 * Answers are matched to the form's options leniently ("Sev1", "sev 1", "Sev1 — partial…" and the
 * full option all work) and then to Vigil's own values by their short names, so a repository may
 * reword the option descriptions without breaking intake. Optional questions left empty become
 * "unknown" (or null for free text); an optional answer that is present but unreadable is reported
 * rather than quietly turned into "unknown", because that would drop what the reporter said.
 * Problem messages quote what the reporter typed, shortened to one line: render them as untrusted text.
 */
import { type FieldValue, type FormDefinition, type FormField, matchOption, optionLead, parseFormBody } from "./issue-form.js";
import { parseNotifiedAt } from "./notified-at.js";
import { parseSeverity, type Severity } from "./severity.js";
/** Who or what first reported the incident. */
type ReportSource = "engineering" | "employee" | "customer" | "external" | "monitoring" | "unknown";
/** Where the affected systems run. */
export type Environment = "production" | "staging" | "development" | "unknown";
/** Whether the incident is a real attack or exposure, or only looks like one. */
type Reality = "real" | "perceived" | "unknown";
/** Business impact if the attack succeeds. */
type Impact = "minimal" | "serious" | "critical" | "unknown";
/** Answer to a yes/no assessment question. */
type YesNoUnknown = "yes" | "no" | "unknown";

/** A reporter's incident, typed. */
export interface IncidentReport {
  summary: string;
  /** ISO 8601 instant with the configured zone's offset; null only when a form makes the field optional. */
  notifiedAt: string | null;
  /** What the reporter typed for the notification time, for the record. */
  notifiedAtText: string | null;
  source: ReportSource;
  notifierContact: string | null;
  systems: string | null;
  environment: Environment;
  severity: Severity;
  real: Reality;
  inProgress: YesNoUnknown;
  impact: Impact;
  urgent: YesNoUnknown;
  containable: YesNoUnknown;
}

/** One thing wrong with a submitted form, with a message saying exactly how to fix it. */
interface FieldProblem {
  id: string;
  label: string;
  problem: "missing" | "invalid";
  message: string;
}

/** A checked report, or every problem found plus whatever could be read. */
type IncidentReportResult =
  | { ok: true; report: IncidentReport }
  | { ok: false; problems: FieldProblem[]; partial: Partial<IncidentReport> };

type ChoiceKey = "source" | "environment" | "severity" | "real" | "inProgress" | "impact" | "urgent" | "containable";

// Each Vigil value with the short names (lower case) an option or a hand-typed answer may use for it.
const YES_NO: Record<YesNoUnknown, string[]> = { yes: ["yes", "y"], no: ["no", "n"], unknown: ["unknown", "not sure", "don't know"] };
const CHOICES: { [K in ChoiceKey]: { id: string; names: Record<IncidentReport[K], string[]> } } = {
  source: {
    id: "source",
    names: {
      engineering: ["engineering", "engineer"],
      employee: ["customer success / other employee", "customer success", "other employee", "employee"],
      customer: ["customer or end user", "customer", "end user", "user"],
      external: ["external source", "external"],
      monitoring: ["monitoring alert", "monitoring", "alert"],
      unknown: ["unknown"],
    },
  },
  environment: {
    id: "environment",
    names: {
      production: ["production", "prod"],
      staging: ["staging", "stage"],
      development: ["development", "dev"],
      unknown: ["unknown"],
    },
  },
  // Severity is read by parseSeverity, the one severity reader; no names here.
  severity: { id: "severity", names: { emergency: [], sev0: [], sev1: [], sev2: [], triage: [] } },
  real: { id: "real", names: { real: ["real"], perceived: ["perceived"], unknown: ["unknown"] } },
  inProgress: { id: "in_progress", names: YES_NO },
  impact: {
    id: "impact",
    names: { minimal: ["minimal"], serious: ["serious"], critical: ["critical"], unknown: ["unknown"] },
  },
  urgent: { id: "urgent", names: YES_NO },
  containable: { id: "containable", names: YES_NO },
};

// Vigil cannot open an incident without these, whatever a repository's copy of the form says.
const ALWAYS_REQUIRED = new Set(["summary", "severity"]);

/** Reads and checks an incident form submission; `now` bounds the notification time. */
export function parseIncidentReport(
  body: string,
  form: FormDefinition,
  opts: { timezone: string; now: Date },
): IncidentReportResult {
  const { values } = parseFormBody(body, form);
  if (Object.keys(values).length === 0) {
    const headings = form.fields.slice(0, 3).map((f) => `"### ${f.label}"`).join(", ");
    return {
      ok: false,
      partial: {},
      problems: [
        {
          id: "body",
          label: "Issue body",
          problem: "missing",
          message:
            `This issue does not follow the ${form.name ?? "security incident"} form: none of its sections ` +
            `(${headings}, …) were found. Edit the issue so that each answer sits under its heading, ` +
            `or open a new issue with the form.`,
        },
      ],
    };
  }
  const problems: FieldProblem[] = [];
  const partial: Partial<IncidentReport> = {};
  const field = (id: string): FormField | undefined => form.fields.find((f) => f.id === id);

  const text = (id: string): string | null | undefined => {
    const f = field(id);
    if (!f) return ALWAYS_REQUIRED.has(id) ? fail(problems, missingFromForm(id)) : null;
    const answer = asText(values[id]);
    if (answer !== null) return answer;
    if (f.required || ALWAYS_REQUIRED.has(id)) return fail(problems, missing(f, id in values, howToAnswer(f, opts.timezone)));
    return null;
  };

  const summary = text("summary");
  if (summary) partial.summary = summary;
  const notifiedAtText = text("notified_at");
  if (notifiedAtText !== undefined) {
    partial.notifiedAtText = notifiedAtText;
    if (notifiedAtText === null) partial.notifiedAt = null;
    else {
      const when = parseNotifiedAt(notifiedAtText, opts.timezone, opts.now);
      if (when.ok) partial.notifiedAt = when.iso;
      else {
        const f = field("notified_at") as FormField;
        problems.push({ id: f.id, label: f.label, problem: "invalid", message: `${f.label}: ${when.reason}. Edit the issue and ${when.fix}.` });
      }
    }
  }
  const contact = text("notifier_contact");
  if (contact !== undefined) partial.notifierContact = contact;
  const systems = text("systems");
  if (systems !== undefined) partial.systems = systems;
  for (const key of Object.keys(CHOICES) as ChoiceKey[]) {
    const value = choice(key, values, field(CHOICES[key].id), problems, opts.timezone);
    if (value !== undefined) (partial as Record<ChoiceKey, string>)[key] = value;
  }
  return problems.length === 0 ? { ok: true, report: partial as IncidentReport } : { ok: false, problems, partial };
}

function choice(
  key: ChoiceKey,
  values: Record<string, FieldValue>,
  f: FormField | undefined,
  problems: FieldProblem[],
  timezone: string,
): string | undefined {
  const { id, names } = CHOICES[key];
  const fallback = key === "severity" ? "triage" : "unknown";
  if (!f) return ALWAYS_REQUIRED.has(id) ? fail(problems, missingFromForm(id)) : fallback;
  const answer = asText(values[id]);
  if (answer === null) {
    if (f.required || ALWAYS_REQUIRED.has(id)) return fail(problems, missing(f, id in values, howToAnswer(f, timezone)));
    return fallback;
  }
  const option = matchOption(answer, f.options ?? []);
  const found =
    key === "severity"
      ? ((option !== null ? parseSeverity(option) : null) ?? parseSeverity(answer) ?? undefined)
      : ((option !== null ? valueNamed(names, option) : undefined) ?? valueNamed(names, answer));
  if (found) return found;
  return fail(problems, {
    id,
    label: f.label,
    problem: "invalid",
    message: `${f.label}: "${oneLine(answer)}" is not one of ${optionList(f)}. Edit the issue and pick one of those.`,
  });
}

// The Vigil value whose names include the text or its short name.
function valueNamed(names: Record<string, string[]>, text: string): string | undefined {
  const candidates = [text, optionLead(text)].map((t) => t.toLowerCase().replace(/\s+/g, " ").trim());
  return Object.keys(names).find((value) => names[value]?.some((n) => candidates.includes(n)));
}

function fail(problems: FieldProblem[], problem: FieldProblem): undefined {
  problems.push(problem);
  return undefined;
}

function missing(f: FormField, sectionPresent: boolean, what: string): FieldProblem {
  const message = sectionPresent
    ? `${f.label}: this answer is required but was left empty. Edit the issue and write ${what} under "### ${f.label}".`
    : `${f.label}: this section is missing from the issue. Edit the issue and add a line "### ${f.label}" followed by ${what}.`;
  return { id: f.id, label: f.label, problem: "missing", message };
}

function missingFromForm(id: string): FieldProblem {
  return {
    id,
    label: id,
    problem: "missing",
    message:
      `This repository's incident form has no field with id "${id}", which Vigil needs to open an incident. ` +
      `A maintainer should restore it from Vigil's templates/issue-forms/security-incident.yml.`,
  };
}

function howToAnswer(f: FormField, timezone: string): string {
  if (f.id === "notified_at") return `when you were notified, such as 2026-11-22 14:05 (${timezone} time)`;
  if (f.type === "dropdown" || f.type === "checkboxes") return `one of ${optionList(f)}`;
  return f.id === "summary" ? "what happened" : "your answer";
}

function optionList(f: FormField): string {
  return (f.options ?? []).map(optionLead).join(", ");
}

function asText(value: FieldValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  const text = Array.isArray(value) ? value.join(", ") : value;
  return text.trim() === "" ? null : text;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
