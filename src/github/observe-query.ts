// The GraphQL documents observe sends: one request reads the repository's visibility, labels and
// incident form, the issue (or every open incident) with labels, assignees, project items and
// comments, and the configured project, where REST would need one request for each.

const ISSUE_FIELDS = `
fragment VigilIssue on Issue {
  id number title body url state stateReason createdAt closedAt
  author { login __typename }
  labels(first: 100) { nodes { name } }
  assignees(first: 100) { nodes { login } }
  projectItems(first: 20) {
    nodes {
      id
      project { id }
      fieldValues(first: 50) {
        nodes { ... on ProjectV2ItemFieldSingleSelectValue { optionId field { ... on ProjectV2SingleSelectField { id } } } }
      }
    }
  }
  comments(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { databaseId body url createdAt lastEditedAt editor { login __typename } author { login __typename } }
  }
}`;

const REPO_FIELDS = `
  isPrivate visibility
  labels(first: 100) { nodes { name } }
  form: object(expression: "HEAD:.github/ISSUE_TEMPLATE/security-incident.yml") { ... on Blob { text } }`;

const PROJECT = `
  projectOwner: repositoryOwner(login: $projectOwner) @include(if: $withProject) {
    ... on Organization { projectV2(number: $projectNumber) { ...VigilProject } }
    ... on User { projectV2(number: $projectNumber) { ...VigilProject } }
  }`;

const PROJECT_FIELDS = `
fragment VigilProject on ProjectV2 {
  id
  fields(first: 50) { nodes { ... on ProjectV2SingleSelectField { id name options { id name } } } }
}`;

const PULL_FIELDS = `
fragment VigilPull on PullRequest {
  id number state merged mergedAt createdAt url body
  author { login __typename }
  labels(first: 50) { nodes { name } }
  files(first: 100) { nodes { path } }
  comments(first: 100) { pageInfo { hasNextPage endCursor } nodes { databaseId body url createdAt author { login __typename } } }
}`;

// The post-mortem's side of an incident: default branch head, the post-mortem branch, the
// repository's template and response plans, and the pull requests from that branch.
const POSTMORTEM = `
    defaultBranchRef { name target { oid } }
    pmRef: ref(qualifiedName: $pmRef) @include(if: $withPostmortem) { name }
    pmTemplate: object(expression: "HEAD:.github/postmortem-template.md") @include(if: $withPostmortem) { ... on Blob { text } }
    plans: object(expression: "HEAD:.github/incident-plans") @include(if: $withPostmortem) {
      ... on Tree { entries { name type object { ... on Blob { text } } } }
    }
    pmPulls: pullRequests(headRefName: $pmBranch, first: 5, states: [OPEN, CLOSED, MERGED], orderBy: { field: CREATED_AT, direction: ASC }) @include(if: $withPostmortem) {
      nodes { ...VigilPull }
    }`;

/** One issue with a page of its comments (`$after` pages through them), and its post-mortem. */
export const OBSERVE_ISSUE = `
query VigilObserveIssue($owner: String!, $name: String!, $number: Int!, $after: String,
  $withProject: Boolean!, $projectOwner: String!, $projectNumber: Int!,
  $withPostmortem: Boolean!, $pmRef: String!, $pmBranch: String!) {
  repository(owner: $owner, name: $name) {
    ${REPO_FIELDS}
    ${POSTMORTEM}
    issue(number: $number) { ...VigilIssue }
  }
  ${PROJECT}
}
${ISSUE_FIELDS}
${PULL_FIELDS}
${PROJECT_FIELDS}`;

/** Vigil's post-mortem review issues updated since a moment, with their comments. */
export const REVIEW_ISSUES = `
query VigilReviewIssues($owner: String!, $name: String!, $since: DateTime!) {
  repository(owner: $owner, name: $name) {
    issues(labels: ["postmortem-review"], states: [OPEN, CLOSED], first: 50, filterBy: { since: $since }, orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes {
        number state title body createdAt
        author { login __typename }
        labels(first: 50) { nodes { name } }
        assignees(first: 20) { nodes { login } }
        comments(first: 100) { pageInfo { hasNextPage endCursor } nodes { databaseId body url createdAt author { login __typename } } }
      }
    }
  }
}`;

const RECURRING_ISSUE = `
fragment VigilRecurring on Issue {
  number title state stateReason createdAt closedAt body url
  author { login __typename }
  labels(first: 20) { nodes { name } }
  milestone { number title issues(states: [OPEN], first: 100) { nodes { number title url } } }
  comments(last: 50) { nodes { databaseId body url createdAt author { login __typename } } }
  timelineItems(itemTypes: [CLOSED_EVENT], last: 1) { nodes { ... on ClosedEvent { actor { login __typename } } } }
}`;

