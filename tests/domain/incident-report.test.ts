import { describe, expect, it } from "vitest";
import { type IncidentReport, parseIncidentReport } from "../../src/domain/incident-report.js";
import { parseFormDefinition } from "../../src/domain/issue-form.js";
import { FUTURE_TOLERANCE_MINUTES, parseNotifiedAt } from "../../src/domain/notified-at.js";
import { type Answers, INCIDENT_FORM, INCIDENT_FORM_YAML, option, renderFormBody } from "../helpers/incident-form.js";

const TZ = "America/Los_Angeles";
// Sunday 2026-11-22 15:00 in Los Angeles (UTC-8).
const NOW = new Date("2026-11-22T23:00:00Z");
const OPTS = { timezone: TZ, now: NOW };

const REQUIRED: Answers = {
  summary: "Unusual outbound traffic from db-2",
  notified_at: "2026-11-22 14:05",
  severity: option(INCIDENT_FORM, "severity", "Sev1"),
};
const parse = (answers: Answers) => parseIncidentReport(renderFormBody(INCIDENT_FORM, { ...REQUIRED, ...answers }), INCIDENT_FORM, OPTS);
const report = (answers: Answers): IncidentReport => {
  const result = parse(answers);
  if (!result.ok) throw new Error(`expected a report, got ${JSON.stringify(result.problems)}`);
  return result.report;
};
const problemsOf = (body: string) => {
  const result = parseIncidentReport(body, INCIDENT_FORM, OPTS);
  if (result.ok) throw new Error("expected problems");
  return result;
};

