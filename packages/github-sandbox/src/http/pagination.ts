// GitHub pages lists with `per_page` (default 30, max 100) and `page`, and
// advertises the other pages in a Link header built from the request URL, so
// Octokit's paginate() walks the sandbox exactly as it walks GitHub.

export interface Page<T> {
  items: T[];
  link: string | undefined;
}

function pageUrl(requestUrl: URL, page: number): string {
  const url = new URL(requestUrl.href);
  url.searchParams.set("page", String(page));
  return url.href;
}

function positiveInt(value: string | null, fallback: number): number {
  const parsed = value === null ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/** Cuts one page out of `all` and builds the Link header for its neighbours. */
export function paginate<T>(all: readonly T[], requestUrl: URL): Page<T> {
  const perPage = Math.min(positiveInt(requestUrl.searchParams.get("per_page"), 30), 100);
  const page = positiveInt(requestUrl.searchParams.get("page"), 1);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  const rels: string[] = [];
  if (page > 1) rels.push(`<${pageUrl(requestUrl, page - 1)}>; rel="prev"`);
  if (page < lastPage) rels.push(`<${pageUrl(requestUrl, page + 1)}>; rel="next"`);
  if (page < lastPage) rels.push(`<${pageUrl(requestUrl, lastPage)}>; rel="last"`);
  if (page > 1) rels.push(`<${pageUrl(requestUrl, 1)}>; rel="first"`);
  return { items, link: rels.length > 0 ? rels.join(", ") : undefined };
}

/** Response headers carrying the Link header when there is one. */
export function linkHeaders(page: Page<unknown>): Record<string, string> {
  return page.link === undefined ? {} : { link: page.link };
}
