import { composeConfigGet } from "@probot/octokit-plugin-config";
import { Context } from "probot";
import { describe, expect, it } from "vitest";
import { loadRepoConfig, MAX_EXTENDS_DEPTH, type RepoConfig } from "../../src/config/load.js";
import { UnreadableConfigFile, type ConfigReader } from "../../src/config/reader.js";
import { CONFIG_PATH } from "../../src/config/schema.js";
import { validateConfig } from "../../src/config/validate.js";

const PEOPLE = "oncall: { rotation: [alice], securityOfficer: erin }\n";
const HOME = { owner: "my-org", repo: "app" };

type Files = Record<string, string | Error>;

/** A reader over files keyed `owner/repo:path`; an Error value is thrown when read. Records every read. */
function fakeReader(files: Files): ConfigReader & { reads: string[] } {
  const map = new Map(Object.entries(files));
  const reads: string[] = [];
  return {
    reads,
    async readFile(owner, repo, path) {
      const key = `${owner}/${repo}:${path}`;
      reads.push(key);
      const found = map.get(key);
      if (found instanceof Error) throw found;
      return found ?? null;
    },
  };
}

const own = (text: string): Files => ({ [`my-org/app:${CONFIG_PATH}`]: text });
const at = (repo: string, text: string, path = CONFIG_PATH): Files => ({ [`${repo}:${path}`]: text });

function problemsOf(result: RepoConfig) {
  if (result.kind !== "invalid") throw new Error(`expected an invalid configuration, got ${JSON.stringify(result)}`);
  return result.problems;
}

function configOf(result: RepoConfig) {
  if (result.kind !== "ok") throw new Error(`expected a valid configuration, got ${JSON.stringify(result)}`);
  return result.config;
}

describe("loadRepoConfig: where the file is found", () => {
  it("is absent when neither the repository nor the owner's .github repository has the file", async () => {
    const reader = fakeReader({});
    expect(await loadRepoConfig(reader, HOME)).toEqual({ kind: "absent" });
    expect(reader.reads).toEqual([`my-org/app:${CONFIG_PATH}`, `my-org/.github:${CONFIG_PATH}`]);
  });

  it("reads the repository's own file, with defaults, and nothing else", async () => {
    const reader = fakeReader(own(PEOPLE));
    const result = await loadRepoConfig(reader, HOME);
    expect(result).toMatchObject({ kind: "ok", config: { timezone: "UTC", oncall: { rotation: ["alice"], securityOfficer: "erin" } }, warnings: [] });
    expect(reader.reads).toEqual([`my-org/app:${CONFIG_PATH}`]);
  });

  it("falls back to the owner's .github repository", async () => {
    const result = await loadRepoConfig(fakeReader(at("my-org/.github", "oncall: { rotation: [org-a], securityOfficer: erin }\n")), HOME);
    expect(configOf(result).oncall.rotation).toEqual(["org-a"]);
  });

  it("names the owner's .github file in the problems of a fallback configuration", async () => {
    const result = await loadRepoConfig(fakeReader(at("my-org/.github", "oncall: { rotation: [] , securityOfficer: erin }\n")), HOME);
    expect(problemsOf(result)).toEqual([expect.objectContaining({ file: `my-org/.github:${CONFIG_PATH}`, key: "oncall.rotation" })]);
  });

  it("does not look for a fallback when the repository is the .github repository itself", async () => {
    const reader = fakeReader({});
    expect(await loadRepoConfig(reader, { owner: "my-org", repo: ".github" })).toEqual({ kind: "absent" });
    expect(reader.reads).toEqual([`my-org/.github:${CONFIG_PATH}`]);
  });

  it("treats an empty file as present (no fallback), missing the people", async () => {
    const reader = fakeReader({ ...own(""), ...at("my-org/.github", PEOPLE) });
    const result = await loadRepoConfig(reader, HOME);
    expect(problemsOf(result).map((p) => [p.file, p.key])).toEqual([[CONFIG_PATH, "oncall"]]);
    expect(reader.reads).toHaveLength(1);
  });

  it("reads afresh on every call", async () => {
    const files: Files = own(PEOPLE);
    const reader = fakeReader(files);
    expect((await loadRepoConfig(reader, HOME)).kind).toBe("ok");
    delete files[`my-org/app:${CONFIG_PATH}`];
    expect((await loadRepoConfig(fakeReader(files), HOME)).kind).toBe("absent");
  });
});

