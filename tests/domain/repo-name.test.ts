import { describe, expect, it } from "vitest";
import { parseRepoName } from "../../src/domain/repo-name.js";

describe("parseRepoName", () => {
  it("reads owner/name", () => {
    expect(parseRepoName("acme/incidents")).toEqual({ owner: "acme", repo: "incidents" });
    expect(parseRepoName("my-org/.github")).toEqual({ owner: "my-org", repo: ".github" });
  });

  it("refuses anything else", () => {
    for (const bad of ["", "acme", "acme/", "/x", "a/b/c", "-acme/x", "acme/..", "ac me/x", "acme/x y", null, undefined]) {
      expect(parseRepoName(bad)).toBeNull();
    }
  });
});
