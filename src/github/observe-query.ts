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
    nodes { databaseId body url createdAt author { login __typename } }
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

/** One issue with a page of its comments (`$after` pages through them). */
export const OBSERVE_ISSUE = `
query VigilObserveIssue($owner: String!, $name: String!, $number: Int!, $after: String,
  $withProject: Boolean!, $projectOwner: String!, $projectNumber: Int!) {
  repository(owner: $owner, name: $name) {
    ${REPO_FIELDS}
    issue(number: $number) { ...VigilIssue }
  }
  ${PROJECT}
}
${ISSUE_FIELDS}
${PROJECT_FIELDS}`;

/** A page of the repository's open incidents, each with its first page of comments. */
export const OBSERVE_INCIDENTS = `
query VigilObserveIncidents($owner: String!, $name: String!, $page: String, $after: String,
  $withProject: Boolean!, $projectOwner: String!, $projectNumber: Int!) {
  repository(owner: $owner, name: $name) {
    ${REPO_FIELDS}
    issues(first: 25, after: $page, states: [OPEN], labels: ["incident"], orderBy: { field: CREATED_AT, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { ...VigilIssue }
    }
  }
  ${PROJECT}
}
${ISSUE_FIELDS}
${PROJECT_FIELDS}`;

/** Who the token belongs to. */
export const VIEWER = `query VigilViewer { viewer { login __typename } }`;
