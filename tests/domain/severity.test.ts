import { describe, expect, it } from "vitest";
import {
  SEVERITIES,
  SEVERITY_INFO,
  isSeverityLabel,
  parseSeverity,
  severityFromLabels,
  severityLabel,
  severityOfLabel,
  severityPages,
  severityRank,
} from "../../src/domain/severity.js";

describe("severity levels", () => {
  it("are ordered by gravity", () => {
    expect(SEVERITIES).toEqual(["emergency", "sev0", "sev1", "sev2", "triage"]);
    expect(severityRank("emergency")).toBeLessThan(severityRank("sev0"));
    expect(severityRank("sev2")).toBeLessThan(severityRank("triage"));
  });

  it("have the label names the SPEC gives", () => {
    expect(SEVERITIES.map(severityLabel)).toEqual([
      "severity: emergency", "severity: sev0", "severity: sev1", "severity: sev2", "severity: triage",
    ]);
  });

  it("have distinct six-digit colours and descriptions within GitHub's 100-character limit", () => {
    const colors = SEVERITIES.map((l) => SEVERITY_INFO[l].color);
    expect(new Set(colors).size).toBe(SEVERITIES.length);
    for (const level of SEVERITIES) {
      expect(SEVERITY_INFO[level].color).toMatch(/^[0-9a-f]{6}$/);
      expect(SEVERITY_INFO[level].description.length).toBeLessThanOrEqual(100);
      expect(SEVERITY_INFO[level].level).toBe(level);
    }
  });

  it("run from dark red to grey", () => {
    const rgb = (hex: string): number[] => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const brightness = (hex: string): number => rgb(hex).reduce((a, b) => a + b, 0);
    expect(brightness(SEVERITY_INFO.emergency.color)).toBeLessThan(brightness(SEVERITY_INFO.sev0.color));
    const [r, g, b] = rgb(SEVERITY_INFO.triage.color);
    expect(r).toBe(g);
    expect(g).toBe(b);
  });

  it("carry display names, meanings from the policy and project options", () => {
    expect(SEVERITIES.map((l) => SEVERITY_INFO[l].displayName)).toEqual(["Emergency", "Sev0", "Sev1", "Sev2", "Triage"]);
    expect(SEVERITY_INFO.emergency.meaning).toBe("threat to life or public safety");
    expect(SEVERITY_INFO.sev0.meaning).toBe("sensitive data breach, or complete disruption of a critical service");
    expect(SEVERITY_INFO.sev1.meaning).toBe("partial disruption or significant degradation of service");
    expect(SEVERITY_INFO.sev2.meaning).toBe("moderate or minor disruption or degradation");
    expect(SEVERITY_INFO.triage.meaning).toBe("not yet assessed");
    expect(SEVERITY_INFO.sev1.projectOption).toBe("Sev1");
  });

  it("page the Security Officer for emergency and sev0 only", () => {
    expect(SEVERITIES.filter(severityPages)).toEqual(["emergency", "sev0"]);
  });
});

describe("parseSeverity", () => {
  it.each([
    ["sev0", "sev0"], ["SEV0", "sev0"], ["Sev 1", "sev1"], ["sev-2", "sev2"], ["  sev2  ", "sev2"],
    ["Emergency", "emergency"], ["EMERGENCY", "emergency"], ["triage", "triage"],
    ["Not sure yet", "triage"], ["not sure", "triage"], ["unknown", "triage"],
    ["severity: sev1", "sev1"], ["Severity: SEV0", "sev0"], ["Severity 1", "sev1"], ["severity-2", "sev2"],
    ["Sev0 — sensitive data breach, or complete disruption of a critical service", "sev0"],
    ["Emergency - threat to life or public safety", "emergency"],
  ])("reads %j as %s", (text, level) => {
    expect(parseSeverity(text)).toBe(level);
  });

  it.each(["", "sev3", "sev01", "sev", "high", "emergencyish", "_No response_", "P0"])("rejects %j", (text) => {
    expect(parseSeverity(text)).toBeNull();
  });
});

describe("severity labels", () => {
  it("are recognised case-insensitively", () => {
    expect(isSeverityLabel("severity: sev1")).toBe(true);
    expect(isSeverityLabel("Severity: SEV1")).toBe(true);
    expect(severityOfLabel("severity: emergency")).toBe("emergency");
    expect(isSeverityLabel("sev1")).toBe(false);
    expect(isSeverityLabel("incident")).toBe(false);
    expect(isSeverityLabel("severity: sev3")).toBe(false);
  });

  it("severityFromLabels returns each level present once, gravest first", () => {
    expect(severityFromLabels(["incident", "severity: sev2"])).toEqual(["sev2"]);
    expect(severityFromLabels(["severity: triage", "bug", "severity: sev0", "Severity: SEV0"])).toEqual(["sev0", "triage"]);
    expect(severityFromLabels(["incident"])).toEqual([]);
  });
});
