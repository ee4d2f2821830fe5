import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkConfigCommand } from "../../src/cli/check-config.js";
import type { CliIO } from "../../src/cli/io.js";
import { GitHubSandbox } from "@vigil/github-sandbox";

const dir = mkdtempSync(join(tmpdir(), "vigil-check-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(argv: string[], cwd = dir) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd };
  const code = await checkConfigCommand(argv, io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const sketch = readFileSync(new URL("../config/fixtures/spec-sketch.yml", import.meta.url), "utf8");

describe("vigil check-config", () => {
  it("summarises a valid file on stdout and exits 0", async () => {
    const file = write("good.yml", sketch);
    const { code, stdout, stderr } = await run([file]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain(`${file} is valid.`);
    expect(stdout).toMatch(/Time zone\s+America\/Los_Angeles/);
    expect(stdout).toMatch(/Calendar\s+United States of America, California \(US-CA\); public, bank holidays/);
    expect(stdout).toMatch(/On-call rotation\s+alice -> bob -> carol, weekly from 2026-01-05T09:00 \(America\/Los_Angeles\)/);
    expect(stdout).toMatch(/Overrides\s+dave 2026-11-23 to 2026-11-29/);
    expect(stdout).toMatch(/Security Officer\s+erin/);
    expect(stdout).toMatch(/Project\s+my-org #7/);
    expect(stdout).toMatch(/Security review\s+every 4 weeks, at most 8 weeks apart/);
    expect(stdout).toMatch(/Patching\s+every week, at most 2 weeks apart; systems production, development/);
    expect(stdout).toMatch(/Drill\s+yearly in March, 2 plans each/);
  });

  it("shows the defaults it filled in", async () => {
    const file = write("minimal.yml", "oncall: { rotation: [alice], securityOfficer: erin }\n");
    const { code, stdout } = await run([file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Time zone\s+UTC/);
    expect(stdout).toMatch(/Calendar\s+no public holidays/);
    expect(stdout).toMatch(/Post-mortem\s+due 3 working days after resolution/);
    expect(stdout).toMatch(/Project\s+none/);
  });

  it("prints every problem as FILE: key: message on stderr and exits 1", async () => {
    write("bad.yml", "timezone: Mars/Base\ncalendar: { country: US, state: ZZ }\noncall:\n  rotation: []\nextra: 1\n");
    const { code, stdout, stderr } = await run(["bad.yml"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.split("\n");
    expect(lines.map((line) => line.split(": ").slice(0, 2).join(": ")).sort()).toEqual(
      ["bad.yml: calendar.state", "bad.yml: extra", "bad.yml: oncall.rotation", "bad.yml: oncall.securityOfficer", "bad.yml: timezone"].sort(),
    );
    for (const line of lines) expect(line).toMatch(/^bad\.yml: \S+: .+\.$/);
  });

  it("reports broken YAML with its position", async () => {
    write("broken.yml", "oncall:\n  rotation: [alice\n");
    const { code, stderr } = await run(["broken.yml"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^broken\.yml: \(root\): The file is not valid YAML: .* at line \d+, column \d+\./);
  });

  it("prints warnings on stderr but still exits 0", async () => {
    write("warn.yml", "oncall: { rotation: [alice], securityOfficer: erin }\ndrill: { perYear: 3, plans: [Ransomware] }\n");
    const { code, stderr } = await run(["warn.yml"]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^warn\.yml: drill\.perYear: warning: /);
  });

  it("exits 2 with a clear message for a missing file, a directory, no argument or an unknown option", async () => {
    expect(await run(["nope.yml"])).toMatchObject({ code: 2, stderr: "vigil check-config: nope.yml: no such file." });
    expect(await run([dir])).toMatchObject({ code: 2, stderr: expect.stringContaining("is a directory") });
    expect(await run([])).toMatchObject({ code: 2, stderr: expect.stringContaining("give the configuration file to check") });
    expect(await run(["a.yml", "b.yml"])).toMatchObject({ code: 2, stderr: expect.stringContaining("give exactly one file") });
    expect(await run(["--strict", "a.yml"])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option --strict") });
  });

  it("prints its usage for --help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: vigil check-config FILE/);
  });
});

describe("vigil check-config on a file with _extends", () => {
  const BASE = `timezone: Europe/Berlin\noncall:\n  rotation: [alice, bob]\n  securityOfficer: erin\n`;

  async function withSandbox(argv: string[], env: Record<string, string> = {}) {
    const sandbox = new GitHubSandbox({ now: "2026-11-23T18:00:00Z" });
    sandbox.addUser("my-org", "Organization");
    sandbox.addRepo({ owner: "my-org", name: ".github", ownerType: "Organization" });
    sandbox.setFile("my-org", ".github", ".github/incident-response.yml", BASE);
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: { GITHUB_TOKEN: sandbox.issueToken(), ...env }, cwd: dir, fetch: sandbox.fetch };
    const code = await checkConfigCommand(argv, io);
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  }

  it("follows it with GITHUB_TOKEN and checks the merged configuration", async () => {
    const file = write("extends-only.yml", "_extends: my-org/.github\n");
    const { code, stdout, stderr } = await withSandbox([file]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Time zone\s+Europe\/Berlin/);
    expect(stdout).toMatch(/Security Officer\s+erin/);
  });

  it("reports a problem written in the local file against the local file", async () => {
    const file = write("extends-bad.yml", "_extends: my-org/.github\ntimezone: europe/berlin\n");
    const { code, stderr } = await withSandbox([file]);
    expect(code).toBe(1);
    expect(stderr).toBe(`${file}: timezone: "europe/berlin" must be written Europe/Berlin: time zone names are matched exactly, capitals included.`);
  });

  it("a base named without its owner needs --repo", async () => {
    const file = write("extends-bare.yml", "_extends: .github\n");
    expect((await withSandbox([file])).stderr).toContain("--repo owner/name");
    const { code, stdout } = await withSandbox([file, "--repo", "my-org/incidents"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Security Officer\s+erin/);
  });

  it("says clearly that it cannot follow _extends offline, and exits 2", async () => {
    const file = write("extends-offline.yml", "_extends: my-org/.github\n");
    const { code, stderr } = await run([file]);
    expect(code).toBe(2);
    expect(stderr).toBe(`vigil check-config: ${file} inherits from my-org/.github (_extends), which cannot be read offline. Set GITHUB_TOKEN to a token that can read that repository to check the merged configuration, or check the base file itself.`);
  });

  it("names a base that does not exist", async () => {
    const file = write("extends-missing.yml", "_extends: my-org/nothing-here\n");
    const { code, stderr } = await withSandbox([file]);
    expect(code).toBe(1);
    expect(stderr).toContain("_extends names my-org/nothing-here:.github/incident-response.yml, which does not exist");
  });
});
