import { describe, expect, it } from "vitest";
import { ORG, REPO, createSandbox, createTestOctokit } from "../helpers/sandbox.js";

function setup() {
  const sandbox = createSandbox({ checkResponses: true, now: "2026-03-02T09:00:00Z" });
  return { sandbox, gh: createTestOctokit(sandbox) };
}

async function failure(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status: number; response: { data: { message: string } } };
    return { status: e.status, message: e.response.data.message };
  }
  throw new Error("expected the request to fail");
}

const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("git refs", () => {
  it("creates a branch once; a second create is 422 Reference already exists", async () => {
    const { sandbox, gh } = setup();
    const main = await gh.rest.git.getRef({ owner: ORG, repo: REPO, ref: "heads/main" });
    expect(main.data.object.sha).toBe(sandbox.getRef(ORG, REPO, "main"));
    const create = () => gh.rest.git.createRef({ owner: ORG, repo: REPO, ref: "refs/heads/postmortem-7", sha: main.data.object.sha });
    expect((await create()).status).toBe(201);
    expect(await failure(create())).toEqual({ status: 422, message: "Reference already exists" });
    const badSha = await failure(gh.rest.git.createRef({ owner: ORG, repo: REPO, ref: "refs/heads/x", sha: "f".repeat(40) }));
    expect(badSha).toEqual({ status: 422, message: "Object does not exist" });
  });

  it("lists matching refs by prefix and 404s a missing ref", async () => {
    const { sandbox, gh } = setup();
    sandbox.createBranch(ORG, REPO, "postmortem/1");
    sandbox.createBranch(ORG, REPO, "postmortem/2");
    const { data } = await gh.rest.git.listMatchingRefs({ owner: ORG, repo: REPO, ref: "heads/postmortem/" });
    expect(data.map((r) => r.ref)).toEqual(["refs/heads/postmortem/1", "refs/heads/postmortem/2"]);
    expect((await failure(gh.rest.git.getRef({ owner: ORG, repo: REPO, ref: "heads/absent" }))).status).toBe(404);
  });

  it("moves a ref only forward unless forced", async () => {
    const { sandbox, gh } = setup();
    const base = sandbox.getRef(ORG, REPO, "main") as string;
    sandbox.setFile(ORG, REPO, "a.md", "a", { branch: "feature" });
    const ahead = sandbox.getRef(ORG, REPO, "feature") as string;
    await gh.rest.git.updateRef({ owner: ORG, repo: REPO, ref: "heads/main", sha: ahead });
    const back = await failure(gh.rest.git.updateRef({ owner: ORG, repo: REPO, ref: "heads/main", sha: base }));
    expect(back).toEqual({ status: 422, message: "Update is not a fast forward" });
    await gh.rest.git.updateRef({ owner: ORG, repo: REPO, ref: "heads/main", sha: base, force: true });
    expect(sandbox.getRef(ORG, REPO, "main")).toBe(base);
  });
});

describe("contents", () => {
  it("serves JSON with base64 content and the raw media type as plain text", async () => {
    const { sandbox, gh } = setup();
    sandbox.setFile(ORG, REPO, ".github/incident-response.yml", "timezone: UTC\n");
    const json = await gh.rest.repos.getContent({ owner: ORG, repo: REPO, path: ".github/incident-response.yml" });
    expect(json.data).toMatchObject({ type: "file", encoding: "base64", name: "incident-response.yml", size: 14 });
    expect(Buffer.from((json.data as { content: string }).content, "base64").toString()).toBe("timezone: UTC\n");
    const raw = await gh.rest.repos.getContent({ owner: ORG, repo: REPO, path: ".github/incident-response.yml", mediaType: { format: "raw" } });
    expect(raw.data).toBe("timezone: UTC\n");
    expect(raw.headers["content-type"]).toBe("text/plain; charset=utf-8");
    const folder = await gh.rest.repos.getContent({ owner: ORG, repo: REPO, path: ".github" });
    expect(folder.data).toMatchObject([{ type: "file", path: ".github/incident-response.yml" }]);
    expect((await failure(gh.rest.repos.getContent({ owner: ORG, repo: REPO, path: "absent.md" }))).status).toBe(404);
  });

  it("reads and writes per branch with ref/branch", async () => {
    const { sandbox, gh } = setup();
    sandbox.createBranch(ORG, REPO, "pm");
    const created = await gh.rest.repos.createOrUpdateFileContents({ owner: ORG, repo: REPO, path: "pm/1.md", message: "Add PM", content: b64("# PM"), branch: "pm" });
    expect(created.status).toBe(201);
    expect(created.data.commit.parents).toHaveLength(1);
    expect(sandbox.getFile(ORG, REPO, "pm/1.md", { ref: "pm" })).toBe("# PM");
    expect(sandbox.getFile(ORG, REPO, "pm/1.md")).toBeUndefined();
    const onBranch = await gh.rest.repos.getContent({ owner: ORG, repo: REPO, path: "pm/1.md", ref: "pm" });
    expect((onBranch.data as { sha: string }).sha).toBe(created.data.content?.sha);
    const missingBranch = await failure(gh.rest.repos.createOrUpdateFileContents({ owner: ORG, repo: REPO, path: "x", message: "m", content: b64("x"), branch: "nope" }));
    expect(missingBranch.status).toBe(404);
  });

  it("requires the current sha to update an existing file (422 without, 409 when stale)", async () => {
    const { sandbox, gh } = setup();
    sandbox.setFile(ORG, REPO, "README.md", "v1");
    const params = { owner: ORG, repo: REPO, path: "README.md", message: "edit", content: b64("v2") };
    const withoutSha = await failure(gh.rest.repos.createOrUpdateFileContents(params));
    expect(withoutSha.status).toBe(422);
    expect(withoutSha.message).toContain('"sha" wasn\'t supplied');
    expect((await failure(gh.rest.repos.createOrUpdateFileContents({ ...params, sha: "0".repeat(40) }))).status).toBe(409);
    const current = await gh.rest.repos.getContent({ owner: ORG, repo: REPO, path: "README.md" });
    const updated = await gh.rest.repos.createOrUpdateFileContents({ ...params, sha: (current.data as { sha: string }).sha });
    expect(updated.status).toBe(200);
    expect(sandbox.getFile(ORG, REPO, "README.md")).toBe("v2");
  });
});

