import { afterEach, describe, expect, it, vi } from "vitest";
import { leaseFor, parseInterval, startTimer } from "../../src/triggers/timer.js";

afterEach(() => vi.useRealTimers());

describe("VIGIL_CHECK_INTERVAL", () => {
  it("reads durations, 0 and the one-hour default", () => {
    expect(parseInterval(undefined)).toEqual({ ok: true, ms: 3_600_000 });
    expect(parseInterval("15m")).toEqual({ ok: true, ms: 900_000 });
    expect(parseInterval("30s")).toEqual({ ok: true, ms: 30_000 });
    expect(parseInterval("1h30m")).toEqual({ ok: true, ms: 5_400_000 });
    expect(parseInterval("0")).toEqual({ ok: true, ms: 0 });
  });

  it("explains a value it cannot read", () => {
    const result = parseInterval("15 minutes");
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("15m, 30s, 1h") });
    expect(parseInterval("5s")).toMatchObject({ ok: false });
  });
});

describe("the server timer", () => {
  it("runs the check every interval with jitter, never overlapping, until stopped", async () => {
    vi.useFakeTimers();
    let running = 0;
    let runs = 0;
    let overlapped = false;
    const timer = startTimer(60_000, async () => {
      overlapped ||= running > 0;
      running++;
      runs++;
      await new Promise((r) => setTimeout(r, 90_000)); // longer than the interval
      running--;
    }, () => 1);
    await vi.advanceTimersByTimeAsync(65_999);
    expect(runs).toBe(0); // 60 s × 1.1 jitter
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(400_000);
    expect(overlapped).toBe(false);
    const before = runs;
    timer.stop();
    await vi.advanceTimersByTimeAsync(1_000_000);
    expect(runs).toBeLessThanOrEqual(before + 1);
  });
});

describe("the timer's lease with several replicas", () => {
  it("holds for less than the shortest jittered wait, so the next period's check is never locked out", () => {
    for (const ms of [10_000, 900_000, 3_600_000]) {
      expect(leaseFor(ms)).toBeLessThan(ms * 0.9);
      expect(leaseFor(ms)).toBeGreaterThan(ms / 2);
    }
    expect(leaseFor(3_600_000)).toBe(2_880_000);
  });
});
