import type { RunResult } from "../engine/reconcile.js";

/** What one Actions run did, as its job summary reports it. */
export interface ActionsRun {
  /** `issues.opened`, `schedule`, … */
  event: string;
  repo: string;
  outcome: "done" | "failed" | "not handled";
  /** One entry per engine run (an issue, or the whole repository). */
  runs: { scope: string; result: RunResult }[];
  /** A one-line reason when the run failed: an error message, never incident text. */
  error?: string;
  /** The evidence report's Markdown (scheduled runs). */
  report?: string | null;
}

const CONFIG_WORDS: Record<RunResult["config"], string> = {
  ok: "valid",
  invalid: "invalid (see the issue's comment, or run `vigil check-config`)",
  absent: "none: repository not opted in",
};

// Table cells are written by Vigil (scopes, counts, error messages); pipes and newlines still must not break the row.
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

function overview(run: ActionsRun): string {
  const lines = [`### Vigil: ${cell(run.event)} on ${cell(run.repo)} — ${run.outcome}`, ""];
  if (run.error) lines.push(`Error: ${cell(run.error)}`, "");
  if (run.runs.length === 0) {
    lines.push(run.outcome === "not handled" ? "Nothing in this event concerns Vigil." : "No issue was reconciled.");
    return lines.join("\n");
  }
  lines.push("| scope | configuration | changes planned | changes written | failed |", "|---|---|---|---|---|");
  for (const { scope, result } of run.runs) {
    const failed = result.failed.length === 0 ? "—" : result.failed.map((n) => (n === 0 ? "recurring work" : `#${n}`)).join(", ");
    lines.push(`| ${cell(scope)} | ${CONFIG_WORDS[result.config]} | ${result.effects.length} | ${result.written} | ${failed} |`);
  }
  return lines.join("\n");
}

/**
 * The sections of the job summary, in order: what the run did, then (on a scheduled run) the evidence report.
 */
export const SUMMARY_SECTIONS: ((run: ActionsRun) => string | null)[] = [overview, (run) => run.report ?? null];

/** The job summary's Markdown. */
export function renderSummary(run: ActionsRun): string {
  return `${SUMMARY_SECTIONS.map((section) => section(run)).filter((s): s is string => s !== null).join("\n\n")}\n`;
}
