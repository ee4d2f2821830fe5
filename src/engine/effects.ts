import type { LabelDefinition } from "../domain/labels.js";

// What the planners ask for, as data: apply writes it, the dry-run printer shows it. Every effect
// says why, and the ones that create something carry the key that makes them idempotent (the marker
// they write, or a name GitHub keeps unique), so applying twice or on two replicas is harmless.

/** Common to every effect: the issue or PR it is about (0 for the repository) and why it is needed. */
interface Base {
  issue: number;
  why: string;
}

/** One write Vigil wants made. */
export type Effect =
  | (Base & { kind: "createLabel"; label: LabelDefinition })
  | (Base & { kind: "setLabels"; labels: string[] })
  | (Base & { kind: "addAssignees"; logins: string[] })
  | (Base & { kind: "removeAssignees"; logins: string[] })
  | (Base & { kind: "closeIssue"; reason: "completed" | "not_planned" })
  /** `key` names the marker the body starts with; apply never repeats a create whose outcome it does not know. */
  | (Base & { kind: "createComment"; key: string; body: string })
  | (Base & { kind: "updateComment"; commentId: number; key: string; body: string })
  | (Base & { kind: "deleteComment"; commentId: number })
  | (Base & { kind: "react"; commentId: number; content: "+1" })
  | (Base & { kind: "addLabels"; labels: string[] })
  | (Base & { kind: "removeLabel"; label: string })
  /** A new issue; `key` names the marker its body starts with. Never repeated blindly, like a comment. */
  | (Base & { kind: "createIssue"; key: string; title: string; body: string; labels: string[]; assignees: string[] })
  | (Base & { kind: "updatePullBody"; body: string })
  /**
   * Files a recurring issue: its milestone first when it has one (created, or found by its title, which GitHub keeps
   * unique), then the issue; then the previous issue gets `previousNote` (`{{next}}` is the new number) and is closed.
   */
  | (Base & {
      kind: "fileRecurring";
      key: string;
      title: string;
      body: string;
      labels: string[];
      assignees: string[];
      milestone: { title: string; dueOn: string; description: string } | null;
      previous: { number: number; note: string } | null;
      /** Observe again afterwards: the new issue is already past its hard limit and needs its reminder. */
      recheck: boolean;
    })
  /** Requests reviews on a pull request; people or teams GitHub refuses are skipped (the planner's note says who was asked). */
  | (Base & { kind: "requestReviewers"; reviewers: string[]; teamReviewers: string[] })
  /**
   * Opens the post-mortem with the fewest writes GitHub allows: the branch from `baseSha` (422 when it exists:
   * kept), the file on it (422 when it exists: kept), the pull request (422 when one is open: adopted), then its
   * labels and reviewers, and the incident's comment linking it (`{{pr}}` in `linkBody` is the PR number).
   */
  | (Base & {
      kind: "openPostmortem";
      branch: string;
      base: string;
      baseSha: string;
      path: string;
      content: string;
      message: string;
      title: string;
      body: string;
      labels: string[];
      reviewers: string[];
      teamReviewers: string[];
      linkBody: string;
      /** Said on the pull request when GitHub refuses the reviewers (not collaborators, no such team). */
      reviewersRefused: string;
    })
  /**
   * Makes the check run `name` on `headSha` completed with this outcome: created when `checkRunId` is null (the head
   * has none of Vigil's yet), else updated in place. Check runs cannot be deleted, so a copy is converged, never removed.
   */
  | (Base & { kind: "checkRun"; checkRunId: number | null; headSha: string; name: string; conclusion: "success" | "neutral"; title: string; summary: string; externalId: string })
  /** Adds the issue to the project when `itemId` is null (GitHub returns the existing item if any), then sets the fields. */
  | (Base & { kind: "projectItem"; projectId: string; contentId: string; itemId: string | null; fields: { fieldId: string; optionId: string; name: string }[] });
