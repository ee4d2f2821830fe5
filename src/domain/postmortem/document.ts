import { postmortemSections, type PostmortemInput } from "./sections.js";
import { fillTemplate } from "./template.js";

/**
 * The post-mortem document for an incident: the template filled with what the incident records.
 * A file, not a comment, so nothing is shortened however many comments the incident has; the same
 * input always gives the same bytes, so a retry writes an identical file.
 */
export function renderPostmortem(input: PostmortemInput): string {
  return fillTemplate(input.template, postmortemSections(input));
}
