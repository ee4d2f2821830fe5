import type { Context } from "probot";
import { LABEL } from "../domain/labels.js";
import { runIntake } from "./intake.js";
import { startRun } from "./run.js";

type IssuesContext = Context<"issues.opened" | "issues.labeled" | "issues.edited" | "issues.closed" | "issues.reopened">;

const hasIncidentLabel = (labels: readonly ({ name?: string } | null)[] | undefined) => (labels ?? []).some((l) => l?.name === LABEL.incident);

/**
 * Decides whether an `issues` event concerns an incident: opened or edited with the `incident`
 * label, labelled `incident` later, or closed/reopened (the record follows the state).
 */
export function issueEventWantsIntake(context: IssuesContext): boolean {
  const { payload } = context;
  if ("pull_request" in payload.issue && payload.issue.pull_request) return false;
  if (payload.action === "labeled") return payload.label?.name === LABEL.incident;
  return hasIncidentLabel(payload.issue.labels);
}

/** Handles issues.opened/labeled/edited/closed/reopened: intake, or bringing the record up to date. */
export function onIssueEvent(now: () => Date) {
  return async (context: IssuesContext): Promise<void> => {
    if (!issueEventWantsIntake(context)) return;
    const run = await startRun(context, context.payload.issue.number, now());
    if (run) await runIntake(run, context.payload.issue.number);
  };
}
