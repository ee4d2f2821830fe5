// The GraphQL document scrutiny observes a pull request with: one request reads its head, draft state, author, fork
// or not, labels, Vigil's comments, reviews with the commit each was given on, pending review requests, and the check
// runs named like Vigil's on its head commit with the app that made each. The changed files' patches are REST only.

/** One pull request as top-threat scrutiny sees it (SPEC 2.14). */
export const OBSERVE_PULL = `
query VigilObservePull($owner: String!, $name: String!, $number: Int!, $checkName: String!) {
  repository(owner: $owner, name: $name) {
    labels(first: 100) { nodes { name } }
    pullRequest(number: $number) {
      number state isDraft headRefOid isCrossRepository changedFiles
      author { login __typename }
      labels(first: 100) { nodes { name } }
      comments(first: 100) { pageInfo { hasNextPage endCursor } nodes { databaseId body url createdAt author { login __typename } } }
      reviews(last: 100) { nodes { state submittedAt author { login __typename } commit { oid } } }
      reviewRequests(first: 100) { nodes { requestedReviewer { __typename ... on User { login } ... on Team { slug organization { login } } } } }
      commits(last: 1) {
        nodes {
          commit {
            oid
            checkSuites(first: 10, filterBy: { checkName: $checkName }) {
              nodes { app { slug } checkRuns(first: 10, filterBy: { checkName: $checkName }) { nodes { databaseId name status conclusion title summary externalId } } }
            }
          }
        }
      }
    }
  }
}`;
