// Projects v2 state. Field option ids are short opaque strings like GitHub's,
// and each project always has the built-in Title field ahead of custom ones.
import { createHash } from "node:crypto";
import { makeNodeId } from "../ids.js";
import type { ProjectFieldRecord, ProjectItemRecord, ProjectRecord, SandboxState } from "../state.js";
import { nextId } from "../state.js";
import { ensureUser, findUser } from "./accounts.js";

export interface AddProjectInput {
  owner: string;
  number: number;
  title: string;
  /** Single-select fields: field name → option names in order. */
  fields?: Readonly<Record<string, readonly string[]>>;
  /** Plain text fields. */
  textFields?: readonly string[];
}

function optionId(fieldNodeId: string, name: string): string {
  return createHash("sha1").update(`${fieldNodeId}:${name}`).digest("hex").slice(0, 8);
}

function field(state: SandboxState, name: string, dataType: ProjectFieldRecord["dataType"], options: readonly string[] = []) {
  const id = nextId(state);
  const nodeId = makeNodeId(dataType === "SINGLE_SELECT" ? "PVTSSF" : "PVTF", id);
  return { id, nodeId, name, dataType, options: options.map((o) => ({ id: optionId(nodeId, o), name: o })) };
}

/** Creates a project owned by an organization or user; numbers are unique per owner. */
export function addProject(state: SandboxState, input: AddProjectInput, now: string): ProjectRecord {
  const owner = findUser(state, input.owner) ?? ensureUser(state, input.owner, "Organization");
  if (findProject(state, owner.login, input.number)) {
    throw new Error(`Project ${owner.login}#${input.number} already exists`);
  }
  const id = nextId(state);
  const fields: ProjectFieldRecord[] = [field(state, "Title", "TITLE")];
  for (const name of input.textFields ?? []) fields.push(field(state, name, "TEXT"));
  for (const [name, options] of Object.entries(input.fields ?? {})) fields.push(field(state, name, "SINGLE_SELECT", options));
  const project: ProjectRecord = {
    id,
    nodeId: makeNodeId("PVT", id),
    owner: owner.login,
    number: input.number,
    title: input.title,
    createdAt: now,
    fields,
    items: [],
  };
  state.projects.push(project);
  return project;
}

/** Finds a project by owner login and number. */
export function findProject(state: SandboxState, owner: string, number: number): ProjectRecord | undefined {
  return state.projects.find((p) => p.owner.toLowerCase() === owner.toLowerCase() && p.number === number);
}

/** Adds content to a project, returning the existing item when it is already there (GitHub's behaviour). */
export function addProjectItem(state: SandboxState, project: ProjectRecord, contentNodeId: string, now: string) {
  const existing = project.items.find((i) => i.contentNodeId === contentNodeId);
  if (existing) return existing;
  const id = nextId(state);
  const item: ProjectItemRecord = { id, nodeId: makeNodeId("PVTI", id), contentNodeId, createdAt: now, values: new Map() };
  project.items.push(item);
  return item;
}

/** Reads an item's custom field values by field name (single-select option names, or text). */
export function itemFieldValues(project: ProjectRecord, item: ProjectItemRecord): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of project.fields) {
    const raw = item.values.get(f.nodeId);
    if (raw === undefined) continue;
    values[f.name] = f.dataType === "SINGLE_SELECT" ? (f.options.find((o) => o.id === raw)?.name ?? raw) : raw;
  }
  return values;
}
