import type { Effect } from "./effects.js";

const firstLine = (body: string) => {
  const lines = body.split("\n");
  const text = lines.find((l, i) => i > 0 && l.trim() !== "") ?? "";
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/** One effect as a line a person can review before anything is written. */
export function describeEffect(effect: Effect): string {
  const on = effect.issue > 0 ? ` on #${effect.issue}` : "";
  switch (effect.kind) {
    case "createLabel":
      return `create label "${effect.label.name}" (#${effect.label.color})`;
    case "setLabels":
      return `set labels${on} to ${effect.labels.map((l) => `"${l}"`).join(", ") || "none"}`;
    case "addAssignees":
      return `assign ${effect.logins.join(", ")}${on}`;
    case "removeAssignees":
      return `unassign ${effect.logins.join(", ")}${on}`;
    case "closeIssue":
      return `close #${effect.issue} as ${effect.reason.replace("_", " ")}`;
    case "createComment":
      return `post ${effect.key} comment${on}: ${firstLine(effect.body)}`;
    case "updateComment":
      return `update ${effect.key} comment ${effect.commentId}${on}`;
    case "deleteComment":
      return `delete comment ${effect.commentId}${on}`;
    case "react":
      return `react ${effect.content} to comment ${effect.commentId}${on}`;
    case "addLabels":
      return `add labels ${effect.labels.map((l) => `"${l}"`).join(", ")}${on}`;
    case "removeLabel":
      return `remove label "${effect.label}"${on}`;
    case "createIssue":
      return `file issue "${effect.title}" (${effect.labels.join(", ")})`;
    case "requestReviewers":
      return `request review from ${[...effect.reviewers, ...effect.teamReviewers.map((t) => `team ${t}`)].join(", ")}${on}`;
    case "fileRecurring":
      return `file "${effect.title}"${effect.milestone ? ` in milestone "${effect.milestone.title}"` : ""}${effect.previous ? `, closing #${effect.previous.number}` : ""}`;
    case "updatePullBody":
      return `update the description of #${effect.issue}`;
    case "openPostmortem":
      return `open the post-mortem for #${effect.issue}: branch ${effect.branch}, file ${effect.path}, pull request "${effect.title}"`;
    case "checkRun":
      return `${effect.checkRunId === null ? "create" : `update (${effect.checkRunId})`} check run "${effect.name}" on ${effect.headSha.slice(0, 7)}${on}: ${effect.conclusion}, ${effect.title}`;
    case "projectItem":
      return `${effect.itemId ? "update project item" : "add to project"}${on}${effect.fields.length ? `: ${effect.fields.map((f) => f.name).join(", ")}` : ""}`;
  }
}

/** The plan as text: one line per effect with why it is needed, or a line saying nothing is to do. */
export function renderPlan(repo: string, effects: readonly Effect[]): string {
  if (effects.length === 0) return `${repo}: nothing to do`;
  return [`${repo}: ${effects.length} change${effects.length === 1 ? "" : "s"}`, ...effects.map((e) => `  - ${describeEffect(e)} (${e.why})`)].join("\n");
}
