import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { runActions } from "../../src/triggers/actions.js";
import { SandboxProbotOctokit, type GitHubSandbox } from "@vigil/github-sandbox";
import { loadFixture } from "../helpers/fixtures.js";
import { INCIDENT_FORM, renderFormBody } from "../helpers/incident-form.js";
import { answers, createWorld, fileIncident, issueState, optedInSandbox, OWNER, REPO } from "../helpers/world.js";

const SUMMARY_TEXT = "Attacker exfiltrated patient-records-2026.csv";

function sandboxWithIncident() {
  const sandbox = optedInSandbox({ writers: ["alice", "bob", "carol"] });
  const issue = sandbox.addIssue(OWNER, REPO, { title: "[Incident] exfiltration", body: renderFormBody(INCIDENT_FORM, answers({ summary: SUMMARY_TEXT })), labels: ["incident"], user: "reporter" });
  return { sandbox, number: issue.number };
}

/** A job's environment: the event written to a file as Actions does, the step summary file, the token. */
function job(sandbox: GitHubSandbox, name: string, payload: object, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "vigil-actions-"));
  writeFileSync(join(dir, "event.json"), JSON.stringify(payload));
  writeFileSync(join(dir, "summary.md"), "");
  const out: string[] = [];
  const err: string[] = [];
  const installationId = sandbox.getRepo(OWNER, REPO).installationId as number;
  const io: CliIO = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {
      GITHUB_EVENT_NAME: name,
      GITHUB_EVENT_PATH: join(dir, "event.json"),
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_RUN_ID: "4242",
      GITHUB_STEP_SUMMARY: join(dir, "summary.md"),
      GITHUB_TOKEN: sandbox.issueToken({ installationId }),
      LOG_LEVEL: "fatal",
      ...extra,
    },
    cwd: process.cwd(),
    fetch: sandbox.fetch,
  };
  return { io, out, err, summary: () => readFileSync(join(dir, "summary.md"), "utf8") };
}

// The payload GitHub Actions writes to GITHUB_EVENT_PATH for issues.opened, from @octokit/webhooks-examples.
function openedEvent(number: number) {
  return loadFixture("issues.opened", {
    issue: { number, labels: [{ id: 1, name: "incident", color: "d73a4a", default: false, description: null, node_id: "L1", url: "" }], body: SUMMARY_TEXT, user: { login: "reporter", type: "User" } },
    repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER, type: "Organization" } },
    sender: { login: "reporter", type: "User" },
  });
}

describe("vigil actions (the GitHub Actions entry)", () => {
  it("handles issues.opened of an incident with the job's token, and writes a job summary", async () => {
    const { sandbox, number } = sandboxWithIncident();
    const { io, out, summary } = job(sandbox, "issues", openedEvent(number));
    expect(await runActions(io, { Octokit: SandboxProbotOctokit, now: () => sandbox.clock.now })).toBe(0);
    const issue = sandbox.getIssue(OWNER, REPO, number);
    expect(issue.labels).toContain("severity: sev1");
    expect(issue.assignees).toEqual(["bob"]);
    expect(out.join("\n")).toMatch(/^vigil actions: issues\.opened on acme\/incidents: done, \d+ changes written\.$/);
    const text = summary();
    expect(text).toContain("### Vigil: issues.opened on acme/incidents — done");
    expect(text).toMatch(/\| #\d+ \| valid \| \d+ \| \d+ \| — \|/);
    expect(text).not.toContain(SUMMARY_TEXT);
  });

  it("runs through `vigil actions` too; a second delivery of the same event changes nothing", async () => {
    const { sandbox, number } = sandboxWithIncident();
    await runActions(job(sandbox, "issues", openedEvent(number)).io, { Octokit: SandboxProbotOctokit, now: () => sandbox.clock.now });
    const comments = sandbox.listComments(OWNER, REPO, number).length;
    const again = job(sandbox, "issues", openedEvent(number));
    expect(await main(["actions"], again.io)).toBe(0);
    expect(again.out.join("")).toContain(": done, 0 changes written.");
    expect(sandbox.listComments(OWNER, REPO, number)).toHaveLength(comments);
  });

  it("on schedule, runs the repository's check: a severity label removed by hand comes back", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    world.sandbox.removeLabel(OWNER, REPO, n, "severity: sev1");
    const { io, summary } = job(world.sandbox, "schedule", { schedule: "17 * * * *" });
    expect(await runActions(io, { Octokit: SandboxProbotOctokit, now: () => world.sandbox.clock.now })).toBe(0);
    expect(issueState(world, n).labels).toEqual(["incident", "severity: sev1"]);
    expect(summary()).toContain(`| ${OWNER}/${REPO} | valid | 1 | 1 | — |`);
    // The evidence report of the last 90 days follows, with the incident in it.
    expect(summary()).toContain(`# Evidence report: ${OWNER}/${REPO}`);
    expect(summary()).toMatch(new RegExp(`#${n}\\b`));
    expect(summary()).not.toContain(SUMMARY_TEXT);
  });

  it("VIGIL_REPORT_DAYS out of range: the check still runs and the summary says why there is no report", async () => {
    const world = createWorld();
    await fileIncident(world);
    const { io, summary } = job(world.sandbox, "schedule", { schedule: "17 * * * *" });
    io.env.VIGIL_REPORT_DAYS = "0";
    expect(await runActions(io, { Octokit: SandboxProbotOctokit, now: () => world.sandbox.clock.now })).toBe(0);
    expect(summary()).toContain("Evidence report not written: VIGIL_REPORT_DAYS must be a whole number of days from 1 to 3660");
  });

  it("an event that does not concern Vigil is reported as not handled", async () => {
    const { sandbox } = sandboxWithIncident();
    const { io, summary } = job(sandbox, "watch", { action: "started", repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER } } });
    expect(await runActions(io, { Octokit: SandboxProbotOctokit })).toBe(0);
    expect(summary()).toContain("watch.started on acme/incidents — not handled");
  });

  it("fails with exit 1 and a message, not the incident's text, when GitHub keeps failing", async () => {
    const { sandbox, number } = sandboxWithIncident();
    sandbox.injectFault({ kind: "server-error", status: 500, route: "/graphql", times: 50 });
    const { io, err, summary } = job(sandbox, "issues", openedEvent(number));
    expect(await runActions(io, { Octokit: SandboxProbotOctokit })).toBe(1);
    expect(err.join("\n")).toMatch(/^vigil actions: issues\.opened on acme\/incidents failed: /);
    expect(err.join("\n")).not.toContain(SUMMARY_TEXT);
    expect(summary()).toContain("— failed");
    expect(summary()).not.toContain(SUMMARY_TEXT);
  });

  it("says which variable is missing and exits 2 outside an Actions job", async () => {
    const { sandbox } = sandboxWithIncident();
    for (const missing of ["GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH", "GITHUB_TOKEN", "GITHUB_REPOSITORY"]) {
      const { io, err } = job(sandbox, "issues", {}, { [missing]: "" });
      expect(await runActions(io)).toBe(2);
      expect(err.join("")).toContain(`${missing} is not set`);
    }
    const { io, err } = job(sandbox, "issues", {}, { GITHUB_EVENT_PATH: "/nonexistent/event.json" });
    expect(await runActions(io)).toBe(2);
    expect(err.join("")).toContain("cannot read the event at GITHUB_EVENT_PATH");
  });
});
