import { makeNodeId } from "../ids.js";
import { notFound, validationFailed } from "../http/errors.js";
import type { MilestoneRecord, RepoRecord, SandboxState } from "../state.js";
import { nextId } from "../state.js";

export interface MilestoneInput {
  title: string;
  state?: "open" | "closed";
  description?: string | null;
  due_on?: string | null;
}

function checkUniqueTitle(repo: RepoRecord, title: string, except?: MilestoneRecord): void {
  for (const milestone of repo.milestones.values()) {
    if (milestone !== except && milestone.title === title) {
      throw validationFailed([{ resource: "Milestone", code: "already_exists", field: "title" }]);
    }
  }
}

/** Creates a milestone; titles are unique per repository (422 `already_exists`). */
export function createMilestone(
  state: SandboxState,
  repo: RepoRecord,
  input: MilestoneInput,
  creator: string,
  now: string,
): MilestoneRecord {
  checkUniqueTitle(repo, input.title);
  const id = nextId(state);
  const closed = input.state === "closed";
  const milestone: MilestoneRecord = {
    id,
    nodeId: makeNodeId("MI", id),
    number: repo.nextMilestoneNumber,
    title: input.title,
    description: input.description ?? null,
    state: closed ? "closed" : "open",
    dueOn: input.due_on ?? null,
    creator,
    createdAt: now,
    updatedAt: now,
    closedAt: closed ? now : null,
  };
  repo.nextMilestoneNumber += 1;
  repo.milestones.set(milestone.number, milestone);
  return milestone;
}

/** Finds a milestone by number or fails with 404. */
export function requireMilestone(repo: RepoRecord, number: number): MilestoneRecord {
  const milestone = repo.milestones.get(number);
  if (!milestone) throw notFound();
  return milestone;
}

/** Edits a milestone; renaming onto an existing title is refused like creation. */
export function updateMilestone(
  milestone: MilestoneRecord,
  repo: RepoRecord,
  patch: Partial<MilestoneInput>,
  now: string,
): MilestoneRecord {
  if (patch.title !== undefined) {
    checkUniqueTitle(repo, patch.title, milestone);
    milestone.title = patch.title;
  }
  if (patch.description !== undefined) milestone.description = patch.description;
  if (patch.due_on !== undefined) milestone.dueOn = patch.due_on;
  if (patch.state !== undefined && patch.state !== milestone.state) {
    milestone.state = patch.state;
    milestone.closedAt = patch.state === "closed" ? now : null;
  }
  milestone.updatedAt = now;
  return milestone;
}

/** Deletes a milestone and detaches its issues. */
export function deleteMilestone(repo: RepoRecord, number: number): void {
  requireMilestone(repo, number);
  repo.milestones.delete(number);
  for (const issue of repo.issues.values()) if (issue.milestone === number) issue.milestone = null;
}
