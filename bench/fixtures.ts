// What the scale and server benches set up alike: one organisation, one moment, and the configuration of its repositories.
import type { GitHubSandbox } from "@vigil/github-sandbox";

export const OWNER = "acme";
export const NOW = "2026-11-23T18:00:00Z";

/** On-call, calendar and post-mortem reviewers; recurring work at its defaults. */
export const PEOPLE = `timezone: America/Los_Angeles
calendar: { country: US, state: CA }
oncall: { rotation: [alice, bob, carol], start: 2026-01-05T09:00, securityOfficer: erin, escalate: ["@acme/security"] }
postmortem: { reviewers: [carol] }
`;
export const NO_RECURRING = "securityReview: { enabled: false }\npatching: { enabled: false }\ndrill: { enabled: false }\n";
/** Incidents only: the counts are about incidents alone. */
export const INCIDENT_ONLY = PEOPLE + NO_RECURRING;

/** The organisation and its 10 incident repositories (`svc-0` to `svc-9`), each with its responders and configuration. */
export function incidentRepos(sandbox: GitHubSandbox): string[] {
  sandbox.addUser(OWNER, "Organization");
  const repos = Array.from({ length: 10 }, (_, i) => `svc-${i}`);
  for (const repo of repos) {
    sandbox.addRepo({ owner: OWNER, name: repo, ownerType: "Organization" });
    for (const login of ["alice", "bob", "carol", "erin"]) sandbox.setPermission(OWNER, repo, login, "write");
    sandbox.setFile(OWNER, repo, ".github/incident-response.yml", INCIDENT_ONLY);
  }
  return repos;
}

/** What each incident's discussion says between its filing and its close: 6 commands and 2 plain comments. */
export const INCIDENT_COMMENTS = ["/note checked the WAF logs", "/severity sev0 data was read", "looking at it", "/status mitigating", "/note blocked the host", "thanks", "/comms customer@example.com — we are investigating", "/status mitigated"];