describe("parseIncidentReport", () => {
  it("reads a complete submission into a typed report", () => {
    expect(
      report({
        source: "Customer or end user",
        notifier_contact: "jane@example.com, +1 555 0100",
        systems: "db-2 (10.0.4.17)",
        environment: "Production",
        real: "Perceived",
        in_progress: "Yes",
        impact: "Serious",
        urgent: "No",
        containable: "Unknown",
      }),
    ).toEqual({
      summary: "Unusual outbound traffic from db-2",
      notifiedAt: "2026-11-22T14:05:00-08:00",
      notifiedAtText: "2026-11-22 14:05",
      source: "customer",
      notifierContact: "jane@example.com, +1 555 0100",
      systems: "db-2 (10.0.4.17)",
      environment: "production",
      severity: "sev1",
      real: "perceived",
      inProgress: "yes",
      impact: "serious",
      urgent: "no",
      containable: "unknown",
    });
  });

  it("records optional questions left empty as unknown or null, not as problems", () => {
    expect(report({})).toMatchObject({
      source: "unknown",
      notifierContact: null,
      systems: null,
      environment: "unknown",
      real: "unknown",
      inProgress: "unknown",
      impact: "unknown",
      urgent: "unknown",
      containable: "unknown",
    });
  });

  it.each([
    ["Emergency", "emergency"],
    ["Sev0", "sev0"],
    ["Sev1", "sev1"],
    ["Sev2", "sev2"],
    ["Not sure yet", "triage"],
  ] as const)("maps the severity option %s to %s", (lead, severity) => {
    expect(report({ severity: option(INCIDENT_FORM, "severity", lead) }).severity).toBe(severity);
  });

  it.each([
    ["Sev1", "sev1"],
    ["sev0", "sev0"],
    ["sev1 — partial disruption (edited)", "sev1"],
    ["SEV-2", "sev2"],
    ["sev 0", "sev0"],
    ["Severity 1", "sev1"],
    ["emergency!", "emergency"],
    ["triage", "triage"],
    ["unknown", "triage"],
  ] as const)("accepts the hand-typed severity %j as %s", (typed, severity) => {
    expect(report({ severity: typed }).severity).toBe(severity);
  });

  it.each([
    ["source", "source", ["Engineering", "engineering"], ["Customer success / other employee", "employee"], ["Customer or end user", "customer"], ["External source", "external"], ["Monitoring alert", "monitoring"]],
    ["environment", "environment", ["Production", "production"], ["Staging", "staging"], ["Development", "development"], ["Unknown", "unknown"]],
    ["real", "real", ["Real", "real"], ["Perceived", "perceived"], ["Unknown", "unknown"]],
    ["in_progress", "inProgress", ["Yes", "yes"], ["No", "no"], ["Unknown", "unknown"]],
    ["impact", "impact", ["Minimal", "minimal"], ["Serious", "serious"], ["Critical", "critical"], ["Unknown", "unknown"]],
    ["urgent", "urgent", ["Yes", "yes"], ["No", "no"], ["Unknown", "unknown"]],
    ["containable", "containable", ["Yes", "yes"], ["No", "no"], ["Unknown", "unknown"]],
  ] as const)("maps every option of %s", (id, key, ...pairs) => {
    const formOptions = INCIDENT_FORM.fields.find((f) => f.id === id)?.options;
    expect(pairs.map(([text]) => text)).toEqual(formOptions);
    for (const [text, value] of pairs) expect(report({ [id]: text })[key]).toBe(value);
  });

  it("accepts short and differently cased answers typed by hand", () => {
    expect(report({ environment: "prod", in_progress: "y", urgent: "NO", containable: "not sure", source: "customer", impact: "crit" })).toMatchObject({
      environment: "production",
      inProgress: "yes",
      urgent: "no",
      containable: "unknown",
      source: "customer",
      impact: "critical",
    });
  });

  it("reads a body with CRLF line endings", () => {
    const body = renderFormBody(INCIDENT_FORM, { ...REQUIRED, real: "Real" }, "\r\n");
    const result = parseIncidentReport(body, INCIDENT_FORM, OPTS);
    expect(result.ok && result.report).toMatchObject({ summary: REQUIRED.summary, real: "real", severity: "sev1" });
  });

  it("reads `None` and `_No response_` in optional fields as unknown", () => {
    const body = renderFormBody(INCIDENT_FORM, REQUIRED).replace("### Environment\n\n_No response_", "### Environment\n\nNone");
    const result = parseIncidentReport(body, INCIDENT_FORM, OPTS);
    expect(result.ok && result.report.environment).toBe("unknown");
  });

  it("unwraps a fenced answer and keeps its inside verbatim", () => {
    expect(report({ systems: "```\ndb-2\n### not a heading\n```" }).systems).toBe("db-2\n### not a heading");
  });

  it("keeps mentions, HTML and a fake heading a reporter typed as plain data in the summary", () => {
    const summary = "cc @someone <script>alert(1)</script>\n\n### fake heading inside a textarea\n\n<img src=x onerror=alert(1)>";
    expect(report({ summary }).summary).toBe(summary);
  });

  it("reports a required field left empty, saying how to fill it in", () => {
    const { problems, partial } = problemsOf(renderFormBody(INCIDENT_FORM, { ...REQUIRED, summary: undefined, environment: "Staging" }));
    expect(problems).toEqual([
      {
        id: "summary",
        label: "What happened?",
        problem: "missing",
        message: 'What happened?: this answer is required but was left empty. Edit the issue and write what happened under "### What happened?".',
      },
    ]);
    expect(partial).toMatchObject({ severity: "sev1", environment: "staging", notifiedAt: "2026-11-22T14:05:00-08:00" });
    expect(partial.summary).toBeUndefined();
  });

  it("reports a required section deleted from the body", () => {
    const body = renderFormBody(INCIDENT_FORM, REQUIRED).replace(/### Severity\n\n[^\n]+\n\n/, "");
    expect(problemsOf(body).problems).toEqual([
      {
        id: "severity",
        label: "Severity",
        problem: "missing",
        message:
          'Severity: this section is missing from the issue. Edit the issue and add a line "### Severity" followed by one of Emergency, Sev0, Sev1, Sev2, Not sure yet.',
      },
    ]);
  });

  it("reports an empty notification time with an example in the configured zone", () => {
    const { problems } = problemsOf(renderFormBody(INCIDENT_FORM, { ...REQUIRED, notified_at: undefined }));
    expect(problems.map((p) => [p.id, p.problem])).toEqual([["notified_at", "missing"]]);
    expect(problems[0]?.message).toContain("2026-11-22 14:05 (America/Los_Angeles time)");
  });

  it("reports a severity that is not an option, listing the options", () => {
    const { problems } = problemsOf(renderFormBody(INCIDENT_FORM, { ...REQUIRED, severity: "sev5" }));
    expect(problems).toEqual([
      {
        id: "severity",
        label: "Severity",
        problem: "invalid",
        message: 'Severity: "sev5" is not one of Emergency, Sev0, Sev1, Sev2, Not sure yet. Edit the issue and pick one of those.',
      },
    ]);
  });

  it("reports an unreadable optional answer instead of dropping it, and every problem at once", () => {
    const { problems, partial } = problemsOf(
      renderFormBody(INCIDENT_FORM, { ...REQUIRED, environment: "the blue cluster", notified_at: "around lunch" }),
    );
    expect(problems.map((p) => [p.id, p.problem])).toEqual([
      ["notified_at", "invalid"],
      ["environment", "invalid"],
    ]);
    expect(problems[0]?.message).toBe(
      'When were you notified?: "around lunch" is not a date and time Vigil can read. Edit the issue and write it as ' +
        "2026-11-22 14:05 (America/Los_Angeles time) or full ISO 8601 such as 2026-11-22T14:05:00Z.",
    );
    expect(problems[1]?.message).toBe(
      'Environment: "the blue cluster" is not one of Production, Staging, Development, Unknown. Edit the issue and pick one of those.',
    );
    expect(partial).toMatchObject({ summary: REQUIRED.summary, severity: "sev1", notifiedAtText: "around lunch" });
    expect(partial.notifiedAt).toBeUndefined();
  });

  it("reports a notification time in the future", () => {
    const { problems } = problemsOf(renderFormBody(INCIDENT_FORM, { ...REQUIRED, notified_at: "2026-11-22 16:00" }));
    expect(problems[0]?.message).toMatch(/^When were you notified\?: "2026-11-22 16:00" is 2026-11-22 16:00 America\/Los_Angeles time, which is in the future \(it is now 2026-11-22 15:00\)\. Edit the issue and write when you were notified/);
  });

  it("shortens a long typed value to one line in a message", () => {
    const { problems } = problemsOf(renderFormBody(INCIDENT_FORM, { ...REQUIRED, severity: "very\nbad ".repeat(30) }));
    expect(problems[0]?.message).toMatch(/^Severity: "very bad very bad .{30,}\.\.\." is not one of/);
    expect(problems[0]?.message).not.toContain("\n");
  });

  it("explains, in one problem, that a body which does not follow the form must", () => {
    for (const body of ["", "we got hacked, call me", "## Summary\n\nsomething\n\n## Severity level\n\nhigh"]) {
      const { problems, partial } = problemsOf(body);
      expect(partial).toEqual({});
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ id: "body", problem: "missing" });
      expect(problems[0]?.message).toContain('does not follow the Security incident form');
      expect(problems[0]?.message).toContain('"### What happened?"');
    }
  });

  it("reads a body written entirely by hand", () => {
    const body = [
      "Posting this from my phone, sorry for the format.",
      "",
      "## what happened",
      "Someone logged in as admin from an unknown IP.",
      "",
      "## When were you notified:",
      "Nov 22, 2026 2:05 PM",
      "",
      "**Severity**",
      "sev0",
      "",
      "#### Environment",
      "prod",
      "",
      "### Is it still in progress?",
      "no, we blocked the IP",
    ].join("\r\n");
    const result = parseIncidentReport(body, INCIDENT_FORM, OPTS);
    expect(result).toEqual({
      ok: true,
      report: {
        summary: "Someone logged in as admin from an unknown IP.",
        notifiedAt: "2026-11-22T14:05:00-08:00",
        notifiedAtText: "Nov 22, 2026 2:05 PM",
        source: "unknown",
        notifierContact: null,
        systems: null,
        environment: "production",
        severity: "sev0",
        real: "unknown",
        inProgress: "no",
        impact: "unknown",
        urgent: "unknown",
        containable: "unknown",
      },
    });
  });

  it("asks for a required field the repository's copy of the form has lost", () => {
    const trimmed = parseFormDefinition(INCIDENT_FORM_YAML.replace(/ {2}- type: dropdown\n {4}id: severity\n[\s\S]*?required: true\n/, ""));
    expect(trimmed.fields.map((f) => f.id)).not.toContain("severity");
    const result = parseIncidentReport(renderFormBody(trimmed, REQUIRED), trimmed, OPTS);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([expect.objectContaining({ id: "severity", problem: "missing" })]);
    expect(problems[0]?.message).toContain('no field with id "severity"');
  });

  it("accepts an empty notification time when a repository's form makes it optional", () => {
    const optional = parseFormDefinition(INCIDENT_FORM_YAML.replace(/(id: notified_at[\s\S]*?)required: true/, "$1required: false"));
    const result = parseIncidentReport(renderFormBody(optional, { ...REQUIRED, notified_at: undefined }), optional, OPTS);
    expect(result.ok && [result.report.notifiedAt, result.report.notifiedAtText]).toEqual([null, null]);
  });
});

