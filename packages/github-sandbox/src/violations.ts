// A violation is a request the real GitHub would refuse or silently ignore,
// or a sandbox response that breaks GitHub's documented shape. Each one is
// recorded; strict sandboxes turn them into test failures (see sandbox.ts).

export type ViolationKind =
  | "unknown-endpoint"
  | "wrong-method"
  | "invalid-body"
  | "unknown-body-property"
  | "unknown-query-parameter"
  | "invalid-query-parameter"
  | "invalid-graphql"
  | "unsupported-by-sandbox"
  | "invalid-response"
  | "sandbox-error";

export interface Violation {
  kind: ViolationKind;
  method: string;
  /** Path and query as requested, relative to the API root. */
  path: string;
  /** OpenAPI path template when the path matched one. */
  route?: string;
  message: string;
}

/** One line per violation, for error messages. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `  - [${v.kind}] ${v.method} ${v.path}: ${v.message}`).join("\n");
}

/** Thrown when a strict sandbox saw requests GitHub would not accept. */
export class SandboxViolationError extends Error {
  readonly violations: readonly Violation[];

  constructor(violations: readonly Violation[], options?: { cause?: unknown }) {
    super(
      `The GitHub sandbox recorded ${violations.length} violation(s) of GitHub's API description:\n${formatViolations(violations)}`,
      options,
    );
    this.name = "SandboxViolationError";
    this.violations = violations;
  }
}
