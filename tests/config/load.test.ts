import nock from "nock";
import { Context, ProbotOctokit } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { loadRepoConfig, type ConfigContext } from "../../src/config/load.js";
import { CONFIG_PATH } from "../../src/config/schema.js";

const VALID = { oncall: { rotation: ["alice"], securityOfficer: "erin" } };

function fakeContext(answer: () => Promise<unknown>): ConfigContext & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    config: (...args: unknown[]) => {
      calls.push(args);
      return answer();
    },
  };
}

describe("loadRepoConfig with a fake context", () => {
  it("reports a repository without the file as absent", async () => {
    expect(await loadRepoConfig(fakeContext(async () => null))).toEqual({ kind: "absent" });
  });

  it("returns the defaulted config of a valid file, read by its name under .github", async () => {
    const context = fakeContext(async () => VALID);
    const result = await loadRepoConfig(context);
    expect(result).toMatchObject({ kind: "ok", config: { timezone: "UTC", oncall: { rotation: ["alice"] } }, warnings: [] });
    expect(context.calls[0]?.[0]).toBe("incident-response.yml");
  });

  it("asks Probot to let a repository's lists replace inherited ones", async () => {
    const context = fakeContext(async () => VALID);
    await loadRepoConfig(context);
    const options = context.calls[0]?.[2] as { arrayMerge: (a: unknown[], b: unknown[]) => unknown[] };
    expect(options.arrayMerge(["base"], ["own"])).toEqual(["own"]);
  });

  it("returns every problem of an invalid file, against the config path", async () => {
    const result = await loadRepoConfig(fakeContext(async () => ({ oncall: { rotation: [] }, timezone: "Nowhere" })));
    expect(result.kind).toBe("invalid");
    if (result.kind !== "invalid") return;
    expect(result.problems.map((p) => p.key).sort()).toEqual(["oncall.rotation", "oncall.securityOfficer", "timezone"]);
    expect(new Set(result.problems.map((p) => p.file))).toEqual(new Set([CONFIG_PATH]));
  });

  it("turns the config plugin's unreadable-file errors into a problem", async () => {
    const error = new Error("[@probot/octokit-plugin-config] Configuration could not be parsed from https://x/y (invalid YAML)", {
      cause: new Error("Nested mappings are not allowed in compact mappings at line 1, column 4:\n\na: b: c\n"),
    });
    const result = await loadRepoConfig(fakeContext(() => Promise.reject(error)));
    expect(result).toEqual({
      kind: "invalid",
      problems: [
        {
          file: CONFIG_PATH,
          key: "(root)",
          message:
            "Configuration could not be parsed from https://x/y (invalid YAML): Nested mappings are not allowed in compact mappings at line 1, column 4. Fix the file; Vigil reads it again on the next event.",
        },
      ],
    });
  });

  it("lets a fetch failure propagate so the caller can retry", async () => {
    const failure = Object.assign(new Error("Server Error"), { status: 502 });
    await expect(loadRepoConfig(fakeContext(() => Promise.reject(failure)))).rejects.toBe(failure);
  });

  it("reads afresh on every call", async () => {
    let answer: unknown = VALID;
    const context = fakeContext(async () => answer);
    expect((await loadRepoConfig(context)).kind).toBe("ok");
    answer = null;
    expect((await loadRepoConfig(context)).kind).toBe("absent");
  });
});

// The same through Probot's real context.config, so `_extends` and the organisation's .github repository behave as
// Probot makes them behave; GitHub is faked at the HTTP level.
describe("loadRepoConfig through Probot", () => {
  const api = () => nock("https://api.github.com");
  const contents = (repo: string) => new RegExp(`^/repos/my-org/${repo.replace(".", "\\.")}/contents/\\.github(%2F|/)incident-response\\.yml`);
  // GitHub serves raw file contents as text; Octokit reads anything else as binary.
  const raw = { "content-type": "text/plain; charset=utf-8" };

  function probotContext(): Context {
    const octokit = new ProbotOctokit({ retry: { enabled: false }, throttle: { enabled: false } });
    const payload = { repository: { name: "app", owner: { login: "my-org" } } };
    return new Context({ id: "1", name: "issues", payload } as never, octokit, console as never);
  }

  afterEach(() => {
    nock.cleanAll();
  });

  it("is absent when neither the repository nor the organisation has the file", async () => {
    const scope = api().get(contents("app")).reply(404).get(contents(".github")).reply(404);
    expect(await loadRepoConfig(probotContext())).toEqual({ kind: "absent" });
    expect(scope.isDone()).toBe(true);
  });

  it("falls back to the organisation's .github repository", async () => {
    api().get(contents("app")).reply(404).get(contents(".github")).reply(200, "oncall: { rotation: [org-a], securityOfficer: erin }\n", raw);
    const result = await loadRepoConfig(probotContext());
    expect(result).toMatchObject({ kind: "ok", config: { oncall: { rotation: ["org-a"], securityOfficer: "erin" } } });
  });

  it("follows _extends, with the repository's own lists replacing the base's", async () => {
    api()
      .get(contents("app"))
      .reply(200, "_extends: .github\noncall:\n  rotation: [alice]\ncalendar: { extraHolidays: [2026-12-24] }\n", raw)
      .get(contents(".github"))
      .reply(200, "timezone: Europe/Berlin\noncall: { rotation: [org-a, org-b], securityOfficer: erin }\n", raw);
    const result = await loadRepoConfig(probotContext());
    expect(result).toMatchObject({
      kind: "ok",
      config: { timezone: "Europe/Berlin", oncall: { rotation: ["alice"], securityOfficer: "erin" }, calendar: { extraHolidays: ["2026-12-24"] } },
    });
  });

  it("reports broken YAML as an invalid configuration with its position", async () => {
    api().get(contents("app")).reply(200, "oncall: rotation: [alice]\n", raw);
    const result = await loadRepoConfig(probotContext());
    expect(result.kind).toBe("invalid");
    expect(result.kind === "invalid" && result.problems[0]?.message).toMatch(/\(invalid YAML\): .* at line 1, column \d+\. Fix the file/);
  });

  it("reports an empty file as missing the people", async () => {
    api().get(contents("app")).reply(200, "", raw);
    const result = await loadRepoConfig(probotContext());
    expect(result.kind === "invalid" && result.problems.map((p) => p.key)).toEqual(["oncall"]);
  });

  it("propagates a server error", async () => {
    api().get(contents("app")).reply(500, { message: "boom" });
    await expect(loadRepoConfig(probotContext())).rejects.toMatchObject({ status: 500 });
  });
});
