import { DateTime } from "luxon";
import { assertTimeZone } from "../working-days.js";

// Leading zeros are refused so that each incident has exactly one branch name and a hand-made
// `postmortem/incident-012` is not mistaken for Vigil's.
const BRANCH_RE = /^(?:refs\/heads\/)?postmortem\/incident-([1-9][0-9]{0,15})$/;

function assertIssueNumber(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`an issue number is a whole number of 1 or more, not ${n}`);
}

/** The post-mortem branch of incident `n`: `postmortem/incident-<n>`. */
export function postmortemBranch(n: number): string {
  assertIssueNumber(n);
  return `postmortem/incident-${n}`;
}

/**
 * The post-mortem file of incident `n`: `postmortems/<YYYY-MM-DD>-incident-<n>.md`, dated by the
 * day the incident was declared in the configured zone (not UTC), which is the day people know it by.
 */
export function postmortemPath(declaredAt: string, timezone: string, n: number): string {
  assertIssueNumber(n);
  assertTimeZone(timezone);
  const local = DateTime.fromISO(declaredAt, { setZone: true }).setZone(timezone);
  if (!local.isValid) throw new RangeError(`"${declaredAt}" is not an ISO 8601 instant`);
  return `postmortems/${local.toISODate()}-incident-${n}.md`;
}

/** The incident whose post-mortem branch `ref` is (`postmortem/incident-12` or `refs/heads/postmortem/incident-12`), else null. */
export function incidentOfBranch(ref: string): number | null {
  const m = BRANCH_RE.exec(ref);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : null;
}
