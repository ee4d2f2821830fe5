import { DateTime } from "luxon";
import { escapeHtml } from "./html-escape.js";
import { KIND_NAME } from "./format.js";
import type { ReportModel } from "./model.js";

const W = 960;
const LEFT = 170;
const RIGHT = 24;
const ROW = 30;
const TOP = 34;

/**
 * The timeline chart as inline SVG: each incident as a bar from declared to resolved (to the period's end while
 * open), its post-mortem deadline as a diamond labelled met or missed, and each recurring kind as a row of marks
 * (filled: completed; hollow: filed, not completed) with gaps over the hard limit shaded and labelled.
 */
export function timelineSvg(m: ReportModel): string {
  const zone = m.period.timezone;
  const t0 = Date.parse(m.period.since);
  const t1 = Date.parse(m.period.until);
  const x = (ms: number) => LEFT + ((Math.min(Math.max(ms, t0), t1) - t0) / (t1 - t0)) * (W - LEFT - RIGHT);
  const day = (date: string, edge: "start" | "end" = "start") => DateTime.fromISO(date, { zone })[edge === "start" ? "startOf" : "endOf"]("day").toMillis();
  const parts: string[] = [];
  let y = TOP;

  for (const i of m.incidents) {
    const from = x(Date.parse(i.declaredAt));
    const to = x(i.resolvedAt ? Date.parse(i.resolvedAt) : t1);
    parts.push(`<text x="8" y="${y + 15}" class="label">#${i.number} ${escapeHtml(i.severity ?? "")}</text>`);
    parts.push(`<rect data-incident="${i.number}" class="bar sev-${i.severity ?? "unknown"}" x="${from.toFixed(1)}" y="${y + 4}" width="${Math.max(3, to - from).toFixed(1)}" height="14" rx="3"><title>#${i.number}: declared to ${i.resolvedAt ? "resolved" : "period end (open)"}</title></rect>`);
    const due = i.postmortem.due ? day(i.postmortem.due, "end") : null;
    if (due !== null && due >= t0 && due <= t1) {
      const met = i.postmortem.status === "on time" || i.postmortem.status === "pending";
      const cx = x(due);
      const word = i.postmortem.status === "on time" ? "met" : i.postmortem.status === "pending" ? "due" : `missed, ${i.postmortem.daysLate} late`;
      parts.push(`<path data-deadline="${i.number}" class="${met ? "met" : "missed"}" d="M${cx.toFixed(1)} ${y + 2}l7 9-7 9-7-9z"><title>post-mortem due ${i.postmortem.due}: ${word}</title></path>`);
      parts.push(`<text x="${(cx + 10).toFixed(1)}" y="${y + 15}" class="note ${met ? "met" : "missed"}">${escapeHtml(word)}</text>`);
    }
    y += ROW;
  }

  for (const s of m.recurring) {
    parts.push(`<text x="8" y="${y + 15}" class="label">${escapeHtml(KIND_NAME[s.kind])}</text>`);
    parts.push(`<line x1="${LEFT}" x2="${W - RIGHT}" y1="${y + 11}" y2="${y + 11}" class="track"/>`);
    for (const g of s.gaps.filter((g) => g.overLimit)) {
      const a = x(day(g.from));
      const b = x(day(g.to, "end"));
      parts.push(`<rect data-gap-over="${s.kind}" class="over" x="${a.toFixed(1)}" y="${y}" width="${Math.max(2, b - a).toFixed(1)}" height="22"><title>${g.days} days: over the ${s.maxWeeks}-week limit</title></rect>`);
      parts.push(`<text x="${((a + b) / 2).toFixed(1)}" y="${y + 30}" class="note missed" text-anchor="middle">over limit (${g.days} days)</text>`);
    }
    for (const r of s.rows) {
      const cx = x(day(r.completed ?? r.date) + 12 * 3600_000).toFixed(1);
      parts.push(`<circle data-recurring-mark="${r.number}" class="${r.completed ? "done" : "undone"}" cx="${cx}" cy="${y + 11}" r="5"><title>#${r.number} ${r.date}: ${r.completed ? `completed ${r.completed}` : "not completed"}</title></circle>`);
    }
    y += ROW + 10;
  }

  const ticks = monthTicks(t0, t1, zone).map((ms) => `<line x1="${x(ms).toFixed(1)}" x2="${x(ms).toFixed(1)}" y1="${TOP - 6}" y2="${y}" class="tick"/><text x="${(x(ms) + 2).toFixed(1)}" y="${TOP - 10}" class="axis">${DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM")}</text>`);
  const desc = `${m.incidents.length} incident(s) from declaration to resolution with post-mortem deadlines, and ${m.recurring.reduce((n, s) => n + s.rows.length, 0)} recurring issue(s), from ${m.period.sinceDate} to ${m.period.untilDate}.`;
  return `<svg class="timeline" role="img" aria-labelledby="tl-title tl-desc" viewBox="0 0 ${W} ${y + 8}" preserveAspectRatio="xMinYMin meet"><title id="tl-title">Timeline of ${escapeHtml(m.repo)}</title><desc id="tl-desc">${escapeHtml(desc)}</desc>${ticks.join("")}${parts.join("")}</svg>`;
}

function monthTicks(t0: number, t1: number, zone: string): number[] {
  const ticks: number[] = [];
  for (let d = DateTime.fromMillis(t0, { zone }).startOf("month").plus({ months: 1 }); d.toMillis() < t1 && ticks.length < 36; d = d.plus({ months: 1 })) ticks.push(d.toMillis());
  return ticks;
}
