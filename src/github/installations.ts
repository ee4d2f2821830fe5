import type { ProbotOctokit } from "probot";
import type { Identity } from "../markers/identity.js";

/** A repository to check, with the installation that gives access to it. */
export interface InstalledRepo {
  installation: number;
  owner: string;
  repo: string;
}

/** The app's bot account, from `GET /app` with the app's own (JWT) client. */
export async function appBotIdentity(appOctokit: ProbotOctokit): Promise<Identity> {
  const { data } = await appOctokit.rest.apps.getAuthenticated();
  if (!data?.slug) throw new Error("GET /app returned no slug");
  return { login: `${data.slug}[bot]`, isBot: true };
}

/** Every repository of every installation (all pages of both), archived ones left out. */
export async function listInstalledRepos(appOctokit: ProbotOctokit, installationClient: (id: number) => Promise<ProbotOctokit>): Promise<InstalledRepo[]> {
  const found: InstalledRepo[] = [];
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  for (const installation of installations) {
    const octokit = await installationClient(installation.id);
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
    for (const r of repos) if (!r.archived) found.push({ installation: installation.id, owner: r.owner.login, repo: r.name });
  }
  return found;
}

/** The installation that has access to one repository. */
export async function installedRepo(appOctokit: ProbotOctokit, target: { owner: string; repo: string }): Promise<InstalledRepo> {
  const { data } = await appOctokit.rest.apps.getRepoInstallation(target);
  return { installation: data.id, ...target };
}
