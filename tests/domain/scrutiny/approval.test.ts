import { describe, expect, it } from "vitest";
import { decideApproval, membershipKey, reviewsDigest } from "../../../src/domain/scrutiny/approval.js";
import type { ObservedReview } from "../../../src/domain/scrutiny/observation.js";

const HEAD = "h".repeat(40);
const OLD = "o".repeat(40);
const author = { login: "dave", isBot: false };
let clock = 0;
const r = (login: string, state: ObservedReview["state"], commitOid = HEAD, isBot = false): ObservedReview => ({ author: { login, isBot }, state, commitOid, submittedAt: new Date(Date.UTC(2026, 10, 23, 0, clock++)).toISOString() });
const decide = (reviews: ObservedReview[], reviewers = ["carol", "@acme/appsec"], memberships = new Map<string, boolean>()) => decideApproval({ reviews, headOid: HEAD, author, reviewers, memberships });

describe("decideApproval", () => {
  it("a listed reviewer's approval of the head counts, case aside", () => {
    expect(decide([r("Carol", "APPROVED")])).toEqual({ kind: "approved", by: "Carol" });
  });

  it("an approval of an older head does not", () => {
    expect(decide([r("carol", "APPROVED", OLD)], ["carol"])).toEqual({ kind: "unapproved" });
  });

  it("the latest opinion counts: a change request or dismissal after it cancels, a comment does not", () => {
    expect(decide([r("carol", "APPROVED"), r("carol", "CHANGES_REQUESTED")], ["carol"]).kind).toBe("unapproved");
    expect(decide([r("carol", "APPROVED"), r("carol", "DISMISSED")], ["carol"]).kind).toBe("unapproved");
    expect(decide([r("carol", "APPROVED"), r("carol", "COMMENTED")], ["carol"]).kind).toBe("approved");
  });

  it("the author and bots never count", () => {
    expect(decide([r("dave", "APPROVED")], ["dave"]).kind).toBe("unapproved");
    expect(decide([r("carol", "APPROVED", HEAD, true)], ["carol"]).kind).toBe("unapproved");
  });

  it("asks for the team membership of an approver not listed by name, then decides from the answer", () => {
    const need = decide([r("frank", "APPROVED")]);
    expect(need).toEqual({ kind: "need", memberships: [{ org: "acme", team: "appsec", login: "frank" }] });
    expect(decide([r("frank", "APPROVED")], undefined, new Map([[membershipKey({ org: "acme", team: "appsec", login: "frank" }), true]]))).toEqual({ kind: "approved", by: "frank" });
    expect(decide([r("frank", "APPROVED")], undefined, new Map([[membershipKey({ org: "acme", team: "appsec", login: "frank" }), false]]))).toEqual({ kind: "unapproved" });
  });
});

describe("reviewsDigest", () => {
  it("changes with anyone's latest opinion and not with comments", () => {
    const base = [r("carol", "APPROVED")];
    expect(reviewsDigest([...base, r("x", "COMMENTED")])).toBe(reviewsDigest(base));
    expect(reviewsDigest([...base, r("carol", "DISMISSED")])).not.toBe(reviewsDigest(base));
    expect(reviewsDigest([r("carol", "APPROVED", OLD)])).not.toBe(reviewsDigest(base));
  });
});
