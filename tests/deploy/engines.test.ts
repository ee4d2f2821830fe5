import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string }; overrides?: Record<string, string> };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { dev?: boolean; engines?: { node?: string } | string[] }> };

describe("package.json engines", () => {
  it("admits no Node.js version that a production dependency declares it does not run on", () => {
    const narrower = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== "" && !entry.dev && !Array.isArray(entry.engines) && entry.engines?.node)
      .filter(([, entry]) => !semver.subset(pkg.engines.node, (entry.engines as { node: string }).node))
      .map(([path, entry]) => `${path}: ${(entry.engines as { node: string }).node}`);
    expect(narrower).toEqual([]);
  });

  // content-type 3.x (wanted by @octokit/request) declares Node.js 22; 2.1.0 has the same parse() and
  // declares Node.js 18. Every GitHub response in the suite goes through it.
  it("installs only content-type 2.1.0, the version pinned in overrides", () => {
    expect(pkg.overrides?.["content-type"]).toBe("2.1.0");
    const installed = Object.entries(lock.packages).filter(([path]) => path.endsWith("node_modules/content-type"));
    expect(installed.map(([, entry]) => (entry as { version?: string }).version)).toEqual(["2.1.0"]);
  });
});
