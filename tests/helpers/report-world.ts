// A period of real app history for the evidence report: two incidents (one post-mortem on time, one late), weekly
// patching and four-weekly reviews filed by `vigil tick` across simulated weeks and completed (or not) by people, and
// merged pull requests that touched a top threat, with and without Vigil's approval check.
import { createTestOctokit } from "@vigil/github-sandbox";
import { main } from "../../src/cli/main.js";
import { decodeMarker } from "../../src/markers/codec.js";
import { comment, createWorld, fileIncident, OWNER, RECURRING_CONFIG, REPO, type World } from "./world.js";

/** A title a person typed: HTML, a table pipe, emphasis and a mention, all of which must stay text. */
export const TRICKY_TITLE = "<img src=x onerror=alert(1)> | *db-2* @erin";

export const REPORT_CONFIG = `${RECURRING_CONFIG}drill: { enabled: false }\npostmortem: { reviewers: [carol] }\n`;

async function tick(world: World, now: string): Promise<void> {
  world.sandbox.clock.now = now;
  const installationId = world.sandbox.getRepo(OWNER, REPO).installationId as number;
  const out: string[] = [];
  const code = await main(["tick", `${OWNER}/${REPO}`, "--now", now], {
    stdout: (t) => out.push(t), stderr: (t) => out.push(t),
    env: { GITHUB_TOKEN: world.sandbox.issueToken({ installationId }) }, cwd: process.cwd(), fetch: world.sandbox.fetch,
  });
  if (code !== 0) throw new Error(out.join("\n"));
}

const person = (world: World, login: string) => createTestOctokit(world.sandbox, { login });

function postmortemPull(world: World, n: number): number {
  const link = world.sandbox.listComments(OWNER, REPO, n).find((c) => c.user === world.sandbox.app.botLogin && decodeMarker(c.body)?.kind === "postmortem-link");
  return (decodeMarker(link!.body)!.data as { pr: number }).pr;
}

/** Opens the newest recurring issue's number with `label`. */
function newest(world: World, label: string): number {
  let found = 0;
  for (let n = 1; ; n++) {
    try {
      const issue = world.sandbox.getIssue(OWNER, REPO, n);
      if (issue.labels.includes(label) && issue.user === world.sandbox.app.botLogin) found = n;
    } catch {
      return found;
    }
  }
}

async function complete(world: World, n: number, at: string): Promise<void> {
  world.sandbox.clock.now = at;
  await person(world, "alice").rest.issues.update({ owner: OWNER, repo: REPO, issue_number: n, state: "closed", state_reason: "completed" });
}

async function threatPull(world: World, branch: string, title: string, check: { app: string; conclusion: "success" | "neutral" } | null, mergedAt: string): Promise<number> {
  world.sandbox.clock.now = mergedAt;
  world.sandbox.setFile(OWNER, REPO, `web/${branch}.tsx`, "el.innerHTML = x", { branch });
  const pr = world.sandbox.openPull(OWNER, REPO, { title, head: branch, user: "alice" });
  await person(world, "alice").rest.issues.addLabels({ owner: OWNER, repo: REPO, issue_number: pr.number, labels: ["security: XSS"] });
  if (check) world.sandbox.addCheckRun(OWNER, REPO, { headSha: world.sandbox.getRef(OWNER, REPO, branch)!, name: "Vigil / top-threat scrutiny", appSlug: check.app, conclusion: check.conclusion });
  world.sandbox.mergePull(OWNER, REPO, pr.number, "carol");
  return pr.number;
}

/** The history; the report's period is 2026-11-23 to 2027-01-10 (America/Los_Angeles). */
export async function reportWorld(): Promise<{ world: World; incidents: number[]; pulls: number[] }> {
  const world = createWorld({ config: REPORT_CONFIG });
  // Incident 1: Sev1, declared Monday 23 November, resolved Wednesday 25th, due 2 December, merged that day: on time.
  const a = await fileIncident(world);
  await comment(world, a, "/note blocked the host at the edge", "bob");
  world.sandbox.clock.now = "2026-11-25T19:00:00Z";
  await comment(world, a, "/status resolved", "bob");
  world.sandbox.clock.now = "2026-12-02T22:00:00Z";
  world.sandbox.mergePull(OWNER, REPO, postmortemPull(world, a), "alice");

  await tick(world, "2026-11-30T17:00:00Z"); // first review and patching round
  await complete(world, newest(world, "patching"), "2026-12-01T18:00:00Z");
  await complete(world, newest(world, "security-review"), "2026-12-02T18:00:00Z");

  // Incident 2: declared 30 November with the title a person typed, raised to Sev0, resolved Tuesday 1 December,
  // due Friday 4th, merged Tuesday 8th: 2 working days late.
  world.sandbox.clock.now = "2026-11-30T19:00:00Z";
  const b = await fileIncident(world);
  await person(world, "reporter").rest.issues.update({ owner: OWNER, repo: REPO, issue_number: b, title: TRICKY_TITLE });
  await comment(world, b, "/severity sev0 records were read", "bob");
  world.sandbox.clock.now = "2026-12-01T19:00:00Z";
  await comment(world, b, "/status resolved", "bob");
  world.sandbox.clock.now = "2026-12-08T19:00:00Z";
  world.sandbox.mergePull(OWNER, REPO, postmortemPull(world, b), "alice");

  await tick(world, "2026-12-07T17:00:00Z");
  await complete(world, newest(world, "patching"), "2026-12-08T18:00:00Z");
  await tick(world, "2026-12-14T17:00:00Z"); // this round is left undone, and the next: 21 days without patching
  await tick(world, "2026-12-21T17:00:00Z");
  await tick(world, "2026-12-28T17:00:00Z"); // also the second review
  await complete(world, newest(world, "patching"), "2026-12-29T18:00:00Z");
  await complete(world, newest(world, "security-review"), "2026-12-30T18:00:00Z");
  await tick(world, "2027-01-04T17:00:00Z");
  await complete(world, newest(world, "patching"), "2027-01-05T18:00:00Z");

  const pulls = [
    await threatPull(world, "xss-approved", "Escape the preview", { app: world.sandbox.app.slug, conclusion: "success" }, "2026-12-10T18:00:00Z"),
    await threatPull(world, "xss-unreviewed", "Render the banner", { app: world.sandbox.app.slug, conclusion: "neutral" }, "2026-12-11T18:00:00Z"),
    await threatPull(world, "xss-forged", "Inline the widget", { app: "other-ci", conclusion: "success" }, "2026-12-12T18:00:00Z"),
  ];
  world.sandbox.clock.now = "2027-01-11T18:00:00Z";
  return { world, incidents: [a, b], pulls };
}
