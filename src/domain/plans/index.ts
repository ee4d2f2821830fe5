// Response plans (SPEC 2.2): `/plan <name>` copies the task list of `.github/incident-plans/<slug>.md`
// into the incident as a checklist.
export { planTasks, renderPlanChecklist, type PlanChecklistInput } from "./checklist.js";
export { unknownPlanReply } from "./replies.js";
export { isPlanSlug, PLAN_DIR, PLAN_SLUG_MAX, PLAN_SLUG_RE, planFileSlug, planPath, planSlug } from "./slug.js";
