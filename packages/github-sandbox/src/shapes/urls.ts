// GitHub objects carry absolute URLs. They are built from the base the request
// used, so a GHE client (https://host/api/v3) sees GHE URLs, not github.com.

export interface Urls {
  /** REST API root, e.g. https://api.github.com or https://ghe.example.com/api/v3 */
  api: string;
  /** Web root, e.g. https://github.com or https://ghe.example.com */
  web: string;
}

const GITHUB_DOT_COM: Urls = { api: "https://api.github.com", web: "https://github.com" };

/** Derives API and web roots from an API base URL. */
export function urlsForApiBase(apiBase: string): Urls {
  const base = new URL(apiBase);
  if (base.hostname === "api.github.com") return GITHUB_DOT_COM;
  const root = base.pathname.replace(/\/api(\/v3)?\/?$/, "").replace(/\/$/, "");
  return { api: `${base.origin}${root}/api/v3`, web: `${base.origin}${root}` };
}

/** The repository's REST URL prefix. */
export function repoApi(urls: Urls, owner: string, name: string): string {
  return `${urls.api}/repos/${owner}/${name}`;
}

/** The repository's web URL. */
export function repoWeb(urls: Urls, owner: string, name: string): string {
  return `${urls.web}/${owner}/${name}`;
}
