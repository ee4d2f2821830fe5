// The demo's stage: an in-memory GitHub (the test sandbox) with one organisation, one private repository opted in,
// its people and teams, and the real Vigil app installed on it. Nothing leaves the process.
import { createTestProbot, GitHubSandbox, type TestProbot } from "@vigil/github-sandbox";
import { ConfigCache } from "../src/config/cache.js";
import { createVigil } from "../src/index.js";
import { appIdentity } from "../src/triggers/app-identity.js";
import { checkInstallations } from "../src/triggers/check-all.js";
import type { AppRuntime } from "../src/triggers/engine-for.js";

export const OWNER = "acme";
export const REPO = "payments";

export const CONFIG = `# .github/incident-response.yml
timezone: America/Los_Angeles
calendar: { country: US, state: CA }
oncall:
  rotation: [alice, bob, carol]
  start: 2026-01-05T09:00
  securityOfficer: erin
  escalate: ["@acme/security"]
postmortem: { reviewers: [carol] }
securityReview:
  everyWeeks: 4
  maxWeeks: 8
  reviewers: ["@acme/security"]
  topThreats:
    - name: Card data exposure
      paths: ["src/payments/**"]
      patterns: ["card_?number", "\\bpan\\b"]
      checklist: ["Card numbers are tokenised before they leave the vault", "Nothing card-shaped reaches a log line"]
    - Credential stuffing
patching: { systems: [production, staging] }
drill: { enabled: false }
`;

/** The sandbox, the app, and the scheduled check the server's timer runs. */
export interface Stage {
  sandbox: GitHubSandbox;
  app: TestProbot;
  /** One scheduled check of the repository, as the server's timer runs it. */
  check(): Promise<void>;
}

export function createStage(now: string, config = CONFIG): Stage {
  const sandbox = new GitHubSandbox({ now });
  sandbox.addUser(OWNER, "Organization");
  sandbox.addRepo({ owner: OWNER, name: REPO, ownerType: "Organization", private: true });
  for (const [login, role] of [["alice", "write"], ["bob", "write"], ["carol", "maintain"], ["erin", "admin"], ["frank", "write"], ["reporter", "triage"]] as const) {
    sandbox.setPermission(OWNER, REPO, login, role);
  }
  sandbox.addTeam({ org: OWNER, name: "security", repos: [REPO], members: ["erin", "frank"] });
  sandbox.setFile(OWNER, REPO, ".github/incident-response.yml", config);
  const app = createTestProbot(sandbox, createVigil({ now: () => sandbox.clock.now, env: { VIGIL_CHECK_INTERVAL: "0" } }));
  const runtime: AppRuntime = { cache: new ConfigCache(), now: () => sandbox.clock.now, identity: appIdentity(app.probot) };
  return { sandbox, app, check: async () => void (await checkInstallations(app.probot, runtime, { owner: OWNER, repo: REPO })) };
}
