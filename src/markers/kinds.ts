import { z } from "zod";
import { isPlanSlug } from "../domain/plans/slug.js";
import { isGitHubLogin } from "../domain/sanitize.js";
import { SEVERITIES } from "../domain/severity.js";
import { defineMarker } from "./define.js";

// Every marker Vigil writes. Fields are ids, enums, dates and hashes: never user text, so no
// marker breaks on what a reporter typed and none grows with it.

const login = z.string().refine(isGitHubLogin, "not a GitHub login");
const instant = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/);
const hash = z.string().regex(/^[0-9a-f]{16}$/);

/**
 * What one command comment did when Vigil first ran it, as short codes: `s:<severity>`,
 * `t:<status>`, `r:<login>` (responder), `e:<login>` (escalated to), `e` (nobody left), `n` (note),
 * `c` (external communication), `P:<slug>` (response plan attached), `P` (no such plan),
 * `p` (post-mortem), `h` (help), `!` (the comment held a command Vigil could not read), `x` (the
 * author may not run commands). Stored so that editing an old command comment does not re-run it
 * and a later permission change does not undo it. A note's or communication's text and recipient
 * are user text and never stored: they are read from the comment while it is unedited.
 */
const OP_RE = /^(?:s:(?:emergency|sev0|sev1|sev2)|t:(?:investigating|mitigating|mitigated|resolved)|[enphcP!x])$/;
const op = z.string().refine(
  (code) => OP_RE.test(code) || (/^[re]:/.test(code) && isGitHubLogin(code.slice(2))) || (code.startsWith("P:") && isPlanSlug(code.slice(2))),
  "not an op code",
);
const planSlug = z.string().refine(isPlanSlug, "not a plan slug");

/** How many commands of one comment run; the record keeps one code each. */
export const MAX_COMMANDS_PER_COMMENT = 20;
/** How many command comments one record remembers: its marker must leave room in a 65,536-character body. */
export const MAX_COMMAND_COMMENTS = 800;

/** A command comment as the record remembers it: comment id, hash of its text then, codes. */
const processedCommand = z.tuple([z.number().int().positive(), hash, z.array(op).max(MAX_COMMANDS_PER_COMMENT)]);

/** The incident record comment (SPEC 2.1): what intake fixed and which command comments ran. */
export const INCIDENT_RECORD = defineMarker({
  kind: "incident-record",
  version: 2,
  schema: z.object({
    issue: z.number().int().positive(),
    declaredAt: instant,
    severity: z.enum(SEVERITIES),
    responder: login,
    chain: z.array(login).max(10),
    cmds: z.array(processedCommand).max(MAX_COMMAND_COMMENTS),
  }).strict(),
  // Version 1 kept the whole report inside the marker; only its ids and enums are carried over,
  // and its commands are run again from the comments (their replies are keyed, so none repeats).
  upgrade: (raw) => {
    const v1 = z.object({
      v: z.literal(1), declaredAt: instant, responder: login, chain: z.array(login),
      report: z.object({ severity: z.enum(SEVERITIES) }).passthrough(),
    }).passthrough().safeParse(raw.data);
    if (!v1.success) return null;
    return { issue: 1, declaredAt: v1.data.declaredAt, severity: v1.data.report.severity, responder: v1.data.responder, chain: v1.data.chain, cmds: [] };
  },
});

/** Vigil's request for a complete form; `open` until the form is complete. */
export const NEEDS_INFO = defineMarker({
  kind: "needs-info",
  version: 2,
  schema: z.object({ issue: z.number().int().positive(), open: z.boolean(), hash }).strict(),
  upgrade: (raw) => {
    const data = raw.data as { resolved?: unknown };
    return { issue: 1, open: data.resolved !== true, hash: "0".repeat(16) };
  },
});

/** The refusal to handle an incident in a public repository. */
export const PUBLIC_REFUSAL = defineMarker({
  kind: "public-refusal",
  version: 2,
  schema: z.object({ issue: z.number().int().positive() }).strict(),
  upgrade: () => ({ issue: 1 }),
});

