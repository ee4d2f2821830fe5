import type { Code, Node } from "mdast";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/domain/markdown/parse.js";
import { renderPostmortem } from "../../../src/domain/postmortem/document.js";
import { reviewItems } from "../../../src/domain/postmortem/review-items.js";
import { workingCalendar } from "../../../src/domain/working-days.js";
import { comment, commsEntry, input, REPORT, stateWith, TZ } from "./fixtures.js";

function nodes(node: Node, type: string, out: Node[] = []): Node[] {
  if (node.type === type) out.push(node);
  if ("children" in node && Array.isArray(node.children)) for (const c of node.children as Node[]) nodes(c, type, out);
  return out;
}
const codeValues = (doc: string) => (nodes(parseMarkdown(doc), "code") as Code[]).map((c) => c.value);
const section = (doc: string, heading: string) => {
  const start = doc.indexOf(`\n## ${heading}\n`);
  const end = doc.indexOf("\n## ", start + 4);
  return doc.slice(start, end === -1 ? undefined : end);
};

describe("renderPostmortem", () => {
  it("fills the summary, severity history, impact and timeline, each time in the configured zone", () => {
    const doc = renderPostmortem(input());
    expect(doc.startsWith("# Post-mortem: DB exfiltration ([#12](https://github.com/acme/sec/issues/12))\n")).toBe(true);
    const summary = section(doc, "Summary");
    expect(summary).toContain("- Declared: 2026-11-22 21:30 PST, as Sev1");
    expect(summary).toContain("- Resolved: 2026-11-25 15:00 PST");
    expect(summary).toContain("```\nOutbound traffic from db-1 to an unknown host.\nExports suspected.\n```");
    const severity = section(doc, "Severity and impact");
    expect(severity).toContain("- 2026-11-22 21:30 PST — declared as Sev1\n- 2026-11-22 22:00 PST — severity Sev1 → Sev0 by bob: patient data confirmed ([comment](https://github.com/acme/sec/issues/12#issuecomment-2))");
    expect(severity).toContain("| Business impact if the attack succeeds | Critical |");
    expect(severity).toContain("| Systems | db-1.prod.internal |");
    const timeline = section(doc, "Timeline");
    expect(timeline.trim().split("\n").slice(2)).toEqual([
      "- 2026-11-22 21:05 PST — reporter notified of the incident",
      "- 2026-11-22 21:30 PST — incident declared as Sev1; primary responder alice",
      "- 2026-11-22 22:00 PST — severity Sev1 → Sev0 by bob: patient data confirmed ([comment](https://github.com/acme/sec/issues/12#issuecomment-2))",
      "- 2026-11-25 15:00 PST — resolved (issue closed)",
    ]);
    expect(section(doc, "Investigation checklist")).toContain("- [ ] Review database logs for the extent of data access");
  });

  it("uses the zone for every time: Berlin shows the same instants an hour apart from UTC", () => {
    const doc = renderPostmortem(input({ timezone: "Europe/Berlin" }));
    expect(doc).toContain("- Declared: 2026-11-23 06:30 GMT+1, as Sev1");
    expect(doc).toContain("**carol** — 2026-11-24 02:15 GMT+1");
  });

  it("says so when nothing was communicated externally, and lists each /comms otherwise, verbatim", () => {
    expect(section(renderPostmortem(input()), "Communications")).toContain("No external communication was recorded with /comms.");
    const state = stateWith([
      commsEntry("2026-11-24T18:00:00Z", "alice", "Acme Health <cto@acme.example>", "Dear CTO,\n\nwe contained it. @bob ```", "https://github.com/acme/sec/issues/12#issuecomment-9"),
      commsEntry("2026-11-24T19:00:00Z", "bob", "", null, "https://github.com/acme/sec/issues/12#issuecomment-10"),
    ]);
    const comms = section(renderPostmortem(input({ state })), "Communications");
    expect(comms).toContain("**To Acme Health &lt;cto@\u200bacme.example&gt;** — 2026-11-24 10:00 PST, recorded by alice ([comment](https://github.com/acme/sec/issues/12#issuecomment-9))");
    expect(codeValues(comms)).toEqual(["Dear CTO,\n\nwe contained it. @bob ```"]);
    expect(comms).toContain("**To (recipient not recorded)** — 2026-11-24 11:00 PST, recorded by bob");
    expect(comms).toContain("its comment was edited after Vigil recorded it");
  });

  it("copies hostile comments verbatim yet inert: nothing in them renders, mentions or ends the block", () => {
    const hostile = "```\n-->\n<!-- x\n@alice please look #12\n<script>alert(1)</script>\u2028## Suggested defenses\n- [ ] injected\u0000 ~~~\r\nend";
    const doc = renderPostmortem(input({ comments: [comment(5, hostile, { edited: true, author: "mallory" })] }));
    const copies = section(doc, "Verbatim copy of the incident's comments");
    expect(copies).toContain("**mallory** — 2026-11-23 17:15 PST (edited) ([comment](https://github.com/acme/sec/issues/12#issuecomment-5))");
    expect(codeValues(copies)).toEqual(["```\n-->\n<!-- x\n@alice please look #12\n<script>alert(1)</script>⟨U+2028⟩## Suggested defenses\n- [ ] injected⟨U+0000⟩ ~~~\nend"]);
    // Nothing outside code blocks came from the comment: no HTML, no list item, no mention.
    const root = parseMarkdown(copies);
    expect(nodes(root, "html")).toEqual([]);
    expect(nodes(root, "list")).toEqual([]);
    expect(nodes(root, "heading").length).toBe(1);
    expect(doc.includes("\u0000") || doc.includes("\u2028")).toBe(false);
    expect(reviewItems(doc)).toEqual([]);
  });

  it("keeps a template's HTML comment closed when people's text contains -->", () => {
    const template = "# PM\n\n<!-- {{comments}} -->\n";
    const doc = renderPostmortem(input({ template, comments: [comment(1, "--> @alice <b>x</b>")] }));
    expect(doc.startsWith("# PM\n\n<!-- {{comments}} -->\n")).toBe(true);
    expect(codeValues(doc)).toContain("--> @alice <b>x</b>");
    expect(nodes(parseMarkdown(doc), "html").length).toBe(1);
  });

  it("lists the response plans used with their tasks, inert", () => {
    expect(section(renderPostmortem(input()), "Response plans used")).toContain("No scenario response plan was attached with /plan.");
    const plans = section(renderPostmortem(input({ plans: [{ name: "ransomware", tasks: ["Isolate hosts", "Call @legal <now>"] }, { name: "ddos", tasks: [] }] })), "Response plans used");
    expect(plans).toContain("**ransomware**\n\n- [ ] Isolate hosts\n- [ ] Call @\u200blegal &lt;now&gt;");
    expect(plans).toContain("**ddos**\n\n_The plan has no tasks._");
  });

  it("shows the ledger head and the due date with the days skipped", () => {
    const calendar = workingCalendar({ timezone: TZ, calendar: { country: "US", state: "CA", holidayTypes: ["public"], workingDays: ["mon", "tue", "wed", "thu", "fri"], extraHolidays: [] } });
    const deadline = calendar.addWorkingDays("2026-11-25T15:00:00-08:00", 3);
    const doc = renderPostmortem(input({ ledgerHead: "9f86d081884c7d65", due: { deadline, workingDays: 3 } }));
    expect(doc).toContain("- Evidence ledger head: `9f86d081884c7d65`");
    expect(doc).toContain(
      "- Due: end of 2026-12-02 (America/Los_Angeles); non-working days skipped: 2026-11-26 (Thanksgiving Day), 2026-11-27 (Day after Thanksgiving Day), 2026-11-28 (weekend (Saturday)), 2026-11-29 (weekend (Sunday))",
    );
    expect(renderPostmortem(input())).toContain("- Evidence ledger head: none recorded");
  });

  it("says what is missing when the description no longer reads as the form", () => {
    const doc = renderPostmortem(input({ report: null }));
    expect(section(doc, "Summary")).toContain("the reporter's summary is in the issue");
    expect(section(doc, "Severity and impact")).toContain("The reporter's assessment cannot be read");
  });

  it("is whole for 300 comments, each complete and in id order, and the same bytes every time", () => {
    const comments = Array.from({ length: 300 }, (_, i) =>
      comment(1000 - i, `Comment ${1000 - i}\n${"`".repeat(i % 7)}\n## Suggested defenses\n- [ ] injected ${i}\n${"x".repeat(2_000)}`, { author: `user${i}` }),
    );
    const doc = renderPostmortem(input({ comments, report: { ...REPORT, summary: "s" } }));
    expect(doc.length).toBeGreaterThan(300 * 2_000);
    // The comments are the last section; their own "## " lines are inside code blocks.
    const values = codeValues(doc.slice(doc.indexOf("\n## Verbatim copy of the incident's comments\n")));
    expect(values).toEqual([...comments].sort((a, b) => a.id - b.id).map((c) => c.body));
    expect(doc).toContain("300 comments, oldest first");
    expect(reviewItems(doc)).toEqual([]);
    expect(renderPostmortem(input({ comments: [...comments].reverse(), report: { ...REPORT, summary: "s" } }))).toBe(doc);
  });
});
