// Renders issue bodies the way GitHub renders a submitted issue form: tests, the demo and the
// benchmarks file issues exactly as a reporter would. The form itself (which YAML, which parser)
// belongs to the app under test; this only needs its answerable fields in form order.

/** One answerable field of an issue form (markdown elements are not fields). */
export interface FormFieldShape {
  id: string;
  label: string;
  type: string;
  options?: readonly string[];
  render?: string;
}

/** The answerable fields of an issue form, in form order. */
export interface FormShape {
  fields: readonly FormFieldShape[];
}

/** Answers by field id: text, chosen option(s), ticked checkbox labels; absent means left empty. */
export type Answers = Record<string, string | string[] | undefined>;

/**
 * Renders an issue body the way GitHub does for a submitted form: `### <label>`, a blank line, the
 * answer; `_No response_` when empty; `render:` textareas fenced; checkboxes as a task list.
 */
export function renderFormBody(form: FormShape, answers: Answers, eol = "\n"): string {
  const sections = form.fields.map((field) => {
    const answer = answers[field.id];
    let value: string;
    if (field.type === "checkboxes") {
      const ticked = new Set(Array.isArray(answer) ? answer : answer ? [answer] : []);
      value = (field.options ?? []).map((o) => `- [${ticked.has(o) ? "X" : " "}] ${o}`).join("\n");
    } else if (answer === undefined || answer === "" || (Array.isArray(answer) && answer.length === 0)) {
      value = "_No response_";
    } else {
      const text = Array.isArray(answer) ? answer.join(", ") : answer;
      value = field.type === "textarea" && field.render ? "```" + field.render + "\n" + text + "\n```" : text;
    }
    return `### ${field.label}\n\n${value}`;
  });
  return sections.join("\n\n").replace(/\n/g, eol);
}

/** The full text of the option whose short name (before " — ") is `lead`, as a reporter would pick it. */
export function option(form: FormShape, id: string, lead: string): string {
  const found = form.fields.find((f) => f.id === id)?.options?.find((o) => o.split(" — ")[0] === lead);
  if (!found) throw new Error(`form-body: field ${id} has no option ${lead}`);
  return found;
}
