// What the scale and server benches set up alike: one organisation, one moment, and the configuration of its repositories.

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
