import type { DateTime } from "luxon";
import type { OncallOverride, VigilSettings } from "./settings.js";
import { parseMoment } from "./working-days.js";

/** Who answers an incident at a given moment (SPEC 2.6). */
interface Oncall {
  /** This week's rotation entry, or the override in effect today. */
  primary: string;
  /** The next different rotation entry, or null when the rotation has nobody else. */
  backup: string | null;
  securityOfficer: string;
  /** primary, backup, Security Officer without repeats (logins compared case-insensitively). */
  chain: string[];
  /** The rotation entry for this week, whether or not an override replaces it. */
  scheduled: string;
  override: OncallOverride | null;
  /** The hand-off that began this week, ISO instant with offset. */
  weekStart: string;
  /** The next hand-off, ISO instant with offset. */
  nextHandoff: string;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

// Of several overrides covering today, the one that began last wins: a two-day swap inside a
// two-week vacation cover is the more specific arrangement. Ties go to the later entry in the file.
function overrideOn(overrides: readonly OncallOverride[], date: string): OncallOverride | null {
  let chosen: OncallOverride | null = null;
  for (const o of overrides) {
    if (o.from <= date && date <= o.to && (!chosen || o.from >= chosen.from)) chosen = o;
  }
  return chosen;
}

/** Resolves the on-call primary, backup and escalation chain at `now` from the weekly rotation and its overrides. */
export function resolveOncall(config: Pick<VigilSettings, "oncall" | "timezone">, now: Date): Oncall {
  const { oncall, timezone } = config;
  const start = parseMoment(oncall.start, timezone);
  const at = parseMoment(now, timezone);

  // Hand-offs repeat at the same local wall-clock time, so a week is 167 or 169 hours across a DST
  // change: estimate the week from elapsed time, then correct it against the real local hand-offs.
  const handoff = (week: number): DateTime => start.plus({ weeks: week });
  let week = Math.floor((at.toMillis() - start.toMillis()) / WEEK_MS);
  while (handoff(week) > at) week--;
  while (handoff(week + 1) <= at) week++;

  const n = oncall.rotation.length;
  // Before `start` the week number is negative; the rotation extends backwards by the same cycle.
  const slot = ((week % n) + n) % n;
  const scheduled = oncall.rotation[slot] as string;
  const override = overrideOn(oncall.overrides, at.toISODate() as string);
  const primary = override?.login ?? scheduled;

  // The backup is whoever the rotation would hand over to next; when that is the primary (a swap)
  // the one after is taken. The scheduled entry itself is not a candidate: an override usually
  // means they are away.
  let backup: string | null = null;
  for (let i = 1; i < n; i++) {
    const candidate = oncall.rotation[(slot + i) % n] as string;
    if (!sameLogin(candidate, primary) && !sameLogin(candidate, scheduled)) {
      backup = candidate;
      break;
    }
  }

  const chain: string[] = [];
  for (const login of [primary, backup, oncall.securityOfficer]) {
    if (login && !chain.some((c) => sameLogin(c, login))) chain.push(login);
  }

  return {
    primary,
    backup,
    securityOfficer: oncall.securityOfficer,
    chain,
    scheduled,
    override,
    weekStart: iso(handoff(week)),
    nextHandoff: iso(handoff(week + 1)),
  };
}

/**
 * Who `/escalate` hands the incident to after `current`: the next member of the chain, or null past
 * the Security Officer. Someone outside the chain (made responder by hand) usually got the incident
 * from the primary, so escalating from them goes past the primary to the next chain member; when the
 * chain is a single person, that person.
 */
export function nextInChain(oncall: Pick<Oncall, "chain">, current: string): string | null {
  const index = oncall.chain.findIndex((c) => sameLogin(c, current));
  if (index === -1) return oncall.chain[1] ?? oncall.chain[0] ?? null;
  return oncall.chain[index + 1] ?? null;
}
