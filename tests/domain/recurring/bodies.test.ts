import { describe, expect, it } from "vitest";
import {
  drillTitle,
  milestoneTitle,
  patchingTitle,
  renderDrill,
  renderPatching,
  renderSecurityReview,
  securityReviewTitle,
  type SecurityReviewInput,
} from "../../../src/domain/recurring/bodies.js";
import { GITHUB_BODY_LIMIT } from "../../../src/domain/markdown/fit-body.js";
import { taskItems } from "../../../src/domain/markdown/task-items.js";

const MARKER = "<!-- vigil:security-review -->";

function review(over: Partial<SecurityReviewInput> = {}): SecurityReviewInput {
  return {
    marker: MARKER,
    date: "2026-11-30",
    nextDue: "2026-12-28",
    previous: { number: 10, date: "2026-10-29" },
    mergedPulls: [
      { number: 21, title: "Escape <b>names</b> in @reports", url: "https://github.com/o/r/pull/21", labels: ["security: XSS", "bug"] },
      { number: 22, title: "Bump deps", url: "https://github.com/o/r/pull/22", labels: [] },
    ],
    pullsTruncated: false,
    topThreats: ["XSS", "SQL injection"],
    alerts: { dependabot: 3, codeScanning: null },
    defenses: [{ number: 15, title: "Add CSP header", url: "https://github.com/o/r/issues/15" }],
    checklist: ["Review admin access"],
    carried: ["- [ ] rotate keys _(from #10, carried 1×)_"],
    ...over,
  };
}

describe("titles", () => {
  it("are as SPEC 2.4 names them", () => {
    expect(securityReviewTitle("2026-11-30")).toBe("Security review 2026-11-30");
    expect(milestoneTitle("2026-11-30")).toBe("Security review 2026-11-30");
    expect(patchingTitle("2026-09-07")).toBe("OS patching — week of 2026-09-07");
    expect(drillTitle(2027)).toBe("Incident response drill 2027");
  });
});

describe("renderSecurityReview", () => {
  it("has every section", () => {
    const body = renderSecurityReview(review());
    expect(body.startsWith(`${MARKER}\n## Security review 2026-11-30`)).toBe(true);
    expect(body).toContain("- [#21](https://github.com/o/r/pull/21) Escape &lt;b&gt;names&lt;/b&gt; in @\u200breports — top threat: **XSS**");
    expect(body).toContain("- [#22](https://github.com/o/r/pull/22) Bump deps\n");
    expect(body).toContain("- Dependabot alerts: **3** open");
    expect(body).toContain("**Code scanning alerts: read** permission");
    expect(body).toContain("- [#15](https://github.com/o/r/issues/15) Add CSP header");
    expect(body).toContain("due on 2026-12-28");
    expect(taskItems(body).map((i) => i.text)).toEqual([
      "Review XSS",
      "Review SQL injection",
      "Review admin access",
      "rotate keys _(from #10, carried 1×)_",
    ]);
  });

  it("says when there is nothing to list", () => {
    const body = renderSecurityReview(review({ mergedPulls: [], defenses: [], carried: [], alerts: { dependabot: null, codeScanning: 0 } }));
    expect(body).toContain("No pull request was merged since the previous review, #10 of 2026-10-29.");
    expect(body).toContain("**Dependabot alerts: read** permission");
    expect(body).toContain("- Code scanning alerts: **0** open");
    expect(body).toContain("No open issues are left in the milestone of the previous review (Security review 2026-10-29).");
    expect(body).toContain("Nothing was left unchecked in the previous review.");
    const first = renderSecurityReview(review({ previous: null, mergedPulls: [], defenses: [] }));
    expect(first).toContain("No earlier review has identified defenses yet.");
    expect(first).toContain("No pull request was merged recently.");
  });

  it("says when the list of pull requests is incomplete", () => {
    expect(renderSecurityReview(review({ pullsTruncated: true }))).toContain("More pull requests were merged than Vigil lists here");
  });

  it("fits GitHub's limit with 5,000 merged pull requests, keeping everything else", () => {
    const mergedPulls = Array.from({ length: 5000 }, (_, i) => ({
      number: 1000 + i,
      title: `Change number ${i} with a reasonably long descriptive title`,
      url: `https://github.com/o/r/pull/${1000 + i}`,
      labels: i % 7 === 0 ? ["security: XSS"] : [],
    }));
    const carried = Array.from({ length: 50 }, (_, i) => `- [ ] item ${i} _(from #10, carried 1×)_`);
    const body = renderSecurityReview(review({ mergedPulls, carried }));
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    const listed = body.match(/^- \[#\d+\]/gm)?.length ?? 0;
    expect(listed).toBeGreaterThan(500);
    expect(body).toContain(`…and ${5000 - listed + 1} more merged pull requests`); // +1: the defense line matches too
    expect(body).toContain("- [ ] item 49 _(from #10, carried 1×)_");
    expect(body).toContain("### Standing checklist");
  });

  it("keeps the limit whatever the configuration and carried items hold", () => {
    const huge = "x".repeat(70_000);
    const body = renderSecurityReview(review({ topThreats: [huge], checklist: Array(100).fill(huge), carried: Array(100).fill(`- [ ] ${huge}`) }));
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body).toContain("### Carried over");
  });

  it("does not link anything but web addresses", () => {
    const body = renderSecurityReview(review({ mergedPulls: [{ number: 5, title: "t", url: "javascript:alert(1)", labels: [] }] }));
    expect(body).toContain("- #5 t");
  });
});

describe("renderPatching", () => {
  it("lists one item per system, then the carried items", () => {
    const body = renderPatching({
      marker: "<!-- p -->",
      weekOf: "2026-09-07",
      systems: ["production", "development", "  "],
      carried: ["- [ ] build agents _(from #31, carried 1×)_"],
    });
    expect(body).toContain("## OS patching — week of 2026-09-07");
    expect(taskItems(body).map((i) => i.text)).toEqual(["Patch production", "Patch development", "build agents _(from #31, carried 1×)_"]);
    expect(renderPatching({ marker: "m", weekOf: "2026-09-07", systems: [], carried: [] })).toContain("Nothing was left unchecked");
  });
});

describe("renderDrill", () => {
  it("copies each chosen plan's checklist and says why those plans", () => {
    const body = renderDrill({
      marker: "<!-- d -->",
      year: 2027,
      plans: [
        { name: "Lost laptop", tasks: ["Wipe it remotely", "  Confirm with @mdm", "Rotate credentials"] },
        { name: "DDoS", tasks: [] },
      ],
      allPlans: ["Ransomware", "Lost laptop", "DDoS"],
    });
    expect(body).toContain("## Incident response drill 2027");
    expect(body).toContain("This year's drill exercises Lost laptop, DDoS.");
    expect(body).toContain("every configured plan (Ransomware, Lost laptop, DDoS)");
    expect(body).toContain("### Plan: Lost laptop\n\n- [ ] Wipe it remotely\n  - [ ] Confirm with @\u200bmdm\n- [ ] Rotate credentials");
    expect(body).toContain("`.github/incident-plans/ddos.md` has no task list");
  });
});
