import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/domain/markdown/parse.js";
import { taskItems } from "../../../src/domain/markdown/task-items.js";
import { renderReviewIssue } from "../../../src/domain/postmortem/review-issue.js";
import type { ReviewItem } from "../../../src/domain/postmortem/review-items.js";
import { TZ } from "./fixtures.js";

const MARKER = "<!-- vigil:postmortem-review {\"v\":1,\"issue\":12} -->";
const base = (items: ReviewItem[]) => ({
  marker: MARKER,
  incident: { number: 12, title: "DB exfiltration" },
  pull: { number: 40, mergedAt: "2026-12-03T06:30:00Z" },
  due: "2026-12-30",
  timezone: TZ,
  items,
});

describe("renderReviewIssue", () => {
  it("files the review with the marker first, links, the due date and the items grouped by section", () => {
    const { title, body } = renderReviewIssue(base([
      { section: "Response plan changes", text: "Add an egress step" },
      { section: "Suggested defenses", text: "Rotate credentials — cost: 1 day" },
      { section: "Suggested defenses", text: "Egress allow-list" },
    ]));
    expect(title).toBe("Post-mortem review: DB exfiltration (#12)");
    const lines = body.split("\n");
    expect(lines[0]).toBe(MARKER);
    expect(lines[1]).toBe("Post-mortem review for incident #12: DB exfiltration");
    // Merged 22:30 on the 2nd in Los Angeles, though the 3rd in UTC.
    expect(body).toContain("The post-mortem #40 was agreed on 2026-12-02. Due: end of 2026-12-30 (America/Los_Angeles).");
    expect(body).toContain("### Suggested defenses\n\n- [ ] Rotate credentials — cost: 1 day\n- [ ] Egress allow-list\n\n### Response plan changes\n\n- [ ] Add an egress step");
  });

  it("says when a section had no items", () => {
    const { body } = renderReviewIssue(base([]));
    expect(body).toContain("_The post-mortem lists no suggested defenses._");
    expect(body).toContain("_The post-mortem lists no response plan changes._");
  });

  it("keeps each item one inert checklist line", () => {
    const { body } = renderReviewIssue(base([{ section: "Suggested defenses", text: "@team fix <script>x</script> #5 [link](javascript:x)\n- [ ] extra" }]));
    expect(taskItems(body).map((i) => i.text)).toHaveLength(1);
    expect(body).toContain("- [ ] @\u200bteam fix &lt;script&gt;x&lt;/script&gt; \\#\u200b5 \\[link\\]\\(javascript:x\\) - \\[ \\] extra");
    const html = parseMarkdown(body).children.filter((n) => n.type === "html");
    expect(html).toHaveLength(1); // the marker
  });

  it("stays within GitHub's limit however many and however long the items are, and says how many were left out", () => {
    const items: ReviewItem[] = Array.from({ length: 500 }, (_, i) => ({ section: i % 2 ? "Response plan changes" : "Suggested defenses", text: `${i} ${"@".repeat(3_000)}` }));
    const { body } = renderReviewIssue(base(items));
    expect(body.length).toBeLessThanOrEqual(65_536);
    const shown = taskItems(body).length;
    expect(shown).toBeGreaterThan(10);
    expect(body).toContain(`_${500 - shown} more items do not fit here; see the post-mortem document._`);
    expect(body).toContain("(shortened: the full text is in the post-mortem)");
  });

  it("keeps a long incident title within 256 characters", () => {
    const { title } = renderReviewIssue({ ...base([]), incident: { number: 12, title: "x".repeat(400) } });
    expect(title.length).toBe(256);
    expect(title.endsWith("… (#12)")).toBe(true);
  });
});
