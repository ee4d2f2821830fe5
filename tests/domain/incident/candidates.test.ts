import { describe, expect, it } from "vitest";
import { closedSince, incidentsToCheck } from "../../../src/domain/incident/candidates.js";
import { renderMarker } from "../../../src/markers/define.js";
import { POSTMORTEM_REVIEW } from "../../../src/markers/kinds.js";

const VIGIL = { login: "vigil[bot]", isBot: true };

describe("incidentsToCheck", () => {
  it("joins open and recently closed incidents, unmerged post-mortems and Vigil's open review issues, once each", () => {
    const review = `${renderMarker(POSTMORTEM_REVIEW, { issue: 4, pr: 9, due: "2026-12-28" })}\nreview`;
    const numbers = incidentsToCheck({
      incidents: [7, 2],
      postmortemBranches: ["postmortem/incident-3", "postmortem/incident-7", "feature/x"],
      recurring: undefined,
      reviews: [{ body: review, author: { login: "vigil", isBot: true } }, { body: review.replace('"issue":4', '"issue":5'), author: { login: "mallory", isBot: false } }],
    }, VIGIL);
    expect(numbers).toEqual([2, 3, 4, 7]);
  });

  it("looks back 90 days for closed incidents", () => {
    expect(closedSince(new Date("2026-11-28T00:00:00Z"))).toBe("2026-08-30T00:00:00.000Z");
  });
});
