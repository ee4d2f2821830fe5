import { describe, expect, it } from "vitest";
import { INITIAL_STATUS, STATUSES, STATUS_INFO, parseStatus, statusDisplayName } from "../../src/domain/status.js";

describe("incident statuses", () => {
  it("are the four of the SPEC, in order, starting at investigating", () => {
    expect(STATUSES).toEqual(["investigating", "mitigating", "mitigated", "resolved"]);
    expect(INITIAL_STATUS).toBe("investigating");
  });

  it("have display names that are also the Project options", () => {
    expect(STATUSES.map(statusDisplayName)).toEqual(["Investigating", "Mitigating", "Mitigated", "Resolved"]);
    for (const s of STATUSES) expect(STATUS_INFO[s].projectOption).toBe(STATUS_INFO[s].displayName);
  });
});

describe("parseStatus", () => {
  it.each([
    ["resolved", "resolved"], ["Resolved", "resolved"], ["  MITIGATED ", "mitigated"],
    ["mitigating", "mitigating"], ["Investigating.", "investigating"],
  ])("reads %j as %s", (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  it.each(["", "resolve", "closed", "mitigated now", "done", "resolvedx"])("rejects %j", (text) => {
    expect(parseStatus(text)).toBeNull();
  });
});
