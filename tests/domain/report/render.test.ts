// The renderers: user text stays text in Markdown and HTML, the HTML is self-contained and accessible.
import { describe, expect, it } from "vitest";
import type { ReportModel } from "../../../src/domain/report/model.js";
import { renderHtml } from "../../../src/domain/report/render-html.js";
import { renderJson } from "../../../src/domain/report/render-json.js";
import { renderMarkdown } from "../../../src/domain/report/render-markdown.js";

const TITLE = "</td><script>x()</script> | [a](javascript:x) @erin #12";
const model: ReportModel = {
  repo: "acme/x",
  period: { since: "2026-12-01T08:00:00.000Z", until: "2027-01-01T07:59:59.999Z", sinceDate: "2026-12-01", untilDate: "2026-12-31", timezone: "America/Los_Angeles" },
  incidents: [{ number: 7, title: TITLE, url: "https://github.com/acme/x/issues/7", severity: "sev0", inPeriod: "declared", state: "resolved", declaredAt: "2026-12-02T18:00:00.000Z", resolvedAt: "2026-12-03T18:00:00Z", postmortem: { pr: 9, url: "https://github.com/acme/x/pull/9", mergedAt: "2026-12-10T18:00:00Z", due: "2026-12-08", daysLate: 2, status: "late" }, ledger: { head: "a".repeat(64), entries: 3, findings: [{ kind: "mismatch", comment: 5, detail: "comment 5 reads differently" }] } }],
  recurring: [{ kind: "patching", everyWeeks: 1, maxWeeks: 2, rows: [{ number: 3, title: "OS patching", url: "https://github.com/acme/x/issues/3", date: "2026-12-07", completed: "2026-12-29", status: "completed", intervalDays: 21, targetMet: false, limitMet: false }], gaps: [{ from: "2026-12-08", to: "2026-12-29", days: 21, overLimit: true, open: false }], longestGapDays: 21 }],
  pulls: [{ number: 11, title: "<b>bold</b>", url: "javascript:alert(1)", mergedAt: "2026-12-11T18:00:00Z", threats: ["XSS"], scrutinised: false, conclusion: "neutral" }],
  pullsTruncated: false,
  totals: { incidents: 1, bySeverity: { sev0: 1 }, postmortemsJudged: 1, postmortemsOnTime: 0, onTimePercent: 0, longestReviewGapDays: null, longestPatchingGapDays: 21, integrityFindings: 1, threatPulls: 1, threatPullsScrutinised: 0 },
};

describe("report renderers", () => {
  it("Markdown: the title cannot break the table, inject HTML, link or mention", () => {
    const md = renderMarkdown(model);
    const line = md.split("\n").find((l) => l.includes("(#7)"))!;
    expect(line.split(/(?<!\\)\|/).length).toBe(12); // ten cells, no extra column from the title's pipe
    expect(md).not.toMatch(/<script|<\/td>/);
    expect(md).toContain("@\u200berin");
    expect(md).toContain("missed: 2 working days late");
    expect(md).toContain("Over the hard limit: 2026-12-08 to 2026-12-29, 21 days");
  });

  it("HTML: escaped text, no link but to https pages, a title, lang, viewport and an accessible chart", () => {
    const html = renderHtml(model);
    expect(html).not.toMatch(/<script|<b>|javascript:alert/);
    expect(html).toContain("&lt;/td&gt;&lt;script&gt;x()&lt;/script&gt;");
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1">/);
    expect(html).toMatch(/<title>Evidence report: acme\/x, 2026-12-01 to 2026-12-31<\/title>/);
    expect(html).toMatch(/<svg class="timeline" role="img" aria-labelledby="tl-title tl-desc"[^>]*><title id="tl-title">[^<]+<\/title><desc id="tl-desc">1 incident/);
    expect(html).toContain(">missed, 2 late</text>");
    expect(html).toContain("over limit (21 days)");
  });

  it("JSON: the model under a named, versioned format", () => {
    expect(JSON.parse(renderJson(model))).toEqual({ format: "vigil-evidence-report", version: 1, ...model });
  });
});