describe("pull requests", () => {
  it("refuses a head branch that does not exist, or has no commits, or already has an open PR", async () => {
    const { sandbox, gh } = setup();
    const open = (head: string) => gh.rest.pulls.create({ owner: ORG, repo: REPO, title: "Post-mortem", head, base: "main" });
    expect((await failure(open("absent"))).status).toBe(422);
    sandbox.createBranch(ORG, REPO, "empty");
    expect((await failure(open("empty"))).status).toBe(422);
    sandbox.setFile(ORG, REPO, "pm.md", "# PM", { branch: "pm" });
    expect((await open(`${ORG}:pm`)).status).toBe(201);
    const dup = await failure(open("pm"));
    expect(dup.status).toBe(422);
  });

  it("lists by head and state, merges, and shows the merge state", async () => {
    const { sandbox, gh } = setup();
    sandbox.setPermission(ORG, REPO, "lead", "write");
    sandbox.setFile(ORG, REPO, "pm.md", "# PM", { branch: "pm" });
    sandbox.setFile(ORG, REPO, "other.md", "x", { branch: "other" });
    const pm = sandbox.openPull(ORG, REPO, { title: "PM", head: "pm", user: "author" });
    sandbox.openPull(ORG, REPO, { title: "Other", head: "other" });
    const byHead = await gh.rest.pulls.list({ owner: ORG, repo: REPO, head: `${ORG}:pm` });
    expect(byHead.data.map((p) => p.number)).toEqual([pm.number]);
    await gh.rest.pulls.requestReviewers({ owner: ORG, repo: REPO, pull_number: pm.number, reviewers: ["lead"] });
    const notCollaborator = await failure(gh.rest.pulls.requestReviewers({ owner: ORG, repo: REPO, pull_number: pm.number, reviewers: ["stranger"] }));
    expect(notCollaborator.status).toBe(422);
    await gh.rest.pulls.merge({ owner: ORG, repo: REPO, pull_number: pm.number });
    const { data } = await gh.rest.pulls.get({ owner: ORG, repo: REPO, pull_number: pm.number });
    expect(data).toMatchObject({ state: "closed", merged: true, merged_by: { login: "sandbox-admin" }, requested_reviewers: [{ login: "lead" }] });
    expect(sandbox.getFile(ORG, REPO, "pm.md")).toBe("# PM");
    expect((await gh.rest.pulls.list({ owner: ORG, repo: REPO, state: "closed" })).data).toHaveLength(1);
    expect((await failure(gh.rest.pulls.merge({ owner: ORG, repo: REPO, pull_number: pm.number }))).status).toBe(405);
  });

  it("updates title, body and state", async () => {
    const { sandbox, gh } = setup();
    sandbox.setFile(ORG, REPO, "pm.md", "# PM", { branch: "pm" });
    const pm = sandbox.openPull(ORG, REPO, { title: "PM", head: "pm" });
    await gh.rest.pulls.update({ owner: ORG, repo: REPO, pull_number: pm.number, title: "Post-mortem #1", state: "closed" });
    expect(sandbox.getIssue(ORG, REPO, pm.number)).toMatchObject({ title: "Post-mortem #1", state: "closed", pull: { merged: false } });
  });
});
