import { describe, expect, it } from "vitest";
import { LABEL, LABELS, labelDefinition } from "../../src/domain/labels.js";
import { SEVERITIES, SEVERITY_INFO } from "../../src/domain/severity.js";

describe("labels", () => {
  it("cover every label the SPEC names, plus postmortem-review", () => {
    expect(LABELS.map((l) => l.name)).toEqual([
      "incident",
      "severity: emergency", "severity: sev0", "severity: sev1", "severity: sev2", "severity: triage",
      "needs-info", "postmortem", "overdue", "security-review", "patching", "ir-drill", "postmortem-review",
    ]);
    for (const name of Object.values(LABEL)) expect(labelDefinition(name)?.name).toBe(name);
  });

  it("are valid for GitHub's label API: unique names, six-digit colours, short descriptions", () => {
    expect(new Set(LABELS.map((l) => l.name.toLowerCase())).size).toBe(LABELS.length);
    for (const l of LABELS) {
      expect(l.color).toMatch(/^[0-9a-f]{6}$/);
      expect(l.description.length).toBeGreaterThan(0);
      expect(l.description.length).toBeLessThanOrEqual(100);
      expect(l.name.length).toBeLessThanOrEqual(50);
    }
  });

  it("reuse the severity definitions", () => {
    for (const level of SEVERITIES) {
      const info = SEVERITY_INFO[level];
      expect(labelDefinition(info.label)).toEqual({ name: info.label, color: info.color, description: info.description });
    }
  });

  it("are looked up case-insensitively, and others are unknown", () => {
    expect(labelDefinition("Needs-Info")?.name).toBe("needs-info");
    expect(labelDefinition(" SEVERITY: SEV0 ")?.name).toBe("severity: sev0");
    expect(labelDefinition("bug")).toBeUndefined();
  });
});
