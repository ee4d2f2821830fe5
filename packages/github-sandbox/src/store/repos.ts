import { makeNodeId } from "../ids.js";
import { notFound } from "../http/errors.js";
import type { AccountType, InstallationRecord, Permission, RepoRecord, RepoVisibility, SandboxState } from "../state.js";
import { nextId, repoKey } from "../state.js";
import { ensureUser, findUser } from "./accounts.js";
import { initRepoGit } from "./git.js";

export interface AddRepoInput {
  owner: string;
  name: string;
  /** Default true: incident repositories are private. */
  private?: boolean;
  /** Overrides `private`; "internal" needs an organization owner. */
  visibility?: RepoVisibility;
  ownerType?: Exclude<AccountType, "Bot">;
  defaultBranch?: string;
  description?: string | null;
  /** Omit to install the app through the owner's installation; null for "not installed". */
  installationId?: number | null;
}

function installationFor(state: SandboxState, owner: string, requested: number | null | undefined, now: string) {
  if (requested === null) return null;
  const existing = [...state.installations.values()].find((i) =>
    requested === undefined ? i.account.toLowerCase() === owner.toLowerCase() : i.id === requested,
  );
  if (existing) return existing.id;
  const installation: InstallationRecord = { id: requested ?? nextId(state), account: owner, createdAt: now, securityPermissions: { vulnerability_alerts: "read", security_events: "read" } };
  state.installations.set(installation.id, installation);
  return installation.id;
}

function checkVisibility(ownerType: AccountType, visibility: RepoVisibility): RepoVisibility {
  if (visibility === "internal" && ownerType !== "Organization") throw new Error("Only organization repositories can be internal");
  return visibility;
}

/** Changes who can see a repository, as its settings page does. */
export function setVisibility(state: SandboxState, repo: RepoRecord, visibility: RepoVisibility): void {
  repo.visibility = checkVisibility(findUser(state, repo.owner)?.type ?? "Organization", visibility);
}

/** Creates a repository with an initial empty commit on its default branch. */
export function addRepo(state: SandboxState, input: AddRepoInput, now: string): RepoRecord {
  if (findRepo(state, input.owner, input.name)) throw new Error(`Repository ${input.owner}/${input.name} already exists`);
  const owner = ensureUser(state, input.owner, input.ownerType ?? "Organization");
  const id = nextId(state);
  const repo: RepoRecord = {
    id,
    nodeId: makeNodeId("R", id),
    owner: owner.login,
    name: input.name,
    visibility: checkVisibility(owner.type, input.visibility ?? (input.private === false ? "public" : "private")),
    description: input.description ?? null,
    defaultBranch: input.defaultBranch ?? "main",
    createdAt: now,
    pushedAt: now,
    installationId: installationFor(state, owner.login, input.installationId, now),
    nextNumber: 1,
    issues: new Map(),
    labels: [],
    milestones: new Map(),
    nextMilestoneNumber: 1,
    refs: new Map(),
    commits: new Map(),
    permissions: new Map(),
    vulnerabilityAlerts: [],
    codeScanningAlerts: [],
    codeScanningEnabled: false,
    checkRuns: [],
  };
  state.repos.set(repoKey(repo.owner, repo.name), repo);
  initRepoGit(repo, owner.login, now);
  return repo;
}

/** Finds a repository by owner and name, case-insensitively. */
export function findRepo(state: SandboxState, owner: string, name: string): RepoRecord | undefined {
  return state.repos.get(repoKey(owner, name));
}

/** Finds a repository or fails with GitHub's 404. */
export function requireRepo(state: SandboxState, owner: string, name: string): RepoRecord {
  const repo = findRepo(state, owner, name);
  if (!repo) throw notFound();
  return repo;
}

/** Grants a collaborator permission (creating the user if needed). */
export function setPermission(state: SandboxState, repo: RepoRecord, login: string, permission: Permission): void {
  ensureUser(state, login);
  repo.permissions.set(login.toLowerCase(), permission);
}

/** The role a login holds on the repository, as GitHub computes it for this model. */
export function roleOf(state: SandboxState, repo: RepoRecord, login: string): Permission {
  const explicit = repo.permissions.get(login.toLowerCase());
  if (explicit) return explicit;
  if (login.toLowerCase() === repo.owner.toLowerCase() && findUser(state, login)?.type === "User") return "admin";
  if (login.toLowerCase() === state.app.botLogin.toLowerCase() && repo.installationId !== null) return "write";
  return repo.visibility === "public" ? "read" : "none";
}

/** True when the login is a collaborator (explicit role or owner), the people GitHub lets you assign. */
export function isCollaborator(state: SandboxState, repo: RepoRecord, login: string): boolean {
  const explicit = repo.permissions.get(login.toLowerCase());
  if (explicit) return explicit !== "none";
  return roleOf(state, repo, login) !== "none" && roleOf(state, repo, login) !== "read";
}
