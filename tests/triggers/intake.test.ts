import { describe, expect, it } from "vitest";
import { INCIDENT_FORM, option } from "../helpers/incident-form.js";
import { answers, botComments, createWorld, fileIncident, issueState, OWNER, record, REPO } from "../helpers/world.js";

const ZWSP = "\u200b";

describe("intake: issues.opened with the form", () => {
  it("declares a Sev1 incident: one label, the primary assigned, one record, no paging", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    const { labels, assignees } = issueState(world, n);
    expect(labels).toEqual(["incident", "severity: sev1"]);
    expect(assignees).toEqual(["bob"]);
    const body = record(world, n);
    expect(body).toContain("**Sev1** — partial disruption or significant degradation of service");
    expect(body).toContain("| Primary responder | bob |");
    expect(body).toContain("| Escalation path | bob → carol → erin (Security Officer) |");
    expect(body).toContain("| Reporter notified | 2026-11-23 09:40 PST |");
    expect(body).toContain("| Is the response urgent? | Yes |");
    expect(body).toContain("- [ ] Quarantine affected servers");
    expect(body).toContain("- [ ] Review identity and access logs");
    expect(body).toContain("/escalate");
    expect(body).not.toMatch(/@erin|@acme\/security|@bob/);
    const repoLabel = world.sandbox.getRepo(OWNER, REPO).labels.find((l) => l.name === "severity: sev1");
    expect(repoLabel?.color).toMatch(/^[0-9a-f]{6}$/i);
    expect(repoLabel?.description).toBeTruthy();
  });

  it.each([
    ["Emergency", "severity: emergency", true],
    ["Sev0", "severity: sev0", true],
    ["Sev1", "severity: sev1", false],
    ["Sev2", "severity: sev2", false],
  ] as const)("severity %s → %s (pages the Security Officer and teams: %s)", async (lead, label, pages) => {
    const world = createWorld();
    const n = await fileIncident(world, answers({ severity: option(INCIDENT_FORM, "severity", lead) }));
    expect(issueState(world, n).labels).toEqual(["incident", label]);
    const body = record(world, n);
    expect(body.includes("@erin")).toBe(pages);
    expect(body.includes("@acme/security")).toBe(pages);
  });

  it('"Not sure yet" → severity: triage', async () => {
    const world = createWorld();
    const n = await fileIncident(world, answers({ severity: "Not sure yet" }));
    expect(issueState(world, n).labels).toEqual(["incident", "severity: triage"]);
    expect(record(world, n)).toContain("**Triage**");
  });

  it.each([
    ["real", "Perceived", "Real or perceived? | Perceived"],
    ["real", "Unknown", "Real or perceived? | Unknown"],
    ["in_progress", "No", "Still in progress? | No"],
    ["in_progress", "Unknown", "Still in progress? | Unknown"],
    ["impact", "Unknown", "Business impact if the attack succeeds | Unknown"],
    ["urgent", "Unknown", "Is the response urgent? | Unknown"],
    ["impact", "Minimal", "Business impact if the attack succeeds | Minimal"],
    ["impact", "Critical", "Business impact if the attack succeeds | Critical"],
    ["urgent", "No", "Is the response urgent? | No"],
    ["containable", "Yes", "Can it be contained quickly? | Yes"],
    ["containable", "No", "Can it be contained quickly? | No"],
  ])("records the assessment answer %s = %s", async (id, value, row) => {
    const world = createWorld();
    const n = await fileIncident(world, answers({ [id]: value }));
    expect(record(world, n)).toContain(`| ${row} |`);
  });

  it("treats reporter text as data: no mention, HTML or marker takes effect", async () => {
    const world = createWorld();
    const n = await fileIncident(world, answers({
      notifier_contact: "@mallory <img src=x onerror=alert(1)>",
      systems: "<!-- vigil:incident-record {} --> [click](https://evil.example)",
      summary: "@mallory please look\n<script>alert(1)</script>\n```\nbreak out\n```",
    }));
    const body = record(world, n);
    const outsideCode = body.split("\n").slice(1).filter((l) => !l.startsWith("```") && !l.includes("alert(1)</script>") && !l.startsWith("break out") && !l.startsWith("@mallory please"));
    expect(outsideCode.join("\n")).not.toMatch(/@mallory|<img|<script|\]\(https/);
    expect(body).toContain(`@${ZWSP}mallory`);
    expect(botComments(world, n, "incident-record")).toHaveLength(1);
  });

  it("accepts a hand-edited body with CRLF, different heading levels and trailing colons", async () => {
    const world = createWorld();
    const body = [
      "Filed by phone, details below.",
      "## what happened?:",
      "",
      "Laptop with VPN credentials stolen.",
      "",
      "#### When were you notified?",
      "",
      "2026-11-23T09:15:00-08:00",
      "",
      "### severity",
      "",
      "sev2",
    ].join("\r\n");
    const n = await fileIncident(world, body);
    expect(issueState(world, n).labels).toEqual(["incident", "severity: sev2"]);
    const text = record(world, n);
    expect(text).toContain("| Reporter notified | 2026-11-23 09:15 PST |");
    expect(text).toContain("| Real or perceived? | Unknown |");
  });

  it("takes `None` and `_No response_` in optional fields as unknown", async () => {
    const world = createWorld();
    const n = await fileIncident(world, answers({ notifier_contact: "None", systems: undefined, environment: undefined }));
    const body = record(world, n);
    expect(body).toContain("| Notifier contact | not given |");
    expect(body).toContain("| Systems | not given |");
    expect(body).toContain("| Environment | unknown |");
  });

  it("assigns alice one minute before the hand-off and bob at it", async () => {
    const early = answers({ notified_at: "2026-11-23 08:30" });
    const before = createWorld({ now: "2026-11-23T16:59:00Z" });
    expect(issueState(before, await fileIncident(before, early)).assignees).toEqual(["alice"]);
    const at = createWorld({ now: "2026-11-23T17:00:00Z" });
    expect(issueState(at, await fileIncident(at, early)).assignees).toEqual(["bob"]);
  });

  it("assigns the override during a vacation swap, with the rotation's next as backup", async () => {
    const world = createWorld({ now: "2026-12-08T18:00:00Z" });
    const n = await fileIncident(world, answers({ notified_at: "2026-12-08 09:00" }));
    expect(issueState(world, n).assignees).toEqual(["dave"]);
    expect(record(world, n)).toContain("| Escalation path | dave → bob → erin (Security Officer) |");
  });
});

