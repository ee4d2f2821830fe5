import { describe, expect, it } from "vitest";
import type { CalendarSettings } from "../../src/domain/settings.js";
import { parseMoment, workingCalendar } from "../../src/domain/working-days.js";

const MON_FRI: CalendarSettings["workingDays"] = ["mon", "tue", "wed", "thu", "fri"];

function calendar(timezone: string, calendar: Partial<CalendarSettings> = {}) {
  return workingCalendar({
    timezone,
    calendar: { holidayTypes: ["public"], workingDays: MON_FRI, extraHolidays: [], ...calendar },
  });
}

const california = () => calendar("America/Los_Angeles", { country: "US", state: "CA" });

describe("SPEC 2.5 example", () => {
  it("US-CA skips Thanksgiving, the day after and the weekend: due end of Wednesday 2026-12-02", () => {
    expect(california().addWorkingDays("2026-11-25T15:00", 3)).toEqual({
      due: "2026-12-02T23:59:59-08:00",
      dueDate: "2026-12-02",
      skipped: [
        { date: "2026-11-26", reason: "Thanksgiving Day" },
        { date: "2026-11-27", reason: "Day after Thanksgiving Day" },
        { date: "2026-11-28", reason: "weekend (Saturday)" },
        { date: "2026-11-29", reason: "weekend (Sunday)" },
      ],
    });
  });

  it("US without a state: the day after Thanksgiving is only an observance, so due 2026-12-01", () => {
    const us = calendar("America/Los_Angeles", { country: "US" });
    const deadline = us.addWorkingDays("2026-11-25", 3);
    expect(deadline.dueDate).toBe("2026-12-01");
    expect(deadline.due).toBe("2026-12-01T23:59:59-08:00");
    expect(deadline.skipped.map((s) => s.date)).toEqual(["2026-11-26", "2026-11-28", "2026-11-29"]);
    expect(us.isWorkingDay("2026-11-27")).toBe(true);
  });

  it("counts observances when holidayTypes asks for them", () => {
    const us = calendar("America/Los_Angeles", { country: "US", holidayTypes: ["public", "observance"] });
    expect(us.nonWorkingReason("2026-11-27")).toBe("Day after Thanksgiving Day");
  });
});

describe("holidays", () => {
  it("crosses the year end, skipping New Year's Day", () => {
    const deadline = calendar("America/New_York", { country: "US" }).addWorkingDays("2026-12-30T17:00", 3);
    expect(deadline.dueDate).toBe("2027-01-05");
    expect(deadline.skipped).toEqual([
      { date: "2027-01-01", reason: "New Year's Day" },
      { date: "2027-01-02", reason: "weekend (Saturday)" },
      { date: "2027-01-03", reason: "weekend (Sunday)" },
    ]);
  });

  it("skips the US New Year's Day observed on Friday 2027-12-31 for a Saturday 2028-01-01", () => {
    const us = calendar("America/New_York", { country: "US" });
    expect(us.nonWorkingReason("2027-12-31")).toBe("New Year's Day (substitute day)");
    expect(us.addWorkingDays("2027-12-30", 1).dueDate).toBe("2028-01-03");
  });

  it("skips substitute days: GB Christmas and Boxing Day on a weekend move to Monday and Tuesday", () => {
    const deadline = calendar("Europe/London", { country: "GB" }).addWorkingDays("2027-12-24", 3);
    expect(deadline).toEqual({
      due: "2027-12-31T23:59:59+00:00",
      dueDate: "2027-12-31",
      skipped: [
        { date: "2027-12-25", reason: "weekend (Saturday); Christmas Day" },
        { date: "2027-12-26", reason: "weekend (Sunday); Boxing Day" },
        { date: "2027-12-27", reason: "Christmas Day (substitute day)" },
        { date: "2027-12-28", reason: "Boxing Day (substitute day)" },
      ],
    });
  });

  it("skips the US Independence Day observed on Friday 2026-07-03 and uses US English names", () => {
    const us = calendar("America/Chicago", { country: "US" });
    expect(us.nonWorkingReason("2026-07-03")).toBe("Independence Day (substitute day)");
    expect(us.nonWorkingReason("2026-09-07")).toBe("Labor Day");
    expect(us.addWorkingDays("2026-07-02", 1).dueDate).toBe("2026-07-06");
  });

  it("decides at noon: German Christmas Eve from 14:00 (bank) leaves the day working", () => {
    const de = calendar("Europe/Berlin", { country: "DE", holidayTypes: ["public", "bank"] });
    expect(de.isWorkingDay("2026-12-24")).toBe(true);
    expect(de.nonWorkingReason("2026-12-25")).toBe("Christmas Day");
  });

  it("ignores holiday types that are not configured: US Christmas Eve is 'optional'", () => {
    expect(calendar("America/New_York", { country: "US" }).isWorkingDay("2026-12-24")).toBe(true);
    const withOptional = calendar("America/New_York", { country: "US", holidayTypes: ["public", "optional"] });
    expect(withOptional.nonWorkingReason("2026-12-24")).toBe("Christmas Eve");
  });

  it("names company holidays, joined with any other reason", () => {
    const cal = calendar("America/Los_Angeles", { country: "US", state: "CA", extraHolidays: ["2026-12-24", "2026-12-26"] });
    expect(cal.nonWorkingReason("2026-12-24")).toBe("company holiday");
    expect(cal.nonWorkingReason("2026-12-26")).toBe("weekend (Saturday); company holiday");
    expect(cal.addWorkingDays("2026-12-22", 3)).toMatchObject({
      dueDate: "2026-12-29",
      skipped: [
        { date: "2026-12-24", reason: "company holiday" },
        { date: "2026-12-25", reason: "Christmas Day" },
        { date: "2026-12-26", reason: "weekend (Saturday); company holiday" },
        { date: "2026-12-27", reason: "weekend (Sunday)" },
      ],
    });
  });
});

