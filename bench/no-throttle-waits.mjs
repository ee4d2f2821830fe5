// Preloaded into the app child by `bench/server.ts` (`node --import`) when BENCH_THROTTLE=off: Octokit's throttling
// plugin keeps every write and every GraphQL request of the process 1 s apart (Bottleneck groups), which at
// one delivery after another makes a delivery's wall time the plugin's spacing rather than Vigil's work. This
// makes Bottleneck run each job at once, as the sandbox's test Probot does; nothing else of the app changes.
import { createRequire } from "node:module";

const require = createRequire(import.meta.resolve("@octokit/plugin-throttling"));
const Bottleneck = require("bottleneck/light.js");

Bottleneck.prototype.schedule = function schedule(...args) {
  const [first, ...rest] = args;
  const [job, jobArgs] = typeof first === "function" ? [first, rest] : [rest[0], rest.slice(1)];
  return Promise.resolve().then(() => job(...jobArgs));
};
