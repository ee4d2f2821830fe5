import { describe, expect, it } from "vitest";
import { type SelectFieldView, planProjectFields } from "../../src/domain/project-fields.js";
import { STATUSES } from "../../src/domain/status.js";

const SEVERITY_FIELD: SelectFieldView = {
  id: "PVTSSF_sev",
  name: "Severity",
  options: [
    { id: "opt-emergency", name: "Emergency" },
    { id: "opt-sev0", name: "Sev0" },
    { id: "opt-sev1", name: "Sev1" },
    { id: "opt-sev2", name: "Sev2" },
    { id: "opt-triage", name: "Triage" },
  ],
};
const STATUS_FIELD: SelectFieldView = {
  id: "PVTSSF_status",
  name: "Status",
  options: [
    { id: "opt-investigating", name: "Investigating" },
    { id: "opt-mitigating", name: "Mitigating" },
    { id: "opt-mitigated", name: "Mitigated" },
    { id: "opt-resolved", name: "Resolved" },
  ],
};
const DEFAULT_NAMES = { severity: "Severity", status: "Status" };

describe("planProjectFields", () => {
  it("plans both updates with the field and option ids", () => {
    const plan = planProjectFields([STATUS_FIELD, SEVERITY_FIELD], DEFAULT_NAMES, { severity: "sev1", status: "investigating" });
    expect(plan).toEqual({
      updates: [
        { field: "Severity", fieldId: "PVTSSF_sev", optionId: "opt-sev1" },
        { field: "Status", fieldId: "PVTSSF_status", optionId: "opt-investigating" },
      ],
      problems: [],
    });
  });

  it("maps every status to the option of the same name", () => {
    for (const status of STATUSES) {
      const plan = planProjectFields([SEVERITY_FIELD, STATUS_FIELD], DEFAULT_NAMES, { severity: "triage", status });
      expect(plan.updates[1]).toEqual({ field: "Status", fieldId: "PVTSSF_status", optionId: `opt-${status}` });
      expect(plan.updates[0]?.optionId).toBe("opt-triage");
    }
  });

  it("matches field and option names ignoring case and surrounding spaces", () => {
    const fields: SelectFieldView[] = [
      { id: "F1", name: "  SEVERITY ", options: [{ id: "o1", name: "sev0" }, { id: "o2", name: " EMERGENCY  " }] },
      { id: "F2", name: "status", options: [{ id: "o3", name: "MITIGATED" }, { id: "o4", name: "mitigating " }] },
    ];
    const plan = planProjectFields(fields, { severity: "severity ", status: " STATUS" }, { severity: "emergency", status: "mitigating" });
    expect(plan.problems).toEqual([]);
    expect(plan.updates).toEqual([
      { field: "  SEVERITY ", fieldId: "F1", optionId: "o2" },
      { field: "status", fieldId: "F2", optionId: "o4" },
    ]);
  });

  it("reports a missing field by name with the options it should have, and still plans the other", () => {
    const plan = planProjectFields([STATUS_FIELD], DEFAULT_NAMES, { severity: "sev0", status: "mitigated" });
    expect(plan.updates).toEqual([{ field: "Status", fieldId: "PVTSSF_status", optionId: "opt-mitigated" }]);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toContain('no single-select field named "Severity"');
    expect(plan.problems[0]).toContain("Emergency, Sev0, Sev1, Sev2, Triage");
    expect(plan.problems[0]).toContain("project.fields");
  });

  it("reports a missing Status field with the status options", () => {
    const plan = planProjectFields([SEVERITY_FIELD], DEFAULT_NAMES, { severity: "sev2", status: "investigating" });
    expect(plan.updates).toEqual([{ field: "Severity", fieldId: "PVTSSF_sev", optionId: "opt-sev2" }]);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toContain('"Status"');
    expect(plan.problems[0]).toContain("Investigating, Mitigating, Mitigated, Resolved");
  });

  it("reports a missing option naming the field and the option", () => {
    const noMitigated: SelectFieldView = { ...STATUS_FIELD, options: STATUS_FIELD.options.filter((o) => o.name !== "Mitigated") };
    const plan = planProjectFields([SEVERITY_FIELD, noMitigated], DEFAULT_NAMES, { severity: "sev1", status: "mitigated" });
    expect(plan.updates).toEqual([{ field: "Severity", fieldId: "PVTSSF_sev", optionId: "opt-sev1" }]);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toContain('"Status" field has no option "Mitigated"');
    expect(plan.problems[0]).toContain("Investigating, Mitigating, Mitigated, Resolved");
  });

  it("reports both problems when neither field can be set", () => {
    const plan = planProjectFields([{ id: "F9", name: "Priority", options: [{ id: "p1", name: "P1" }] }], DEFAULT_NAMES, {
      severity: "sev1",
      status: "resolved",
    });
    expect(plan.updates).toEqual([]);
    expect(plan.problems).toHaveLength(2);
    expect(plan.problems[0]).toContain('"Severity"');
    expect(plan.problems[1]).toContain('"Status"');
  });

  it("uses the configured field names instead of the defaults", () => {
    const fields: SelectFieldView[] = [
      SEVERITY_FIELD,
      STATUS_FIELD,
      { ...SEVERITY_FIELD, id: "F-custom-sev", name: "Incident severity", options: [{ id: "c-sev0", name: "Sev0" }] },
      { ...STATUS_FIELD, id: "F-custom-stage", name: "Stage", options: [{ id: "c-resolved", name: "Resolved" }] },
    ];
    const plan = planProjectFields(fields, { severity: "Incident Severity", status: "stage" }, { severity: "sev0", status: "resolved" });
    expect(plan).toEqual({
      updates: [
        { field: "Incident severity", fieldId: "F-custom-sev", optionId: "c-sev0" },
        { field: "Stage", fieldId: "F-custom-stage", optionId: "c-resolved" },
      ],
      problems: [],
    });
  });

  it("names the configured field when it is missing", () => {
    const plan = planProjectFields([SEVERITY_FIELD, STATUS_FIELD], { severity: "Incident severity", status: "Status" }, {
      severity: "sev0",
      status: "investigating",
    });
    expect(plan.updates).toEqual([{ field: "Status", fieldId: "PVTSSF_status", optionId: "opt-investigating" }]);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toContain('no single-select field named "Incident severity"');
  });
});
