// Tells the story: each step with the simulated date (in the repository's time zone) and the GitHub requests it cost.
import { DateTime } from "luxon";
import type { GitHubSandbox } from "@vigil/github-sandbox";

export interface Narrator {
  /** Runs one step and prints it with its date and cost, then what it left on GitHub. */
  step(title: string, act: () => Promise<void>, after?: () => string[]): Promise<void>;
  say(text: string): void;
  /** Requests the whole demo cost. */
  total(): number;
}

export function narrator(sandbox: GitHubSandbox, zone: string, print: (line: string) => void): Narrator {
  let total = 0;
  let index = 0;
  return {
    async step(title, act, after) {
      sandbox.resetCounts();
      await act();
      const requests = sandbox.requests.filter((r) => !r.route.endsWith("/access_tokens"));
      // The demo's project-free story makes every GraphQL request a read.
      const writes = requests.filter((r) => r.method !== "GET" && r.route !== "/graphql").length;
      total += requests.length;
      const when = DateTime.fromJSDate(sandbox.clock.now, { zone }).toFormat("ccc d LLL yyyy HH:mm ZZZZ");
      print(`\n${String(++index).padStart(2)}. [${when}] ${title}`);
      print(`    ${requests.length} GitHub request${requests.length === 1 ? "" : "s"} (${writes} write${writes === 1 ? "" : "s"})`);
      for (const line of after?.() ?? []) print(`    · ${line}`);
    },
    say: (text) => print(text),
    total: () => total,
  };
}
