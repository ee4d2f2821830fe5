import { describe, expect, it } from "vitest";
import { drillPlans } from "../../../src/domain/recurring/drill-rotation.js";

const PLANS = ["Ransomware", "Lost laptop", "Data breach", "DDoS", "Insider threat"];

describe("drillPlans", () => {
  it("rotates five plans, two a year, so every plan is exercised", () => {
    const history: string[][] = [];
    for (let year = 0; year < 3; year++) history.push(drillPlans(PLANS, 2, history));
    expect(history).toEqual([
      ["Ransomware", "Lost laptop"],
      ["Data breach", "DDoS"],
      ["Insider threat", "Ransomware"],
    ]);
    expect(drillPlans(PLANS, 2, history)).toEqual(["Lost laptop", "Data breach"]);
  });

  it("compares names by slug and counts a plan configured twice once", () => {
    expect(drillPlans(["Lost laptop", "lost-laptop", "DDoS"], 5, [["LOST LAPTOP"]])).toEqual(["DDoS", "Lost laptop"]);
  });

  it("prefers plans never drilled, then those drilled longest ago; ignores plans no longer configured", () => {
    expect(drillPlans(["a", "b", "c"], 2, [["c", "gone"], ["a"], ["b"]])).toEqual(["c", "a"]);
    expect(drillPlans(["a", "b", "c", "d"], 1, [["c"], ["a"]])).toEqual(["b"]);
  });

  it("chooses at most as many as there are, and none for perYear 0", () => {
    expect(drillPlans(["a"], 3, [])).toEqual(["a"]);
    expect(drillPlans(["a", "b"], 0, [])).toEqual([]);
    expect(drillPlans([], 2, [])).toEqual([]);
  });
});
