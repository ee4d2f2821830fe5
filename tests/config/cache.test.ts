import { describe, expect, it } from "vitest";
import { ConfigCache, DEFAULT_CONFIG_MAX_AGE_MS, touchesConfiguration } from "../../src/config/cache.js";
import type { ConfigReader } from "../../src/config/reader.js";
import { CONFIG_PATH } from "../../src/config/schema.js";

const PEOPLE = "oncall: { rotation: [alice], securityOfficer: erin }\n";

function setup(files: Record<string, string> = {}) {
  const map = new Map(Object.entries(files));
  let reads = 0;
  let failNext: Error | undefined;
  const reader: ConfigReader = {
    async readFile(owner, repo, path) {
      reads++;
      if (failNext) {
        const failure = failNext;
        failNext = undefined;
        throw failure;
      }
      return map.get(`${owner}/${repo}:${path}`) ?? null;
    },
  };
  let now = 1_000_000;
  const cache = new ConfigCache({ now: () => now });
  return {
    cache,
    reader,
    map,
    reads: () => reads,
    advance: (ms: number) => (now += ms),
    fail: (error: Error) => (failNext = error),
  };
}

describe("ConfigCache", () => {
  it("keeps a configuration for ten minutes by default, keyed case-insensitively", async () => {
    const t = setup({ [`my-org/app:${CONFIG_PATH}`]: PEOPLE });
    expect((await t.cache.get(t.reader, { owner: "my-org", repo: "app" })).kind).toBe("ok");
    t.advance(DEFAULT_CONFIG_MAX_AGE_MS - 1);
    expect((await t.cache.get(t.reader, { owner: "My-Org", repo: "APP" })).kind).toBe("ok");
    expect(t.reads()).toBe(1);
    t.advance(1);
    await t.cache.get(t.reader, { owner: "my-org", repo: "app" });
    expect(t.reads()).toBe(2);
  });

  it("honours a configured max age", async () => {
    const t = setup();
    const cache = new ConfigCache({ maxAgeMs: 1000, now: () => 0 });
    await cache.get(t.reader, { owner: "o", repo: "r" });
    await cache.get(t.reader, { owner: "o", repo: "r" });
    expect(t.reads()).toBe(2); // own file and the .github fallback, once
  });

  it("caches an absent configuration too, and shares one load between concurrent callers", async () => {
    const t = setup();
    const [a, b] = await Promise.all([t.cache.get(t.reader, { owner: "o", repo: "r" }), t.cache.get(t.reader, { owner: "o", repo: "r" })]);
    expect(a).toEqual({ kind: "absent" });
    expect(b).toBe(a);
    expect(t.reads()).toBe(2);
  });

  it("does not keep a failed load", async () => {
    const t = setup({ [`o/r:${CONFIG_PATH}`]: PEOPLE });
    const failure = new Error("502");
    t.fail(failure);
    await expect(t.cache.get(t.reader, { owner: "o", repo: "r" })).rejects.toBe(failure);
    expect((await t.cache.get(t.reader, { owner: "o", repo: "r" })).kind).toBe("ok");
  });

  it("invalidate(owner, repo) drops that repository and every configuration read from it", async () => {
    const t = setup({
      [`my-org/app:${CONFIG_PATH}`]: "_extends: other-org/base\n",
      [`other-org/base:${CONFIG_PATH}`]: PEOPLE,
      [`my-org/lib:${CONFIG_PATH}`]: PEOPLE,
    });
    await t.cache.get(t.reader, { owner: "my-org", repo: "app" });
    await t.cache.get(t.reader, { owner: "my-org", repo: "lib" });
    expect(t.cache.size).toBe(2);
    t.map.set(`other-org/base:${CONFIG_PATH}`, "oncall: { rotation: [bob], securityOfficer: erin }\n");
    t.cache.invalidate("Other-Org", "base");
    expect(t.cache.size).toBe(1);
    expect(await t.cache.get(t.reader, { owner: "my-org", repo: "app" })).toMatchObject({ config: { oncall: { rotation: ["bob"] } } });
    t.cache.invalidate("my-org", "lib");
    expect(t.cache.size).toBe(1);
  });

  it("a repository that fell back to the owner's .github depends on it; one with its own file does not", async () => {
    const t = setup({ [`my-org/.github:${CONFIG_PATH}`]: PEOPLE, [`my-org/own:${CONFIG_PATH}`]: PEOPLE });
    await t.cache.get(t.reader, { owner: "my-org", repo: "fallback" });
    await t.cache.get(t.reader, { owner: "my-org", repo: "own" });
    t.cache.invalidate("my-org", ".github");
    expect(t.cache.size).toBe(1);
    const before = t.reads();
    await t.cache.get(t.reader, { owner: "my-org", repo: "own" });
    expect(t.reads()).toBe(before);
  });

  it("invalidateOwner(owner) drops every repository of the owner and every configuration read from it", async () => {
    const t = setup({
      [`my-org/a:${CONFIG_PATH}`]: PEOPLE,
      [`my-org/b:${CONFIG_PATH}`]: PEOPLE,
      [`other/c:${CONFIG_PATH}`]: "_extends: my-org/a\n",
      [`other/d:${CONFIG_PATH}`]: PEOPLE,
    });
    for (const [owner, repo] of [["my-org", "a"], ["my-org", "b"], ["other", "c"], ["other", "d"]] as const) await t.cache.get(t.reader, { owner, repo });
    t.cache.invalidateOwner("MY-ORG");
    expect(t.cache.size).toBe(1);
  });

  it("an invalidation during a load wins: the stale result is not kept", async () => {
    const t = setup({ [`o/r:${CONFIG_PATH}`]: PEOPLE });
    const loading = t.cache.get(t.reader, { owner: "o", repo: "r" });
    t.cache.invalidate("o", "r");
    await loading;
    expect(t.cache.size).toBe(0);
  });
});

describe("touchesConfiguration", () => {
  it("is true for a push changing the configuration or any YAML file an _extends could name", () => {
    expect(touchesConfiguration([CONFIG_PATH])).toBe(true);
    expect(touchesConfiguration(["README.md", "policies/vigil.YAML"])).toBe(true);
    expect(touchesConfiguration(["src/index.ts", "README.md"])).toBe(false);
    expect(touchesConfiguration([])).toBe(false);
  });
});
