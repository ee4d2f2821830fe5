import { describe, expect, it } from "vitest";
import { incidentOfBranch, postmortemBranch, postmortemPath } from "../../../src/domain/postmortem/names.js";

describe("post-mortem names", () => {
  it("names the branch after the incident", () => {
    expect(postmortemBranch(12)).toBe("postmortem/incident-12");
    expect(() => postmortemBranch(0)).toThrow(RangeError);
    expect(() => postmortemBranch(1.5)).toThrow(RangeError);
  });

  it("dates the file by the local day of declaration, not the UTC day", () => {
    // 05:30 UTC on the 23rd is still the evening of the 22nd in Los Angeles.
    expect(postmortemPath("2026-11-23T05:30:00Z", "America/Los_Angeles", 12)).toBe("postmortems/2026-11-22-incident-12.md");
    expect(postmortemPath("2026-11-23T05:30:00Z", "UTC", 12)).toBe("postmortems/2026-11-23-incident-12.md");
    // And 20:00 UTC on the 22nd is already the 23rd in Tokyo.
    expect(postmortemPath("2026-11-22T20:00:00Z", "Asia/Tokyo", 7)).toBe("postmortems/2026-11-23-incident-7.md");
    expect(postmortemPath("2026-11-22T23:30:00-08:00", "Europe/Berlin", 7)).toBe("postmortems/2026-11-23-incident-7.md");
  });

  it("refuses an unknown zone or an unreadable instant", () => {
    expect(() => postmortemPath("2026-11-23T05:30:00Z", "Mars/Olympus", 1)).toThrow(RangeError);
    expect(() => postmortemPath("yesterday", "UTC", 1)).toThrow(RangeError);
  });

  it("reads the incident from a branch name or a full ref, and nothing else", () => {
    expect(incidentOfBranch("postmortem/incident-12")).toBe(12);
    expect(incidentOfBranch("refs/heads/postmortem/incident-12")).toBe(12);
    expect(incidentOfBranch(postmortemBranch(4321))).toBe(4321);
    for (const ref of [
      "postmortem/incident-",
      "postmortem/incident-012",
      "postmortem/incident-0",
      "postmortem/incident-12/x",
      "postmortem/incident-12 ",
      "refs/tags/postmortem/incident-12",
      "refs/heads/feature/postmortem/incident-12",
      "Postmortem/incident-12",
      "postmortem/incident-1e3",
      "postmortem/incident-99999999999999999",
    ]) {
      expect(incidentOfBranch(ref), ref).toBeNull();
    }
  });
});
