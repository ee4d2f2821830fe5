// Timestamps in the sandbox come from one clock so tests can pin "now" and
// move it forward (deadlines, working days) without waiting for real time.

type TimeInput = Date | string | number;

/** Formats a date the way GitHub does: ISO 8601, seconds precision, `Z`. */
export function toGitHubTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function toMillis(value: TimeInput): number {
  const millis = value instanceof Date ? value.getTime() : new Date(value).getTime();
  if (Number.isNaN(millis)) throw new RangeError(`Invalid sandbox time: ${String(value)}`);
  return millis;
}

/** A clock that follows real time until `now` is assigned, then stays frozen there. */
export class SandboxClock {
  #fixed: number | null;

  constructor(now?: TimeInput) {
    this.#fixed = now === undefined ? null : toMillis(now);
  }

  get now(): Date {
    return new Date(this.#fixed ?? Date.now());
  }

  set now(value: TimeInput) {
    this.#fixed = toMillis(value);
  }

  /** Moves a frozen (or freezes the real) time forward by `ms` milliseconds. */
  advance(ms: number): Date {
    this.#fixed = this.now.getTime() + ms;
    return this.now;
  }

  /** Returns to following the real time. */
  useRealTime(): void {
    this.#fixed = null;
  }

  /** The current time as GitHub formats it. */
  iso(): string {
    return toGitHubTime(this.now);
  }
}
