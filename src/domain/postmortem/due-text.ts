import type { Deadline } from "../working-days.js";

/** A post-mortem's due date in words, and the non-working days passed over to reach it. */
export interface DueText {
  /** e.g. `end of 2026-12-02 (America/Los_Angeles)`, or, before resolution, `3 working days after the incident is resolved`. */
  due: string;
  /** e.g. `2026-11-26 (Thanksgiving Day)`, in order; empty before resolution. */
  skipped: string[];
}

/** Says when a post-mortem is due; `deadline` is null while the incident is not resolved (opened with /postmortem). */
export function describeDue(deadline: Deadline | null, timezone: string, workingDays: number): DueText {
  if (!deadline) {
    const days = workingDays === 1 ? "1 working day" : `${workingDays} working days`;
    return { due: `${days} after the incident is resolved (${timezone})`, skipped: [] };
  }
  return {
    due: `end of ${deadline.dueDate} (${timezone})`,
    skipped: deadline.skipped.map((s) => `${s.date} (${s.reason})`),
  };
}
