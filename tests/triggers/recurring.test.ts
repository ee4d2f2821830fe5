// Recurring security reviews, patching and drills (SPEC 2.4) through `vigil tick`, across simulated months.
import { createTestOctokit } from "@vigil/github-sandbox";
import { describe, expect, it } from "vitest";
import { decodeMarker } from "../../src/markers/codec.js";
import { tickAt } from "../helpers/cli.js";
import { createWorld, OWNER, RECURRING_CONFIG, REPO, type World } from "../helpers/world.js";

const RECURRING = `${RECURRING_CONFIG}drill: { month: 12, perYear: 1, plans: [Ransomware, Lost laptop, Leaked credentials] }\n`;

const tick = tickAt;

/** Vigil's recurring issues of a kind, oldest first. */
function issues(world: World, label: string) {
  const all = [];
  for (let n = 1; ; n++) {
    try {
      all.push(world.sandbox.getIssue(OWNER, REPO, n));
    } catch {
      break;
    }
  }
  return all.filter((i) => i.labels.includes(label) && i.user === world.sandbox.app.botLogin);
}

const writes = (world: World) =>
  world.sandbox.requests.filter((r) => r.method !== "GET" && !/^Vigil(Viewer|Observe|Candidates|ReviewIssues|ReadFile|MergedPulls)/.test(r.graphqlOperation ?? "") && !r.route.endsWith("/access_tokens"));

describe("security reviews", () => {
  it("first install files one review at once, with its milestone and the primary assigned; a second check writes nothing", async () => {
    const world = createWorld({ config: RECURRING });
    await tick(world, "2026-11-30T17:00:00Z"); // Monday
    const [review] = issues(world, "security-review");
    expect(review?.title).toBe("Security review 2026-11-30");
    expect(review?.assignees).toEqual(["carol"]); // on call in the week of 30 November
    expect(review?.milestone).not.toBeNull();
    expect(review?.body).toContain("Dependabot");
    world.sandbox.resetCounts();
    await tick(world, "2026-11-30T20:00:00Z");
    expect(writes(world)).toEqual([]);
  });

  it("four weeks on: unchecked items carried (checked ones not), the previous closed with a link, merged PRs listed", async () => {
    const world = createWorld({ config: RECURRING });
    await tick(world, "2026-11-30T17:00:00Z");
    const [first] = issues(world, "security-review");
    // Tick the first top-threat item and add one by hand.
    const body = (first!.body ?? "").replace("- [ ] ", "- [x] ") + "\n- [ ] Rotate the deploy keys (added by hand)\n";
    world.sandbox.editIssueBody(OWNER, REPO, first!.number, body, "alice");
    world.sandbox.setFile(OWNER, REPO, "app.ts", "x", { branch: "fix-xss" });
    world.sandbox.clock.now = "2026-12-10T17:00:00Z";
    const pull = world.sandbox.openPull(OWNER, REPO, { title: "Escape user names", head: "fix-xss" });
    world.sandbox.mergePull(OWNER, REPO, pull.number, "alice");
    await tick(world, "2026-12-28T17:00:00Z"); // Monday, four weeks later
    const reviews = issues(world, "security-review");
    expect(reviews.map((r) => r.title)).toEqual(["Security review 2026-11-30", "Security review 2026-12-28"]);
    const second = reviews[1]!;
    expect(second.body).toContain(`Rotate the deploy keys (added by hand) _(from #${first!.number}, carried 1×)_`);
    expect(second.body).toContain("Escape user names");
    expect(second.body).not.toContain("Broken access control _(from"); // ticked in the first review: not carried
    const old = world.sandbox.getIssue(OWNER, REPO, first!.number);
    expect(old.state).toBe("closed");
    expect(world.sandbox.listComments(OWNER, REPO, first!.number).some((c) => c.body.includes(`#${second.number}`))).toBe(true);
  });

  it("the hard limit: the open review gets overdue and a daily reminder of the Security Officer, on working days only", async () => {
    const world = createWorld({ config: `${RECURRING}` });
    await tick(world, "2026-11-30T17:00:00Z");
    // Nobody completes anything for nine weeks (the reviews roll on, each superseding the last).
    await tick(world, "2026-12-28T17:00:00Z");
    await tick(world, "2027-02-01T17:00:00Z"); // Monday, > 8 weeks after the first was filed
    const open = issues(world, "security-review").find((i) => i.state === "open")!;
    expect(open.labels).toContain("overdue");
    const nudges = () => world.sandbox.listComments(OWNER, REPO, open.number).filter((c) => decodeMarker(c.body)?.kind === "overdue");
    expect(nudges()).toHaveLength(1);
    expect(nudges()[0]!.body).toContain("@erin");
    await tick(world, "2027-02-01T21:00:00Z");
    await tick(world, "2027-02-06T17:00:00Z"); // Saturday
    expect(nudges()).toHaveLength(1);
    // Completed by a person: the reminders stop.
    await createTestOctokit(world.sandbox, { login: "alice" }).rest.issues.update({ owner: OWNER, repo: REPO, issue_number: open.number, state: "closed", state_reason: "completed" });
    await tick(world, "2027-02-08T17:00:00Z");
    expect(nudges()).toHaveLength(1);
  });
});

