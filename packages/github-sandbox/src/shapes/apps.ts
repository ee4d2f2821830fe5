import type { InstallationRecord, SandboxState } from "../state.js";
import { findUser } from "../store/accounts.js";
import { userShape } from "./users.js";
import type { Urls } from "./urls.js";

/** The permissions Vigil's installation is modelled with. */
export const INSTALLATION_PERMISSIONS = {
  checks: "write",
  contents: "write",
  issues: "write",
  members: "read",
  metadata: "read",
  organization_projects: "write",
  pull_requests: "write",
} as const;

/** The permissions an installation holds: the modelled set plus the security ones not withheld. */
export function installationPermissions(installation: InstallationRecord): Record<string, string> {
  const granted = Object.entries(installation.securityPermissions).filter((e): e is [string, "read"] => e[1] !== null);
  return { ...INSTALLATION_PERMISSIONS, ...Object.fromEntries(granted) };
}

/** An app installation. */
export function installationShape(state: SandboxState, urls: Urls, installation: InstallationRecord): Record<string, unknown> {
  const account = findUser(state, installation.account);
  const isOrg = account?.type === "Organization";
  return {
    id: installation.id,
    client_id: `Iv1.${state.app.id.toString(16).padStart(16, "0")}`,
    account: userShape(state, urls, installation.account),
    repository_selection: "selected",
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: isOrg
      ? `${urls.web}/organizations/${installation.account}/settings/installations/${installation.id}`
      : `${urls.web}/settings/installations/${installation.id}`,
    app_id: state.app.id,
    app_slug: state.app.slug,
    target_id: account?.id ?? 0,
    target_type: account?.type ?? "Organization",
    permissions: installationPermissions(installation),
    events: ["issue_comment", "issues", "pull_request"],
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
