import { describe, expect, it } from "vitest";
import { drillDate, drillDue, hardLimitPassed, patchingWeekOf, reviewDate } from "../../../src/domain/recurring/cadence.js";
import type { CalendarSettings } from "../../../src/domain/settings.js";
import { workingCalendar } from "../../../src/domain/working-days.js";

const MON_FRI: CalendarSettings["workingDays"] = ["mon", "tue", "wed", "thu", "fri"];
const california = () =>
  workingCalendar({
    timezone: "America/Los_Angeles",
    calendar: { country: "US", state: "CA", holidayTypes: ["public"], workingDays: MON_FRI, extraHolidays: [] },
  });

// Runs the daily check from `from` to `to`, filing whatever is due; returns the dates filed.
function simulate(first: string | null, everyWeeks: number, from: string, to: string, anchor = (d: string) => d): string[] {
  const cal = california();
  const filed: string[] = [];
  let previous = first;
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
    const today = day.toISOString().slice(0, 10);
    const date = reviewDate(previous === null ? null : anchor(previous), everyWeeks, today, cal);
    if (date !== null) {
      expect(date).toBe(today);
      filed.push(date);
      previous = date;
    }
  }
  return filed;
}

describe("reviewDate", () => {
  it("files a year of 4-weekly reviews, moving Thanksgiving's to the next working day (US/CA)", () => {
    expect(simulate("2026-01-22", 4, "2026-01-23", "2026-12-31")).toEqual([
      "2026-02-19", "2026-03-19", "2026-04-16", "2026-05-14", "2026-06-11", "2026-07-09",
      "2026-08-06", "2026-09-03", "2026-10-01", "2026-10-29",
      // Due Thursday 26th (Thanksgiving); Friday 27th is a California holiday, then the weekend.
      "2026-11-30",
      "2026-12-28",
    ]);
  });

  it("is null until the moved date has come", () => {
    const cal = california();
    for (const today of ["2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]) {
      expect(reviewDate("2026-10-29", 4, today, cal)).toBeNull();
    }
    expect(reviewDate("2026-10-29", 4, "2026-11-30", cal)).toBe("2026-11-30");
    // A late run still files the review of the date it was due.
    expect(reviewDate("2026-10-29", 4, "2026-12-03", cal)).toBe("2026-11-30");
  });

  it("files the first one today, or on the next working day", () => {
    const cal = california();
    expect(reviewDate(null, 4, "2026-11-25", cal)).toBe("2026-11-25");
    expect(reviewDate(null, 4, "2026-11-26", cal)).toBeNull();
    expect(reviewDate(null, 4, "2026-11-30", cal)).toBe("2026-11-30");
  });

  it("files patching weekly, a Monday holiday moving only that week's round", () => {
    const filed = simulate("2026-08-24", 1, "2026-08-25", "2026-09-30", patchingWeekOf);
    // Labor Day, Monday 7 September.
    expect(filed).toEqual(["2026-08-31", "2026-09-08", "2026-09-14", "2026-09-21", "2026-09-28"]);
    expect(filed.map(patchingWeekOf)).toEqual(["2026-08-31", "2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28"]);
  });

  it("rejects intervals that are not whole weeks and dates that are not dates", () => {
    const cal = california();
    expect(() => reviewDate(null, 0, "2026-01-05", cal)).toThrow(RangeError);
    expect(() => reviewDate(null, 1.5, "2026-01-05", cal)).toThrow(RangeError);
    expect(() => reviewDate("5 Jan", 1, "2026-01-05", cal)).toThrow(RangeError);
  });
});

describe("patchingWeekOf", () => {
  it("is the Monday of the ISO week", () => {
    expect(patchingWeekOf("2026-09-08")).toBe("2026-09-07");
    expect(patchingWeekOf("2026-09-07")).toBe("2026-09-07");
    expect(patchingWeekOf("2026-09-13")).toBe("2026-09-07");
    expect(patchingWeekOf("2027-01-01")).toBe("2026-12-28");
  });
});

describe("drills", () => {
  it("are filed on the first working day of the month", () => {
    const cal = california();
    expect(drillDate(2027, 1, cal)).toBe("2027-01-04"); // New Year's Day is a Friday, then the weekend
    expect(drillDate(2026, 3, cal)).toBe("2026-03-02");
    expect(() => drillDate(2026, 13, cal)).toThrow(RangeError);
  });

  it("are due once a year, from the drill date on", () => {
    const cal = california();
    expect(drillDue("2027-01-01", 1, 2026, cal)).toBeNull();
    expect(drillDue("2027-01-04", 1, 2026, cal)).toBe(2027);
    expect(drillDue("2027-06-30", 1, null, cal)).toBe(2027);
    expect(drillDue("2027-06-30", 1, 2027, cal)).toBeNull();
    expect(drillDue("2027-02-27", 3, 2026, cal)).toBeNull();
  });
});

describe("hardLimitPassed", () => {
  it("counts from the last completed one", () => {
    expect(hardLimitPassed("2026-01-05", "2025-06-01", 8, "2026-03-02")).toBe(false); // exactly 8 weeks
    expect(hardLimitPassed("2026-01-05", "2025-06-01", 8, "2026-03-03")).toBe(true);
    expect(hardLimitPassed("2026-09-01", null, 2, "2026-09-15")).toBe(false);
    expect(hardLimitPassed("2026-09-01", null, 2, "2026-09-16")).toBe(true);
  });

  it("counts from the first one filed when none was completed, and never passes with neither", () => {
    expect(hardLimitPassed(null, "2026-01-05", 8, "2026-03-02")).toBe(false);
    expect(hardLimitPassed(null, "2026-01-05", 8, "2026-03-03")).toBe(true);
    expect(hardLimitPassed(null, null, 8, "2030-01-01")).toBe(false);
  });
});