describe("time zones", () => {
  it("keeps the due day's own offset across the end of US daylight saving time (2026-11-01)", () => {
    const cal = calendar("America/Los_Angeles", { country: "US" });
    expect(parseMoment("2026-10-30T10:00", "America/Los_Angeles").offset).toBe(-7 * 60);
    expect(cal.addWorkingDays("2026-10-30T10:00", 3).due).toBe("2026-11-04T23:59:59-08:00");
  });

  it("keeps the due day's own offset across the start of US daylight saving time (2027-03-14)", () => {
    const cal = calendar("America/Los_Angeles", { country: "US" });
    expect(cal.addWorkingDays("2027-03-12T16:00", 3).due).toBe("2027-03-17T23:59:59-07:00");
  });

  it("counts from the local date of an instant written with Z, not its UTC date", () => {
    const cal = california();
    // 05:00 UTC on the 26th is still Wednesday evening the 25th in California.
    expect(cal.localDate("2026-11-26T05:00:00Z")).toBe("2026-11-25");
    expect(cal.addWorkingDays("2026-11-26T05:00:00Z", 3).dueDate).toBe("2026-12-02");
    expect(cal.addWorkingDays(new Date("2026-11-26T05:00:00Z"), 3).dueDate).toBe("2026-12-02");
    // In UTC the same instant is Thanksgiving itself (no holidays there), so the count starts a day later.
    expect(calendar("UTC").addWorkingDays("2026-11-26T05:00:00Z", 3)).toEqual({
      due: "2026-12-01T23:59:59Z",
      dueDate: "2026-12-01",
      skipped: [
        { date: "2026-11-28", reason: "weekend (Saturday)" },
        { date: "2026-11-29", reason: "weekend (Sunday)" },
      ],
    });
  });

  it("reads an offset other than the zone's and a space between date and time", () => {
    const cal = calendar("Asia/Tokyo");
    expect(cal.localDate("2026-11-25T20:00:00-05:00")).toBe("2026-11-26");
    expect(cal.localDate("2026-11-25 23:30")).toBe("2026-11-25");
  });
});

