/** A running timer that can be stopped (tests, shutdown). */
export interface Timer {
  stop(): void;
}

/**
 * Parses `VIGIL_CHECK_INTERVAL`: a duration such as `15m`, `30s`, `1h` or `1h30m`; `0` turns the
 * timer off; unset means one hour. Returns milliseconds, or an error sentence.
 */
export function parseInterval(value: string | undefined): { ok: true; ms: number } | { ok: false; error: string } {
  if (value === undefined || value.trim() === "") return { ok: true, ms: 3_600_000 };
  const text = value.trim();
  if (text === "0") return { ok: true, ms: 0 };
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!m || text === "" || (!m[1] && !m[2] && !m[3])) {
    return { ok: false, error: `VIGIL_CHECK_INTERVAL="${value}" is not a duration: write it like 15m, 30s, 1h or 1h30m, or 0 to turn the scheduled check off.` };
  }
  const ms = ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
  if (ms < 10_000) return { ok: false, error: `VIGIL_CHECK_INTERVAL="${value}" is shorter than 10s; GitHub's rate limits would not allow it.` };
  return { ok: true, ms };
}

/**
 * How long the timer's lease (with `REDIS_URL`) keeps other replicas from repeating a check: shorter
 * than the shortest jittered wait (0.9 × interval), so whoever checks next period is never locked out,
 * and long enough that every other replica's tick within the same period is skipped.
 */
export function leaseFor(intervalMs: number): number {
  return Math.floor(intervalMs * 0.8);
}

/**
 * Runs `check` every `intervalMs`, each wait jittered by up to a tenth so replicas started together
 * drift apart; a check never overlaps the previous one. The timer does not keep the process alive.
 */
export function startTimer(intervalMs: number, check: () => Promise<unknown>, random: () => number = Math.random): Timer {
  let handle: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    const wait = intervalMs * (0.9 + 0.2 * random());
    handle = setTimeout(() => {
      check().catch(() => undefined).finally(schedule);
    }, wait);
    handle.unref();
  };
  schedule();
  return {
    stop() {
      stopped = true;
      if (handle) clearTimeout(handle);
    },
  };
}
