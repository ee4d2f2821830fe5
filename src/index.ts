import type { ApplicationFunction } from "probot";
import { onIssueCommentCreated } from "./handlers/issue-comment-created.js";
import { onIssueEvent } from "./handlers/issues.js";

/** Options for building the app; tests and the demo pass a clock. */
export interface VigilOptions {
  now?: () => Date;
}

/** Builds the Vigil Probot app: registers the webhook handlers and nothing else. */
export function createVigil(options: VigilOptions = {}): ApplicationFunction {
  const now = options.now ?? (() => new Date());
  return (app) => {
    app.on(["issues.opened", "issues.labeled", "issues.edited", "issues.closed", "issues.reopened"], onIssueEvent(now));
    app.on("issue_comment.created", onIssueCommentCreated(now));
  };
}

export default createVigil();
