// The demo is part of the product (SPEC 2.11): it must keep playing, and say what really happened.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { playDemo } from "../../demo/run.js";
import { OWNER, REPO } from "../../demo/stage.js";

describe("npm run demo", () => {
  it("plays an incident, its post-mortem and a review cycle, each step dated and costed", async () => {
    const lines: string[] = [];
    const report = join(mkdtempSync(join(tmpdir(), "vigil-demo-")), "report.html");
    const stage = await playDemo((l) => lines.push(l), report);
    const text = lines.join("\n");
    const steps = text.match(/^\s*\d+\. \[\w{3} \d{1,2} \w{3} 2026 \d\d:\d\d P[SD]T\] /gm) ?? [];
    expect(steps.length).toBeGreaterThanOrEqual(15);
    const costs = [...text.matchAll(/^ {4}(\d+) GitHub requests? \(\d+ writes?\)$/gm)].map((m) => Number(m[1]));
    expect(costs).toHaveLength(steps.length);
    expect(text).toContain(`The whole story cost ${costs.reduce((a, b) => a + b, 0)} GitHub requests.`);

    const issue = (n: number) => stage.sandbox.getIssue(OWNER, REPO, n);
    expect(issue(3)).toMatchObject({ state: "closed", stateReason: "completed" });
    expect(issue(3).labels).toContain("severity: sev0");
    expect(issue(4).pull?.merged).toBe(true);
    expect(text).toMatch(/Due: end of 2026-12-02/);
    expect(text).toMatch(/Thanksgiving/);
    expect(text).toMatch(/1 working day overdue/);
    expect(text).toMatch(/1 working day late/);
    expect(issue(6).labels).toEqual(["postmortem-review"]);
    expect(text).toMatch(/OS patching — week of 2026-11-30: open — carries the unchecked item/);
    expect(text).toMatch(/Security review 2026-12-21: open — \d+ items carried/);
    expect(text).toMatch(/labels: security: Card data exposure\n.*check run "Vigil \/ top-threat scrutiny": neutral/);
    expect(text).toMatch(/approves the head[^\n]*\n.*\n.*check run "Vigil \/ top-threat scrutiny": success/);
    const html = readFileSync(report, "utf8");
    expect(html).toContain("<svg");
    expect(html).toContain("payments-api talks to an unknown host");
  });
});