describe("patching", () => {
  it("weekly, one item per system, an unchecked system carried to next week", async () => {
    const world = createWorld({ config: RECURRING });
    await tick(world, "2026-11-30T17:00:00Z");
    await tick(world, "2026-12-07T17:00:00Z");
    const rounds = issues(world, "patching");
    expect(rounds.map((r) => r.title)).toEqual(["OS patching — week of 2026-11-30", "OS patching — week of 2026-12-07"]);
    expect(rounds[1]!.body).toMatch(new RegExp(`- \\[ \\] .*production.* _\\(from #${rounds[0]!.number}, carried 1×\\)_`));
    expect(world.sandbox.getIssue(OWNER, REPO, rounds[0]!.number).state).toBe("closed");
  });

  it("a round due on a holiday is filed on the next working day", async () => {
    const world = createWorld({ config: RECURRING });
    await tick(world, "2026-12-28T17:00:00Z");
    await tick(world, "2027-01-01T17:00:00Z"); // New Year's Day: nothing new
    await tick(world, "2027-01-04T17:00:00Z");
    expect(issues(world, "patching").map((r) => r.title)).toEqual(["OS patching — week of 2026-12-28", "OS patching — week of 2027-01-04"]);
  });
});

describe("drills", () => {
  it("one a year in the configured month, rotating the plans over three years", async () => {
    const world = createWorld({ config: RECURRING });
    await tick(world, "2026-12-01T17:00:00Z");
    await tick(world, "2027-12-01T17:00:00Z");
    await tick(world, "2028-12-01T17:00:00Z");
    const drills = issues(world, "ir-drill");
    expect(drills.map((d) => d.title)).toEqual(["Incident response drill 2026", "Incident response drill 2027", "Incident response drill 2028"]);
    const plans = drills.map((d) => (decodeMarker(d.body ?? "")!.data as { plans: string[] }).plans[0]);
    expect(new Set(plans)).toEqual(new Set(["ransomware", "lost-laptop", "leaked-credentials"]));
  });
});

describe("security alerts", () => {
  it("counts open alerts where the app may read them, and says how to grant it where it may not", async () => {
    const world = createWorld({ config: RECURRING });
    world.sandbox.addVulnerabilityAlert(OWNER, REPO);
    world.sandbox.addVulnerabilityAlert(OWNER, REPO);
    world.sandbox.addCodeScanningAlert(OWNER, REPO);
    await tick(world, "2026-11-30T17:00:00Z");
    expect(issues(world, "security-review")[0]?.body).toMatch(/Dependabot[^\n]*\*\*2\*\* open/);

    const denied = createWorld({ config: RECURRING });
    const installation = denied.sandbox.getRepo(OWNER, REPO).installationId as number;
    denied.sandbox.setInstallationPermissions(installation, { vulnerability_alerts: null, security_events: null });
    await tick(denied, "2026-11-30T17:00:00Z");
    const body = issues(denied, "security-review")[0]?.body ?? "";
    expect(body).toContain("Dependabot alerts: read");
    expect(body).toContain("Code scanning alerts: read");
  });
});

