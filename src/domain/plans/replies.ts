import { distance } from "fastest-levenshtein";
import { codeSpan } from "../markdown/code-span.js";
import { truncateText } from "../markdown/fit-body.js";
import { PLAN_DIR, planFileSlug, planPath, planSlug } from "./slug.js";

const NAME_MAX = 200;
const LISTED_MAX = 50;

/**
 * The reply to `/plan <name>` when the repository has no such plan (SPEC 2.2): that it does not
 * exist, and either the plans that do (with the nearest one suggested) or, when there are none,
 * how to add one. `available` are the plans' slugs or file names (`lost-laptop`, `lost-laptop.md`,
 * `Lost laptop.md`), listed by slug (`planFileSlug`); the name is user text and is shown literally.
 */
export function unknownPlanReply(name: string, available: readonly string[]): string {
  const slug = planSlug(name);
  const shown = codeSpan(truncateText(name.trim(), NAME_MAX).text);
  const looked = slug ? ` (Vigil looked for ${codeSpan(planPath(slug))})` : "";
  const first = `There is no response plan ${shown}${looked}; nothing was attached.`;
  const plans = [...new Set(available.map((a) => planFileSlug(a.trim())).filter(Boolean))].sort();
  if (plans.length === 0) {
    return `${first} This repository has no response plans yet. To add one, commit a file ${codeSpan(`${PLAN_DIR}/<name>.md`)} ` +
      `(for example ${codeSpan(planPath("lost-laptop"))}) whose steps are a task list (\`- [ ] step\`); ` +
      `\`/plan <name>\` then copies them into the incident as a checklist.`;
  }
  const near = slug ? plans.find((p) => distance(p, slug) <= Math.max(1, Math.floor(p.length / 4))) : undefined;
  const listed = plans.slice(0, LISTED_MAX).map((p) => `- ${codeSpan(p)}`);
  if (plans.length > LISTED_MAX) listed.push(`- …and ${plans.length - LISTED_MAX} more in ${codeSpan(PLAN_DIR)}`);
  return [
    `${first}${near ? ` Did you mean ${codeSpan(`/plan ${near}`)}?` : ""}`,
    "",
    `The plans in ${codeSpan(PLAN_DIR)}:`,
    "",
    ...listed,
  ].join("\n");
}
