import type { Permission, RepoRecord, SandboxState, TeamRecord } from "../state.js";
import { findUser } from "../store/accounts.js";
import { teamRole } from "../store/teams.js";
import type { Urls } from "./urls.js";

// REST spells repository roles the old way: read is "pull", write is "push".
const REST_PERMISSION: Record<Permission, string> = { admin: "admin", maintain: "maintain", write: "push", triage: "triage", read: "pull", none: "pull" };

/** A team as pull requests' `requested_teams` show it (`team-simple`, plus `parent` for the `team` schema). */
export function teamShape(state: SandboxState, urls: Urls, team: TeamRecord, repo?: RepoRecord): Record<string, unknown> {
  const orgId = findUser(state, team.org)?.id ?? 0;
  const api = `${urls.api}/organizations/${orgId}/team/${team.id}`;
  return {
    id: team.id,
    node_id: team.nodeId,
    url: api,
    html_url: `${urls.web}/orgs/${team.org}/teams/${team.slug}`,
    name: team.name,
    slug: team.slug,
    description: team.description,
    privacy: team.privacy,
    notification_setting: "notifications_enabled",
    permission: REST_PERMISSION[repo ? teamRole(team, repo) : "read"],
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    type: "organization",
    organization_id: orgId,
    parent: null,
  };
}
