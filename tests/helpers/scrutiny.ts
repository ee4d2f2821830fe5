// Scenario helpers for top-threat scrutiny (SPEC 2.14): a configuration with threats, pull requests opened and
// pushed to as people do, and what Vigil left on them.
import { expect } from "vitest";
import { main } from "../../src/cli/main.js";
import { decodeMarker } from "../../src/markers/codec.js";
import { CONFIG, createWorld, OWNER, REPO, type World } from "./world.js";

export const CHECK = "Vigil / top-threat scrutiny";

export const SCRUTINY_CONFIG = CONFIG.replace(
  "securityReview: { enabled: false }\n",
  `securityReview:
  enabled: false
  reviewers: [carol, "@acme/appsec"]
  topThreats:
    - name: XSS
      paths: ["web/**/*.tsx"]
      patterns: ["dangerouslySetInnerHTML", "innerHTML\\\\s*="]
      checklist: ["Every value written into HTML is escaped"]
    - { name: SQL injection, patterns: ["query\\\\(.*\\\\+"], checklist: ["Queries take parameters, never concatenated input"] }
    - Credential stuffing
`,
);

/** A world with scrutiny configured and the team acme/appsec (frank a member). */
export function scrutinyWorld(config = SCRUTINY_CONFIG): World {
  const world = createWorld({ config });
  world.sandbox.addTeam({ org: OWNER, name: "appsec", repos: [REPO], members: ["frank"] });
  world.sandbox.setPermission(OWNER, REPO, "frank", "write");
  return world;
}

/** Opens a pull request by `user` from branch `branch` changing `files`, and delivers pull_request.opened. */
export async function openPull(world: World, files: Record<string, string>, options: { branch?: string; user?: string; deliver?: boolean } = {}): Promise<number> {
  const branch = options.branch ?? "feature";
  const user = options.user ?? "dave";
  const [first, ...rest] = Object.entries(files);
  world.sandbox.setFile(OWNER, REPO, first![0], first![1], { branch });
  const pull = world.sandbox.openPull(OWNER, REPO, { title: "A change", head: branch, user });
  if (rest.length > 0) world.sandbox.pushToPull(OWNER, REPO, pull.number, Object.fromEntries(rest));
  if (options.deliver !== false) await world.app.receive("pull_request", world.sandbox.payloadFor.pullRequest("opened", OWNER, REPO, pull.number, { sender: user }));
  return pull.number;
}

/** Pushes to the pull request and delivers pull_request.synchronize; returns the new head. */
export async function push(world: World, number: number, files: Record<string, string | null>): Promise<string> {
  const sha = world.sandbox.pushToPull(OWNER, REPO, number, files);
  await world.app.receive("pull_request", world.sandbox.payloadFor.pullRequest("synchronize", OWNER, REPO, number, { sender: "dave" }));
  return sha;
}

/** Submits a review and delivers pull_request_review.submitted; returns the review id. */
export async function review(world: World, number: number, user: string, state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED"): Promise<number> {
  const submitted = world.sandbox.submitReview(OWNER, REPO, number, { user, state });
  await world.app.receive("pull_request_review", world.sandbox.payloadFor.pullRequestReview("submitted", OWNER, REPO, number, submitted.id, { sender: user }));
  return submitted.id;
}

/** The pull request's current head sha. */
export function headOf(world: World, number: number): string {
  const pr = world.sandbox.payloadFor.pullRequest("opened", OWNER, REPO, number, { sender: "dave" }) as { pull_request: { head: { sha: string } } };
  return pr.pull_request.head.sha;
}

/** Vigil's scrutiny check runs on a commit (the head by default). */
export function checks(world: World, number: number, sha = headOf(world, number)) {
  return world.sandbox.checkRuns(OWNER, REPO, sha).filter((r) => r.name === CHECK && r.appSlug === world.sandbox.app.slug);
}

/** The one scrutiny check run on the head; fails when there is not exactly one. */
export function check(world: World, number: number) {
  const runs = checks(world, number);
  expect(runs, "one scrutiny check run on the head").toHaveLength(1);
  return runs[0]!;
}

/** Vigil's scrutiny comments on the pull request. */
export function scrutinyComments(world: World, number: number) {
  return world.sandbox.listComments(OWNER, REPO, number).filter((c) => c.user === world.sandbox.app.botLogin && decodeMarker(c.body)?.kind === "scrutiny");
}

/** Runs the scheduled check as `vigil tick` with the app's installation token. */
export async function tick(world: World): Promise<string> {
  const out: string[] = [];
  const installationId = world.sandbox.getRepo(OWNER, REPO).installationId as number;
  const code = await main(["tick", `${OWNER}/${REPO}`, "--now", world.sandbox.clock.now.toISOString()], {
    stdout: (t) => out.push(t), stderr: (t) => out.push(t),
    env: { GITHUB_TOKEN: world.sandbox.issueToken({ installationId }) }, cwd: process.cwd(), fetch: world.sandbox.fetch,
  });
  expect(code, out.join("\n")).toBe(0);
  return out.join("\n");
}

/** Requests that write, leaving out reads and token exchanges. */
export const writes = (world: World) =>
  world.sandbox.requests.filter((r) => r.method !== "GET" && !/^Vigil(Viewer|Observe|Candidates|ReviewIssues|ReadFile|MergedPulls|MoreComments)/.test(r.graphqlOperation ?? "") && !r.route.endsWith("/access_tokens"));
