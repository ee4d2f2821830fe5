import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlineCommand } from "../../src/cli/deadline.js";
import type { CliIO } from "../../src/cli/io.js";

function fakeIO(cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd };
  return { io, stdout: () => out.join("\n"), stderr: () => err.join("\n") };
}

async function run(argv: string[], cwd?: string) {
  const fake = fakeIO(cwd);
  const code = await deadlineCommand(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const SPEC_ARGS = ["--from", "2026-11-25T15:00", "--country", "US", "--state", "CA", "--timezone", "America/Los_Angeles"];

describe("vigil deadline: the SPEC 2.5 example", () => {
  it("names the due moment and every skipped day with its reason", async () => {
    const { code, stdout, stderr } = await run(SPEC_ARGS);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("Due: end of Wednesday 2026-12-02 (2026-12-02T23:59:59-08:00, America/Los_Angeles)");
    expect(lines).toContain("  Thu 2026-11-26  Thanksgiving Day");
    expect(lines).toContain("  Fri 2026-11-27  Day after Thanksgiving Day");
    expect(lines).toContain("  Sat 2026-11-28  weekend (Saturday)");
    expect(lines).toContain("  Sun 2026-11-29  weekend (Sunday)");
    expect(stdout).toContain("3 working days after Wednesday 2026-11-25");
  });

  it("prints exactly due, dueDate and skipped with --json", async () => {
    const { code, stdout } = await run([...SPEC_ARGS, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      due: "2026-12-02T23:59:59-08:00",
      dueDate: "2026-12-02",
      skipped: [
        { date: "2026-11-26", reason: "Thanksgiving Day" },
        { date: "2026-11-27", reason: "Day after Thanksgiving Day" },
        { date: "2026-11-28", reason: "weekend (Saturday)" },
        { date: "2026-11-29", reason: "weekend (Sunday)" },
      ],
    });
  });

  it("gives 2026-12-01 for the US without a state", async () => {
    const { stdout } = await run(["--from", "2026-11-25", "--country", "us", "--timezone", "America/Los_Angeles", "--json"]);
    expect(JSON.parse(stdout).dueDate).toBe("2026-12-01");
  });

  it("defaults to UTC, weekends only and 3 days; --days changes the count", async () => {
    const three = await run(["--from", "2026-11-26T05:00:00Z", "--json"]);
    expect(JSON.parse(three.stdout)).toEqual({ due: "2026-12-01T23:59:59Z", dueDate: "2026-12-01", skipped: [
      { date: "2026-11-28", reason: "weekend (Saturday)" },
      { date: "2026-11-29", reason: "weekend (Sunday)" },
    ] });
    const one = await run(["--from", "2026-11-26T05:00:00Z", "--days", "1"]);
    expect(one.stdout).toContain("Due: end of Friday 2026-11-27 (2026-11-27T23:59:59Z, UTC)");
    expect(one.stdout).toContain("No non-working days skipped.");
  });

  it("prints usage with --help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: vigil deadline --from ISO");
  });
});

