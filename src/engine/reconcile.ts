import type { RepoConfig } from "../config/load.js";
import { CONFIG_PATH } from "../config/schema.js";
import { planConfigProblem } from "../domain/incident/config-problem-plan.js";
import { closedSince, incidentsToCheck } from "../domain/incident/candidates.js";
import type { ListedIssue, ObservedIssue } from "../domain/incident/observation.js";
import type { RepoRole } from "../domain/incident/permission.js";
import { isIncident, planIncident, type IncidentConfig } from "../domain/incident/plan.js";
import type { RepoRef } from "../github/client.js";
import { rateLimitWait } from "../github/rate-limit.js";
import type { ObservedRecurring } from "../domain/recurring/observation.js";
import { planRecurring, type RecurringConfig } from "../domain/recurring/plan.js";
import type { GitHubGateway, IssueObservation } from "../github/gateway.js";
import type { Identity } from "../markers/identity.js";
import { applyEffects } from "./apply.js";
import type { Effect } from "./effects.js";
import { formFor, shippedPostmortemTemplate } from "./form.js";
import { keyedSerializer, type Serializer } from "./serialize.js";
import type { EvidenceChange } from "../domain/evidence/plan.js";
import { pullsToCheck } from "../domain/scrutiny/candidates.js";
import { scrutinyConfigured } from "../domain/scrutiny/match.js";
import { planScrutiny } from "../domain/scrutiny/plan.js";
import { membershipKey } from "../domain/scrutiny/approval.js";
import type { VigilConfig } from "../config/schema.js";

/** Where the engine logs; Probot's logger and the CLI's both fit. Never incident text at info. */
export interface EngineLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

/** What one trigger hands the engine. */
export interface EngineDeps {
  gateway: GitHubGateway;
  /** The repository's configuration, loaded the one way every trigger loads it. */
  config(repo: RepoRef): Promise<RepoConfig>;
  now(): Date;
  log: EngineLog;
  /** Whose turn it is on an issue; one process's turns when not given (the CLI, Actions). */
  serialize?: Serializer;
}

/** What a run found and did. */
export interface RunResult {
  repo: string;
  /** `absent`: not opted in; `invalid`: configuration problems; `ok`: reconciled. */
  config: RepoConfig["kind"];
  /** Every effect planned, in order (for a dry run, the plan). */
  effects: Effect[];
  /** How many effects were written. */
  written: number;
  /** Issues whose run failed; the next check tries again. */
  failed: number[];
}

/** Options of one run. */
export interface RunOptions {
  /** Plan only: nothing is written. */
  dryRun?: boolean;
  /** A comment edit or deletion a webhook reported, with the text before it (SPEC 2.13). */
  change?: EvidenceChange;
}

// Rounds of observe → plan → apply: another round only follows a create whose outcome was unknown, or one
// that further effects build on.
const MAX_ROUNDS = 3;
const processTurns = keyedSerializer();

const label = (repo: RepoRef) => `${repo.owner}/${repo.repo}`;