describe("loadRepoConfig: _extends", () => {
  it("follows `_extends: repo` within the same owner", async () => {
    const result = await loadRepoConfig(
      fakeReader({ ...own("_extends: security-policy\ntimezone: Europe/Berlin\n"), ...at("my-org/security-policy", PEOPLE) }),
      HOME,
    );
    expect(configOf(result)).toMatchObject({ timezone: "Europe/Berlin", oncall: { rotation: ["alice"], securityOfficer: "erin" } });
  });

  it("follows `_extends: owner/repo` to another owner", async () => {
    const reader = fakeReader({ ...own("_extends: other-org/base\n"), ...at("other-org/base", PEOPLE) });
    expect(configOf(await loadRepoConfig(reader, HOME)).oncall.securityOfficer).toBe("erin");
    expect(reader.reads).toEqual([`my-org/app:${CONFIG_PATH}`, `other-org/base:${CONFIG_PATH}`]);
  });

  it("follows `_extends: owner/repo:path/to/file.yml`", async () => {
    const result = await loadRepoConfig(
      fakeReader({ ...own("_extends: other-org/policies:vigil/base.yml\n"), ...at("other-org/policies", PEOPLE, "vigil/base.yml") }),
      HOME,
    );
    expect(configOf(result).oncall.rotation).toEqual(["alice"]);
  });

  it("follows _extends from the owner's .github fallback", async () => {
    const result = await loadRepoConfig(fakeReader({ ...at("my-org/.github", "_extends: policies\n"), ...at("my-org/policies", PEOPLE) }), HOME);
    expect(configOf(result).oncall.rotation).toEqual(["alice"]);
  });

  it("follows a chain, resolving a bare repository name against the loaded repository's owner (as the plugin does)", async () => {
    const reader = fakeReader({
      ...own("_extends: other-org/middle\nallowPublic: true\n"),
      ...at("other-org/middle", "_extends: base\ntimezone: Asia/Tokyo\n"),
      ...at("my-org/base", PEOPLE),
    });
    expect(configOf(await loadRepoConfig(reader, HOME))).toMatchObject({ allowPublic: true, timezone: "Asia/Tokyo", oncall: { rotation: ["alice"] } });
    expect(reader.reads.at(-1)).toBe(`my-org/base:${CONFIG_PATH}`);
  });

  it("lets the repository's lists replace inherited lists and merges groups of settings key by key", async () => {
    const result = await loadRepoConfig(
      fakeReader({
        ...own("_extends: .github\noncall:\n  rotation: [alice]\ncalendar: { extraHolidays: [2026-12-24] }\n"),
        ...at(
          "my-org/.github",
          "timezone: Europe/Berlin\noncall: { rotation: [org-a, org-b], securityOfficer: erin, escalate: ['@my-org/security'] }\ncalendar: { country: DE, extraHolidays: [2026-12-31] }\n",
        ),
      }),
      HOME,
    );
    expect(configOf(result)).toMatchObject({
      timezone: "Europe/Berlin",
      oncall: { rotation: ["alice"], securityOfficer: "erin", escalate: ["@my-org/security"] },
      calendar: { country: "DE", extraHolidays: ["2026-12-24"] },
    });
  });

  it("reports a loop, naming the file whose _extends closes it and the whole cycle", async () => {
    const result = await loadRepoConfig(fakeReader({ ...own("_extends: a\n"), ...at("my-org/a", "_extends: b\n"), ...at("my-org/b", "_extends: a\n") }), HOME);
    expect(problemsOf(result)).toEqual([
      {
        file: `my-org/b:${CONFIG_PATH}`,
        key: "_extends",
        message: `_extends goes round in a loop (my-org/a:${CONFIG_PATH} → my-org/b:${CONFIG_PATH} → my-org/a:${CONFIG_PATH}). Remove _extends from one of these files.`,
      },
    ]);
  });

  it("reports a file that extends itself, matching owner and repository case-insensitively", async () => {
    const result = await loadRepoConfig(fakeReader(own("_extends: My-Org/App\n" + PEOPLE)), HOME);
    expect(problemsOf(result)).toEqual([expect.objectContaining({ file: CONFIG_PATH, key: "_extends", message: expect.stringMatching(/loop/) })]);
  });

  it(`stops after ${MAX_EXTENDS_DEPTH} hops`, async () => {
    const files: Files = own("_extends: r1\n");
    for (let i = 1; i <= MAX_EXTENDS_DEPTH + 5; i++) Object.assign(files, at(`my-org/r${i}`, `_extends: r${i + 1}\n`));
    const reader = fakeReader(files);
    const problems = problemsOf(await loadRepoConfig(reader, HOME));
    expect(problems).toEqual([expect.objectContaining({ file: `my-org/r${MAX_EXTENDS_DEPTH}:${CONFIG_PATH}`, key: "_extends" })]);
    expect(problems[0]?.message).toMatch(new RegExp(`at most ${MAX_EXTENDS_DEPTH} times`));
    expect(reader.reads).toHaveLength(MAX_EXTENDS_DEPTH + 1);
  });

  it("reports a missing _extends target in the file that names it", async () => {
    const result = await loadRepoConfig(fakeReader({ ...own("_extends: other-org/gone:base.yml\n" + PEOPLE) }), HOME);
    expect(problemsOf(result)).toEqual([
      {
        file: CONFIG_PATH,
        key: "_extends",
        message: "_extends names other-org/gone:base.yml, which does not exist or which Vigil cannot read. Create that file, fix the name, or install the app on other-org/gone.",
      },
    ]);
  });

  it.each([
    ["a name the plugin's grammar rejects", "_extends: 'not a repo'\n", 'but it is "not a repo"'],
    ["a path that is not YAML", "_extends: other/base:base.json\n", 'but it is "other/base:base.json"'],
    ["a list", "_extends: [a, b]\n", "but it is a list"],
  ])("reports an _extends value that is %s", async (_what, text, detail) => {
    const problems = problemsOf(await loadRepoConfig(fakeReader(own(text + PEOPLE)), HOME));
    expect(problems).toEqual([expect.objectContaining({ file: CONFIG_PATH, key: "_extends" })]);
    expect(problems[0]?.message).toContain(detail);
  });

  it("ignores an empty _extends, as the plugin does", async () => {
    expect((await loadRepoConfig(fakeReader(own("_extends:\n" + PEOPLE)), HOME)).kind).toBe("ok");
  });

  it("names the file that wrote a wrong setting, and the repository's own file for a missing one", async () => {
    const result = await loadRepoConfig(
      fakeReader({ ...own("_extends: other-org/base\noncall: { rotation: [alice] }\n"), ...at("other-org/base", "timezone: Mars/Olympus\n") }),
      HOME,
    );
    expect(problemsOf(result).map((p) => [p.file, p.key])).toEqual(
      expect.arrayContaining([
        [`other-org/base:${CONFIG_PATH}`, "timezone"],
        [CONFIG_PATH, "oncall.securityOfficer"],
      ]),
    );
  });
});

