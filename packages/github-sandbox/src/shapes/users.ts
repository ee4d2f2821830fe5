import type { SandboxState, UserRecord } from "../state.js";
import { findUser } from "../store/accounts.js";
import type { Urls } from "./urls.js";

function requireUser(state: SandboxState, login: string): UserRecord {
  const user = findUser(state, login);
  // Writers register every login they store, so a miss is a sandbox bug worth a loud failure.
  if (!user) throw new Error(`Sandbox has no account "${login}"`);
  return user;
}

/** The `simple-user` object GitHub embeds for authors, assignees, owners and senders. */
export function userShape(state: SandboxState, urls: Urls, login: string): Record<string, unknown> {
  const user = requireUser(state, login);
  const api = `${urls.api}/users/${encodeURIComponent(user.login)}`;
  const isBot = user.type === "Bot";
  return {
    login: user.login,
    id: user.id,
    node_id: user.nodeId,
    avatar_url: `https://avatars.githubusercontent.com/${isBot ? "in" : "u"}/${user.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: isBot ? `${urls.web}/apps/${user.login.replace(/\[bot\]$/, "")}` : `${urls.web}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** The `organization` object webhook payloads carry for organization-owned repositories. */
export function organizationShape(state: SandboxState, urls: Urls, login: string): Record<string, unknown> {
  const org = requireUser(state, login);
  const api = `${urls.api}/orgs/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: org.nodeId,
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${org.id}?v=4`,
    description: null,
  };
}
