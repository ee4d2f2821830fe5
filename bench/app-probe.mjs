// Preloaded into the app child by `bench/server.ts` (`node --expose-gc --import`): on SIGUSR2, a full GC and then the
// process's memory figures written to BENCH_PROBE_FILE, so the bench can tell live heap from memory V8 has not returned.
import { writeFileSync } from "node:fs";
import process from "node:process";
import { performance as perf, PerformanceObserver, constants } from "node:perf_hooks";

// Every major GC's pause (epoch ms and its length), so the bench can tell which slow deliveries met one.
const majorGcs = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorGcs.push([perf.timeOrigin + e.startTime, e.duration]);
}).observe({ entryTypes: ["gc"] });

process.on("SIGUSR2", () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  writeFileSync(process.env.BENCH_PROBE_FILE, JSON.stringify({ gc: typeof globalThis.gc === "function", rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, majorGcs }));
});
// An orderly exit on SIGTERM, so `--cpu-prof` (BENCH_NODE_ARGS) gets to write its profile.
process.on("SIGTERM", () => process.exit(0));

// Per delivery, answered in response headers (deliveries come one at a time, so nothing else runs meanwhile):
// - x-bench-busy-ms: how long the main thread was busy between the request arriving and its answer (the event loop's
//   active time: Vigil's handler with Node's HTTP client and server, Octokit, JSON and GC pauses), leaving out the time
//   it sat idle waiting for GitHub's answers (the sandbox, in another process);
// - x-bench-cpu-us: the process's CPU over the same span, every thread (V8 collects garbage on helper threads too).
const { ServerResponse, Server } = await import("node:http");
const emit = Server.prototype.emit;
Server.prototype.emit = function (event, req, res) {
  if (event === "request" && res) res.bench = { cpu: process.cpuUsage(), elu: perf.eventLoopUtilization() };
  return emit.apply(this, arguments);
};
const writeHead = ServerResponse.prototype.writeHead;
ServerResponse.prototype.writeHead = function (...args) {
  if (this.bench && !this.headersSent) {
    const used = process.cpuUsage(this.bench.cpu);
    this.setHeader("x-bench-cpu-us", String(used.user + used.system));
    this.setHeader("x-bench-busy-ms", String(perf.eventLoopUtilization(this.bench.elu).active));
  }
  return writeHead.apply(this, args);
};
