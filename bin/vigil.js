#!/usr/bin/env node
// The `vigil` command: runs the compiled CLI (`npm run build`, or `npm start`, compiles it).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error("vigil: the CLI is not built yet. Run `npm run build` in the Vigil folder, then try again.");
  process.exit(2);
}
const { main } = await import(entry.href);
const { processIO } = await import(new URL("../dist/src/cli/io.js", import.meta.url).href);
process.exitCode = await main(process.argv.slice(2), processIO());