describe("working weeks", () => {
  it("supports a Sunday–Thursday week (Israel), where Yom Kippur starts at sunset the evening before", () => {
    const il = calendar("Asia/Jerusalem", { country: "IL", workingDays: ["sun", "mon", "tue", "wed", "thu"] });
    expect(il.isWorkingDay("2026-09-20")).toBe(true); // the eve: the holiday begins after noon
    expect(il.addWorkingDays("2026-09-17", 3)).toEqual({
      due: "2026-09-23T23:59:59+03:00",
      dueDate: "2026-09-23",
      skipped: [
        { date: "2026-09-18", reason: "not a working day (Friday)" },
        { date: "2026-09-19", reason: "weekend (Saturday)" },
        { date: "2026-09-21", reason: "Day of Atonement (Yom Kippur)" },
      ],
    });
  });

  it("supports a Monday–Saturday week", () => {
    const cal = calendar("UTC", { workingDays: [...MON_FRI, "sat"] });
    // Friday and Saturday count; only Sunday is skipped.
    expect(cal.addWorkingDays("2026-11-26", 3)).toEqual({
      due: "2026-11-30T23:59:59Z",
      dueDate: "2026-11-30",
      skipped: [{ date: "2026-11-29", reason: "weekend (Sunday)" }],
    });
  });

  it("treats n = 0 as the end of the same local day, even a non-working one", () => {
    expect(california().addWorkingDays("2026-11-26T08:00", 0)).toEqual({
      due: "2026-11-26T23:59:59-08:00",
      dueDate: "2026-11-26",
      skipped: [],
    });
  });

  it("fails loudly instead of looping when no weekday is a working day", () => {
    expect(() => calendar("UTC", { workingDays: [] }).addWorkingDays("2026-01-01", 1)).toThrow(/no working day/);
  });
});

describe("navigation", () => {
  it("finds the next working day on or after a date", () => {
    const cal = california();
    expect(cal.nextWorkingDayOnOrAfter("2026-11-26")).toBe("2026-11-30");
    expect(cal.nextWorkingDayOnOrAfter("2026-11-25")).toBe("2026-11-25");
  });

  it("finds the previous working day strictly before a date, across a year end", () => {
    const us = calendar("America/New_York", { country: "US" });
    expect(california().previousWorkingDay("2026-11-30")).toBe("2026-11-25");
    expect(us.previousWorkingDay("2027-01-04")).toBe("2026-12-31");
    expect(us.previousWorkingDay("2026-12-31")).toBe("2026-12-30");
  });

  it("counts working days after a up to and including b", () => {
    const cal = california();
    expect(cal.workingDaysBetween("2026-11-25", "2026-12-02")).toBe(3);
    expect(cal.workingDaysBetween("2026-12-02", "2026-12-04")).toBe(2);
    expect(cal.workingDaysBetween("2026-12-02", "2026-12-02")).toBe(0);
    expect(cal.workingDaysBetween("2026-12-04", "2026-12-02")).toBe(0);
    expect(cal.workingDaysBetween("2026-11-25", "2026-11-29")).toBe(0);
  });
});

describe("bad input", () => {
  it("rejects an unknown time zone, country or state", () => {
    expect(() => calendar("Mars/Olympus")).toThrow(/not a known IANA time zone/);
    expect(() => calendar("UTC", { country: "XX" })).toThrow(/calendar\.country: "XX" is not a country/);
    expect(() => calendar("UTC", { country: "US", state: "ZZ" })).toThrow(/calendar\.state: "ZZ" is not a state of US/);
    expect(() => calendar("UTC", { state: "CA" })).toThrow(/calendar\.state: .*needs a country/);
  });

  it("rejects malformed dates, moments and counts", () => {
    const cal = calendar("UTC");
    expect(() => cal.nonWorkingReason("2026-02-30")).toThrow(/YYYY-MM-DD/);
    expect(() => cal.isWorkingDay("26-11-2026")).toThrow(/YYYY-MM-DD/);
    expect(() => cal.localDate("yesterday")).toThrow(/not a moment/);
    expect(() => cal.localDate("2026")).toThrow(/not a moment/);
    expect(() => cal.addWorkingDays("2026-11-25", -1)).toThrow(/0 or more/);
    expect(() => cal.addWorkingDays("2026-11-25", 1.5)).toThrow(/whole number/);
  });
});

describe("one calendar per settings", () => {
  it("answers the same settings object and zone with the same calendar, and other settings with their own", () => {
    const settings = { timezone: "America/Los_Angeles", calendar: { holidayTypes: ["public"], workingDays: MON_FRI, extraHolidays: [], country: "US", state: "CA" } } as const;
    const first = workingCalendar(settings);
    expect(workingCalendar(settings)).toBe(first);
    expect(workingCalendar({ ...settings, timezone: "Europe/Berlin" })).not.toBe(first);
    // Another repository's settings with a company holiday on the Wednesday: a calendar of their own.
    const other = workingCalendar({ ...settings, calendar: { ...settings.calendar, extraHolidays: ["2026-12-02"] } });
    expect(other.addWorkingDays("2026-11-25T15:00", 3).dueDate).toBe("2026-12-03");
    expect(first.addWorkingDays("2026-11-25T15:00", 3).dueDate).toBe("2026-12-02");
  });
});
