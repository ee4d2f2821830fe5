import { inlineText } from "../sanitize.js";
import { codeSpan } from "../markdown/code-span.js";
import { daysText, deadlineText, KIND_NAME, limitText, localTime, targetText } from "./format.js";
import type { ReportModel } from "./model.js";

const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
const table = (head: readonly string[], rows: readonly string[][]) => [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
// Titles are user text: escaped so no markdown, HTML, mention or reference in them takes effect, `|` included.
const link = (text: string, url: string) => `[${inlineText(text)}](${url})`;

/** The evidence report as GitHub-flavoured Markdown (stdout, a file, or a job summary). */
export function renderMarkdown(m: ReportModel): string {
  const zone = m.period.timezone;
  const t = m.totals;
  const out: string[] = [
    `# Evidence report: ${inlineText(m.repo)}`,
    "",
    `Period: ${localTime(m.period.since, zone)} to ${localTime(m.period.until, zone)} (${zone}).`,
    "",
    "## Totals",
    "",
    `- Incidents: ${t.incidents}${t.incidents ? ` (${Object.entries(t.bySeverity).map(([s, n]) => `${s}: ${n}`).join(", ")})` : ""}`,
    `- Post-mortems on time: ${t.onTimePercent === null ? "none due" : `${t.onTimePercent}% (${t.postmortemsOnTime} of ${t.postmortemsJudged})`}`,
    `- Longest gap between security reviews: ${daysText(t.longestReviewGapDays)}`,
    `- Longest gap between patching rounds: ${daysText(t.longestPatchingGapDays)}`,
    `- Evidence-integrity findings: ${t.integrityFindings}`,
    `- Pull requests that touched a top threat: ${t.threatPulls}, scrutinised before merge: ${t.threatPullsScrutinised}`,
    "",
    "## Incidents",
    "",
  ];
  out.push(m.incidents.length === 0 ? "None in the period." : table(
    ["Incident", "Severity", "In period", "Declared", "Resolved", "Post-mortem merged", "Due", "Deadline", "Ledger head", "Integrity"],
    m.incidents.map((i) => [
      `${link(i.title, i.url)} (#${i.number})`, i.severity ?? "—", i.inPeriod, localTime(i.declaredAt, zone),
      i.resolvedAt ? localTime(i.resolvedAt, zone) : i.state, localTime(i.postmortem.mergedAt, zone), i.postmortem.due ?? "—",
      deadlineText(i.postmortem), codeSpan(i.ledger.head.slice(0, 16)), i.ledger.findings.length === 0 ? "intact" : `${i.ledger.findings.length} finding(s)`,
    ]),
  ));
  const findings = m.incidents.flatMap((i) => i.ledger.findings.map((f) => `- #${i.number} ${f.kind}: ${inlineText(f.detail)}`));
  if (findings.length) out.push("", "### Evidence-integrity findings", "", ...findings);
  out.push("", "Full ledger heads:", "", ...m.incidents.map((i) => `- #${i.number}: ${codeSpan(i.ledger.head)}`));
  for (const s of m.recurring) {
    out.push("", `## ${KIND_NAME[s.kind]}`, "", `Target: every ${s.everyWeeks} week(s)${s.maxWeeks === null ? "" : `; hard limit ${s.maxWeeks} weeks`}. Longest gap: ${daysText(s.longestGapDays)}.`, "");
    out.push(s.rows.length === 0 ? "None in the period." : table(
      ["Issue", "Period", "Completed", "Interval", "Target", "Hard limit"],
      s.rows.map((r) => [`${link(r.title, r.url)} (#${r.number})`, r.date, r.completed ?? "—", daysText(r.intervalDays), targetText(r), limitText(r)]),
    ));
    const over = s.gaps.filter((g) => g.overLimit);
    if (over.length) out.push("", ...over.map((g) => `- Over the hard limit: ${g.from} to ${g.to}${g.open ? " (period end, still none completed)" : ""}, ${daysText(g.days)}`));
  }
  out.push("", "## Pull requests that touched a top threat", "");
  out.push(m.pulls.length === 0 ? "None merged in the period." : table(
    ["Pull request", "Merged", "Threats", "Scrutiny before merge"],
    m.pulls.map((p) => [`${link(p.title, p.url)} (#${p.number})`, localTime(p.mergedAt, zone), p.threats.map(inlineText).join(", "), p.scrutinised ? "approved (check succeeded)" : `not approved (check: ${p.conclusion ?? "none"})`]),
  ));
  if (m.pullsTruncated) out.push("", "Only the first 1,000 merged pull requests of the period were read.");
  return `${out.join("\n")}\n`;
}
