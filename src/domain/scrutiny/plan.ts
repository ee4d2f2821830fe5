import type { Effect } from "../../engine/effects.js";
import { findMarked } from "../../markers/define.js";
import { isOwn, type Identity } from "../../markers/identity.js";
import { SCRUTINY_COMMENT } from "../../markers/scrutiny-kinds.js";
import { shortHash } from "../hash.js";
import { dedupeKind, upsertMarked } from "../incident/upsert.js";
import type { TopThreatSettings } from "../settings.js";
import { decideApproval, reviewsDigest, type MembershipQuestion } from "./approval.js";
import { checkOutcome } from "./check-run.js";
import { renderScrutinyComment, scanNotes } from "./comment.js";
import { CHECK_NAME, threatLabel } from "./limits.js";
import { matchThreats } from "./match.js";
import type { ObservedPull, PullFile } from "./observation.js";
import { reviewersToRequest } from "./reviewers.js";

/** Everything the scrutiny of one pull request is decided from. */
export interface ScrutinyInput {
  /** The repository's owner: only its teams can be asked to review. */
  owner: string;
  pull: ObservedPull;
  files: readonly PullFile[];
  threats: readonly TopThreatSettings[];
  reviewers: readonly string[];
  identity: Identity;
  /** Team memberships looked up so far (see membershipKey). */
  memberships: ReadonlyMap<string, boolean>;
}

/** The effects, or the memberships to look up before deciding. */
export type ScrutinyPlan = { kind: "plan"; effects: Effect[] } | { kind: "need"; memberships: MembershipQuestion[] };

const LABEL_COLOR = "b60205";

function labelEffects(input: ScrutinyInput, matched: readonly string[]): Effect[] {
  const n = input.pull.number;
  const has = (name: string, among: readonly string[]) => among.some((l) => l.toLowerCase() === name.toLowerCase());
  const wanted = matched.map(threatLabel);
  // Only labels of threats Vigil matches are Vigil's to remove: a person may label a name-only threat by hand.
  const stale = input.threats.filter((t) => (t.paths.length > 0 || t.patterns.length > 0) && !matched.includes(t.name)).map((t) => threatLabel(t.name)).filter((l) => has(l, input.pull.labels));
  const missing = wanted.filter((l) => !has(l, input.pull.labels));
  const effects: Effect[] = missing
    .filter((l) => !has(l, input.pull.repoLabels))
    .map((name): Effect => ({ kind: "createLabel", issue: n, label: { name, color: LABEL_COLOR, description: `Touches the top threat ${name.slice("security: ".length)}: needs a security reviewer's approval`.slice(0, 100) }, why: "the threat's label does not exist yet" }));
  if (missing.length > 0) effects.push({ kind: "addLabels", issue: n, labels: missing, why: "the pull request touches these top threats" });
  for (const label of stale) effects.push({ kind: "removeLabel", issue: n, label, why: "the pull request no longer touches this threat" });
  return effects;
}

/**
 * Top-threat scrutiny of an open pull request (SPEC 2.14), from its whole observed state: the threat labels, one
 * comment, the review request (once per reviewer list) and the check run on the head. Nothing to do is `[]`.
 */
export function planScrutiny(input: ScrutinyInput): ScrutinyPlan {
  const { pull, identity } = input;
  const result = matchThreats(input.threats, input.files);
  const approval = decideApproval({ reviews: pull.reviews, headOid: pull.headOid, author: pull.author, reviewers: input.reviewers, memberships: input.memberships });
  if (approval.kind === "need" && result.matches.length > 0) return { kind: "need", memberships: approval.memberships };
  const notes = scanNotes(result, input.files.length, pull.changedFiles);
  const effects = labelEffects(input, result.matches.map((m) => m.name));

  const target = { number: pull.number, comments: pull.comments };
  const existing = findMarked(SCRUTINY_COMMENT, pull.comments, identity).filter((m) => m.data.pull === pull.number);
  const reviewerHash = shortHash(JSON.stringify([...input.reviewers].map((r) => r.toLowerCase()).sort()));
  let asked = existing[0]?.data.asked;
  // Drafts are judged, but nobody is asked to review work its author says is unfinished; ready_for_review asks.
  if (result.matches.length > 0 && !pull.isDraft && input.reviewers.length > 0 && asked !== reviewerHash) {
    const reviewed = new Set(pull.reviews.map((r) => r.author.login.toLowerCase()));
    const request = reviewersToRequest(input.reviewers, pull.author.login, pull.requested);
    const users = request.users.filter((u) => !reviewed.has(u.toLowerCase()));
    const teams = request.teams.filter((t) => t.split("/")[0]?.toLowerCase() === input.owner.toLowerCase()).map((t) => t.split("/")[1] ?? t);
    if (users.length > 0 || teams.length > 0) effects.push({ kind: "requestReviewers", issue: pull.number, reviewers: users, teamReviewers: teams, why: "a top threat needs a security reviewer" });
    asked = reviewerHash;
  }
  if (result.matches.length > 0 || existing.length > 0) {
    const body = renderScrutinyComment({ pull: pull.number, fromFork: pull.fromFork, result, notes, reviewers: input.reviewers, asked });
    effects.push(...upsertMarked(target, identity, SCRUTINY_COMMENT, (d) => d.pull === pull.number, body, "the scrutiny comment lists the threats touched"));
    effects.push(...dedupeKind(target, identity, SCRUTINY_COMMENT));
  }
  // Check runs are for apps: a token of a person (the CLI) can neither write nor own them.
  if (identity.isBot) effects.push(...checkRunEffects(input, checkOutcome({ headOid: pull.headOid, result, approval, reviewers: input.reviewers, notes })));
  return { kind: "plan", effects };
}

function checkRunEffects(input: ScrutinyInput, outcome: ReturnType<typeof checkOutcome>): Effect[] {
  const { pull, identity } = input;
  const externalId = reviewsDigest(pull.reviews);
  const base = { issue: pull.number, headSha: pull.headOid, name: CHECK_NAME, externalId, ...outcome };
  // Only Vigil's own app's runs count: another app (or a workflow) may name a check the same.
  const ours = pull.checkRuns.filter((r) => r.name === CHECK_NAME && r.appSlug !== null && isOwn({ login: r.appSlug, isBot: true }, identity));
  if (ours.length === 0) return [{ kind: "checkRun", checkRunId: null, ...base, why: `the head ${pull.headOid.slice(0, 7)} has no scrutiny check yet` }];
  // Racing replicas may each have created one (GitHub cannot delete check runs): every copy is kept saying the same.
  return ours
    .filter((r) => r.status !== "completed" || r.conclusion !== outcome.conclusion || r.title !== outcome.title || r.summary !== outcome.summary || r.externalId !== externalId)
    .map((r): Effect => ({ kind: "checkRun", checkRunId: r.id, ...base, why: `the scrutiny check is now ${outcome.conclusion}: ${outcome.title}` }));
}