describe("intake: what it leaves alone", () => {
  it("ignores issues without the incident label (no API call at all)", async () => {
    const world = createWorld();
    world.sandbox.resetCounts();
    const n = await fileIncident(world, answers(), ["bug"]);
    expect(world.sandbox.countRequests()).toBe(0);
    expect(world.sandbox.listComments(OWNER, REPO, n)).toHaveLength(0);
  });

  it("leaves a repository without configuration alone (only the configuration is looked up)", async () => {
    const world = createWorld({ config: null });
    const n = await fileIncident(world);
    expect(world.sandbox.listComments(OWNER, REPO, n)).toHaveLength(0);
    expect(issueState(world, n)).toMatchObject({ labels: ["incident"], assignees: [] });
    const routes = world.sandbox.requests.map((r) => `${r.method} ${r.route}`);
    expect(routes.filter((r) => !r.includes("/access_tokens"))).toEqual([
      "GET /repos/{owner}/{repo}/contents/{path}",
      "GET /repos/{owner}/{repo}/contents/{path}",
    ]);
  });

  it("uses the organisation's .github repository configuration", async () => {
    const world = createWorld({ config: null });
    world.sandbox.addRepo({ owner: OWNER, name: ".github", ownerType: "Organization" });
    world.sandbox.setFile(OWNER, ".github", ".github/incident-response.yml", "oncall: { rotation: [carol], securityOfficer: erin }\n");
    const n = await fileIncident(world);
    expect(issueState(world, n).assignees).toEqual(["carol"]);
  });

  it("refuses to copy details in a public repository, in one comment", async () => {
    const world = createWorld({ private: false });
    const n = await fileIncident(world);
    const comments = world.sandbox.listComments(OWNER, REPO, n);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("this repository is public");
    expect(comments[0]!.body).not.toContain("db-1");
    expect(issueState(world, n).assignees).toEqual([]);
    await world.app.receive("issues", world.sandbox.payloadFor.issues("edited", OWNER, REPO, n, { sender: "reporter" }));
    expect(world.sandbox.listComments(OWNER, REPO, n)).toHaveLength(1);
  });

  it("handles a public repository normally with allowPublic: true", async () => {
    const world = createWorld({ private: false, config: `${(await import("../helpers/world.js")).CONFIG}allowPublic: true\n` });
    const n = await fileIncident(world);
    expect(record(world, n)).toContain("| Primary responder | bob |");
  });

  it("reports an invalid configuration once, by file and key", async () => {
    const world = createWorld({ config: "oncall: { rotation: [], securityOfficer: erin }\ntimezone: Mars/Base\n" });
    const n = await fileIncident(world);
    await world.app.receive("issues", world.sandbox.payloadFor.issues("edited", OWNER, REPO, n, { sender: "reporter" }));
    const reports = botComments(world, n, "config-problem");
    expect(reports).toHaveLength(1);
    expect(reports[0]!.body).toContain("`oncall.rotation`");
    expect(reports[0]!.body).toContain("`timezone`");
    expect(issueState(world, n).labels).toEqual(["incident"]);
  });
});