// A repository's recurring work: the latest issues of each kind, milestones, alerts, open post-mortem reviews, plans.
const RECURRING_FIELDS = `
    vulnerabilityAlerts(states: [OPEN], first: 1) @include(if: $withRecurring) { totalCount }
    milestones(first: 100, states: [OPEN, CLOSED], orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withRecurring) { nodes { number title state } }
    secReviews: issues(labels: ["security-review"], first: 10, states: [OPEN, CLOSED], orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withRecurring) { nodes { ...VigilRecurring } }
    patchRounds: issues(labels: ["patching"], first: 10, states: [OPEN, CLOSED], orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withRecurring) { nodes { ...VigilRecurring } }
    drills: issues(labels: ["ir-drill"], first: 30, states: [OPEN, CLOSED], orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withRecurring) { nodes { ...VigilRecurring } }
    pmReviews: issues(labels: ["postmortem-review"], first: 100, states: [OPEN]) @include(if: $withRecurring) { nodes { number title url } }
    mergedPulls: pullRequests(states: [MERGED], first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) @include(if: $withRecurring) {
      pageInfo { hasNextPage } nodes { number title url mergedAt updatedAt labels(first: 20) { nodes { name } } }
    }
    plans: object(expression: "HEAD:.github/incident-plans") @include(if: $withRecurring) { ... on Tree { entries { name type object { ... on Blob { text } } } } }`;

// Open pull requests with their head's scrutiny runs and their reviews, so the check finds a lost webhook without
// observing each pull request (SPEC 2.14). The 100 most recently updated: a quiet pull request was judged already.
// The reviews are the same latest 100 observe reads, so both compute the same digest; suites and runs named like
// Vigil's check are few (filtered by name server-side), which keeps the query's node count, and its cost, low.
const SCRUTINY_PULLS = `
    scrutinyPulls: pullRequests(states: [OPEN], first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) @include(if: $withScrutiny) {
      nodes {
        number headRefOid
        reviews(last: 100) { nodes { state submittedAt author { login __typename } commit { oid } } }
        commits(last: 1) {
          nodes { commit { oid checkSuites(first: 5, filterBy: { checkName: $checkName }) { nodes { app { slug } checkRuns(first: 10, filterBy: { checkName: $checkName }) { nodes { externalId } } } } } }
        }
      }
    }`;

/** The incidents a scheduled check looks at: open ones, closed ones updated lately, and those of open post-mortem work. */
export const CHECK_CANDIDATES = `
query VigilCandidates($owner: String!, $name: String!, $page: String, $since: DateTime!, $withRecurring: Boolean!,
  $withScrutiny: Boolean = false, $checkName: String = "") {
  repository(owner: $owner, name: $name) {
    ${RECURRING_FIELDS}
    ${SCRUTINY_PULLS}
    open: issues(first: 100, after: $page, states: [OPEN], labels: ["incident"], orderBy: { field: CREATED_AT, direction: ASC }) {
      pageInfo { hasNextPage endCursor } nodes { number }
    }
    closed: issues(first: 100, states: [CLOSED], labels: ["incident"], filterBy: { since: $since }, orderBy: { field: UPDATED_AT, direction: DESC }) {
      nodes { number }
    }
    pms: pullRequests(first: 100, labels: ["postmortem"], states: [OPEN, CLOSED], orderBy: { field: UPDATED_AT, direction: DESC }) {
      nodes { headRefName }
    }
    reviews: issues(first: 100, labels: ["postmortem-review"], states: [OPEN]) {
      nodes { body author { login __typename } }
    }
  }
}
${RECURRING_ISSUE}`;

/** A text file on the default branch. */
export const READ_FILE = `
query VigilReadFile($owner: String!, $name: String!, $expression: String!) {
  repository(owner: $owner, name: $name) { object(expression: $expression) { ... on Blob { text } } }
}`;

/** Who the token belongs to. */
export const VIEWER = `query VigilViewer { viewer { login __typename } }`;

/** The further pages of comments of an issue or pull request (the observe queries read the first 100). */
export const MORE_COMMENTS = `
query VigilMoreComments($owner: String!, $name: String!, $number: Int!, $after: String!) {
  repository(owner: $owner, name: $name) {
    issueOrPullRequest(number: $number) {
      ... on Issue { comments(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { databaseId body url createdAt lastEditedAt editor { login __typename } author { login __typename } } } }
      ... on PullRequest { comments(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { databaseId body url createdAt lastEditedAt editor { login __typename } author { login __typename } } } }
    }
  }
}`;

/** A repository's recurring work on its own (the scheduled check reads it with the candidates instead). */
export const OBSERVE_RECURRING = `
query VigilObserveRecurring($owner: String!, $name: String!, $withRecurring: Boolean = true) {
  repository(owner: $owner, name: $name) {
    ${RECURRING_FIELDS}
  }
}
${RECURRING_ISSUE}`;

/** Merged pull requests, most recently updated first (a merge is an update, so those merged since a date come first). */
export const MERGED_PULLS = `
query VigilMergedPulls($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: [MERGED], first: 100, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor } nodes { number title url mergedAt updatedAt labels(first: 20) { nodes { name } } }
    }
  }
}`;
