import { makeNodeId } from "../ids.js";
import { notFound, validationFailed } from "../http/errors.js";
import type { LabelRecord, RepoRecord, SandboxState } from "../state.js";
import { nextId } from "../state.js";

export interface LabelInput {
  name: string;
  color?: string;
  description?: string | null;
}

function checkColor(color: string | undefined): string | undefined {
  if (color === undefined) return undefined;
  const bare = color.replace(/^#/, "");
  if (!/^[0-9a-fA-F]{6}$/.test(bare)) throw validationFailed([{ resource: "Label", code: "invalid", field: "color" }]);
  return bare.toLowerCase();
}

/** Finds a repository label; GitHub matches label names case-insensitively. */
export function findLabel(repo: RepoRecord, name: string): LabelRecord | undefined {
  const wanted = name.toLowerCase();
  return repo.labels.find((label) => label.name.toLowerCase() === wanted);
}

/** Finds a label or fails with 404. */
export function requireLabel(repo: RepoRecord, name: string): LabelRecord {
  const label = findLabel(repo, name);
  if (!label) throw notFound();
  return label;
}

/** Creates a label; a second label with the same name is a 422 `already_exists`. */
export function createLabel(state: SandboxState, repo: RepoRecord, input: LabelInput): LabelRecord {
  if (input.name.trim() === "") throw validationFailed([{ resource: "Label", code: "missing_field", field: "name" }]);
  if (findLabel(repo, input.name)) {
    throw validationFailed([{ resource: "Label", code: "already_exists", field: "name" }]);
  }
  const id = nextId(state);
  const label: LabelRecord = {
    id,
    nodeId: makeNodeId("LA", id),
    name: input.name,
    color: checkColor(input.color) ?? "ededed",
    description: input.description ?? null,
    isDefault: false,
  };
  repo.labels.push(label);
  return label;
}

/** Returns the label, creating it as GitHub does when an unknown label is applied to an issue. */
export function ensureLabel(state: SandboxState, repo: RepoRecord, name: string): LabelRecord {
  return findLabel(repo, name) ?? createLabel(state, repo, { name });
}

/** Renames or recolours a label; issues follow the new name. */
export function updateLabel(
  repo: RepoRecord,
  name: string,
  patch: { new_name?: string; color?: string; description?: string | null },
): LabelRecord {
  const label = requireLabel(repo, name);
  if (patch.new_name !== undefined && patch.new_name.toLowerCase() !== label.name.toLowerCase()) {
    if (findLabel(repo, patch.new_name)) {
      throw validationFailed([{ resource: "Label", code: "already_exists", field: "name" }]);
    }
  }
  const color = checkColor(patch.color);
  if (patch.new_name !== undefined) {
    for (const issue of repo.issues.values()) {
      issue.labels = issue.labels.map((l) => (l === label.name ? (patch.new_name as string) : l));
    }
    label.name = patch.new_name;
  }
  if (color !== undefined) label.color = color;
  if (patch.description !== undefined) label.description = patch.description;
  return label;
}

/** Deletes a label from the repository and from every issue carrying it. */
export function deleteLabel(repo: RepoRecord, name: string): void {
  const label = requireLabel(repo, name);
  repo.labels = repo.labels.filter((l) => l !== label);
  for (const issue of repo.issues.values()) issue.labels = issue.labels.filter((l) => l !== label.name);
}