describe("loadRepoConfig: unreadable files", () => {
  it("reports bad YAML with its line and column", async () => {
    const problems = problemsOf(await loadRepoConfig(fakeReader(own("oncall: rotation: [alice]\n")), HOME));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: CONFIG_PATH, key: "(root)" });
    expect(problems[0]?.message).toMatch(/^The file is not valid YAML: .* at line 1, column \d+\. Fix the syntax there/);
  });

  it("reports bad YAML in an _extends base against the base", async () => {
    const problems = problemsOf(await loadRepoConfig(fakeReader({ ...own("_extends: base\n"), ...at("my-org/base", "oncall: [alice\n") }), HOME));
    expect(problems).toEqual([expect.objectContaining({ file: `my-org/base:${CONFIG_PATH}`, key: "(root)", message: expect.stringMatching(/not valid YAML.*line 2/) })]);
  });

  it("reads dates as text (YAML 1.2 core schema, like the plugin's yaml package)", async () => {
    const config = configOf(await loadRepoConfig(fakeReader(own(PEOPLE + "calendar: { extraHolidays: [2026-12-24] }\n")), HOME));
    expect(config.calendar.extraHolidays).toEqual(["2026-12-24"]);
  });

  it.each([
    ["a list", "- alice\n- bob\n"],
    ["a single text", "just words\n"],
    ["a single number value", "42\n"],
  ])("reports a file holding %s instead of settings", async (kind, text) => {
    const problems = problemsOf(await loadRepoConfig(fakeReader(own(text)), HOME));
    expect(problems).toEqual([expect.objectContaining({ file: CONFIG_PATH, key: "(root)", message: expect.stringContaining(`holds ${kind} instead of settings`) })]);
  });

  it("reports a directory at the configuration path", async () => {
    const reader = fakeReader({ [`my-org/app:${CONFIG_PATH}`]: new UnreadableConfigFile("my-org", "app", CONFIG_PATH, "a directory") });
    expect(problemsOf(await loadRepoConfig(reader, HOME))).toEqual([
      { file: CONFIG_PATH, key: "(root)", message: `The path is a directory, not a configuration file. Put the settings in a YAML file at ${CONFIG_PATH}.` },
    ]);
  });

  it("lets a read failure propagate so the caller can retry", async () => {
    const failure = Object.assign(new Error("Server Error"), { status: 502 });
    await expect(loadRepoConfig(fakeReader({ ...own("_extends: base\n"), ...at("my-org/base", failure as never) }), HOME)).rejects.toBe(failure);
  });
});

