// Top-threat scrutiny on pull requests (SPEC 2.14) through the real app, with webhook payloads as GitHub sends them.
import { describe, expect, it } from "vitest";
import { CONFIG, OWNER, REPO } from "../helpers/world.js";
import { check, checks, headOf, openPull, push, review, scrutinyComments, scrutinyWorld, tick, writes } from "../helpers/scrutiny.js";

const XSS_FILE = { "web/app/page.tsx": "export const Page = () => <div>hello</div>;\n" };
const SQL_FILE = { "src/db.ts": "import { db } from './pool';\n\nexport const user = (id: string) => db.query(\"SELECT * FROM users WHERE id = \" + id);\n" };

const SCRUTINY_CONFIG_NAMES_ONLY = CONFIG.replace("securityReview: { enabled: false }\n", "securityReview: { enabled: false, topThreats: [XSS, SQL injection] }\n");

const labelsOf = (world: ReturnType<typeof scrutinyWorld>, n: number) => [...world.sandbox.getIssue(OWNER, REPO, n).labels].sort();

describe("a pull request that touches a top threat", () => {
  it("by path: labelled, one comment with the file and the checklist, reviewers asked, a neutral check on the head", async () => {
    const world = scrutinyWorld();
    const n = await openPull(world, XSS_FILE);
    expect(labelsOf(world, n)).toEqual(["security: XSS"]);
    const [comment, ...others] = scrutinyComments(world, n);
    expect(others).toEqual([]);
    expect(comment!.body).toContain("#### XSS");
    expect(comment!.body).toContain("- `web/app/page.tsx` (path)");
    expect(comment!.body).toContain("Every value written into HTML is escaped");
    expect(comment!.body).not.toContain("@carol");
    const pull = world.sandbox.getIssue(OWNER, REPO, n).pull!;
    expect(pull.requestedReviewers).toEqual(["carol"]);
    expect(pull.requestedTeams).toEqual(["appsec"]);
    const run = check(world, n);
    expect(run).toMatchObject({ status: "completed", conclusion: "neutral", title: "Waiting for a security reviewer's approval" });
    expect(run.summary).toContain("XSS (1 place)");
  });

  it("by pattern: the added line's number and text in a code span", async () => {
    const world = scrutinyWorld();
    const n = await openPull(world, SQL_FILE);
    expect(labelsOf(world, n)).toEqual(["security: SQL injection"]);
    const body = scrutinyComments(world, n)[0]!.body;
    expect(body).toContain("#### SQL injection");
    expect(body).toMatch(/- `src\/db\.ts` line 3: `export const user = .*db\.query/);
    expect(check(world, n).conclusion).toBe("neutral");
  });

  it("touching none: no label, no comment, nobody asked, and a green check so branch protection can require it", async () => {
    const world = scrutinyWorld();
    const n = await openPull(world, { "README.md": "# Docs\n" });
    expect(labelsOf(world, n)).toEqual([]);
    expect(scrutinyComments(world, n)).toEqual([]);
    expect(world.sandbox.getIssue(OWNER, REPO, n).pull!.requestedReviewers).toEqual([]);
    expect(check(world, n)).toMatchObject({ conclusion: "success", title: "No top threat touched" });
  });

  it("does nothing at all when no threat has paths or patterns", async () => {
    const world = scrutinyWorld(SCRUTINY_CONFIG_NAMES_ONLY);
    world.sandbox.resetCounts();
    const n = await openPull(world, XSS_FILE);
    expect(checks(world, n)).toEqual([]);
    expect(world.sandbox.requests.filter((r) => !r.route.endsWith("/access_tokens") && r.route !== "/app" && !r.route.includes("contents"))).toEqual([]);
  });
});


describe("approval", () => {
  it("by a listed reviewer turns the check green; the same webhook again writes nothing", async () => {
    const world = scrutinyWorld();
    const n = await openPull(world, XSS_FILE);
    await review(world, n, "carol", "APPROVED");
    expect(check(world, n)).toMatchObject({ conclusion: "success", title: "Approved by carol" });
    world.sandbox.resetCounts();
    await review(world, n, "carol", "COMMENTED");
    expect(writes(world)).toEqual([]);
  });

  it("by a member of a reviewer team counts; the membership is looked up once", async () => {
    const world = scrutinyWorld();
    const n = await openPull(world, XSS_FILE);
    world.sandbox.resetCounts();
    await review(world, n, "frank", "APPROVED");
    expect(check(world, n)).toMatchObject({ conclusion: "success", title: "Approved by frank" });
    expect(world.sandbox.requests.filter((r) => r.route.includes("/memberships/"))).toHaveLength(1);
  });

  it("by someone who is not a reviewer does not count, nor a pending team invitation", async () => {
    const world = scrutinyWorld();
    world.sandbox.addTeamMember(OWNER, "appsec", "mallory", "pending");
    const n = await openPull(world, XSS_FILE);
    await review(world, n, "alice", "APPROVED");
    await review(world, n, "mallory", "APPROVED");
    expect(check(world, n).conclusion).toBe("neutral");
  });

  it("a later change request or a dismissal cancels it", async () => {
    const world = scrutinyWorld();
    const n = await openPull(world, XSS_FILE);
    const id = await review(world, n, "carol", "APPROVED");
    world.sandbox.dismissReview(OWNER, REPO, n, id);
    await world.app.receive("pull_request_review", world.sandbox.payloadFor.pullRequestReview("dismissed", OWNER, REPO, n, id, { sender: "erin" }));
    expect(check(world, n).conclusion).toBe("neutral");
    await review(world, n, "frank", "APPROVED");
    expect(check(world, n).conclusion).toBe("success");
    await review(world, n, "frank", "CHANGES_REQUESTED");
    expect(check(world, n).conclusion).toBe("neutral");
  });

  it("a new push needs a new approval: a neutral check on the new head, the old head's stays green, nobody asked twice", async () => {
    const world = scrutinyWorld();
    const n = await openPull(world, XSS_FILE);
    await review(world, n, "carol", "APPROVED");
    const old = headOf(world, n);
    world.sandbox.resetCounts();
    await push(world, n, { "web/app/page.tsx": "export const Page = () => <div>hello again</div>;\n" });
    expect(check(world, n).conclusion).toBe("neutral");
    expect(checks(world, n, old).map((r) => r.conclusion)).toEqual(["success"]);
    expect(world.sandbox.requests.filter((r) => r.route.endsWith("/requested_reviewers"))).toEqual([]);
    await review(world, n, "carol", "APPROVED");
    expect(check(world, n).conclusion).toBe("success");
  });
});

describe("a pull request that stops matching", () => {
  it("loses its label, its comment says so and the check goes green", async () => {
    const world = scrutinyWorld();
    const n = await openPull(world, { ...XSS_FILE, "docs/a.md": "a\n" });
    await push(world, n, { "web/app/page.tsx": null });
    expect(labelsOf(world, n)).toEqual([]);
    const comments = scrutinyComments(world, n);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("no longer touches a top threat");
    expect(check(world, n)).toMatchObject({ conclusion: "success", title: "No top threat touched" });
    world.sandbox.resetCounts();
    await push(world, n, { "docs/b.md": "b\n" });
    expect(writes(world).map((r) => `${r.method} ${r.route}`)).toEqual(["POST /repos/{owner}/{repo}/check-runs"]);
  });

  it("keeps a threat label a person added for a name-only threat", async () => {
    const world = scrutinyWorld();
    const n = await openPull(world, XSS_FILE);
    world.sandbox.addLabel(OWNER, REPO, { name: "security: Credential stuffing" });
    world.sandbox.getIssue(OWNER, REPO, n).labels.push("security: Credential stuffing");
    await push(world, n, { "web/app/page.tsx": null, "docs/a.md": "a\n" });
    expect(labelsOf(world, n)).toEqual(["security: Credential stuffing"]);
  });
});

describe("a pull request from a fork", () => {
  it("is judged through the API only: no contents, git or clone request", async () => {
    const world = scrutinyWorld();
    const pr = world.sandbox.openForkPull(OWNER, REPO, { forkOwner: "outsider", branch: "patch-1", files: SQL_FILE, title: "Faster lookups" });
    world.sandbox.resetCounts();
    await world.app.receive("pull_request", world.sandbox.payloadFor.pullRequest("opened", OWNER, REPO, pr.number, { sender: "outsider" }));
    expect(labelsOf(world, pr.number)).toEqual(["security: SQL injection"]);
    expect(check(world, pr.number).conclusion).toBe("neutral");
    expect(scrutinyComments(world, pr.number)[0]!.body).toContain("comes from a fork");
    // Only the base repository's configuration file is read as content; nothing of the fork's.
    const reads = world.sandbox.requests.filter((r) => /contents|\/git\/|tarball|zipball/.test(r.route) && !decodeURIComponent(r.path).includes(".github/incident-response.yml"));
    expect(reads).toEqual([]);
    const payload = world.sandbox.payloadFor.pullRequest("opened", OWNER, REPO, pr.number, { sender: "outsider" }) as { pull_request: { head: { repo: { full_name: string } } } };
    expect(payload.pull_request.head.repo.full_name).toBe(`outsider/${REPO}`);
  });
});

describe("redeliveries", () => {
  it("the same delivery three times, one after another and at once, leaves one comment and one check run", async () => {
    const world = scrutinyWorld();
    const n = await openPull(world, XSS_FILE);
    const payload = world.sandbox.payloadFor.pullRequest("opened", OWNER, REPO, n, { sender: "dave" });
    for (let i = 0; i < 3; i++) await world.app.receive("pull_request", payload);
    await Promise.all([0, 1, 2].map(() => world.app.receive("pull_request", payload)));
    expect(scrutinyComments(world, n)).toHaveLength(1);
    expect(checks(world, n)).toHaveLength(1);
    expect(world.sandbox.getIssue(OWNER, REPO, n).labels).toEqual(["security: XSS"]);
  });

  it("a copy left by a racing replica is deleted, and a duplicate check run is kept identical", async () => {
    const world = scrutinyWorld();
    const n = await openPull(world, XSS_FILE);
    const [original] = scrutinyComments(world, n);
    world.sandbox.addComment(OWNER, REPO, n, original!.body, world.sandbox.app.botLogin);
    world.sandbox.addCheckRun(OWNER, REPO, { headSha: headOf(world, n), name: "Vigil / top-threat scrutiny", appSlug: world.sandbox.app.slug, conclusion: "neutral", title: "stale", summary: "stale" });
    await review(world, n, "carol", "APPROVED");
    expect(scrutinyComments(world, n).map((c) => c.id)).toEqual([original!.id]);
    expect(checks(world, n).map((r) => [r.conclusion, r.title])).toEqual([["success", "Approved by carol"], ["success", "Approved by carol"]]);
  });

  it("a check run GitHub created but answered 502 is found, not created again", async () => {
    const world = scrutinyWorld();
    world.sandbox.injectFault({ kind: "server-error", method: "POST", route: "/repos/{owner}/{repo}/check-runs", applied: true, times: 1 });
    const n = await openPull(world, XSS_FILE);
    expect(checks(world, n)).toHaveLength(1);
    expect(check(world, n).conclusion).toBe("neutral");
  });

  it("a run named like Vigil's from another app is not Vigil's", async () => {
    const world = scrutinyWorld();
    world.sandbox.setFile(OWNER, REPO, "web/x.tsx", "x\n", { branch: "feature" });
    world.sandbox.addCheckRun(OWNER, REPO, { headSha: world.sandbox.getRef(OWNER, REPO, "feature")!, name: "Vigil / top-threat scrutiny", appSlug: "impostor", conclusion: "success", title: "Approved", summary: "" });
    const pr = world.sandbox.openPull(OWNER, REPO, { title: "x", head: "feature", user: "dave" });
    await world.app.receive("pull_request", world.sandbox.payloadFor.pullRequest("opened", OWNER, REPO, pr.number, { sender: "dave" }));
    expect(check(world, pr.number).conclusion).toBe("neutral");
  });
});

describe("drafts", () => {
  it("are judged, but reviewers are asked only once the pull request is ready for review", async () => {
    const world = scrutinyWorld();
    world.sandbox.setFile(OWNER, REPO, "web/a.tsx", "a\n", { branch: "draft" });
    const pr = world.sandbox.openPull(OWNER, REPO, { title: "WIP", head: "draft", user: "dave" });
    pr.pull!.draft = true;
    await world.app.receive("pull_request", world.sandbox.payloadFor.pullRequest("opened", OWNER, REPO, pr.number, { sender: "dave" }));
    expect(check(world, pr.number).conclusion).toBe("neutral");
    expect(pr.pull!.requestedReviewers).toEqual([]);
    pr.pull!.draft = false;
    await world.app.receive("pull_request", world.sandbox.payloadFor.pullRequest("ready_for_review", OWNER, REPO, pr.number, { sender: "dave" }));
    expect(pr.pull!.requestedReviewers).toEqual(["carol"]);
  });
});

describe("a 3,000-file pull request", () => {
  it("reads every page up to GitHub's cap and says the rest were not scanned", async () => {
    const world = scrutinyWorld();
    const files: Record<string, string> = {};
    for (let i = 0; i < 3_050; i++) files[`gen/f${String(i).padStart(4, "0")}.ts`] = `export const v${i} = ${i};\n`;
    files["gen/f2999.ts"] = "el.innerHTML = input;\n";
    world.sandbox.resetCounts();
    const n = await openPull(world, files);
    expect(world.sandbox.requests.filter((r) => r.route.endsWith("/files"))).toHaveLength(30);
    const body = scrutinyComments(world, n)[0]!.body;
    expect(body).toContain("`gen/f2999.ts` line 1");
    expect(body).toMatch(/changes 3,050 files; GitHub lists only the first 3,000, so 50 were not scanned/);
  }, 60_000);
});

describe("the scheduled check", () => {
  it("judges a pull request whose webhook never arrived, and one whose approval webhook was lost; then stays quiet", async () => {
    const world = scrutinyWorld();
    const n = await openPull(world, XSS_FILE, { deliver: false });
    await tick(world);
    expect(check(world, n).conclusion).toBe("neutral");
    world.sandbox.submitReview(OWNER, REPO, n, { user: "carol", state: "APPROVED" });
    await tick(world);
    expect(check(world, n).conclusion).toBe("success");
    world.sandbox.resetCounts();
    const out = await tick(world);
    expect(writes(world)).toEqual([]);
    expect(world.sandbox.requests.filter((r) => r.graphqlOperation === "VigilObservePull")).toEqual([]);
    expect(out).toMatch(/nothing to do/);
  });
});
