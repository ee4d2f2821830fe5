import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate.js";
import { UNWORDED } from "../../src/config/zod-issues.js";
import { configOf, PEOPLE, problemAt, problemsOf } from "./helpers.js";

const check = (raw: unknown) => validateConfig(raw, "incident-response.yml");
const withPeople = (extra: Record<string, unknown>) => ({ ...PEOPLE, ...extra });

describe("validateConfig: defaults and normalisation", () => {
  it("fills in a default for everything but the people", () => {
    const config = configOf(check(PEOPLE));
    expect(config.timezone).toBe("UTC");
    expect(config.calendar).toEqual({ holidayTypes: ["public"], workingDays: ["mon", "tue", "wed", "thu", "fri"], extraHolidays: [] });
    expect(config.oncall).toMatchObject({ start: "2024-01-01T09:00", overrides: [], escalate: [] });
    expect(config.project).toBeUndefined();
    expect(config.postmortem).toEqual({ workingDays: 3, reviewers: [], reviewAfterWeeks: 4, forNotPlanned: false });
    expect(config.securityReview).toMatchObject({ enabled: true, everyWeeks: 4, maxWeeks: 8 });
    expect(config.securityReview.topThreats.length).toBeGreaterThan(0);
    expect(config.patching).toEqual({ enabled: true, everyWeeks: 1, maxWeeks: 2, systems: ["production", "development"], assignees: [] });
    expect(config.drill).toEqual({ enabled: true, month: 3, perYear: 2, plans: [] });
    expect(config.allowPublic).toBe(false);
  });

  it("drops the @ of user logins and keeps it on teams", () => {
    const config = configOf(
      check({
        oncall: {
          rotation: ["@alice", " bob "],
          securityOfficer: "@erin",
          overrides: [{ login: "@dave", from: "2026-11-23", to: "2026-11-29" }],
          escalate: ["@org/security", "@frank"],
        },
        postmortem: { reviewers: ["@alice", "@org/security"] },
      }),
    );
    expect(config.oncall.rotation).toEqual(["alice", "bob"]);
    expect(config.oncall.securityOfficer).toBe("erin");
    expect(config.oncall.overrides[0]?.login).toBe("dave");
    expect(config.oncall.escalate).toEqual(["@org/security", "frank"]);
    expect(config.postmortem.reviewers).toEqual(["alice", "@org/security"]);
  });

  it("accepts and ignores a top-level _extends, which Probot resolves", () => {
    const result = check(withPeople({ _extends: ".github" }));
    expect(configOf(result)).not.toHaveProperty("_extends");
  });

  it("says the people are required when the configuration is empty or has no oncall", () => {
    for (const raw of [undefined, null, {}]) {
      const [problem] = problemsOf(check(raw));
      expect(problem?.message).toMatch(/rotation/);
      expect(problem?.message).toMatch(/Security Officer/);
    }
    expect(problemAt(problemsOf(check({})), "oncall").message).toMatch(/oncall is required/);
    expect(problemAt(problemsOf(check({ oncall: null })), "oncall").message).toMatch(/has no value/);
  });

  it("refuses a file that is not a group of settings", () => {
    expect(problemAt(problemsOf(check(["alice"])), "(root)").message).toMatch(/must be a group of settings .* not a list/);
  });
});

describe("validateConfig: unknown keys", () => {
  it("names an unknown top-level key, suggests the near miss and lists the allowed keys", () => {
    const { message } = problemAt(problemsOf(check(withPeople({ allowPublc: true }))), "allowPublc");
    expect(message).toContain("Did you mean allowPublic?");
    expect(message).toContain("timezone, calendar, oncall, project, plans, postmortem, securityReview, patching, drill, allowPublic, _extends");
  });

  it("names an unknown nested key with the keys of its own section", () => {
    const { message } = problemAt(problemsOf(check(withPeople({ calendar: { holidayTyps: ["bank"] } }))), "calendar.holidayTyps");
    expect(message).toContain("in calendar");
    expect(message).toContain("Did you mean holidayTypes?");
    expect(message).toContain("country, state, region, holidayTypes, workingDays, extraHolidays");
  });

  it("points a section's key written at the top level to its section", () => {
    const { message } = problemAt(problemsOf(check({ ...PEOPLE, securityOfficer: "erin" })), "securityOfficer");
    expect(message).toContain("oncall.securityOfficer");
  });

  it("reports unknown keys inside list items with the item's index", () => {
    const raw = { oncall: { ...PEOPLE.oncall, overrides: [{ login: "dave", from: "2026-11-23", to: "2026-11-29", until: "x" }] } };
    expect(problemAt(problemsOf(check(raw)), "oncall.overrides[0].until").message).toContain("login, from, to");
  });
});

