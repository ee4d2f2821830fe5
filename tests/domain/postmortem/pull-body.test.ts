import { describe, expect, it } from "vitest";
import { pullTitle, renderPullBody } from "../../../src/domain/postmortem/pull-body.js";
import { workingCalendar } from "../../../src/domain/working-days.js";
import { TZ } from "./fixtures.js";

const MARKER = "<!-- vigil:postmortem-pull {\"v\":1,\"issue\":12} -->";
const INCIDENT = { number: 12, title: "DB exfiltration", url: "https://github.com/acme/sec/issues/12" };
const california = workingCalendar({ timezone: TZ, calendar: { country: "US", state: "CA", holidayTypes: ["public"], workingDays: ["mon", "tue", "wed", "thu", "fri"], extraHolidays: [] } });

describe("renderPullBody", () => {
  it("states the due date with its zone and each non-working day skipped (SPEC 2.5: resolved Wed 2026-11-25 in California)", () => {
    const deadline = california.addWorkingDays("2026-11-25T15:00:00-08:00", 3);
    const body = renderPullBody({ incident: INCIDENT, deadline, timezone: TZ, workingDays: 3, marker: MARKER });
    const lines = body.split("\n");
    expect(lines[0]).toBe(MARKER);
    expect(lines[1]).toBe("Post-mortem of incident #12: DB exfiltration");
    expect(body).toContain(
      [
        "Due: end of 2026-12-02 (America/Los_Angeles).",
        "",
        "Non-working days skipped:",
        "- 2026-11-26 (Thanksgiving Day)",
        "- 2026-11-27 (Day after Thanksgiving Day)",
        "- 2026-11-28 (weekend (Saturday))",
        "- 2026-11-29 (weekend (Sunday))",
      ].join("\n"),
    );
  });

  it("lists no skipped days when none were passed over", () => {
    const deadline = california.addWorkingDays("2026-12-07T10:00:00-08:00", 3);
    const body = renderPullBody({ incident: INCIDENT, deadline, timezone: TZ, workingDays: 3, marker: MARKER });
    expect(body).toContain("Due: end of 2026-12-10 (America/Los_Angeles).");
    expect(body).not.toContain("skipped");
  });

  it("before resolution (/postmortem), says it is due working days after the incident is resolved", () => {
    const body = renderPullBody({ incident: INCIDENT, deadline: null, timezone: TZ, workingDays: 3, marker: MARKER });
    expect(body).toContain("Due: 3 working days after the incident is resolved (America/Los_Angeles).");
    expect(renderPullBody({ incident: INCIDENT, deadline: null, timezone: TZ, workingDays: 1, marker: MARKER })).toContain("Due: 1 working day after");
  });

  it("keeps the incident title inert and the body short whatever it is", () => {
    const body = renderPullBody({ incident: { ...INCIDENT, title: "@everyone <img src=x> #3 `x`\u2028## heading" }, deadline: null, timezone: TZ, workingDays: 3, marker: MARKER });
    expect(body.split("\n")[1]).toBe("Post-mortem of incident #12: @\u200beveryone &lt;img src=x&gt; \\#\u200b3 \\`x\\` \\#\\# heading");
    const long = renderPullBody({ incident: { ...INCIDENT, title: "x".repeat(100_000) }, deadline: null, timezone: TZ, workingDays: 3, marker: MARKER });
    expect(long.length).toBeLessThanOrEqual(65_536);
    expect(long).toContain("Due: 3 working days after");
  });
});

describe("pullTitle", () => {
  it("is `Post-mortem: <title> (#<n>)`", () => {
    expect(pullTitle("DB exfiltration", 12)).toBe("Post-mortem: DB exfiltration (#12)");
  });

  it("is one clean line without hidden characters", () => {
    expect(pullTitle("  DB\r\nexfil\u202Etration\u0000 \u2028 now\t ", 12)).toBe("Post-mortem: DB exfiltration now (#12)");
  });

  it("is at most 256 characters and always keeps the number", () => {
    const title = pullTitle("é".repeat(300), 12345);
    expect(title.length).toBe(256);
    expect(title.endsWith("é… (#12345)")).toBe(true);
    const emoji = pullTitle("😀".repeat(200), 1);
    expect(emoji.length).toBeLessThanOrEqual(256);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
