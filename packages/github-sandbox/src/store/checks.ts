// Check runs (and the suites GitHub groups them into: one per app and commit).
import { HttpError, notFound } from "../http/errors.js";
import { makeNodeId } from "../ids.js";
import type { CheckRunRecord, RepoRecord, SandboxState } from "../state.js";
import { nextId } from "../state.js";

export interface CheckRunInput {
  headSha: string;
  name: string;
  appSlug: string;
  status?: CheckRunRecord["status"];
  conclusion?: CheckRunRecord["conclusion"];
  title?: string | null;
  summary?: string | null;
  externalId?: string | null;
}

// A suite per app and commit: the runs of one app on one commit share it.
function suiteFor(state: SandboxState, repo: RepoRecord, headSha: string, appSlug: string): number {
  return repo.checkRuns.find((r) => r.headSha === headSha && r.appSlug === appSlug)?.suiteId ?? nextId(state);
}

/** Creates a check run; with a conclusion it is completed, as GitHub completes it. */
export function createCheckRun(state: SandboxState, repo: RepoRecord, input: CheckRunInput, now: string): CheckRunRecord {
  if (!repo.commits.has(input.headSha)) throw new HttpError(422, "Validation Failed", [{ resource: "CheckRun", code: "invalid", field: "head_sha" }]);
  const conclusion = input.conclusion ?? null;
  const status = conclusion !== null ? "completed" : (input.status ?? "queued");
  if (status === "completed" && conclusion === null) throw new HttpError(422, "Validation Failed", [{ resource: "CheckRun", code: "missing_field", field: "conclusion" }]);
  const id = nextId(state);
  const run: CheckRunRecord = {
    id, nodeId: makeNodeId("CR", id), headSha: input.headSha, name: input.name, appSlug: input.appSlug, status, conclusion,
    title: input.title ?? null, summary: input.summary ?? null, externalId: input.externalId ?? null,
    startedAt: now, completedAt: status === "completed" ? now : null, suiteId: suiteFor(state, repo, input.headSha, input.appSlug),
  };
  repo.checkRuns.push(run);
  return run;
}

/** Updates a check run; only the app that created it may. */
export function updateCheckRun(repo: RepoRecord, id: number, appSlug: string, change: Partial<Pick<CheckRunRecord, "status" | "conclusion" | "title" | "summary" | "externalId" | "name">>, now: string): CheckRunRecord {
  const run = repo.checkRuns.find((r) => r.id === id);
  if (!run) throw notFound();
  if (run.appSlug !== appSlug) throw new HttpError(403, "Invalid app_id `" + appSlug + "` - check run can only be modified by the GitHub App that created it.");
  for (const [key, value] of Object.entries(change)) if (value !== undefined) (run as unknown as Record<string, unknown>)[key] = value;
  if (change.conclusion) run.status = "completed";
  if (run.status === "completed") run.completedAt = now;
  return run;
}
