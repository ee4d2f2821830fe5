// Organization teams, as far as pull request review requests need them: a
// slug unique within the organization and the repositories the team can see.
import { makeNodeId } from "../ids.js";
import type { Permission, RepoRecord, SandboxState, TeamRecord } from "../state.js";
import { nextId, repoKey } from "../state.js";
import { ensureUser, findUser } from "./accounts.js";

export interface AddTeamInput {
  /** Organization login. */
  org: string;
  /** Display name; the slug is derived from it as GitHub does unless given. */
  name: string;
  slug?: string;
  description?: string | null;
  privacy?: "closed" | "secret";
  /** Repositories (`owner/name` or bare names in the organization) and the team's role on each (default "push" → write). */
  repos?: Readonly<Record<string, Permission>> | readonly string[];
  /** Logins of active members. */
  members?: readonly string[];
}

/** GitHub's slug for a team name: lower case, runs of other characters become one hyphen. */
export function teamSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Finds a team by organization and slug (both case-insensitive). */
export function findTeam(state: SandboxState, org: string, slug: string): TeamRecord | undefined {
  return state.teams.find((t) => t.org.toLowerCase() === org.toLowerCase() && t.slug.toLowerCase() === slug.toLowerCase());
}

/** Creates a team in an organization; a second team with the same slug is an error. */
export function addTeam(state: SandboxState, input: AddTeamInput): TeamRecord {
  const org = findUser(state, input.org) ?? ensureUser(state, input.org, "Organization");
  if (org.type !== "Organization") throw new Error(`${input.org} is not an organization; only organizations have teams`);
  const slug = input.slug ?? teamSlug(input.name);
  if (findTeam(state, org.login, slug)) throw new Error(`Team ${org.login}/${slug} already exists`);
  const id = nextId(state);
  const entries: [string, Permission][] = Array.isArray(input.repos)
    ? (input.repos as readonly string[]).map((r) => [r, "write"])
    : Object.entries((input.repos ?? {}) as Record<string, Permission>);
  const repos = new Map<string, Permission>();
  for (const [name, permission] of entries) {
    const [owner, repo] = name.includes("/") ? name.split("/", 2) : [org.login, name];
    repos.set(repoKey(owner ?? org.login, repo ?? name), permission);
  }
  const team: TeamRecord = {
    id,
    nodeId: makeNodeId("T", id),
    org: org.login,
    slug,
    name: input.name,
    description: input.description ?? null,
    privacy: input.privacy ?? "closed",
    repos,
    members: new Map((input.members ?? []).map((login) => [ensureUser(state, login).login.toLowerCase(), "active" as const])),
  };
  state.teams.push(team);
  return team;
}

/** The team's role on a repository, "none" when it has no access (teams only exist in the owning organization). */
export function teamRole(team: TeamRecord, repo: RepoRecord): Permission {
  if (team.org.toLowerCase() !== repo.owner.toLowerCase()) return "none";
  return team.repos.get(repoKey(repo.owner, repo.name)) ?? "none";
}