/** The engine every trigger runs: scoped to one issue (webhooks) or to a repository (scheduled checks, CLI). */
export function createEngine(deps: EngineDeps) {
  const { gateway, log } = deps;
  const serialize = deps.serialize ?? processTurns;

  async function planOne(repo: RepoRef, observed: IssueObservation & { issue: ObservedIssue }, config: IncidentConfig, identity: Identity, change: EvidenceChange | undefined): Promise<Effect[]> {
    const form = await formFor(observed.repo.formText, (reason) => log.warn({ repo: label(repo), reason }, "repository issue form unreadable; using Vigil's own"));
    const roles = new Map<string, RepoRole>();
    const assignable = new Map<string, boolean>();
    const postmortem = { observed: observed.postmortem, shippedTemplate: await shippedPostmortemTemplate(), reviewIssues: undefined as ListedIssue[] | undefined, mergedDocument: undefined as string | null | undefined };
    for (;;) {
      const plan = planIncident({ ...observed, form, config, now: deps.now(), identity, roles, assignable, postmortem, change });
      if (plan.kind === "plan") return plan.effects;
      for (const login of plan.roles) roles.set(login, await gateway.role(repo, login));
      for (const login of plan.assignable) assignable.set(login, await gateway.canAssign(repo, login));
      if (plan.reviewIssuesSince) postmortem.reviewIssues = await gateway.reviewIssues(repo, plan.reviewIssuesSince);
      if (plan.file) postmortem.mergedDocument = await gateway.readFile(repo, plan.file);
    }
  }

  async function reconcileIssueRounds(repo: RepoRef, number: number, config: IncidentConfig, options: RunOptions): Promise<{ effects: Effect[]; written: number }> {
    const identity = await gateway.identity();
    const all: Effect[] = [];
    let written = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const observed = await gateway.observeIssue(repo, number, config.project ?? undefined);
      if (!observed.issue) return { effects: all, written };
      const effects = await planOne(repo, { ...observed, issue: observed.issue }, config, identity, options.change);
      all.push(...effects);
      if (options.dryRun || effects.length === 0) break;
      const result = await applyEffects(gateway, repo, effects);
      written += result.applied.length;
      if (result.uncertain) log.warn({ repo: label(repo), issue: number, effect: result.uncertain.kind }, "write outcome unknown; observing again before retrying");
      else if (!result.followUp) break;
    }
    return { effects: all, written };
  }

  // Recurring work (SPEC 2.4): observe → plan → apply, another round only after a create whose outcome is unknown.
  async function reconcileRecurring(repo: RepoRef, config: RecurringConfig, identity: Identity, options: RunOptions, first: ObservedRecurring | undefined): Promise<{ effects: Effect[]; written: number }> {
    const all: Effect[] = [];
    let written = 0;
    if (!config.securityReview.enabled && !config.patching.enabled && !config.drill.enabled) return { effects: all, written };
    for (let round = 0; round < MAX_ROUNDS; round++) {
      // The first round uses what the candidates query read along; later rounds observe afresh.
      const observed = round === 0 && first ? first : await gateway.observeRecurring(repo);
      let mergedPulls: Awaited<ReturnType<GitHubGateway["mergedPullsSince"]>> | undefined;
      let codeScanning: number | null | undefined;
      let plan = planRecurring({ observed, config, now: deps.now(), identity, mergedPulls, codeScanning });
      while (plan.kind === "need") {
        if (plan.mergedPullsSince) mergedPulls = await gateway.mergedPullsSince(repo, plan.mergedPullsSince);
        if (plan.codeScanning) codeScanning = await gateway.codeScanningAlerts(repo);
        plan = planRecurring({ observed, config, now: deps.now(), identity, mergedPulls, codeScanning });
      }
      all.push(...plan.effects);
      if (options.dryRun || plan.effects.length === 0) break;
      const result = await applyEffects(gateway, repo, plan.effects);
      written += result.applied.length;
      if (result.uncertain) log.warn({ repo: label(repo), effect: result.uncertain.kind }, "write outcome unknown; observing again before retrying");
      else if (!result.followUp) break;
    }
    return { effects: all, written };
  }

  // Top-threat scrutiny of one pull request (SPEC 2.14): observe → plan (looking up team memberships it asks for,
  // once per run) → apply, another round only after a write whose outcome is unknown.
  async function reconcilePullRounds(repo: RepoRef, number: number, config: VigilConfig, options: RunOptions): Promise<{ effects: Effect[]; written: number }> {
    const all: Effect[] = [];
    let written = 0;
    const { topThreats: threats, reviewers } = config.securityReview;
    if (!scrutinyConfigured(threats)) return { effects: all, written };
    const identity = await gateway.identity();
    const memberships = new Map<string, boolean>();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const pull = await gateway.observePull(repo, number);
      if (!pull || pull.state !== "open") break;
      // Read through the API only: a fork's code is never checked out or run.
      const files = await gateway.pullFiles(repo, number);
      let plan = planScrutiny({ owner: repo.owner, pull, files, threats, reviewers, identity, memberships });
      while (plan.kind === "need") {
        for (const q of plan.memberships) memberships.set(membershipKey(q), await gateway.isTeamMember(q.org, q.team, q.login));
        plan = planScrutiny({ owner: repo.owner, pull, files, threats, reviewers, identity, memberships });
      }
      all.push(...plan.effects);
      if (options.dryRun || plan.effects.length === 0) break;
      const result = await applyEffects(gateway, repo, plan.effects);
      written += result.applied.length;
      if (!result.uncertain) break;
      log.warn({ repo: label(repo), pull: number, effect: result.uncertain.kind }, "write outcome unknown; observing again before retrying");
    }
    return { effects: all, written };
  }

  return {
    /** Reconciles the top-threat scrutiny of one pull request (a webhook's scope), one delivery per pull request at a time. */
    async reconcilePull(repo: RepoRef, number: number, options: RunOptions = {}): Promise<RunResult> {
      return serialize(`${label(repo)}#${number}`.toLowerCase(), async () => {
        const loaded = await deps.config(repo);
        const result: RunResult = { repo: label(repo), config: loaded.kind, effects: [], written: 0, failed: [] };
        if (loaded.kind !== "ok") return result;
        return { ...result, ...(await reconcilePullRounds(repo, number, loaded.config, options)) };
      });
    },

    /** Reconciles one issue (a webhook's scope). Deliveries for the same issue run one after another. */
    async reconcileIssue(repo: RepoRef, number: number, options: RunOptions = {}): Promise<RunResult> {
      return serialize(`${label(repo)}#${number}`.toLowerCase(), async () => {
        const loaded = await deps.config(repo);
        const result: RunResult = { repo: label(repo), config: loaded.kind, effects: [], written: 0, failed: [] };
        if (loaded.kind === "absent") return result;
        if (loaded.kind === "invalid") {
          const observed = await gateway.observeIssue(repo, number);
          if (!observed.issue || !isIncident(observed.issue)) return result;
          result.effects = planConfigProblem(observed.issue, await gateway.identity(), loaded.problems, CONFIG_PATH);
          log.warn({ repo: label(repo), problems: loaded.problems.length }, "invalid Vigil configuration");
          if (!options.dryRun) result.written = (await applyEffects(gateway, repo, result.effects)).applied.length;
          return result;
        }
        const run = await reconcileIssueRounds(repo, number, loaded.config, options);
        return { ...result, ...run };
      });
    },

    /**
     * The scheduled check of a repository: every open incident, every incident closed in the last 90 days, and every
     * incident whose post-mortem pull request or review issue is still open. One failing incident does not stop the others.
     */
    async reconcileRepository(repo: RepoRef, options: RunOptions = {}): Promise<RunResult> {
      const loaded = await deps.config(repo);
      const result: RunResult = { repo: label(repo), config: loaded.kind, effects: [], written: 0, failed: [] };
      if (loaded.kind !== "ok") {
        if (loaded.kind === "invalid") log.warn({ repo: label(repo), problems: loaded.problems.length }, "invalid Vigil configuration");
        return result;
      }
      const config = loaded.config;
      const identity = await gateway.identity();
      const recurringOn = config.securityReview.enabled || config.patching.enabled || config.drill.enabled;
      const scrutinyOn = scrutinyConfigured(config.securityReview.topThreats);
      const candidates = await gateway.checkCandidates(repo, closedSince(deps.now()), recurringOn, scrutinyOn);
      const numbers = incidentsToCheck(candidates, identity);
      // One failing issue or pull request does not stop the others; each runs in turn with its webhooks.
      const each = async (list: number[], field: "issue" | "pull", what: string, work: (n: number) => Promise<{ effects: Effect[]; written: number }>) => {
        for (const number of list) {
          try {
            const run = await serialize(`${label(repo)}#${number}`.toLowerCase(), () => work(number));
            result.effects.push(...run.effects);
            result.written += run.written;
          } catch (error) {
            // A rate limit is the installation's, not this item's: the caller waits it out before anything else.
            if (rateLimitWait(error, deps.now().getTime()) !== undefined) throw error;
            result.failed.push(number);
            log.error({ repo: label(repo), [field]: number, err: (error as Error).message }, `${what} failed; the next check tries again`);
          }
        }
      };
      await each(numbers, "issue", "reconciling an incident", (number) => reconcileIssueRounds(repo, number, config, options));
      try {
        const run = await serialize(`${label(repo)}#recurring`.toLowerCase(), () => reconcileRecurring(repo, config, identity, options, candidates.recurring));
        result.effects.push(...run.effects);
        result.written += run.written;
      } catch (error) {
        if (rateLimitWait(error, deps.now().getTime()) !== undefined) throw error;
        result.failed.push(0);
        log.error({ repo: label(repo), err: (error as Error).message }, "recurring work failed; the next check tries again");
      }
      const pulls = scrutinyOn ? pullsToCheck(candidates.pulls ?? [], identity) : [];
      await each(pulls, "pull", "scrutiny of a pull request", (number) => reconcilePullRounds(repo, number, config, options));
      log.info({ repo: label(repo), incidents: numbers.length, pulls: pulls.length, written: result.written, dryRun: options.dryRun === true }, "repository checked");
      return result;
    },
  };
}

/** The engine's interface, as triggers see it. */
export type Engine = ReturnType<typeof createEngine>;
