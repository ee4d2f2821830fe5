/** The longest plan slug, in characters. */
export const PLAN_SLUG_MAX = 60;

/** A plan slug: lower-case letters and digits in runs joined by single hyphens, at most 60 characters. */
export const PLAN_SLUG_RE = /^(?=.{1,60}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The folder of a repository that holds its response plans (SPEC 2.2). */
export const PLAN_DIR = ".github/incident-plans";

/** Whether a string is a plan slug (safe in a marker, an op code and a path). */
export function isPlanSlug(slug: string): boolean {
  return PLAN_SLUG_RE.test(slug);
}

/**
 * The slug of a plan name as typed: lower-cased, accents dropped (`Übung` → `ubung`), every run of
 * other characters than `a-z0-9` a single `-`, no `-` at either end, at most 60 characters
 * (`Lost laptop` → `lost-laptop`, `Ransomware!` → `ransomware`). Empty when the name holds no
 * letter or digit, which is no plan name.
 */
export function planSlug(name: string): string {
  const plain = name.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  const dashed = plain.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return dashed.slice(0, PLAN_SLUG_MAX).replace(/-+$/, "");
}

/**
 * The slug a plan file answers to: its name without folder and `.md`, as a slug
 * (`.github/incident-plans/Lost laptop.md` → `lost-laptop`), so `/plan lost laptop` finds it.
 */
export function planFileSlug(file: string): string {
  return planSlug(file.replace(/^.*[\\/]/, "").replace(/\.md$/i, ""));
}

/** Where the plan with this slug lives in the repository. */
export function planPath(slug: string): string {
  return `${PLAN_DIR}/${slug}.md`;
}
