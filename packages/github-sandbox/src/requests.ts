// The request log: what the app asked GitHub for, for assertions on API
// cost ("one search, no writes") and for the benchmark's call counts.

export interface RequestRecord {
  method: string;
  /** OpenAPI path template (`/repos/{owner}/{repo}/issues`), `/graphql`, or the raw path when unknown. */
  route: string;
  /** Concrete path and query relative to the API root. */
  path: string;
  /** HTTP status; 0 when the request failed without a response (injected timeout). */
  status: number;
  /** GraphQL operation name, or the root field names when the document is anonymous. */
  graphqlOperation?: string;
  /** Set when an injected fault answered this request. */
  fault?: string;
}

export interface RequestFilter {
  method?: string;
  route?: string | RegExp;
  status?: number;
  graphqlOperation?: string | RegExp;
  faulted?: boolean;
}

function matchText(pattern: string | RegExp | undefined, value: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (value === undefined) return false;
  return typeof pattern === "string" ? pattern === value : pattern.test(value);
}

/** True when the record satisfies every criterion given in the filter. */
export function matchesRequest(record: RequestRecord, filter: RequestFilter = {}): boolean {
  return (
    (filter.method === undefined || filter.method.toUpperCase() === record.method) &&
    matchText(filter.route, record.route) &&
    (filter.status === undefined || filter.status === record.status) &&
    matchText(filter.graphqlOperation, record.graphqlOperation) &&
    (filter.faulted === undefined || filter.faulted === (record.fault !== undefined))
  );
}
