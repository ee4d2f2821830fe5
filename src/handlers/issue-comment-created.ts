import type { Context } from "probot";
import { parseCommands } from "../domain/commands.js";
import { LABEL } from "../domain/labels.js";
import { runCommands } from "./commands.js";
import { startRun } from "./run.js";

/** Handles issue_comment.created: slash commands in an incident's comments (SPEC 2.2). */
export function onIssueCommentCreated(now: () => Date) {
  return async (context: Context<"issue_comment.created">): Promise<void> => {
    const { comment, issue } = context.payload;
    if (comment.user?.type === "Bot" || issue.pull_request) return;
    if (!issue.labels?.some((l) => l.name === LABEL.incident)) return;
    // Parsing first keeps ordinary discussion free: no configuration read, no API call.
    const parsed = parseCommands(comment.body ?? "");
    if (parsed.length === 0) return;
    const run = await startRun(context, issue.number, now());
    if (run) await runCommands(run, issue.number, { id: comment.id, author: comment.user?.login ?? "ghost" }, parsed);
  };
}
