import { expect } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { OWNER, REPO, type World } from "./world.js";

/** Runs `vigil …` against the world's sandbox with the repository's installation token, as the CLI runs in Actions. */
export async function runCli(world: World, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const installationId = world.sandbox.getRepo(OWNER, REPO).installationId as number;
  const io: CliIO = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { GITHUB_TOKEN: world.sandbox.issueToken({ installationId }) },
    cwd: process.cwd(),
    fetch: world.sandbox.fetch,
  };
  const code = await main(argv, io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** The scheduled check as `vigil tick` at `now` (the sandbox clock moves there first; now by default); a failing exit fails the test. */
export async function tickAt(world: World, now?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  if (now) world.sandbox.clock.now = now;
  const run = await runCli(world, "tick", `${OWNER}/${REPO}`, "--now", world.sandbox.clock.now.toISOString());
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}