describe("robustness", () => {
  const openReviews = (world: World) => issues(world, "security-review").filter((i) => i.state === "open");

  it("two checks racing leave one open review per period", async () => {
    const world = createWorld({ config: RECURRING });
    world.sandbox.clock.now = "2026-11-30T17:00:00Z";
    await Promise.all([tick(world, "2026-11-30T17:00:00Z"), tick(world, "2026-11-30T17:00:00Z")]);
    await tick(world, "2026-11-30T18:00:00Z");
    expect(openReviews(world)).toHaveLength(1);
  });

  it("a copy a racing replica filed for the same period is closed as not planned; the oldest stays", async () => {
    const world = createWorld({ config: RECURRING });
    await tick(world, "2026-11-30T17:00:00Z");
    const [first] = issues(world, "security-review");
    const copy = world.sandbox.addIssue(OWNER, REPO, { title: first!.title, body: first!.body ?? "", labels: ["security-review"], user: world.sandbox.app.botLogin });
    await tick(world, "2026-11-30T18:00:00Z");
    expect(world.sandbox.getIssue(OWNER, REPO, copy.number)).toMatchObject({ state: "closed", stateReason: "not_planned" });
    expect(openReviews(world).map((i) => i.number)).toEqual([first!.number]);
  });

  it("an issue create GitHub applied but answered 502 is not repeated", async () => {
    const world = createWorld({ config: RECURRING });
    world.sandbox.injectFault({ kind: "server-error", method: "POST", route: "/repos/{owner}/{repo}/issues", applied: true });
    await tick(world, "2026-11-30T17:00:00Z");
    expect(issues(world, "security-review")).toHaveLength(1);
  });

  it("first install on a repository with years of hand-made reviews files one, and leaves theirs alone", async () => {
    const world = createWorld({ config: RECURRING });
    for (let i = 0; i < 30; i++) world.sandbox.addIssue(OWNER, REPO, { title: `Security review 202${i % 6}-0${(i % 9) + 1}-01`, body: "- [ ] old item", labels: ["security-review"], user: "alice", state: "closed", stateReason: "completed" });
    await tick(world, "2026-11-30T17:00:00Z");
    expect(issues(world, "security-review")).toHaveLength(1);
  });

  it("a deleted milestone and a changed cadence: the next review still comes, on the new cadence", async () => {
    const world = createWorld({ config: RECURRING });
    await tick(world, "2026-11-30T17:00:00Z");
    const octokit = createTestOctokit(world.sandbox, { login: "erin" });
    const [first] = issues(world, "security-review");
    await octokit.rest.issues.deleteMilestone({ owner: OWNER, repo: REPO, milestone_number: first!.milestone! });
    world.sandbox.setFile(OWNER, REPO, ".github/incident-response.yml", `${RECURRING}securityReview: { everyWeeks: 2, maxWeeks: 4 }\n`.replace("securityReview: { enabled: false }\n", ""));
    await tick(world, "2026-12-14T17:00:00Z");
    expect(issues(world, "security-review").map((r) => r.title)).toEqual(["Security review 2026-11-30", "Security review 2026-12-14"]);
  });
});

describe("a year of reviews", () => {
  it("13 reviews four weeks apart: a never-ticked item is carried each time with its count, a completed review ends the chain of carries", async () => {
    const world = createWorld({ config: `${RECURRING_CONFIG}patching: { enabled: false }\ndrill: { enabled: false }\n` });
    let day = "2026-11-30";
    for (let i = 0; i < 13; i++) {
      await tick(world, `${day}T17:00:00Z`);
      if (i === 0) {
        const [first] = issues(world, "security-review");
        world.sandbox.editIssueBody(OWNER, REPO, first!.number, `${first!.body}\n- [ ] Replace the shared admin password`, "alice");
      }
      const next = new Date(`${day}T12:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 28);
      day = next.toISOString().slice(0, 10);
    }
    const reviews = issues(world, "security-review");
    expect(reviews.length).toBeGreaterThanOrEqual(12);
    expect(reviews.filter((r) => r.state === "open")).toHaveLength(1);
    const last = reviews.at(-1)!;
    expect(last.body).toMatch(new RegExp(`Replace the shared admin password _\\(from #${reviews.at(-2)!.number}, carried ${reviews.length - 1}×\\)_`));
  });
});

describe("hand edits", () => {
  it("a review whose marker was edited away is still recognised by its title: no second review for the period", async () => {
    const world = createWorld({ config: RECURRING });
    await tick(world, "2026-11-30T17:00:00Z");
    const [review] = issues(world, "security-review");
    world.sandbox.editIssueBody(OWNER, REPO, review!.number, "We rewrote this review by hand.\n- [ ] Look at the new CDN", "alice");
    await tick(world, "2026-11-30T20:00:00Z");
    expect(issues(world, "security-review")).toHaveLength(1);
    await tick(world, "2026-12-28T17:00:00Z");
    expect(issues(world, "security-review").at(-1)!.body).toContain("Look at the new CDN _(from");
  });
});
