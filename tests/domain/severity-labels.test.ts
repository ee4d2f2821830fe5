import { describe, expect, it } from "vitest";
import { withSeverityLabel } from "../../src/domain/severity.js";

describe("withSeverityLabel", () => {
  it("adds the level's label to an issue without one, keeping the others in order", () => {
    expect(withSeverityLabel(["incident", "area: billing"], "sev1")).toEqual(["incident", "area: billing", "severity: sev1"]);
  });

  it("replaces the current severity label", () => {
    expect(withSeverityLabel(["incident", "severity: triage", "customer"], "sev0")).toEqual(["incident", "customer", "severity: sev0"]);
  });

  it("leaves exactly one severity label when several, in any case, were present", () => {
    const out = withSeverityLabel(["Severity: SEV1", "incident", "severity: sev2", " severity: emergency "], "emergency");
    expect(out).toEqual(["incident", "severity: emergency"]);
  });

  it("does not repeat the label the issue already has", () => {
    expect(withSeverityLabel(["severity: sev2", "incident"], "sev2")).toEqual(["incident", "severity: sev2"]);
  });

  it("drops the given labels ignoring case", () => {
    expect(withSeverityLabel(["incident", "Needs-Info", "db", "NEEDS-INFO"], "sev1", ["needs-info"])).toEqual([
      "incident",
      "db",
      "severity: sev1",
    ]);
    expect(withSeverityLabel(["incident", "needs-info"], "sev1", ["Needs-Info"])).toEqual(["incident", "severity: sev1"]);
  });

  it("keeps labels that only look like severity labels", () => {
    const labels = ["severity", "sev1", "severity: sev3", "severity:sev1 (old)"];
    expect(withSeverityLabel(labels, "triage")).toEqual([...labels, "severity: triage"]);
  });

  it("does not change the array it is given", () => {
    const labels = ["severity: sev2", "incident"];
    withSeverityLabel(labels, "sev0", ["incident"]);
    expect(labels).toEqual(["severity: sev2", "incident"]);
  });
});
