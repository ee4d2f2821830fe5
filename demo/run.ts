// `npm run demo`: a whole incident, its post-mortem and a cycle of recurring security work, played offline against the
// in-memory GitHub in a few seconds. Every step goes through the real Vigil app (webhooks and its scheduled check);
// the narration gives the simulated date and what each step cost in GitHub requests.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main as vigil } from "../src/cli/main.js";
import { decodeMarker } from "../src/markers/codec.js";
import { INCIDENT_FORM, option, renderFormBody } from "../tests/helpers/incident-form.js";
import { narrator } from "./narrator.js";
import { createStage, OWNER, REPO, type Stage } from "./stage.js";

const ZONE = "America/Los_Angeles";

/** Plays the demo, printing through `print`; returns the stage for whoever wants to look further (the test does). */
export async function playDemo(print: (line: string) => void = console.log, reportPath = join(tmpdir(), "vigil-demo-report.html")): Promise<Stage & { requests: number }> {
  const stage = createStage("2026-11-23T17:00:00Z");
  const { sandbox, app } = stage;
  const story = narrator(sandbox, ZONE, print);
  const at = (iso: string) => void (sandbox.clock.now = iso);
  const said = (number: number, since = 0) => sandbox.listComments(OWNER, REPO, number)
    .filter((c) => c.user === sandbox.app.botLogin && c.id > since)
    .map((c) => `${decodeMarker(c.body)?.kind ?? "comment"}: ${c.body.split("\n").find((l, i) => i > 0 && l.trim() !== "")?.slice(0, 110) ?? ""}`);
  const issue = (n: number) => sandbox.getIssue(OWNER, REPO, n);
  const scrutinyCheck = (n: number) => sandbox.checkRuns(OWNER, REPO, (sandbox.payloadFor.pullRequest("opened", OWNER, REPO, n, { sender: "dave" }) as { pull_request: { head: { sha: string } } }).pull_request.head.sha)
    .filter((r) => r.appSlug === sandbox.app.slug).map((r) => `check run "${r.name}": ${r.conclusion ?? r.status}`);
  const lastComment = (n: number) => sandbox.listComments(OWNER, REPO, n).at(-1)?.id ?? 0;
  const say = async (n: number, body: string, user: string) => {
    const c = sandbox.addComment(OWNER, REPO, n, body, user);
    await app.receive("issue_comment", sandbox.payloadFor.issueComment("created", OWNER, REPO, c.id, { sender: user }));
  };
  const recurring = (label: string) => {
    const found = [];
    for (let n = 1; ; n++) {
      try {
        const i = issue(n);
        if (i.labels.includes(label) && i.user === sandbox.app.botLogin) found.push(i);
      } catch {
        return found;
      }
    }
  };

  story.say(`Vigil demo: ${OWNER}/${REPO} (private), on-call alice → bob → carol, Security Officer erin, holidays of California.`);

  await story.step("Vigil is installed; its first scheduled check files the first security review and patching round", async () => stage.check(),
    () => [...recurring("security-review"), ...recurring("patching")].map((i) => `#${i.number} ${i.title} (assigned ${i.assignees.join(", ")})`));

  at("2026-11-23T17:41:00Z");
  let n = 0;
  await story.step("reporter files an incident through the issue form", async () => {
    const body = renderFormBody(INCIDENT_FORM, { summary: "Card-processing API sends data to an unknown host.", notified_at: "2026-11-23 09:30", source: "Monitoring alert", systems: "payments-api (10.0.4.17)", environment: "Production", severity: option(INCIDENT_FORM, "severity", "Sev1"), real: "Real", in_progress: "Yes" });
    n = sandbox.addIssue(OWNER, REPO, { title: "[Incident] payments-api talks to an unknown host", body, labels: ["incident"], user: "reporter" }).number;
    await app.receive("issues", sandbox.payloadFor.issues("opened", OWNER, REPO, n, { sender: "reporter" }));
  }, () => [`#${n} labels: ${issue(n).labels.join(", ")}; assigned: ${issue(n).assignees.join(", ")}`, ...said(n)]);

  at("2026-11-23T17:50:00Z");
  let mark = lastComment(n);
  await story.step("bob raises the severity: /severity sev0 card data may have been read", () => say(n, "/severity sev0 card data may have been read", "bob"),
    () => [`labels: ${issue(n).labels.join(", ")}`, ...said(n, mark)]);

  at("2026-11-23T18:05:00Z");
  await story.step("alice notes what she did: /note blocked 203.0.113.7 at the edge", () => say(n, "/note blocked 203.0.113.7 at the edge", "alice"));
  at("2026-11-23T18:20:00Z");
  await story.step("carol records a communication: /comms Outside counsel — informed by phone at 10:15", () => say(n, "/comms Outside counsel — informed by phone at 10:15", "carol"),
    () => [`evidence ledger: ${said(n).filter((s) => s.startsWith("evidence-ledger")).length} comment, every command hashed and chained`]);

  at("2026-11-25T19:00:00Z");
  mark = lastComment(n);
  await story.step("Wednesday before Thanksgiving, bob resolves it: /status resolved", () => say(n, "/status resolved", "bob"), () => {
    const pr = issue(n + 1);
    return [`#${n} ${issue(n).state} (${issue(n).stateReason})`, `post-mortem PR #${pr.number} "${pr.title}", ${pr.body?.split("\n").find((l) => /due/i.test(l) && !l.startsWith("<!--"))?.slice(0, 120) ?? ""}`, ...(pr.body?.match(/^.*Thanksgiving.*$/m) ?? []).map((l) => l.trim().slice(0, 120)), ...said(n, mark)];
  });
  const pr = n + 1;

  at("2026-11-30T17:30:00Z");
  const [firstPatching] = recurring("patching");
  await story.step("Monday: the check files the next patching round, with what was left unchecked carried over", async () => {
    sandbox.editIssueBody(OWNER, REPO, firstPatching!.number, (firstPatching!.body ?? "").replace("- [ ] ", "- [x] "), "frank");
    await stage.check();
  }, () => recurring("patching").map((i) => `#${i.number} ${i.title}: ${i.state}${i.body?.includes("carried") ? " — carries the unchecked item" : ""}`));

  at("2026-12-01T17:00:00Z");
  mark = lastComment(pr);
  await story.step("Tuesday: the scheduled check reminds the post-mortem's authors, one working day before it is due", () => stage.check(), () => said(pr, mark));

  at("2026-12-03T17:00:00Z");
  mark = lastComment(pr);
  await story.step("Thursday: nobody merged it; the check labels it overdue and nudges, the Security Officer included", () => stage.check(),
    () => [`PR labels: ${issue(pr).labels.join(", ")}`, ...said(pr, mark)]);

  at("2026-12-03T22:00:00Z");
  mark = lastComment(n);
  await story.step("the team writes the defenses and merges the post-mortem", async () => {
    const path = `postmortems/2026-11-23-incident-${n}.md`;
    const doc = sandbox.getFile(OWNER, REPO, path, { ref: `postmortem/incident-${n}` }) ?? "";
    sandbox.setFile(OWNER, REPO, path, doc.replace("- [ ] \\<defense> — cost: … — benefit: …", "- [ ] Egress allow-list for payments-api — cost: 2 days — benefit: no unknown host reachable"), { branch: `postmortem/incident-${n}` });
    sandbox.mergePull(OWNER, REPO, pr, "carol");
    await app.receive("pull_request", sandbox.payloadFor.pullRequest("closed", OWNER, REPO, pr, { sender: "carol" }));
  }, () => [...said(n, mark), ...recurring("postmortem-review").map((i) => `review issue #${i.number} ${i.title}`)]);

  at("2026-12-21T17:00:00Z");
  await story.step("four weeks after the first, the check files the next security review, carrying what the last one left unchecked", async () => stage.check(),
    () => recurring("security-review").map((i) => `#${i.number} ${i.title}: ${i.state}${i.body?.includes("carried") ? ` — ${(i.body.match(/carried \d+×/g) ?? []).length} items carried` : ""}`));

  at("2026-12-22T18:00:00Z");
  let pull = 0;
  await story.step("dave opens a pull request that logs card numbers in src/payments/: a top threat", async () => {
    sandbox.setFile(OWNER, REPO, "src/payments/charge.ts", "export function charge(card_number: string) {\n  console.log('charging', card_number);\n}\n", { branch: "faster-charges" });
    pull = sandbox.openPull(OWNER, REPO, { title: "Faster charges", head: "faster-charges", user: "dave" }).number;
    await app.receive("pull_request", sandbox.payloadFor.pullRequest("opened", OWNER, REPO, pull, { sender: "dave" }));
  }, () => [`PR #${pull} labels: ${issue(pull).labels.join(", ")}`, ...scrutinyCheck(pull), ...said(pull)]);

  at("2026-12-22T19:30:00Z");
  await story.step("frank, of @acme/security, approves the head: the check goes green", async () => {
    const review = sandbox.submitReview(OWNER, REPO, pull, { user: "frank", state: "APPROVED" });
    await app.receive("pull_request_review", sandbox.payloadFor.pullRequestReview("submitted", OWNER, REPO, pull, review.id, { sender: "frank" }));
  }, () => scrutinyCheck(pull));

  at("2026-12-22T20:00:00Z");
  await story.step("the pull request is merged", async () => {
    sandbox.mergePull(OWNER, REPO, pull, "dave");
    await app.receive("pull_request", sandbox.payloadFor.pullRequest("closed", OWNER, REPO, pull, { sender: "dave" }));
  });

  at("2026-12-31T23:00:00Z");
  await story.step(`the evidence report of the quarter is written to ${reportPath}`, async () => {
    const installationId = sandbox.getRepo(OWNER, REPO).installationId as number;
    const io = { stdout: () => undefined, stderr: print, env: { GITHUB_TOKEN: sandbox.issueToken({ installationId }) }, cwd: process.cwd(), fetch: sandbox.fetch };
    const code = await vigil(["report", `${OWNER}/${REPO}`, "--since", "2026-10-01", "--until", "2026-12-31", "--format", "html", "--out", reportPath], io);
    if (code !== 0) throw new Error(`vigil report exited ${code}`);
  }, () => ["open it in a browser: incidents, deadlines, recurring work and top-threat pull requests on one timeline"]);

  story.say(`\nThe whole story cost ${story.total()} GitHub requests.`);
  return { ...stage, requests: story.total() };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop() ?? "")) {
  await playDemo();
}
