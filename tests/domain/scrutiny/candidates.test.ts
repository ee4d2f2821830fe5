import { describe, expect, it } from "vitest";
import { reviewsDigest } from "../../../src/domain/scrutiny/approval.js";
import { pullsToCheck, type ListedPull } from "../../../src/domain/scrutiny/candidates.js";

const VIGIL = { login: "vigil[bot]", isBot: true };
const approval = { author: { login: "carol", isBot: false }, state: "APPROVED" as const, commitOid: "h", submittedAt: "2026-01-01T00:00:00Z" };
const listed = (number: number, over: Partial<ListedPull> = {}): ListedPull => ({ number, headOid: "h", runs: [{ appSlug: "vigil", externalId: reviewsDigest([]) }], reviews: [], ...over });

describe("pullsToCheck", () => {
  it("leaves a pull request judged from the reviews it has now", () => {
    expect(pullsToCheck([listed(1), listed(2, { reviews: [approval], runs: [{ appSlug: "vigil", externalId: reviewsDigest([approval]) }] })], VIGIL)).toEqual([]);
  });

  it("takes one whose head has no run of Vigil's (another app's does not count) and one whose review webhook was lost", () => {
    const pulls = [listed(3, { runs: [] }), listed(4, { runs: [{ appSlug: "impostor", externalId: reviewsDigest([]) }] }), listed(5, { reviews: [approval] })];
    expect(pullsToCheck(pulls, VIGIL)).toEqual([3, 4, 5]);
  });

  it("takes none with a person's token, which cannot own check runs", () => {
    expect(pullsToCheck([listed(3, { runs: [] })], { login: "erin", isBot: false })).toEqual([]);
  });
});
