import { planSlug } from "../plans/slug.js";

/**
 * The response plans this year's drill exercises: `min(perYear, plans)` of them, those never
 * exercised first (in the configured order), then those exercised longest ago, so that over the
 * years every configured plan gets its turn. `history` holds the plans each earlier drill exercised,
 * oldest first. Names are compared by slug, as `/plan` finds them; a plan configured twice counts once.
 */
export function drillPlans(plans: readonly string[], perYear: number, history: readonly (readonly string[])[]): string[] {
  const lastDrilled = new Map<string, number>();
  history.forEach((drill, index) => {
    for (const name of drill) lastDrilled.set(planSlug(name), index);
  });
  const seen = new Set<string>();
  const candidates: { name: string; last: number; order: number }[] = [];
  for (const name of plans) {
    const slug = planSlug(name);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    candidates.push({ name, last: lastDrilled.get(slug) ?? -1, order: candidates.length });
  }
  const count = Math.max(0, Math.min(Math.floor(perYear), candidates.length));
  return candidates
    .sort((a, b) => a.last - b.last || a.order - b.order)
    .slice(0, count)
    .map((c) => c.name);
}
