import type { Octokit } from "@octokit/rest";
import type { ProbotOctokit } from "probot";
import { describe, expect, expectTypeOf, it } from "vitest";
import { UnreadableConfigFile } from "../../src/config/reader.js";
import { octokitReader, type ContentsClient } from "../../src/github/config-reader.js";

function fakeOctokit(answer: (params: { owner: string; repo: string; path: string }) => unknown): ContentsClient & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    rest: {
      repos: {
        async getContent(params) {
          calls.push(params);
          const data = answer(params);
          if (data instanceof Error) throw data;
          return { data };
        },
      },
    },
  };
}

const file = (text: string) => ({ type: "file", encoding: "base64", content: Buffer.from(text).toString("base64").replace(/(.{60})/g, "$1\n") });
const status = (code: number) => Object.assign(new Error(`HTTP ${code}`), { status: code });

describe("octokitReader", () => {
  it("accepts both a Probot installation client and @octokit/rest's Octokit", () => {
    expectTypeOf<ProbotOctokit>().toExtend<ContentsClient>();
    expectTypeOf<Octokit>().toExtend<ContentsClient>();
  });

  it("reads a file from the default branch and decodes its base64 content (line breaks included)", async () => {
    const text = "oncall:\n  rotation: [alice, bob, carol, dave, erin, frank, grace, heidi, ivan, judy]\n  securityOfficer: ünïcødé\n";
    const octokit = fakeOctokit(() => file(text));
    expect(await octokitReader(octokit).readFile("my-org", "app", ".github/incident-response.yml")).toBe(text);
    expect(octokit.calls).toEqual([{ owner: "my-org", repo: "app", path: ".github/incident-response.yml" }]);
  });

  it("answers null for 404", async () => {
    expect(await octokitReader(fakeOctokit(() => status(404))).readFile("o", "r", "p.yml")).toBeNull();
  });

  it.each([
    ["a directory listing", [{ type: "file", name: "x" }], "a directory"],
    ["a submodule", { type: "submodule" }, "a submodule"],
    ["a symbolic link", { type: "symlink", target: "x" }, "a symbolic link"],
    ["a file over 1 MB", { type: "file", encoding: "none", content: "" }, "a file too large to read through the contents API"],
  ])("throws UnreadableConfigFile for %s", async (_what, data, found) => {
    const read = octokitReader(fakeOctokit(() => data)).readFile("o", "r", "p.yml");
    await expect(read).rejects.toBeInstanceOf(UnreadableConfigFile);
    await expect(read).rejects.toMatchObject({ owner: "o", repo: "r", path: "p.yml", found });
  });

  it.each([403, 429, 500, 502])("lets HTTP %i propagate", async (code) => {
    const failure = status(code);
    await expect(octokitReader(fakeOctokit(() => failure)).readFile("o", "r", "p.yml")).rejects.toBe(failure);
  });
});
