import { describe, expect, it } from "vitest";
import type { OncallSettings } from "../../src/domain/settings.js";
import { nextInChain, resolveOncall } from "../../src/domain/oncall.js";

const TZ = "America/Los_Angeles";

function oncall(overrides: Partial<OncallSettings> = {}) {
  const config: OncallSettings = {
    rotation: ["alice", "bob", "carol"],
    start: "2026-01-05T09:00", // a Monday, 09:00 Pacific (17:00Z in winter)
    overrides: [],
    securityOfficer: "erin",
    escalate: [],
    ...overrides,
  };
  return (now: string) => resolveOncall({ oncall: config, timezone: TZ }, new Date(now));
}

describe("weekly rotation", () => {
  const at = oncall();

  it("hands off exactly at the local start time a week later", () => {
    const before = at("2026-01-12T16:59:59.999Z");
    expect(before).toMatchObject({ primary: "alice", scheduled: "alice", backup: "bob", override: null });
    expect(before.weekStart).toBe("2026-01-05T09:00:00-08:00");
    expect(before.nextHandoff).toBe("2026-01-12T09:00:00-08:00");

    const after = at("2026-01-12T17:00:00Z");
    expect(after).toMatchObject({ primary: "bob", backup: "carol", securityOfficer: "erin", chain: ["bob", "carol", "erin"] });
    expect(after.weekStart).toBe("2026-01-12T09:00:00-08:00");
    expect(after.nextHandoff).toBe("2026-01-19T09:00:00-08:00");
  });

  it("cycles through the rotation weeks later", () => {
    expect(at("2026-03-03T12:00:00Z")).toMatchObject({ primary: "carol", backup: "alice" }); // week 8
    expect(at("2026-06-01T20:00:00Z")).toMatchObject({ primary: "alice", weekStart: "2026-06-01T09:00:00-07:00" }); // week 21
  });

  it("extends the cycle backwards before the start", () => {
    expect(at("2026-01-05T16:59:00Z")).toMatchObject({
      primary: "carol",
      backup: "alice",
      weekStart: "2025-12-29T09:00:00-08:00",
      nextHandoff: "2026-01-05T09:00:00-08:00",
    });
    expect(at("2025-12-24T12:00:00Z")).toMatchObject({ primary: "bob", weekStart: "2025-12-22T09:00:00-08:00" });
  });

  it("keeps 09:00 local across the start of daylight saving time (2026-03-08)", () => {
    const lastWinterWeek = at("2026-03-09T15:59:59Z"); // 08:59:59 PDT on Monday 9 March
    expect(lastWinterWeek.primary).toBe("carol");
    expect(lastWinterWeek.weekStart).toBe("2026-03-02T09:00:00-08:00");
    expect(lastWinterWeek.nextHandoff).toBe("2026-03-09T09:00:00-07:00");
    expect(at("2026-03-09T16:00:00Z")).toMatchObject({ primary: "alice", weekStart: "2026-03-09T09:00:00-07:00" });
  });

  it("keeps the local wall-clock time when start is given as an instant", () => {
    const fromInstant = oncall({ start: "2026-01-05T17:00:00Z" });
    expect(fromInstant("2026-03-09T16:00:00Z")).toMatchObject({ primary: "alice", weekStart: "2026-03-09T09:00:00-07:00" });
    expect(fromInstant("2026-03-09T15:30:00Z").primary).toBe("carol");
  });
});

describe("overrides", () => {
  const at = oncall({ overrides: [{ login: "dave", from: "2026-01-15", to: "2026-01-20" }] });

  it("starts at local midnight of the first day and ends after the last day", () => {
    expect(at("2026-01-15T07:59:59Z").primary).toBe("bob"); // 23:59:59 on the 14th in California, week 1
    expect(at("2026-01-15T08:00:00Z")).toMatchObject({
      primary: "dave",
      scheduled: "bob",
      backup: "carol",
      override: { login: "dave", from: "2026-01-15", to: "2026-01-20" },
    });
    expect(at("2026-01-21T07:59:59Z").primary).toBe("dave"); // last second of the 20th
    expect(at("2026-01-21T08:00:00Z")).toMatchObject({ primary: "carol", override: null });
  });

  it("spans a hand-off: the backup follows the week's scheduled entry", () => {
    expect(at("2026-01-19T16:59:59Z")).toMatchObject({ primary: "dave", scheduled: "bob", backup: "carol" });
    expect(at("2026-01-19T17:00:00Z")).toMatchObject({
      primary: "dave",
      scheduled: "carol",
      backup: "alice",
      chain: ["dave", "alice", "erin"],
    });
  });

  it("skips a backup that is already the primary (a swap)", () => {
    const swap = oncall({ overrides: [{ login: "bob", from: "2026-01-07", to: "2026-01-08" }] });
    expect(swap("2026-01-07T20:00:00Z")).toMatchObject({
      primary: "bob",
      scheduled: "alice",
      backup: "carol",
      chain: ["bob", "carol", "erin"],
    });
  });

  it("prefers the override that began last when several cover a day", () => {
    const nested = oncall({
      overrides: [
        { login: "dave", from: "2026-01-05", to: "2026-01-18" },
        { login: "frank", from: "2026-01-08", to: "2026-01-09" },
      ],
    });
    expect(nested("2026-01-08T20:00:00Z").primary).toBe("frank");
    expect(nested("2026-01-10T20:00:00Z").primary).toBe("dave");
  });
});

describe("small rotations and the chain", () => {
  it("has no backup in a rotation of one", () => {
    const solo = oncall({ rotation: ["alice"] })("2026-05-01T12:00:00Z");
    expect(solo).toMatchObject({ primary: "alice", backup: null, chain: ["alice", "erin"] });
    expect(nextInChain(solo, "alice")).toBe("erin");
    expect(nextInChain(solo, "erin")).toBeNull();
  });

  it("deduplicates the chain when the Security Officer is in the rotation, ignoring case", () => {
    const withOfficer = oncall({ rotation: ["alice", "Erin"] })("2026-01-06T12:00:00Z");
    expect(withOfficer).toMatchObject({ primary: "alice", backup: "Erin", chain: ["alice", "Erin"] });
  });

  it("walks primary → backup → Security Officer → nobody", () => {
    const now = oncall()("2026-01-06T12:00:00Z");
    expect(now.chain).toEqual(["alice", "bob", "erin"]);
    expect(nextInChain(now, "alice")).toBe("bob");
    expect(nextInChain(now, "BOB")).toBe("erin");
    expect(nextInChain(now, "erin")).toBeNull();
  });

  it("escalates someone outside the chain past the primary", () => {
    const now = oncall()("2026-01-06T12:00:00Z");
    expect(nextInChain(now, "zoe")).toBe("bob");
    const officerOnly = oncall({ rotation: ["erin"] })("2026-01-06T12:00:00Z");
    expect(officerOnly.chain).toEqual(["erin"]);
    expect(nextInChain(officerOnly, "zoe")).toBe("erin");
  });
});
