import type { ReportModel } from "./model.js";

/** The report as JSON: the model itself, under a named and versioned format so tools can rely on it. */
export function renderJson(model: ReportModel): string {
  return JSON.stringify({ format: "vigil-evidence-report", version: 1, ...model }, null, 2);
}