// The same files through Probot's own context.config and the config plugin, over a fake request function: wherever
// the plugin yields a configuration, the loader yields the same one.
describe("loadRepoConfig agrees with Probot's context.config", () => {
  async function throughProbot(files: Files): Promise<unknown> {
    const request = Object.assign(
      async (options: { owner: string; repo: string; path: string }) => {
        const text = files[`${options.owner}/${options.repo}:${options.path}`];
        if (text === undefined) throw Object.assign(new Error("Not Found"), { status: 404 });
        return { data: text, headers: { "content-type": "text/plain; charset=utf-8" } };
      },
      { endpoint: (options: { owner: string; repo: string; path: string }) => ({ url: `https://api.github.com/repos/${options.owner}/${options.repo}/contents/${options.path}` }) },
    );
    const octokit = { config: { get: (options: never) => composeConfigGet({ request } as never, options) } };
    const fakeContext = { repo: (extra: object) => ({ ...HOME, ...extra }), octokit };
    // Exactly what src/config/load.ts did before: lists in the repository replace inherited ones.
    return Context.prototype.config.call(fakeContext as never, "incident-response.yml", undefined, { arrayMerge: (_base: unknown[], mine: unknown[]) => mine });
  }

  const cases: [string, Files][] = [
    ["own file", own(PEOPLE + "timezone: Europe/Paris\n")],
    ["org fallback", at("my-org/.github", PEOPLE)],
    ["same-owner _extends", { ...own("_extends: base\ntimezone: Asia/Tokyo\n"), ...at("my-org/base", PEOPLE) }],
    ["cross-owner _extends with path", { ...own("_extends: o2/p:x/y.yaml\n"), ...at("o2/p", PEOPLE + "allowPublic: true\n", "x/y.yaml") }],
    [
      "chain with list replacement and nested merge",
      {
        ...own("_extends: o2/mid\noncall: { rotation: [bob] }\ncalendar: { workingDays: [mon] }\n"),
        ...at("o2/mid", "_extends: base\ncalendar: { country: US, workingDays: [tue, wed] }\n"),
        ...at("my-org/base", "oncall: { rotation: [x, y], securityOfficer: erin, escalate: [carol] }\npostmortem: { workingDays: 5 }\n"),
      },
    ],
  ];

  it.each(cases)("%s", async (_name, files) => {
    const probot = validateConfig(await throughProbot(files), CONFIG_PATH);
    expect(probot.ok).toBe(true);
    expect(configOf(await loadRepoConfig(fakeReader(files), HOME))).toEqual(probot.ok ? probot.config : undefined);
  });

  it("absent", async () => {
    expect(await throughProbot({})).toBeNull();
    expect(await loadRepoConfig(fakeReader({}), HOME)).toEqual({ kind: "absent" });
  });

  it("the plugin also rejects a loop (our message names the cycle)", async () => {
    const files = { ...own("_extends: a\n"), ...at("my-org/a", "_extends: app\n") };
    await expect(throughProbot(files)).rejects.toThrow(/Recursion detected/);
    expect(problemsOf(await loadRepoConfig(fakeReader(files), HOME))[0]?.key).toBe("_extends");
  });
});
