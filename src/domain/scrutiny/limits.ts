/** GitHub's pull request files list stops at 3,000 files (100 a page). */
export const MAX_PULL_FILES = 3_000;
/** The check run's name, exactly: what branch protection and rulesets require. */
export const CHECK_NAME = "Vigil / top-threat scrutiny";
/** The label a pull request touching a threat carries. */
export const threatLabel = (name: string) => `security: ${name}`;
