import { createVigil } from "../../src/index.js";
import { decodeMarker } from "../../src/markers/codec.js";
import { createTestProbot, type TestProbot } from "@vigil/github-sandbox";
import { GitHubSandbox } from "@vigil/github-sandbox";
import { INCIDENT_FORM, option, renderFormBody, type Answers } from "./incident-form.js";

export const OWNER = "acme";
export const REPO = "incidents";
/** Monday 2026-11-23 10:00 in Los Angeles: an hour after the hand-off from alice to bob. */
export const NOW = "2026-11-23T18:00:00Z";

export const CONFIG = `timezone: America/Los_Angeles
calendar: { country: US, state: CA }
oncall:
  rotation: [alice, bob, carol]
  start: 2026-01-05T09:00
  overrides: [{ login: dave, from: 2026-12-07, to: 2026-12-13 }]
  securityOfficer: erin
  escalate: ["@acme/security"]
securityReview: { enabled: false }
patching: { enabled: false }
drill: { enabled: false }
`;

/** CONFIG with the recurring work of SPEC 2.4 switched on (the incident scenarios leave it off to stay focused). */
export const RECURRING_CONFIG = CONFIG.replace(/^(securityReview|patching|drill): \{ enabled: false \}\n/gm, "");

export const PROJECT_CONFIG = `${CONFIG}project: { owner: acme, number: 7 }
`;

/** A sandboxed GitHub with one opted-in private repository and the real Vigil app. */
export interface World {
  sandbox: GitHubSandbox;
  app: TestProbot;
}

/** Builds the world: people with their permissions, the configuration file, the app. */
export function createWorld(options: { config?: string | null; private?: boolean; now?: string } = {}): World {
  const sandbox = new GitHubSandbox({ now: options.now ?? NOW });
  sandbox.addUser(OWNER, "Organization");
  sandbox.addRepo({ owner: OWNER, name: REPO, ownerType: "Organization", private: options.private ?? true });
  for (const [login, role] of [["alice", "write"], ["bob", "write"], ["carol", "maintain"], ["dave", "write"], ["erin", "admin"], ["mallory", "read"], ["reporter", "triage"]] as const) {
    sandbox.setPermission(OWNER, REPO, login, role);
  }
  if (options.config !== null) sandbox.setFile(OWNER, REPO, ".github/incident-response.yml", options.config ?? CONFIG);
  const app = createTestProbot(sandbox, createVigil({ now: () => sandbox.clock.now, env: { VIGIL_CHECK_INTERVAL: "0" } }));
  return { sandbox, app };
}

/**
 * A sandboxed GitHub with the one opted-in repository and people with write access, for tests that
 * build their own app (a logger, a server, the Actions entry) rather than the World's.
 */
export function optedInSandbox(options: { apiUrl?: string; writers?: string[] } = {}): GitHubSandbox {
  const sandbox = new GitHubSandbox({ now: NOW, ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}) });
  sandbox.addUser(OWNER, "Organization");
  sandbox.addRepo({ owner: OWNER, name: REPO, ownerType: "Organization" });
  for (const login of options.writers ?? ["bob"]) sandbox.setPermission(OWNER, REPO, login, "write");
  sandbox.setFile(OWNER, REPO, ".github/incident-response.yml", CONFIG);
  return sandbox;
}

/** Complete answers for the shipped form; override any field. */
export function answers(overrides: Answers = {}): Answers {
  return {
    summary: "Unusual outbound traffic from db-1 to an unknown host.",
    notified_at: "2026-11-23 09:40",
    source: "Monitoring alert",
    notifier_contact: "pager@example.com",
    systems: "db-1.internal (10.0.0.5)",
    environment: "Production",
    severity: option(INCIDENT_FORM, "severity", "Sev1"),
    real: "Real",
    in_progress: "Yes",
    impact: "Serious",
    urgent: "Yes",
    containable: "Unknown",
    ...overrides,
  };
}

/** Files an issue as a person would and delivers issues.opened; returns the issue number. */
export async function fileIncident(world: World, body: string | Answers = answers(), labels = ["incident"]): Promise<number> {
  const text = typeof body === "string" ? body : renderFormBody(INCIDENT_FORM, body);
  const issue = world.sandbox.addIssue(OWNER, REPO, { title: "[Incident] Outbound traffic from db-1", body: text, labels, user: "reporter" });
  await world.app.receive("issues", world.sandbox.payloadFor.issues("opened", OWNER, REPO, issue.number, { sender: "reporter" }));
  return issue.number;
}

/** Posts a comment as `user` and delivers issue_comment.created; returns the comment id. */
export async function comment(world: World, number: number, body: string, user = "bob"): Promise<number> {
  const created = world.sandbox.addComment(OWNER, REPO, number, body, user);
  await world.app.receive("issue_comment", world.sandbox.payloadFor.issueComment("created", OWNER, REPO, created.id, { sender: user }));
  return created.id;
}

/** Vigil's comments on an issue that carry a marker of `kind`. */
export function botComments(world: World, number: number, kind: string) {
  return world.sandbox
    .listComments(OWNER, REPO, number)
    .filter((c) => c.user === world.sandbox.app.botLogin && decodeMarker(c.body)?.kind === kind);
}

/** The body of the incident record; fails when there is not exactly one. */
export function record(world: World, number: number): string {
  const found = botComments(world, number, "incident-record");
  if (found.length !== 1) throw new Error(`expected one incident record on #${number}, found ${found.length}`);
  return found[0]!.body;
}

/** Label names and assignee logins of an issue. */
export function issueState(world: World, number: number) {
  const issue = world.sandbox.getIssue(OWNER, REPO, number);
  return { labels: [...issue.labels].sort(), assignees: [...issue.assignees].sort(), issue };
}
