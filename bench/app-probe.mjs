// Preloaded into the app child by `bench/server.ts` (`node --expose-gc --import`): on SIGUSR2, a full GC and then the
// process's memory figures written to BENCH_PROBE_FILE, so the bench can tell live heap from memory V8 has not returned.
import { writeFileSync } from "node:fs";
import process from "node:process";

process.on("SIGUSR2", () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  writeFileSync(process.env.BENCH_PROBE_FILE, JSON.stringify({ gc: typeof globalThis.gc === "function", rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers }));
});
// An orderly exit on SIGTERM, so `--cpu-prof` (BENCH_NODE_ARGS) gets to write its profile.
process.on("SIGTERM", () => process.exit(0));
