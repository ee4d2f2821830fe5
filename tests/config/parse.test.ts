import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/parse.js";
import { configOf, problemAt, problemsOf } from "./helpers.js";

const FILE = ".github/incident-response.yml";
const sketch = readFileSync(new URL("./fixtures/spec-sketch.yml", import.meta.url), "utf8");

describe("parseConfigText", () => {
  it("validates the SPEC 2.7 sketch and keeps its values", () => {
    const config = configOf(parseConfigText(sketch, FILE));
    expect(config.timezone).toBe("America/Los_Angeles");
    expect(config.calendar).toEqual({
      country: "US",
      state: "CA",
      holidayTypes: ["public", "bank"],
      workingDays: ["mon", "tue", "wed", "thu", "fri"],
      extraHolidays: ["2026-12-24"],
    });
    expect(config.oncall).toEqual({
      rotation: ["alice", "bob", "carol"],
      start: "2026-01-05T09:00",
      overrides: [{ login: "dave", from: "2026-11-23", to: "2026-11-29" }],
      securityOfficer: "erin",
      escalate: ["@org/security"],
    });
    expect(config.project).toEqual({ owner: "my-org", number: 7, fields: { severity: "Severity", status: "Status" } });
    expect(config.postmortem.reviewers).toEqual(["alice", "@org/security"]);
    expect(config.securityReview.topThreats.map((t) => t.name)).toEqual(["XSS", "SQL injection", "Credential stuffing"]);
    expect(config.drill).toEqual({ enabled: true, month: 3, perYear: 2, plans: ["Ransomware", "Lost laptop", "Leaked credentials"] });
  });

  it("reads unquoted dates and moments as text, as Probot's YAML reader does", () => {
    const config = configOf(
      parseConfigText("oncall:\n  rotation: [alice]\n  securityOfficer: erin\n  start: 2026-01-05 09:00\ncalendar:\n  extraHolidays: [2026-12-24]\n", FILE),
    );
    expect(config.calendar.extraHolidays).toEqual(["2026-12-24"]);
    expect(config.oncall.start).toBe("2026-01-05 09:00");
  });

  it("treats yes as text, not true (YAML 1.2)", () => {
    const problems = problemsOf(parseConfigText("oncall: { rotation: [alice], securityOfficer: erin }\nallowPublic: yes\n", FILE));
    expect(problemAt(problems, "allowPublic").message).toMatch(/must be true or false, not "yes"/);
  });

  it("reports broken YAML with its line and column", () => {
    const text = "timezone: UTC\noncall:\n  rotation: [alice, bob\n  securityOfficer: erin\n";
    const [problem, ...rest] = problemsOf(parseConfigText(text, FILE));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: FILE, key: "(root)" });
    expect(problem?.message).toMatch(/^The file is not valid YAML: .+ at line \d+, column \d+\. Fix the syntax there/);
  });

  it("points at the line of a duplicated key", () => {
    const [problem] = problemsOf(parseConfigText("timezone: UTC\ntimezone: Europe/Berlin\n", FILE));
    expect(problem?.message).toMatch(/duplicated mapping key at line 2, column 1\./);
  });

  it("says the people are required when the file is empty or only comments", () => {
    for (const text of ["", "\n", "# nothing yet\n", "~\n"]) {
      const [problem, ...rest] = problemsOf(parseConfigText(text, FILE));
      expect(rest, JSON.stringify(text)).toEqual([]);
      expect(problem?.message).toMatch(/^The configuration is empty\. Vigil needs at least the people/);
    }
  });

  it("reports every problem of a file at once, each with the file name", () => {
    const problems = problemsOf(parseConfigText("timezone: Nowhere\noncall:\n  rotation: []\ncolour: blue\n", "my.yml"));
    expect(problems.map((p) => `${p.file}: ${p.key}`).sort()).toEqual(
      ["my.yml: colour", "my.yml: oncall.rotation", "my.yml: oncall.securityOfficer", "my.yml: timezone"].sort(),
    );
  });
});

describe("a value written with @ (YAML reserves it)", () => {
  it.each([
    ["securityOfficer: @erin", "oncall:\n  rotation: [alice]\n  securityOfficer: @erin\n", 3, '"@erin" in quotes, or erin without the @'],
    ["a flow list", "oncall:\n  rotation: [alice, @bob]\n  securityOfficer: erin\n", 2, '"@bob" in quotes, or bob without the @'],
    ["a block list of teams", "oncall:\n  rotation: [alice]\n  securityOfficer: erin\n  escalate:\n    - @my-org/security\n", 5, '"@my-org/security" in quotes'],
  ])("%s: says which line and how to write it", (_name, text, line, fix) => {
    const [problem, ...rest] = problemsOf(parseConfigText(text, FILE));
    expect(rest).toEqual([]);
    expect(problem?.message).toContain(`at line ${line},`);
    expect(problem?.message).toContain("A value cannot start with @ in YAML: write ");
    expect(problem?.message).toContain(fix);
  });

  it('accepts "@erin" quoted, as the login erin', () => {
    const result = parseConfigText('oncall:\n  rotation: ["@alice", bob]\n  securityOfficer: "@erin"\n', FILE);
    expect(result.ok && result.config.oncall.securityOfficer).toBe("erin");
    expect(result.ok && result.config.oncall.rotation).toEqual(["alice", "bob"]);
  });

  it("keeps the general advice for other syntax errors", () => {
    const [problem] = problemsOf(parseConfigText("oncall: rotation: [alice]\n", FILE));
    expect(problem?.message).toContain("Fix the syntax there");
  });
});
