// A real Probot wired to the sandbox: real JWT signing with a generated key,
// real installation-token exchange, Probot's own Octokit with its retry and
// throttling plugins enabled — only their waiting is removed, so fault
// injection exercises the production retry path without slowing tests.
import { randomUUID } from "node:crypto";
import type { ApplicationFunction, Options } from "probot";
import { Probot, ProbotOctokit } from "probot";
import { appKeyPair } from "./keys.js";
import type { GitHubSandbox } from "./sandbox.js";

export interface TestProbotOptions {
  /** API root, e.g. `https://ghe.example.com/api/v3` to act as GitHub Enterprise Server. */
  baseUrl?: string;
  logLevel?: Options["logLevel"];
  /** A logger of the test's own (e.g. to read what was logged); replaces `logLevel`. */
  log?: Options["log"];
  /** The webhook secret deliveries are signed with. */
  secret?: string;
}

export interface TestProbot {
  probot: Probot;
  /** Resolves once the app function has been loaded. */
  ready: Promise<void>;
  /** Delivers a webhook; fails with SandboxViolationError if the handling broke GitHub's API rules. */
  receive(name: string, payload: object, id?: string): Promise<void>;
}

type Scheduled = (...args: unknown[]) => unknown;

// Stands in for the throttling plugin's Bottleneck groups, which space writes
// 1 s and searches 2 s apart; here every job runs at once.
const immediateGroup = {
  key: () => ({
    schedule: (...args: unknown[]) => {
      const [first, ...rest] = args;
      const [job, jobArgs] = typeof first === "function" ? [first as Scheduled, rest] : [rest[0] as Scheduled, rest.slice(1)];
      return Promise.resolve().then(() => job(...jobArgs));
    },
  }),
};

/** ProbotOctokit with retry and throttling kept on but their waits set to zero. */
export const SandboxProbotOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => {
  const throttle = (options.throttle ?? {}) as Record<string, unknown>;
  const retry = (options.retry ?? {}) as Record<string, unknown>;
  return {
    ...options,
    retry: { ...retry, retryAfterBaseValue: 0 },
    throttle: {
      ...throttle,
      retryAfterBaseValue: 0,
      fallbackSecondaryRateRetryAfter: 0,
      global: immediateGroup,
      auth: immediateGroup,
      write: immediateGroup,
      search: immediateGroup,
      notifications: immediateGroup,
    },
  };
}) as typeof ProbotOctokit;

/** Probot's options for an app authenticated as the sandbox's GitHub App (also for Probot's `Server`). */
export function sandboxProbotOptions(sandbox: GitHubSandbox, options: TestProbotOptions = {}): Options {
  const keys = appKeyPair();
  sandbox.registerAppKey(keys.publicKey);
  return {
    appId: sandbox.app.id,
    privateKey: keys.privateKey,
    Octokit: SandboxProbotOctokit,
    ...(options.log ? { log: options.log } : { logLevel: options.logLevel ?? "fatal" }),
    request: { fetch: sandbox.fetch },
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.secret ? { secret: options.secret } : {}),
  };
}

/** Builds a Probot app talking to the sandbox, authenticated as the sandbox's GitHub App. */
export function createTestProbot(sandbox: GitHubSandbox, appFn: ApplicationFunction, options: TestProbotOptions = {}): TestProbot {
  const probot = new Probot(sandboxProbotOptions(sandbox, options));
  const ready = probot.load(appFn);
  return {
    probot,
    ready,
    async receive(name, payload, id = randomUUID()) {
      await ready;
      let failure: unknown;
      try {
        await probot.receive({ id, name, payload } as Parameters<Probot["receive"]>[0]);
      } catch (error) {
        failure = error;
      }
      // Violations win over the app's own error: they usually explain it.
      if (sandbox.strict) sandbox.assertNoViolations(failure);
      if (failure !== undefined) throw failure;
    },
  };
}
