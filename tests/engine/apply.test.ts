import { describe, expect, it } from "vitest";
import { applyEffects } from "../../src/engine/apply.js";
import { describeEffect, renderPlan } from "../../src/engine/dry-run.js";
import type { Effect } from "../../src/engine/effects.js";
import type { GitHubGateway } from "../../src/github/gateway.js";

const REPO = { owner: "acme", repo: "incidents" };

/** A gateway whose writes are recorded, and whose createComment fails as told. */
function gateway(createFails?: { status?: number }): { gw: GitHubGateway; log: string[] } {
  const log: string[] = [];
  const write = (name: string) => async (..._args: unknown[]) => {
    log.push(name);
  };
  const gw = {
    setLabels: write("setLabels"),
    react: write("react"),
    updateComment: write("updateComment"),
    async createComment() {
      log.push("createComment");
      if (createFails) throw Object.assign(new Error("boom"), createFails.status === undefined ? {} : { status: createFails.status });
      return 1;
    },
    async addProjectItem() {
      log.push("addProjectItem");
      return "item-1";
    },
    async setProjectFields(_p: string, item: string) {
      log.push(`setProjectFields:${item}`);
    },
  } as unknown as GitHubGateway;
  return { gw, log };
}

const effects: Effect[] = [
  { kind: "setLabels", issue: 7, labels: ["incident", "severity: sev1"], why: "labels follow the incident" },
  { kind: "createComment", issue: 7, key: "command-reply:9", body: "<!-- m -->\nHello", why: "reply" },
  { kind: "updateComment", issue: 7, commentId: 3, key: "incident-record:7", body: "x", why: "record" },
];

describe("applyEffects", () => {
  it("writes every effect in order", async () => {
    const { gw, log } = gateway();
    const result = await applyEffects(gw, REPO, effects);
    expect(log).toEqual(["setLabels", "createComment", "updateComment"]);
    expect(result).toEqual({ applied: effects, uncertain: null, followUp: false });
  });

  it("stops at a create whose outcome is unknown (5xx or no answer) so the caller observes again", async () => {
    for (const status of [500, 502, undefined]) {
      const { gw, log } = gateway({ status });
      const result = await applyEffects(gw, REPO, effects);
      expect(log).toEqual(["setLabels", "createComment"]);
      expect(result).toEqual({ applied: [effects[0]], uncertain: effects[1], followUp: false });
    }
  });

  it("lets a definite failure through (the next check repairs)", async () => {
    const { gw } = gateway({ status: 403 });
    await expect(applyEffects(gw, REPO, effects)).rejects.toThrow("boom");
  });

  it("adds a missing project item before setting its fields", async () => {
    const { gw, log } = gateway();
    await applyEffects(gw, REPO, [{ kind: "projectItem", issue: 7, projectId: "P", contentId: "I", itemId: null, fields: [{ fieldId: "F", optionId: "O", name: "Severity" }], why: "x" }]);
    expect(log).toEqual(["addProjectItem", "setProjectFields:item-1"]);
  });
});

describe("the dry-run printer", () => {
  it("prints one line per effect with why, or that nothing is to do", () => {
    expect(renderPlan("acme/incidents", [])).toBe("acme/incidents: nothing to do");
    expect(renderPlan("acme/incidents", effects)).toBe([
      "acme/incidents: 3 changes",
      '  - set labels on #7 to "incident", "severity: sev1" (labels follow the incident)',
      "  - post command-reply:9 comment on #7: Hello (reply)",
      "  - update incident-record:7 comment 3 on #7 (record)",
    ].join("\n"));
    expect(describeEffect({ kind: "closeIssue", issue: 7, reason: "not_planned", why: "" })).toBe("close #7 as not planned");
  });

  it("shows a check run to create or to update, on which head, with its outcome", () => {
    const run = { kind: "checkRun" as const, issue: 12, headSha: "0123456789abcdef", name: "Vigil / top-threat scrutiny", conclusion: "neutral" as const, title: "Waiting", summary: "", externalId: "d", why: "" };
    expect(describeEffect({ ...run, checkRunId: null })).toBe('create check run "Vigil / top-threat scrutiny" on 0123456 on #12: neutral, Waiting');
    expect(describeEffect({ ...run, checkRunId: 99, conclusion: "success", title: "Approved by carol" })).toBe('update (99) check run "Vigil / top-threat scrutiny" on 0123456 on #12: success, Approved by carol');
  });
});
