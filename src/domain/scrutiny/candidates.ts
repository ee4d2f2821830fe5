import { isOwn, type Identity } from "../../markers/identity.js";
import { reviewsDigest } from "./approval.js";
import type { ObservedReview } from "./observation.js";

/** An open pull request as the scheduled check lists it: its head's scrutiny runs and its reviews. */
export interface ListedPull {
  number: number;
  headOid: string;
  /** Check runs named like Vigil's on the head, with the app that made each. */
  runs: { appSlug: string | null; externalId: string | null }[];
  reviews: Pick<ObservedReview, "author" | "state" | "commitOid" | "submittedAt">[];
}

/**
 * The open pull requests a scheduled check should judge: those whose head has no run of Vigil's (the webhook of the
 * push never arrived or failed) and those whose run was decided from other reviews than the pull request has now
 * (a review webhook was lost). Everything else was judged from what it is now, so a quiet check costs nothing more.
 */
export function pullsToCheck(pulls: readonly ListedPull[], identity: Identity): number[] {
  if (!identity.isBot) return [];
  return pulls
    .filter((p) => {
      const ours = p.runs.filter((r) => r.appSlug !== null && isOwn({ login: r.appSlug, isBot: true }, identity));
      if (ours.length === 0) return true;
      const digest = reviewsDigest(p.reviews);
      return ours.some((r) => r.externalId !== digest);
    })
    .map((p) => p.number)
    .sort((a, b) => a - b);
}
