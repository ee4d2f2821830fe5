import { describe, expect, expectTypeOf, it } from "vitest";
import { CONFIG_PATH, type VigilConfig } from "../../src/config/schema.js";
import { validateConfig } from "../../src/config/validate.js";
import type { CalendarSettings, OncallSettings, ProjectSettings, VigilSettings } from "../../src/domain/settings.js";
import { readMoment } from "../../src/domain/working-days.js";

// The domain declares the settings it decides with; the schema's output must be one of them, section by section,
// so a schema change that the domain cannot read fails the type check here rather than at a distant call site.
describe("the configuration's output satisfies the domain's settings", () => {
  it("as a whole and per section", () => {
    expectTypeOf<VigilConfig>().toExtend<VigilSettings>();
    expectTypeOf<VigilConfig["calendar"]>().toExtend<CalendarSettings>();
    expectTypeOf<VigilConfig["oncall"]>().toExtend<OncallSettings>();
    expectTypeOf<NonNullable<VigilConfig["project"]>>().toExtend<ProjectSettings>();
  });
});

describe("one grammar of moments", () => {
  const PEOPLE = { rotation: ["alice"], securityOfficer: "erin" };

  it.each(["2026-01-05", "2026-01-05T09:00", "2026-01-05 09:00:30", "2026-01-05t09:00z", "2026-01-05T09:00+01", "2026-01-05T09:00:00,5-0800"])(
    "the schema accepts %j for oncall.start exactly because readMoment reads it",
    (start) => {
      expect(readMoment(start, "UTC").ok).toBe(true);
      expect(validateConfig({ oncall: { ...PEOPLE, start } }, CONFIG_PATH).ok).toBe(true);
    },
  );

  it.each(["2026", "2026-W02", "2026-01-05T9:00", "05.01.2026 09:00"])("and both refuse %j", (start) => {
    expect(readMoment(start, "UTC").ok).toBe(false);
    expect(validateConfig({ oncall: { ...PEOPLE, start } }, CONFIG_PATH).ok).toBe(false);
  });
});
