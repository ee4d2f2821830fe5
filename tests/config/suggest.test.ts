import { describe, expect, it } from "vitest";
import { closest, didYouMean, editDistance } from "../../src/config/suggest.js";

describe("suggestions", () => {
  it("measures edits ignoring case", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("CA", "ca")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("prefers an exact match, then a unique prefix, then a near miss", () => {
    expect(closest("PUBLIC", ["public", "bank"])).toBe("public");
    expect(closest("monday", ["mon", "tue"])).toBe("mon");
    expect(closest("Calif", ["California", "Colorado"])).toBe("California");
    expect(closest("holidayTyps", ["holidayTypes", "workingDays"])).toBe("holidayTypes");
  });

  it("does not guess for short or distant inputs", () => {
    expect(closest("ZZ", ["ZA", "ZM", "ZW"])).toBeUndefined();
    expect(closest("colour", ["timezone", "calendar"])).toBeUndefined();
    expect(closest("", ["a"])).toBeUndefined();
    expect(didYouMean("colour", ["timezone"])).toBe("");
    expect(didYouMean("oncal", ["oncall"])).toBe(" Did you mean oncall?");
  });
});
