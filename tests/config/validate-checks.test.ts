import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate.js";
import { configOf, PEOPLE, problemAt, problemsOf } from "./helpers.js";

const check = (raw: unknown) => validateConfig(raw, "incident-response.yml");
const withPeople = (extra: Record<string, unknown>) => ({ ...PEOPLE, ...extra });
const oncall = (extra: Record<string, unknown>) => ({ oncall: { ...PEOPLE.oncall, ...extra } });

describe("validateConfig: time zone", () => {
  it("rejects a zone that does not exist", () => {
    const { message } = problemAt(problemsOf(check(withPeople({ timezone: "Mars/Olympus_Mons" }))), "timezone");
    expect(message).toMatch(/^"Mars\/Olympus_Mons" is not a time zone\./);
    expect(message).toContain("IANA");
  });

  it("suggests the zone meant by a space or a bare city", () => {
    expect(problemAt(problemsOf(check(withPeople({ timezone: "America/Los Angeles" }))), "timezone").message).toContain(
      "Did you mean America/Los_Angeles?",
    );
    expect(problemAt(problemsOf(check(withPeople({ timezone: "Berlin" }))), "timezone").message).toContain("Did you mean Europe/Berlin?");
  });

  it("accepts real zones", () => {
    expect(configOf(check(withPeople({ timezone: "Europe/Berlin" }))).timezone).toBe("Europe/Berlin");
    expect(configOf(check(withPeople({ timezone: "UTC" }))).timezone).toBe("UTC");
    expect(configOf(check(withPeople({ timezone: "Etc/UTC" }))).timezone).toBe("Etc/UTC");
  });

  it("matches names exactly: a zone in other capitals is refused with its right spelling", () => {
    for (const [written, spelled] of [["europe/london", "Europe/London"], ["utc", "UTC"], ["AMERICA/LOS_ANGELES", "America/Los_Angeles"]]) {
      expect(problemAt(problemsOf(check(withPeople({ timezone: written }))), "timezone").message).toBe(
        `"${written}" must be written ${spelled}: time zone names are matched exactly, capitals included.`,
      );
    }
  });
});

describe("validateConfig: holiday calendar", () => {
  it("rejects a country date-holidays does not know, suggesting the code for a common name", () => {
    expect(problemAt(problemsOf(check(withPeople({ calendar: { country: "XX" } }))), "calendar.country").message).toMatch(
      /^"XX" is not a country Vigil has holidays for\. Use an ISO 3166 two-letter code/,
    );
    expect(problemAt(problemsOf(check(withPeople({ calendar: { country: "UK" } }))), "calendar.country").message).toContain("Did you mean GB");
  });

  it("rejects an unknown state, suggesting the code for its name and listing the known codes", () => {
    const typo = problemAt(problemsOf(check(withPeople({ calendar: { country: "US", state: "ZZ" } }))), "calendar.state").message;
    expect(typo).toContain("United States of America");
    expect(typo).toMatch(/Known codes: .*\bCA\b.*\bWY\b/);
    const name = problemAt(problemsOf(check(withPeople({ calendar: { country: "US", state: "California" } }))), "calendar.state").message;
    expect(name).toContain("Did you mean CA (California)?");
  });

  it("rejects a state without a country and a region without a state", () => {
    const noCountry = problemsOf(check(withPeople({ calendar: { state: "CA" } })));
    expect(problemAt(noCountry, "calendar.state").message).toMatch(/needs a country/);
    const noState = problemsOf(check(withPeople({ calendar: { country: "US", region: "LA" } })));
    expect(problemAt(noState, "calendar.region").message).toMatch(/needs a state/);
  });

  it("rejects a region the state does not have", () => {
    const { message } = problemAt(problemsOf(check(withPeople({ calendar: { country: "DE", state: "BY", region: "XYZ" } }))), "calendar.region");
    expect(message).toMatch(/Known codes: .*\bA\b/);
  });

  it("accepts known places in any case and stores their codes upper-cased", () => {
    const config = configOf(check(withPeople({ calendar: { country: "de", state: "by", region: "a" } })));
    expect(config.calendar).toMatchObject({ country: "DE", state: "BY", region: "A" });
  });
});

