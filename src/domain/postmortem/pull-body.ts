import { fitBody } from "../markdown/fit-body.js";
import { inlineText } from "../sanitize.js";
import type { Deadline } from "../working-days.js";
import { describeDue } from "./due-text.js";
import { numberedTitle } from "./numbered-title.js";

/** What the post-mortem pull request's body says. */
export interface PullBodyInput {
  incident: { number: number; title: string; url: string };
  /** Null when the post-mortem was opened with /postmortem before the incident was resolved. */
  deadline: Deadline | null;
  timezone: string;
  /** The configured number of working days after resolution. */
  workingDays: number;
  /** Vigil's marker line, first in the body. */
  marker: string;
}

/** The pull request title: `Post-mortem: <title> (#<n>)`, safe and within GitHub's 256 characters. */
export function pullTitle(title: string, n: number): string {
  return numberedTitle("Post-mortem: ", title, n);
}

/** The post-mortem pull request's body: short, since the document itself is the file. */
export function renderPullBody({ incident, deadline, timezone, workingDays, marker }: PullBodyInput): string {
  const due = describeDue(deadline, timezone, workingDays);
  const lines = [marker, `Post-mortem of incident #${incident.number}: `];
  const after = [
    "",
    `Due: ${due.due}.`,
    ...(due.skipped.length ? ["", "Non-working days skipped:", ...due.skipped.map((s) => `- ${s}`)] : []),
    "",
    "Fill in the root cause, the suggested defenses (each with its cost and benefit), what worked, what didn't and the response plan changes, " +
      "then merge once the team agrees. On merge, Vigil files a post-mortem review issue from the suggested defenses and the response plan changes.",
  ];
  // The title is the only text a person typed; it gives way first should the body ever be too long.
  return fitBody([
    { text: lines.join("\n") },
    { text: incident.title, shrinkable: true, render: inlineText },
    { text: after.join("\n") },
  ]);
}