describe("parseNotifiedAt", () => {
  const at = (text: string, timezone = TZ) => parseNotifiedAt(text, timezone, NOW);

  it.each([
    ["2026-11-22 14:05", "2026-11-22T14:05:00-08:00"],
    ["2026-11-22T14:05", "2026-11-22T14:05:00-08:00"],
    ["2026-11-22 14:05:30", "2026-11-22T14:05:30-08:00"],
    ["2026-11-22T22:05:00Z", "2026-11-22T14:05:00-08:00"],
    ["2026-11-22T23:05:00+01:00", "2026-11-22T14:05:00-08:00"],
    ["2026-11-22 23:05 +0100", "2026-11-22T14:05:00-08:00"],
    ["2026-11-22 22:05 UTC", "2026-11-22T14:05:00-08:00"],
    ["2026-11-22 23:05 Europe/Berlin", "2026-11-22T14:05:00-08:00"],
    ["22 Nov 2026 14:05", "2026-11-22T14:05:00-08:00"],
    ["22 November 2026, 14:05", "2026-11-22T14:05:00-08:00"],
    ["Nov 22, 2026 2:05 PM", "2026-11-22T14:05:00-08:00"],
    ["Sunday, Nov 22, 2026 at 2:05 p.m.", "2026-11-22T14:05:00-08:00"],
    ["2:05pm Nov 22 2026", "2026-11-22T14:05:00-08:00"],
    ["  2026-11-22 14:05.  ", "2026-11-22T14:05:00-08:00"],
    ["14:05", "2026-11-22T14:05:00-08:00"],
    ["2:05 PM", "2026-11-22T14:05:00-08:00"],
    ["yesterday 9:30", "2026-11-21T09:30:00-08:00"],
    ["today at 2:05 pm", "2026-11-22T14:05:00-08:00"],
    ["now", "2026-11-22T15:00:00-08:00"],
    ["2026-07-04 09:00", "2026-07-04T09:00:00-07:00"],
    ["2026-11-22 2:05 PM", "2026-11-22T14:05:00-08:00"],
    ["2026-11-22t14:05", "2026-11-22T14:05:00-08:00"],
  ])("reads %j", (text, iso) => {
    expect(at(text)).toEqual({ ok: true, iso, dateOnly: false });
  });

  it("reads a date alone as the start of that day in the zone, and says so", () => {
    expect(at("2026-11-22")).toEqual({ ok: true, iso: "2026-11-22T00:00:00-08:00", dateOnly: true });
    expect(at("22 Nov 2026")).toEqual({ ok: true, iso: "2026-11-22T00:00:00-08:00", dateOnly: true });
  });

  it("reads a time alone later than now as yesterday's", () => {
    expect(at("23:50")).toEqual({ ok: true, iso: "2026-11-21T23:50:00-08:00", dateOnly: false });
  });

  it("gives the instant with the configured zone's offset", () => {
    expect(at("2026-11-22 14:05", "UTC")).toEqual({ ok: true, iso: "2026-11-22T14:05:00Z", dateOnly: false });
    expect(at("2026-11-22T22:05:00Z", "Asia/Kolkata")).toEqual({ ok: true, iso: "2026-11-23T03:35:00+05:30", dateOnly: false });
  });

  it(`accepts up to ${FUTURE_TOLERANCE_MINUTES} minutes of clock difference and refuses later times`, () => {
    expect(at("2026-11-22 15:05").ok).toBe(true);
    const late = at("2026-11-22 15:06");
    expect(late).toMatchObject({ ok: false, problem: "future" });
    expect(!late.ok && late.message).toBe(
      '"2026-11-22 15:06" is 2026-11-22 15:06 America/Los_Angeles time, which is in the future (it is now 2026-11-22 15:00). ' +
        "Write when you were notified, no later than now, as 2026-11-22 14:05 (America/Los_Angeles time) or full ISO 8601 such as 2026-11-22T14:05:00Z.",
    );
    expect(at("2026-11-23")).toMatchObject({ ok: false, problem: "future" });
  });

  it.each([["soon"], ["2026-02-30 10:00"], ["2026-11-22 25:00"], ["14:05 PST"], ["2026-11-22 14:05 Mars/Olympus"], ["2026-W47"], [""]])(
    "refuses %j as unreadable",
    (text) => {
      expect(at(text)).toMatchObject({ ok: false, problem: "unreadable" });
    },
  );

  it("explains why a date with slashes is refused", () => {
    const result = at("11/22/2026 14:05");
    expect(!result.ok && result.reason).toBe('"11/22/2026 14:05" is not a date and time Vigil can read (a date with slashes can be read day-first or month-first)');
  });

  it("throws on a time zone that does not exist: that is a configuration error, not the reporter's", () => {
    expect(() => parseNotifiedAt("14:05", "Mars/Olympus", NOW)).toThrow(RangeError);
  });
});
