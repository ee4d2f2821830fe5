import { describe, expect, it } from "vitest";
import { repliesFor } from "../../src/domain/command-replies.js";
import type { CommandOutcome } from "../../src/domain/incident-state.js";

const ONCALL = { securityOfficer: "erin", escalate: ["@acme/security", "frank"] };
const at = "2026-11-23T18:00:00Z";
const url = "https://github.com/acme/incidents/issues/1#issuecomment-1";

function severity(from: "sev1" | "sev0" | "emergency" | "sev2", to: "sev1" | "sev0" | "emergency" | "sev2"): CommandOutcome {
  return { commentId: 1, command: { name: "severity", level: to, reason: null }, entry: { at, kind: "severity", by: "bob", from, to, reason: null, url }, refusal: null };
}

describe("repliesFor", () => {
  it("pages the Security Officer and every escalation target when severity rises to Sev0", () => {
    const [reply] = repliesFor(severity("sev1", "sev0"), ONCALL);
    expect(reply).toContain("@erin (Security Officer)");
    expect(reply).toContain("@acme/security");
    expect(reply).toContain("@frank");
  });

  it("does not page again between paging levels, nor when severity falls", () => {
    expect(repliesFor(severity("sev0", "emergency"), ONCALL)).toEqual([]);
    expect(repliesFor(severity("sev0", "sev2"), ONCALL)).toEqual([]);
  });

  it("passes a refusal through and answers /help with the command table", () => {
    const refusal: CommandOutcome = { commentId: 1, command: { name: "escalate", reason: null }, entry: null, refusal: "erin is the last" };
    expect(repliesFor(refusal, ONCALL)).toEqual(["erin is the last"]);
    const [help] = repliesFor({ commentId: 1, command: { name: "help" }, entry: null, refusal: null }, ONCALL);
    expect(help).toContain("/escalate");
  });

  it("stays silent for a note", () => {
    expect(repliesFor({ commentId: 1, command: { name: "note", text: "x" }, entry: { at, kind: "note", by: "bob", text: "x", url }, refusal: null }, ONCALL)).toEqual([]);
  });
});
