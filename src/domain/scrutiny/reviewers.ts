import { mentionOrName, teamMentionOrName } from "../sanitize.js";

/** Configured reviewers (logins and `@org/team`) named without notifying anyone: the review request notifies. */
export function reviewerNames(reviewers: readonly string[]): string {
  const names = reviewers.map((r) => (r.startsWith("@") ? `team ${teamMentionOrName(r, false)}` : mentionOrName(r, false)));
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** The review request still to make: reviewers not yet asked, never the author (GitHub refuses that). */
export function reviewersToRequest(reviewers: readonly string[], author: string, requested: { users: readonly string[]; teams: readonly string[] }): { users: string[]; teams: string[] } {
  const lower = (s: string) => s.toLowerCase();
  const users = reviewers.filter((r) => !r.startsWith("@") && lower(r) !== lower(author) && !requested.users.some((u) => lower(u) === lower(r)));
  const teams = reviewers.filter((r) => r.startsWith("@")).map((r) => r.slice(1)).filter((t) => !requested.teams.some((u) => lower(u) === lower(t)));
  return { users, teams };
}
