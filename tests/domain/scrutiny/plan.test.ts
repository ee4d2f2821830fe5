import { describe, expect, it } from "vitest";
import type { Effect } from "../../../src/engine/effects.js";
import { renderMarker } from "../../../src/markers/define.js";
import { SCRUTINY_COMMENT } from "../../../src/markers/scrutiny-kinds.js";
import { planScrutiny, type ScrutinyInput } from "../../../src/domain/scrutiny/plan.js";
import type { ObservedPull } from "../../../src/domain/scrutiny/observation.js";
import { codeSpan } from "../../../src/domain/markdown/code-span.js";
import { GITHUB_BODY_LIMIT } from "../../../src/domain/markdown/fit-body.js";

const VIGIL = { login: "vigil[bot]", isBot: true };
const HEAD = "a".repeat(40);
const XSS = { name: "XSS", paths: ["web/**"], patterns: ["innerHTML"], checklist: ["Escape output"] };

function pull(over: Partial<ObservedPull> = {}): ObservedPull {
  return { number: 7, state: "open", isDraft: false, headOid: HEAD, author: { login: "dave", isBot: false }, fromFork: false, labels: [], repoLabels: ["security: XSS"], comments: [], reviews: [], requested: { users: [], teams: [] }, checkRuns: [], changedFiles: 1, ...over };
}

function plan(over: Partial<ScrutinyInput> = {}): Effect[] {
  const result = planScrutiny({ owner: "acme", pull: pull(), files: [{ path: "web/a.ts", patch: "@@ -0,0 +1 @@\n+x" }], threats: [XSS], reviewers: ["carol", "@acme/appsec", "@other/team"], identity: VIGIL, memberships: new Map(), ...over });
  if (result.kind !== "plan") throw new Error("expected a plan");
  return result.effects;
}

/** The observed state after applying the effects, as GitHub would hold it. */
function applied(effects: Effect[], before: ObservedPull): ObservedPull {
  let next = { ...before };
  for (const e of effects) {
    if (e.kind === "addLabels") next = { ...next, labels: [...next.labels, ...e.labels] };
    if (e.kind === "removeLabel") next = { ...next, labels: next.labels.filter((l) => l !== e.label) };
    if (e.kind === "requestReviewers") next = { ...next, requested: { users: e.reviewers, teams: e.teamReviewers.map((t) => `acme/${t}`) } };
    if (e.kind === "createComment") next = { ...next, comments: [...next.comments, { id: 1, body: e.body, author: { login: "vigil", isBot: true }, createdAt: "" }] };
    if (e.kind === "updateComment") next = { ...next, comments: next.comments.map((c) => (c.id === e.commentId ? { ...c, body: e.body } : c)) };
    if (e.kind === "checkRun") next = { ...next, checkRuns: [{ id: 9, appSlug: "vigil", name: e.name, status: "completed", conclusion: e.conclusion, title: e.title, summary: e.summary, externalId: e.externalId }] };
  }
  return next;
}

describe("planScrutiny", () => {
  it("a first judgement: label, reviewers of the repository's organisation, comment, neutral check, in that order", () => {
    const effects = plan();
    expect(effects.map((e) => e.kind)).toEqual(["addLabels", "requestReviewers", "createComment", "checkRun"]);
    expect(effects[1]).toMatchObject({ reviewers: ["carol"], teamReviewers: ["appsec"] });
    expect(effects[3]).toMatchObject({ checkRunId: null, conclusion: "neutral", headSha: HEAD, name: "Vigil / top-threat scrutiny" });
  });

  it("converges: planning again from what the first plan wrote is nothing to do, and the reviewer left after reviewing is not asked again", () => {
    const first = applied(plan(), pull());
    expect(plan({ pull: first })).toEqual([]);
    const reviewed = { ...first, requested: { users: [], teams: [] }, reviews: [{ author: { login: "carol", isBot: false }, state: "COMMENTED" as const, commitOid: HEAD, submittedAt: "2026-01-01T00:00:00Z" }] };
    expect(plan({ pull: reviewed })).toEqual([]);
  });

  it("stops matching: label removed, comment updated, check green; a person's other labels untouched", () => {
    const first = applied(plan(), pull());
    const effects = plan({ pull: { ...first, labels: [...first.labels, "security: Phishing"] }, files: [{ path: "README.md", patch: "@@ -0,0 +1 @@\n+x" }] });
    expect(effects.map((e) => e.kind)).toEqual(["removeLabel", "updateComment", "checkRun"]);
    expect(effects[0]).toMatchObject({ label: "security: XSS" });
    expect(effects[2]).toMatchObject({ checkRunId: 9, conclusion: "success", title: "No top threat touched" });
  });

  it("ignores a marker a person copied and a check run of another app", () => {
    const copied = renderMarker(SCRUTINY_COMMENT, { pull: 7, asked: "0123456789abcdef" });
    const effects = plan({ pull: pull({ comments: [{ id: 3, body: copied, author: { login: "mallory", isBot: false }, createdAt: "" }], checkRuns: [{ id: 4, appSlug: "impostor", name: "Vigil / top-threat scrutiny", status: "completed", conclusion: "success", title: "", summary: "", externalId: null }] }) });
    expect(effects.map((e) => e.kind)).toEqual(["addLabels", "requestReviewers", "createComment", "checkRun"]);
  });

  it("writes no check run with a person's token (the CLI), which cannot own one", () => {
    expect(plan({ identity: { login: "erin", isBot: false } }).map((e) => e.kind)).not.toContain("checkRun");
  });

  it("asks for team memberships before deciding an approval", () => {
    const reviews = [{ author: { login: "frank", isBot: false }, state: "APPROVED" as const, commitOid: HEAD, submittedAt: "2026-01-01T00:00:00Z" }];
    const result = planScrutiny({ owner: "acme", pull: pull({ reviews }), files: [{ path: "web/a.ts", patch: null }], threats: [XSS], reviewers: ["@acme/appsec"], identity: VIGIL, memberships: new Map() });
    expect(result).toEqual({ kind: "need", memberships: [{ org: "acme", team: "appsec", login: "frank" }] });
  });

  it("keeps the comment within GitHub's limit and user text inert, however hostile the paths and lines", () => {
    const path = "web/`](x)<img src=x>@everyone\u202e" + "p".repeat(300);
    const files = Array.from({ length: 300 }, (_, i) => ({ path: `${path}${i}`, patch: `@@ -0,0 +1 @@\n+innerHTML ${"`".repeat(50)}@admin ${"z".repeat(900)}` }));
    const comment = plan({ files, threats: [{ ...XSS, checklist: Array(50).fill("x".repeat(2000)) }] }).find((e) => e.kind === "createComment");
    const body = comment && "body" in comment ? comment.body : "";
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body).not.toContain("\u202e");
    // The path shows only inside a code span that no backtick in it can close, so no HTML or mention takes effect.
    expect(body).toContain(`- ${codeSpan(`${path}0`)} (path)`);
    const outsideSpans = files.reduce((text, f) => text.split(codeSpan(f.path)).join(""), body);
    expect(outsideSpans).not.toContain("<img");
    expect(body).toContain("… and 580 more");
  });
});
