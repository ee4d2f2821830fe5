import type { Author } from "../../markers/identity.js";
import { shortHash } from "../hash.js";
import type { ObservedReview } from "./observation.js";

/** A team membership the decision depends on: is `login` an active member of `org/team`? */
export interface MembershipQuestion {
  org: string;
  team: string;
  login: string;
}

/** The key of a membership answer in the map the planner is given. */
export const membershipKey = (q: MembershipQuestion) => `${q.org}/${q.team}:${q.login}`.toLowerCase();

/** Whether a reviewer has approved the current head, or which memberships must be looked up to tell. */
export type Approval = { kind: "approved"; by: string } | { kind: "unapproved" } | { kind: "need"; memberships: MembershipQuestion[] };

const OPINIONS = new Set<ObservedReview["state"]>(["APPROVED", "CHANGES_REQUESTED", "DISMISSED"]);

/**
 * Each person's latest opinion counts (a comment is no opinion; a later change request or a dismissal cancels an
 * approval), and an approval counts only for the head it was given on, so a push needs a new one. The pull request's
 * author and bots never count. `reviewers` are logins and `@org/team` names.
 */
export function decideApproval(input: { reviews: readonly ObservedReview[]; headOid: string; author: Author; reviewers: readonly string[]; memberships: ReadonlyMap<string, boolean> }): Approval {
  const latest = new Map<string, ObservedReview>();
  const ordered = [...input.reviews].filter((r) => OPINIONS.has(r.state) && r.submittedAt !== null).sort((a, b) => (a.submittedAt! < b.submittedAt! ? -1 : a.submittedAt! > b.submittedAt! ? 1 : 0));
  for (const review of ordered) latest.set(review.author.login.toLowerCase(), review);
  const approvers = [...latest.values()]
    .filter((r) => r.state === "APPROVED" && r.commitOid === input.headOid && !r.author.isBot && r.author.login.toLowerCase() !== input.author.login.toLowerCase())
    .map((r) => r.author.login);
  const users = new Set(input.reviewers.filter((r) => !r.startsWith("@")).map((r) => r.toLowerCase()));
  const teams = input.reviewers.filter((r) => r.startsWith("@")).map((r) => r.slice(1).split("/") as [string, string]);
  const named = approvers.find((login) => users.has(login.toLowerCase()));
  if (named) return { kind: "approved", by: named };
  const missing: MembershipQuestion[] = [];
  for (const login of approvers) {
    for (const [org, team] of teams) {
      const known = input.memberships.get(membershipKey({ org, team, login }));
      if (known === true) return { kind: "approved", by: login };
      if (known === undefined) missing.push({ org, team, login });
    }
  }
  return missing.length > 0 ? { kind: "need", memberships: missing } : { kind: "unapproved" };
}

/**
 * A short digest of everyone's latest opinion (who, what, on which commit), stored with the check run: the scheduled
 * check compares it with the reviews it lists to find a pull request whose review webhook never arrived.
 */
export function reviewsDigest(reviews: readonly Pick<ObservedReview, "author" | "state" | "commitOid" | "submittedAt">[]): string {
  const latest = new Map<string, string>();
  const ordered = reviews.filter((r) => OPINIONS.has(r.state) && r.submittedAt !== null).sort((a, b) => (a.submittedAt! < b.submittedAt! ? -1 : a.submittedAt! > b.submittedAt! ? 1 : 0));
  for (const r of ordered) latest.set(r.author.login.toLowerCase(), `${r.state}:${r.commitOid ?? ""}`);
  return shortHash(JSON.stringify([...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}