describe("validateConfig: wrong types and values", () => {
  it("says what type a key needs and what was found", () => {
    const problems = problemsOf(
      check({ timezone: 5, oncall: { rotation: "alice", securityOfficer: "erin" }, drill: { month: "March" }, allowPublic: "yes" }),
    );
    expect(problemAt(problems, "timezone").message).toBe('timezone must be text, not 5; put it in quotes, for example "5".');
    expect(problemAt(problems, "oncall.rotation").message).toMatch(/must be a list, not "alice"; write a list, for example \[alice\]/);
    expect(problemAt(problems, "drill.month").message).toMatch(/must be a number, not "March"/);
    expect(problemAt(problems, "allowPublic").message).toMatch(/must be true or false, not "yes"/);
  });

  it("tells a numeric login to be quoted", () => {
    const problems = problemsOf(check({ oncall: { rotation: [1234], securityOfficer: "erin" } }));
    expect(problemAt(problems, "oncall.rotation[0]").message).toContain('put it in quotes, for example "1234"');
  });

  it("gives the whole accepted range of a number", () => {
    const problems = problemsOf(check(withPeople({ drill: { month: 13 }, postmortem: { workingDays: 1.5 } })));
    expect(problemAt(problems, "drill.month").message).toBe("13 is too large for month; use a whole number from 1 to 12.");
    expect(problemAt(problems, "postmortem.workingDays").message).toBe("workingDays must be a whole number, not 1.5.");
  });

  it("lists the allowed values of an enumeration and suggests the near miss", () => {
    const problems = problemsOf(check(withPeople({ calendar: { workingDays: ["monday", "tue"] } })));
    const { message } = problemAt(problems, "calendar.workingDays[0]");
    expect(message).toContain("Did you mean mon?");
    expect(message).toContain("mon, tue, wed, thu, fri, sat, sun");
  });

  it("rejects an empty rotation and a missing Security Officer, with an example of each", () => {
    const problems = problemsOf(check({ oncall: { rotation: [] } }));
    expect(problemAt(problems, "oncall.rotation").message).toMatch(/needs at least one GitHub login, for example \[alice, bob, carol\]/);
    expect(problemAt(problems, "oncall.securityOfficer").message).toMatch(/securityOfficer is required.*securityOfficer: erin/);
  });

  it("rejects malformed logins, teams where a person is needed, and impossible dates", () => {
    const problems = problemsOf(
      check({
        oncall: { rotation: ["al ice"], securityOfficer: "@org/security", escalate: ["@@"] },
        calendar: { extraHolidays: ["2026-02-30", "24/12/2026"] },
      }),
    );
    expect(problemAt(problems, "oncall.rotation[0]").message).toMatch(/^"al ice" must be a GitHub user login such as alice/);
    expect(problemAt(problems, "oncall.securityOfficer").message).toMatch(/^"@org\/security" must be a GitHub user login/);
    expect(problemAt(problems, "oncall.escalate[0]").message).toMatch(/or a team such as @my-org\/security/);
    expect(problemAt(problems, "calendar.extraHolidays[0]").message).toMatch(/is not a real calendar date/);
    expect(problemAt(problems, "calendar.extraHolidays[1]").message).toMatch(/must be a date written YYYY-MM-DD/);
  });

  it("never shows a regular expression or zod's own wording, and every message is a sentence", () => {
    const problems = problemsOf(
      check({
        timezone: [],
        calendar: { extraHolidays: ["soon"], workingDays: [] },
        oncall: { rotation: ["-x-"], start: "next monday", securityOfficer: "a/b", escalate: ["@"] },
        project: { owner: "", number: -1 },
        patching: { systems: [""] },
        extra: true,
      }),
    );
    expect(problems.length).toBeGreaterThanOrEqual(10);
    for (const { message } of problems) {
      expect(message).not.toMatch(/\\d|\^\[|\(\?:|Invalid input|Too small|expected \w+, received/);
      expect(message).not.toContain(UNWORDED);
      expect(message).toMatch(/^[A-Z"0-9a-z-][^\n]*[.?]$/);
    }
  });
});