describe("validateConfig: cadences", () => {
  it("rejects a hard limit shorter than the target, for security reviews and patching", () => {
    const problems = problemsOf(
      check(withPeople({ securityReview: { everyWeeks: 6, maxWeeks: 5 }, patching: { everyWeeks: 3, maxWeeks: 2 } })),
    );
    expect(problemAt(problems, "securityReview.maxWeeks").message).toBe(
      "The hard limit maxWeeks (5) is shorter than the target everyWeeks (6), so the limit would pass before the target; set maxWeeks to at least 6 or lower everyWeeks.",
    );
    expect(problemAt(problems, "patching.maxWeeks").message).toContain("set maxWeeks to at least 3");
  });

  it("compares against the default when only one of the two is written", () => {
    const { message } = problemAt(problemsOf(check(withPeople({ securityReview: { everyWeeks: 10 } }))), "securityReview.maxWeeks");
    expect(message).toContain("maxWeeks (8, the default) is shorter than the target everyWeeks (10)");
  });

  it("accepts a hard limit equal to the target", () => {
    expect(configOf(check(withPeople({ patching: { everyWeeks: 2, maxWeeks: 2 } }))).patching.maxWeeks).toBe(2);
  });

  it("warns, without refusing, when a drill asks for more plans than there are", () => {
    const result = check(withPeople({ drill: { perYear: 3, plans: ["Ransomware"] } }));
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((w) => w.key)).toEqual(["drill.perYear"]);
  });
});

describe("validateConfig: on-call dates", () => {
  it("rejects an override that ends before it starts, and accepts a one-day override", () => {
    const overrides = [
      { login: "dave", from: "2026-11-29", to: "2026-11-23" },
      { login: "frank", from: "2026-12-01", to: "2026-12-01" },
    ];
    const problems = problemsOf(check(oncall({ overrides })));
    expect(problems).toHaveLength(1);
    expect(problemAt(problems, "oncall.overrides[0]").message).toBe(
      "The override for dave ends (to: 2026-11-23) before it starts (from: 2026-11-29); swap the two dates or correct them.",
    );
  });

  it("does not compare dates the schema already rejected", () => {
    const problems = problemsOf(check(oncall({ overrides: [{ login: "dave", from: "2026-13-01", to: "2026-01-01" }] })));
    expect(problems.map((p) => p.key)).toEqual(["oncall.overrides[0].from"]);
  });

  it("rejects a start that is shaped right but is not a real moment", () => {
    const { message } = problemAt(problemsOf(check(oncall({ start: "2026-01-05T25:00" }))), "oncall.start");
    expect(message).toMatch(/^"2026-01-05T25:00" is not a real moment \(.+\); write one such as 2026-01-05T09:00\.$/);
  });

  it("accepts local and offset starts, and warns when a local start falls in a clock change", () => {
    for (const start of ["2026-01-05T09:00", "2026-01-05 09:00", "2026-01-05", "2026-01-05T09:00:00Z", "2026-01-05T09:00+01:00"]) {
      expect(check({ timezone: "America/Los_Angeles", ...oncall({ start }) }).ok, start).toBe(true);
    }
    const gap = check({ timezone: "America/Los_Angeles", ...oncall({ start: "2026-03-08T02:30" }) });
    expect(gap.ok && gap.warnings.map((w) => w.message)).toEqual([
      '"2026-03-08T02:30" does not exist in America/Los_Angeles because the clocks change then; Vigil reads it as 2026-03-08T03:30. Pick a time outside the clock change to make the hand-off time explicit.',
    ]);
  });
});

describe("validateConfig: every problem at once", () => {
  it("reports schema problems and checks beyond the schema together, each with the file", () => {
    const result = check({
      timezone: "Nowhere/Land",
      calendar: { country: "XX", holidayTyps: [] },
      oncall: { rotation: [], overrides: [{ login: "dave", from: "2026-11-29", to: "2026-11-23" }] },
      securityReview: { everyWeeks: 9 },
    });
    const problems = problemsOf(result);
    expect(problems.map((p) => p.key).sort()).toEqual(
      [
        "calendar.holidayTyps",
        "calendar.country",
        "oncall.overrides[0]",
        "oncall.rotation",
        "oncall.securityOfficer",
        "securityReview.maxWeeks",
        "timezone",
      ].sort(),
    );
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(["incident-response.yml"]));
  });
});
