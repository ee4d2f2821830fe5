// The GraphQL documents of the evidence report (SPEC 2.12). One query reads every list the report needs; each list
// pages on its own cursor and is left out (@include) once it is complete, so a page costs one request for all.

const RECURRING = `
fragment VigilReportRecurring on Issue {
  number title url state stateReason createdAt closedAt body
  author { login __typename }
  timelineItems(itemTypes: [CLOSED_EVENT], last: 1) { nodes { ... on ClosedEvent { actor { login __typename } } } }
}`;

const kinds = (alias: string, label: string) => `
    ${alias}: issues(labels: ["${label}"], first: 50, after: $${alias}After, states: [OPEN, CLOSED], orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $${alias}) {
      pageInfo { hasNextPage endCursor } nodes { ...VigilReportRecurring }
    }`;

/** Incidents open now or closed since the period began, Vigil's recurring issues, and merged pull requests. */
export const REPORT_LISTS = `
query VigilReportLists($owner: String!, $name: String!, $since: DateTime!,
  $open: Boolean!, $openAfter: String, $closed: Boolean!, $closedAfter: String,
  $reviews: Boolean!, $reviewsAfter: String, $patching: Boolean!, $patchingAfter: String, $drills: Boolean!, $drillsAfter: String,
  $pulls: Boolean!, $pullsAfter: String) {
  repository(owner: $owner, name: $name) {
    open: issues(labels: ["incident"], states: [OPEN], first: 100, after: $openAfter, orderBy: { field: CREATED_AT, direction: ASC }) @include(if: $open) {
      pageInfo { hasNextPage endCursor } nodes { number createdAt closedAt }
    }
    closed: issues(labels: ["incident"], states: [CLOSED], first: 100, after: $closedAfter, filterBy: { since: $since }, orderBy: { field: CREATED_AT, direction: ASC }) @include(if: $closed) {
      pageInfo { hasNextPage endCursor } nodes { number createdAt closedAt }
    }
    ${kinds("reviews", "security-review")}
    ${kinds("patching", "patching")}
    ${kinds("drills", "ir-drill")}
    pulls: pullRequests(states: [MERGED], first: 100, after: $pullsAfter, orderBy: { field: UPDATED_AT, direction: DESC }) @include(if: $pulls) {
      pageInfo { hasNextPage endCursor } nodes { number title url mergedAt updatedAt headRefOid labels(first: 30) { nodes { name } } }
    }
  }
}
${RECURRING}`;

/**
 * The check runs named `check` on up to 50 commits, one alias each (`c0`, `c1`, …): a merged pull request's own
 * commit list may be rewritten by the merge, so its head is read by its object id.
 */
export function headChecksQuery(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$o${i}: GitObjectID!`).join(", ");
  const fields = Array.from({ length: count }, (_, i) => `c${i}: object(oid: $o${i}) { ...VigilHeadChecks }`).join("\n    ");
  return `
query VigilReportChecks($owner: String!, $name: String!, $check: String!, ${vars}) {
  repository(owner: $owner, name: $name) {
    ${fields}
  }
}
fragment VigilHeadChecks on Commit {
  checkSuites(first: 20, filterBy: { checkName: $check }) { nodes { app { slug } checkRuns(first: 10, filterBy: { checkName: $check }) { nodes { name conclusion } } } }
}`;
}
