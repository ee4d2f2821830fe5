import { daysText, deadlineText, KIND_NAME, limitText, localTime, targetText } from "./format.js";
import { escapeHtml, safeHref } from "./html-escape.js";
import { HTML_STYLE } from "./html-style.js";
import type { ReportModel } from "./model.js";
import { timelineSvg } from "./timeline-svg.js";

const e = escapeHtml;
const link = (text: string, url: string, n: number) => {
  const href = safeHref(url);
  return `${href ? `<a href="${href}">${e(text)}</a>` : e(text)} (#${n})`;
};
const verdict = (text: string, good: boolean | null) => (good === null ? e(text) : `<span class="${good ? "ok" : "bad"}">${e(text)}</span>`);
function table(caption: string, head: readonly string[], rows: readonly string[]): string {
  if (rows.length === 0) return `<p>None in the period.</p>`;
  return `<div class="scroll" role="region" aria-label="${e(caption)}" tabindex="0"><table><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}
const total = (key: string, label: string, value: string) => `<div><dt>${e(label)}</dt><dd data-total="${key}">${e(value)}</dd></div>`;

/** The evidence report as one self-contained page: inline style and SVG, no script, nothing loaded from anywhere. */
export function renderHtml(m: ReportModel): string {
  const zone = m.period.timezone;
  const t = m.totals;
  const incidents = m.incidents.map((i) => `<tr data-incident-row="${i.number}"><td class="title">${link(i.title, i.url, i.number)}</td><td>${e(i.severity ?? "—")}</td><td>${e(i.inPeriod)}</td><td>${e(localTime(i.declaredAt, zone))}</td><td>${e(i.resolvedAt ? localTime(i.resolvedAt, zone) : i.state)}</td><td>${e(localTime(i.postmortem.mergedAt, zone))}</td><td>${e(i.postmortem.due ?? "—")}</td><td data-days-late="${i.postmortem.daysLate ?? ""}">${verdict(deadlineText(i.postmortem), i.postmortem.status === "on time" ? true : i.postmortem.status === "late" || i.postmortem.status === "overdue" ? false : null)}</td><td><code title="${e(i.ledger.head)}">${e(i.ledger.head.slice(0, 16))}</code></td><td data-findings="${i.ledger.findings.length}">${verdict(i.ledger.findings.length ? `${i.ledger.findings.length} finding(s)` : "intact", i.ledger.findings.length === 0)}</td></tr>`);
  const findings = m.incidents.flatMap((i) => i.ledger.findings.map((f) => `<li>#${i.number} ${e(f.kind)}: ${e(f.detail)}</li>`));
  const recurring = m.recurring.map((s) => `<section><h2>${e(KIND_NAME[s.kind])}</h2><p>Target: every ${s.everyWeeks} week(s)${s.maxWeeks === null ? "" : `; hard limit ${s.maxWeeks} weeks`}. Longest gap: <span data-longest-gap="${s.kind}">${e(daysText(s.longestGapDays))}</span>.</p>${table(KIND_NAME[s.kind], ["Issue", "Period", "Completed", "Interval", "Target", "Hard limit"], s.rows.map((r) => `<tr data-recurring-row="${r.number}"><td class="title">${link(r.title, r.url, r.number)}</td><td>${e(r.date)}</td><td>${e(r.completed ?? "—")}</td><td data-interval="${r.intervalDays ?? ""}">${e(daysText(r.intervalDays))}</td><td>${verdict(targetText(r), r.targetMet)}</td><td>${verdict(limitText(r), r.limitMet)}</td></tr>`))}</section>`);
  const pulls = m.pulls.map((p) => `<tr><td class="title">${link(p.title, p.url, p.number)}</td><td>${e(localTime(p.mergedAt, zone))}</td><td>${e(p.threats.join(", "))}</td><td>${verdict(p.scrutinised ? "approved (check succeeded)" : `not approved (check: ${p.conclusion ?? "none"})`, p.scrutinised)}</td></tr>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evidence report: ${e(m.repo)}, ${e(m.period.sinceDate)} to ${e(m.period.untilDate)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
<h1>Evidence report: ${e(m.repo)}</h1>
<p>Period: ${e(localTime(m.period.since, zone))} to ${e(localTime(m.period.until, zone))} (${e(zone)}).</p>
<h2>Totals</h2>
<dl class="totals">${[
    total("incidents", "Incidents", String(t.incidents)),
    ...Object.entries(t.bySeverity).map(([s, n]) => total(`severity-${s}`, `Severity ${s}`, String(n))),
    total("on-time", "Post-mortems on time", t.onTimePercent === null ? "none due" : `${t.onTimePercent}% (${t.postmortemsOnTime} of ${t.postmortemsJudged})`),
    total("review-gap", "Longest gap between security reviews", daysText(t.longestReviewGapDays)),
    total("patching-gap", "Longest gap between patching rounds", daysText(t.longestPatchingGapDays)),
    total("findings", "Evidence-integrity findings", String(t.integrityFindings)),
    total("threat-pulls", "Top-threat pull requests scrutinised", `${t.threatPullsScrutinised} of ${t.threatPulls}`),
  ].join("")}</dl>
<h2>Timeline</h2>
<div class="chart">${timelineSvg(m)}</div>
<h2>Incidents</h2>
${table("Incidents", ["Incident", "Severity", "In period", "Declared", "Resolved", "Post-mortem merged", "Due", "Deadline", "Ledger head", "Integrity"], incidents)}
${findings.length ? `<h3>Evidence-integrity findings</h3><ul>${findings.join("")}</ul>` : ""}
${recurring.join("\n")}
<h2>Pull requests that touched a top threat</h2>
${table("Pull requests", ["Pull request", "Merged", "Threats", "Scrutiny before merge"], pulls)}
${m.pullsTruncated ? "<p>Only the first 1,000 merged pull requests of the period were read.</p>" : ""}
</main>
</body>
</html>
`;
}