describe("vigil deadline --config", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "vigil-deadline-"));
    await writeFile(
      join(dir, "incident-response.yml"),
      [
        "timezone: America/Los_Angeles",
        "calendar: { country: US, state: CA, extraHolidays: [2026-12-01] }",
        "postmortem: { workingDays: 2 }",
        "oncall: { rotation: [] }  # incomplete, and not this command's business",
      ].join("\n"),
    );
    await writeFile(join(dir, "bad-calendar.yml"), "calendar:\n  workingDays: [mon, funday]\n  country: XX\n");
    await writeFile(join(dir, "bad-zone.yml"), "timezone: Europe/Atlantis\n");
    await writeFile(join(dir, "broken.yml"), "calendar: [unclosed\n");
    await writeFile(join(dir, "list.yml"), "- just\n- a list\n");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("takes time zone, calendar and the default day count from the file", async () => {
    const { code, stdout } = await run(["--from", "2026-11-25", "--config", "incident-response.yml", "--json"], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      due: "2026-12-02T23:59:59-08:00",
      dueDate: "2026-12-02",
      skipped: [
        { date: "2026-11-26", reason: "Thanksgiving Day" },
        { date: "2026-11-27", reason: "Day after Thanksgiving Day" },
        { date: "2026-11-28", reason: "weekend (Saturday)" },
        { date: "2026-11-29", reason: "weekend (Sunday)" },
        { date: "2026-12-01", reason: "company holiday" },
      ],
    });
  });

  it("lets --days override postmortem.workingDays", async () => {
    const { stdout } = await run(["--from", "2026-11-25", "--config", join(dir, "incident-response.yml"), "--days", "3", "--json"]);
    expect(JSON.parse(stdout).dueDate).toBe("2026-12-03");
  });

  it.each([
    ["bad-calendar.yml", /calendar\.workingDays\.1: /],
    ["bad-zone.yml", /bad-zone\.yml: timezone: "Europe\/Atlantis" is not a known IANA time zone/],
    ["broken.yml", /broken\.yml: The file is not valid YAML: .* at line \d+, column \d+\./],
    ["list.yml", /must be a YAML mapping/],
    ["missing.yml", /cannot read --config missing\.yml: there is no such file/],
  ])("rejects %s with exit 2", async (file, message) => {
    const { code, stdout, stderr } = await run(["--from", "2026-11-25", "--config", file], dir);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("reports an unknown country in the file with its key", async () => {
    await writeFile(join(dir, "bad-country.yml"), "calendar: { country: XX }\n");
    const { code, stderr } = await run(["--from", "2026-11-25", "--config", "bad-country.yml"], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('bad-country.yml: calendar.country: "XX" is not a country date-holidays knows');
  });
});

describe("vigil deadline: bad input", () => {
  it.each([
    [["--from", "next tuesday"], /--from: "next tuesday" is not a moment: write an ISO 8601 instant/],
    [["--from", "2026-02-30"], /--from: "2026-02-30" is not a moment/],
    [["--from", "2026-11-25", "--timezone", "Mars/Olympus"], /--timezone: "Mars\/Olympus" is not a known IANA time zone; use a name such as/],
    [["--from", "2026-11-25", "--country", "XX"], /--country: "XX" is not a country date-holidays knows; use an ISO 3166-1 code/],
    [["--from", "2026-11-25", "--country", "US", "--state", "ZZ"], /--state: "ZZ" is not a state of US that date-holidays knows; known codes: .*CA/],
    [["--from", "2026-11-25", "--state", "CA"], /--state: state "CA" needs a country as well/],
    [["--from", "2026-11-25", "--days=-1"], /--days must be a whole number of working days from 1 to 30 \(the range of postmortem.workingDays\), not "-1"/],
    [["--from", "2026-11-25", "--days", "-1"], /--days must be a whole number of working days from 1 to 30 .*not "-1"/],
    [["--from", "2026-11-25", "--days", "0"], /--days must be a whole number of working days from 1 to 30 .*not "0"/],
    [["--from", "2026-11-25", "--days", "31"], /from 1 to 30 .*not "31"/],
    [["--from", "2026-11-25", "--days", "2.5"], /from 1 to 30 .*not "2.5"/],
    [["--from", "2026-11-25", "--days", "two"], /--days must be a whole number/],
    [["--from", "2026-11-25", "--timezone", "europe/london"], /--timezone: "europe\/london" must be written Europe\/London/],
    [["--from", "2026-11-25", "--days", "5000"], /from 1 to 30 .*not "5000"/],
    [["--days", "3"], /--from is required/],
    [["--from", "2026-11-25", "--config", "x.yml", "--country", "US"], /cannot be combined with --country/],
    [["--from", "2026-11-25", "--form", "x"], /Unknown option '--form'/],
  ])("%j exits 2 with a message", async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Run "vigil deadline --help" for usage.');
  });
});
