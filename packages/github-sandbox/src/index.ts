// Public surface of the in-memory GitHub.
export { GitHubSandbox, verifyStrictSandboxes } from "./sandbox.js";
export type { SandboxOptions } from "./sandbox.js";
export type { AddIssueInput, ProjectItemView } from "./state-api.js";
export { SandboxClock, toGitHubTime } from "./clock.js";
export { createTestProbot, sandboxProbotOptions, SandboxProbotOctokit } from "./probot.js";
export type { TestProbot, TestProbotOptions } from "./probot.js";
export { createTestOctokit } from "./octokit.js";
export type { TestOctokitOptions } from "./octokit.js";
export { SandboxViolationError, formatViolations } from "./violations.js";
export type { Violation, ViolationKind } from "./violations.js";
export type { Fault, FaultKind, FaultSpec } from "./faults.js";
export type { RequestFilter, RequestRecord } from "./requests.js";
export type { PayloadBuilders, PayloadOptions } from "./payloads.js";
export type { AddRepoInput } from "./store/repos.js";
export type { AddProjectInput } from "./store/projects.js";
export type { AddTeamInput } from "./store/teams.js";
export { supportedOperations } from "./rest/router.js";
export { option, renderFormBody } from "./form-body.js";
export type { Answers, FormFieldShape, FormShape } from "./form-body.js";
export type {
  AccountType,
  AlertRecord,
  AlertState,
  IssueEventRecord,
  SecurityPermissions,
  CommentRecord,
  IssueRecord,
  LabelRecord,
  MilestoneRecord,
  Permission,
  ProjectRecord,
  PullRecord,
  ReactionRecord,
  RepoRecord,
  RepoVisibility,
  StateReason,
  TeamRecord,
  UserRecord,
} from "./state.js";
