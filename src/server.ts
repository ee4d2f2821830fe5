// `npm start` and the image's command: Probot's `probot run dist/src/index.js`, with Vigil's HTTP transport under
// Probot's Octokit (why: src/github/http-fetch.ts). Same options, environment and setup page as `probot run`.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ProbotOctokit, run } from "probot";
import { httpFetch } from "./github/http-fetch.js";

/** Probot's Octokit, every request (but the app's installation-token exchange, which Probot sends itself) over `httpFetch`. */
export const ServerOctokit = ProbotOctokit.defaults({ request: { fetch: httpFetch } });

const APP = fileURLToPath(new URL("./index.js", import.meta.url));

/** Runs the server as `probot run <this app> ...argv` would; `probot run`'s own options (`--port`, `--help`) apply. */
export function startServer(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): ReturnType<typeof run> {
  // Probot runs the first path it is given, so Vigil's goes first; and it drops the first two arguments of a list
  // longer than two (taking them for `node` and the script), so two stand in for those.
  return run(["node", "vigil", APP, ...argv], { env, Octokit: ServerOctokit });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await startServer();
