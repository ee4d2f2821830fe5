import { describe, expect, it } from "vitest";
import { mergeNote, overdueNudge, reminderNote, reviewDueNote, workingDaysLate } from "../../../src/domain/postmortem/deadline-notes.js";
import { workingCalendar } from "../../../src/domain/working-days.js";
import { TZ } from "./fixtures.js";

const california = workingCalendar({ timezone: TZ, calendar: { country: "US", state: "CA", holidayTypes: ["public"], workingDays: ["mon", "tue", "wed", "thu", "fri"], extraHolidays: [] } });

describe("workingDaysLate", () => {
  const due = "2026-12-02"; // Wednesday
  it("is 0 up to the end of the due day in the configured zone", () => {
    expect(workingDaysLate(california, due, "2026-12-01T12:00:00-08:00")).toBe(0);
    // 06:30 UTC on the 3rd is 22:30 on the 2nd in Los Angeles.
    expect(workingDaysLate(california, due, "2026-12-03T06:30:00Z")).toBe(0);
  });

  it("counts each working day begun after the due day", () => {
    expect(workingDaysLate(california, due, "2026-12-03T09:00:00-08:00")).toBe(1);
    expect(workingDaysLate(california, due, "2026-12-04T09:00:00-08:00")).toBe(2);
    expect(workingDaysLate(california, due, "2026-12-07T09:00:00-08:00")).toBe(3); // Thu, Fri, Mon
  });

  it("is at least 1 after the due day, even on a weekend", () => {
    const friday = "2026-12-04";
    expect(workingDaysLate(california, friday, "2026-12-05T10:00:00-08:00")).toBe(1);
    expect(workingDaysLate(california, friday, "2026-12-07T10:00:00-08:00")).toBe(1);
  });

  it("skips holidays: due the day before Thanksgiving, merged the Monday after is 1 working day late", () => {
    expect(workingDaysLate(california, "2026-11-25", "2026-11-30T10:00:00-08:00")).toBe(1);
  });
});

describe("deadline notes", () => {
  it("merge note: on time, or N working days late", () => {
    expect(mergeNote({ mergedDate: "2026-12-02", daysLate: 0, pull: 40 })).toBe("Post-mortem agreed on 2026-12-02, on time (#40).");
    expect(mergeNote({ mergedDate: "2026-12-03", daysLate: 1, pull: 40, review: 41 })).toBe("Post-mortem agreed on 2026-12-03, 1 working day late (#40). Its review is tracked in #41.");
    expect(mergeNote({ mergedDate: "2026-12-07", daysLate: 3, pull: 40 })).toBe("Post-mortem agreed on 2026-12-07, 3 working days late (#40).");
  });

  it("the reminder mentions the responder and states the due date", () => {
    const text = reminderNote({ responder: "alice", dueDate: "2026-12-02", timezone: TZ });
    expect(text.startsWith("@alice: ")).toBe(true);
    expect(text).toContain("due at the end of the next working day, 2026-12-02 (America/Los_Angeles)");
  });

  it("the overdue nudge mentions the Security Officer and says how many working days overdue", () => {
    const text = overdueNudge({ officer: "officer", dueDate: "2026-12-02", daysLate: 2, what: "post-mortem" });
    expect(text.startsWith("@officer: this post-mortem is 2 working days overdue.")).toBe(true);
    expect(text).toContain("due at the end of 2026-12-02 and is not merged yet");
    expect(overdueNudge({ officer: "officer", dueDate: "2026-12-30", daysLate: 1, what: "post-mortem review" })).toContain("this post-mortem review is 1 working day overdue");
  });

  it("the review-due note mentions the responder", () => {
    expect(reviewDueNote({ responder: "alice", dueDate: "2026-12-30" }).startsWith("@alice: this post-mortem review is due today, 2026-12-30.")).toBe(true);
  });

  it("a login that is not a valid login is written inert, never as a mention", () => {
    expect(reminderNote({ responder: "bad login <b>", dueDate: "2026-12-02" })).toMatch(/^bad login &lt;b&gt;: /);
  });
});