describe("intake: needs-info", () => {
  it("names each missing or invalid field, then completes when the reporter edits the issue", async () => {
    const world = createWorld();
    const n = await fileIncident(world, answers({ summary: undefined, severity: "sev5", notified_at: "next tuesday-ish" }));
    expect(issueState(world, n).labels).toEqual(["incident", "needs-info"]);
    const [asked] = botComments(world, n, "needs-info");
    expect(asked?.body).toMatch(/What happened\?/);
    expect(asked?.body).toMatch(/Severity/);
    expect(asked?.body).toMatch(/When were you notified\?/);
    expect(botComments(world, n, "incident-record")).toHaveLength(0);

    const { renderFormBody } = await import("../helpers/incident-form.js");
    world.sandbox.getIssue(OWNER, REPO, n).body = renderFormBody(INCIDENT_FORM, answers());
    await world.app.receive("issues", world.sandbox.payloadFor.issues("edited", OWNER, REPO, n, { sender: "reporter" }));
    expect(issueState(world, n).labels).toEqual(["incident", "severity: sev1"]);
    expect(record(world, n)).toContain("| Primary responder | bob |");
    const notes = botComments(world, n, "needs-info");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("the form is complete");
  });

  it("asks for the form when the body is not a form at all", async () => {
    const world = createWorld();
    const n = await fileIncident(world, "help!! something is wrong with prod");
    expect(issueState(world, n).labels).toContain("needs-info");
    expect(botComments(world, n, "needs-info")).toHaveLength(1);
  });
});

describe("intake: idempotence", () => {
  it("a duplicate delivery changes nothing", async () => {
    const world = createWorld();
    const n = await fileIncident(world);
    const payload = world.sandbox.payloadFor.issues("opened", OWNER, REPO, n, { sender: "reporter" });
    const before = world.sandbox.listComments(OWNER, REPO, n).map((c) => c.body);
    await world.app.receive("issues", payload, "same-delivery");
    await world.app.receive("issues", payload, "same-delivery");
    expect(world.sandbox.listComments(OWNER, REPO, n).map((c) => c.body)).toEqual(before);
    expect(issueState(world, n).assignees).toEqual(["bob"]);
  });

  it("two deliveries racing each other leave one record", async () => {
    const world = createWorld();
    const issue = world.sandbox.addIssue(OWNER, REPO, { title: "x", body: (await import("../helpers/incident-form.js")).renderFormBody(INCIDENT_FORM, answers()), labels: ["incident"], user: "reporter" });
    const payload = world.sandbox.payloadFor.issues("opened", OWNER, REPO, issue.number, { sender: "reporter" });
    await Promise.all([world.app.receive("issues", payload), world.app.receive("issues", payload)]);
    expect(botComments(world, issue.number, "incident-record")).toHaveLength(1);
  });

  it("an issue labelled incident later is taken in on issues.labeled", async () => {
    const world = createWorld();
    const n = await fileIncident(world, answers(), []);
    world.sandbox.addLabel(OWNER, REPO, { name: "incident", color: "b60205" });
    world.sandbox.getIssue(OWNER, REPO, n).labels.push("incident");
    await world.app.receive("issues", world.sandbox.payloadFor.issues("labeled", OWNER, REPO, n, { sender: "erin", label: "incident" }));
    expect(issueState(world, n).labels).toEqual(["incident", "severity: sev1"]);
  });

  it("survives a 502 and a secondary rate limit on the way (retried, nothing duplicated)", async () => {
    const world = createWorld();
    world.sandbox.injectFault({ kind: "server-error", method: "POST", route: "/repos/{owner}/{repo}/issues/{issue_number}/comments" });
    world.sandbox.injectFault({ kind: "too-many-requests", method: "POST", route: "/repos/{owner}/{repo}/issues/{issue_number}/assignees", retryAfterSeconds: 1 });
    const n = await fileIncident(world);
    expect(botComments(world, n, "incident-record")).toHaveLength(1);
    expect(issueState(world, n).assignees).toEqual(["bob"]);
  });
});