/** The report that the project board cannot follow the incident, or that it is fixed. */
export const PROJECT_PROBLEM = defineMarker({
  kind: "project-problem",
  version: 2,
  schema: z.object({ issue: z.number().int().positive(), fixed: z.boolean() }).strict(),
  upgrade: (raw) => ({ issue: 1, fixed: (raw.data as { fixed?: unknown }).fixed === true }),
});

/** The report of an invalid configuration; the hash says which problems it lists. */
export const CONFIG_PROBLEM = defineMarker({
  kind: "config-problem",
  version: 2,
  schema: z.object({ hash }).strict(),
  upgrade: () => ({ hash: "0".repeat(16) }),
});

/** A reply to a command comment: at most one per comment. */
export const COMMAND_REPLY = defineMarker({
  kind: "command-reply",
  version: 2,
  schema: z.object({ comment: z.number().int().positive() }).strict(),
  upgrade: (raw) => {
    const comment = (raw.data as { comment?: unknown }).comment;
    return typeof comment === "number" && Number.isInteger(comment) && comment > 0 ? { comment } : null;
  },
});

/** A response plan's checklist copied into an incident (SPEC 2.2): one per plan and incident. */
export const PLAN_CHECKLIST = defineMarker({
  kind: "plan-checklist",
  version: 1,
  schema: z.object({ issue: z.number().int().positive(), slug: planSlug }).strict(),
});

// Post-mortem markers (SPEC 2.3). Dates are local YYYY-MM-DD in the configured zone.
const date = z.string().regex(/^\d{4}-\d\d-\d\d$/);
const number = z.number().int().positive();

/** The post-mortem pull request's body: which incident, and the due date it states (null before resolution). */
export const POSTMORTEM_PULL = defineMarker({ kind: "postmortem", version: 1, schema: z.object({ issue: number, due: date.nullable() }).strict() });

/** The incident's comment linking its post-mortem pull request. */
export const POSTMORTEM_LINK = defineMarker({ kind: "postmortem-link", version: 1, schema: z.object({ issue: number, pr: number }).strict() });

/** The reminder on the pull request one working day before the due date. */
export const POSTMORTEM_REMINDER = defineMarker({ kind: "postmortem-reminder", version: 1, schema: z.object({ pr: number, due: date }).strict() });

/** One working day's nudge on overdue work (a post-mortem PR or a review issue): one per target and day. */
export const OVERDUE_NUDGE = defineMarker({ kind: "overdue", version: 2, schema: z.object({ target: number, day: date }).strict() });

/** The incident's note that its post-mortem was agreed (merged), on time or late, linking the review issue. */
export const POSTMORTEM_MERGED = defineMarker({ kind: "postmortem-merged", version: 1, schema: z.object({ issue: number, pr: number, review: number }).strict() });

/** The post-mortem review issue's body. */
export const POSTMORTEM_REVIEW = defineMarker({ kind: "postmortem-review", version: 1, schema: z.object({ issue: number, pr: number, due: date }).strict() });

/** The reminder on a review issue when it falls due. */
export const REVIEW_DUE = defineMarker({ kind: "review-due", version: 1, schema: z.object({ issue: number, due: date }).strict() });

/** The note on a post-mortem pull request that also changes response plans: their reviewers were asked once. */
export const PLAN_REVIEW = defineMarker({ kind: "plan-review", version: 1, schema: z.object({ pr: number }).strict() });

// Recurring work (SPEC 2.4): the issue's kind and the date of its period; a drill also names the plans it exercises.
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(60);

/** A recurring issue's body. */
export const RECURRING = defineMarker({
  kind: "recurring",
  version: 2,
  schema: z.object({ kind: z.enum(["security-review", "patching", "ir-drill"]), date, plans: z.array(slug).max(50).optional() }).strict(),
});

/** The comment that closes a recurring issue in favour of the next one. */
export const RECURRING_NEXT = defineMarker({ kind: "recurring-next", version: 1, schema: z.object({ next: number }).strict() });
