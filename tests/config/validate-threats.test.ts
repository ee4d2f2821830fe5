import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate.js";
import { configOf, PEOPLE, problemAt, problemsOf } from "./helpers.js";

const check = (securityReview: Record<string, unknown>) => validateConfig({ ...PEOPLE, securityReview }, "incident-response.yml");

describe("securityReview.topThreats and reviewers (SPEC 2.14)", () => {
  it("reads a name as a threat without paths or patterns, and the object form with defaults", () => {
    const config = configOf(check({ topThreats: ["SQL injection", { name: "XSS", paths: ["web/**/*.tsx"], patterns: ["dangerouslySetInnerHTML"] }], reviewers: ["@acme/appsec", "@bob"] }));
    expect(config.securityReview.topThreats).toEqual([
      { name: "SQL injection", paths: [], patterns: [], checklist: [] },
      { name: "XSS", paths: ["web/**/*.tsx"], patterns: ["dangerouslySetInnerHTML"], checklist: [] },
    ]);
    expect(config.securityReview.reviewers).toEqual(["@acme/appsec", "bob"]);
  });

  it("defaults to named threats only and no reviewers", () => {
    const config = configOf(check({}));
    expect(config.securityReview.topThreats.every((t) => t.paths.length === 0 && t.patterns.length === 0)).toBe(true);
    expect(config.securityReview.reviewers).toEqual([]);
  });

  it("points at the exact key of a regular expression RE2 cannot run, saying why", () => {
    const problems = problemsOf(check({ topThreats: ["SQL", "Secrets", { name: "XSS", patterns: ["innerHTML\\s*=", "(?<=x)y", "a("] }] }));
    expect(problemAt(problems, "securityReview.topThreats[2].patterns[1]").message).toMatch(/^"\(\?<=x\)y" is not a regular expression Vigil can run .*RE2/);
    expect(problemAt(problems, "securityReview.topThreats[2].patterns[2]").message).toMatch(/missing closing \)/);
    expect(problems).toHaveLength(2);
  });

  it("refuses a pattern too long to review", () => {
    expect(problemAt(problemsOf(check({ topThreats: [{ name: "X", patterns: ["a".repeat(501)] }] })), "securityReview.topThreats[0].patterns[0]").message).toMatch(/longer than 500/);
  });

  it("points at a bad glob: unclosed bracket, leading slash, backslash", () => {
    const problems = problemsOf(check({ topThreats: [{ name: "XSS", paths: ["web/[a-z", "/web/*.ts", "web\\x.ts", "web/**"] }] }));
    expect(problemAt(problems, "securityReview.topThreats[0].paths[0]").message).toMatch(/not a glob .*Missing closing: "\]"/);
    expect(problemAt(problems, "securityReview.topThreats[0].paths[1]").message).toMatch(/leading slash/);
    expect(problemAt(problems, "securityReview.topThreats[0].paths[2]").message).toMatch(/forward slashes/);
    expect(problems).toHaveLength(3);
  });

  it("names the keys a threat accepts when one is misspelt, and refuses what is neither form", () => {
    const problems = problemsOf(check({ topThreats: [{ name: "XSS", patern: ["x"] }, 7] }));
    expect(problemAt(problems, "securityReview.topThreats[0].patern").message).toMatch(/Did you mean patterns\? The allowed keys are: name, paths, patterns, checklist/);
    expect(problemAt(problems, "securityReview.topThreats[1]").message).toMatch(/must be a threat's name, or \{ name, paths, patterns, checklist \}/);
  });

  it("keeps a threat's name short enough for its label", () => {
    expect(problemAt(problemsOf(check({ topThreats: [{ name: "x".repeat(41), paths: ["a"] }] })), "securityReview.topThreats[0].name").message).toMatch(/too long/);
  });

  it("reads reviewers as the post-mortem reviewers are read", () => {
    expect(problemAt(problemsOf(check({ reviewers: ["not a login"] })), "securityReview.reviewers[0]").message).toMatch(/team such as @my-org\/security/);
  });
});
