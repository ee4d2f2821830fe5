import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HEALTH_PATH } from "../../src/triggers/health-route.js";

// Docker is not on the machines that run the tests, so the image's essentials are checked as text.
const text = readFileSync("Dockerfile", "utf8");
// Instructions with their continuation lines joined, comments dropped.
const instructions = text
  .replace(/\\\n\s*/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"));
const stages: string[][] = [];
for (const line of instructions) {
  if (/^FROM\s/i.test(line)) stages.push([]);
  stages.at(-1)?.push(line);
}
const runtime = stages.at(-1) ?? [];
const of = (stage: string[], keyword: string) => stage.filter((line) => line.toUpperCase().startsWith(`${keyword} `));

describe("Dockerfile", () => {
  it("builds in one stage (npm ci, npm run build) and runs from a slim Node image in another", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages[0] ?? [];
    expect(build.some((l) => /^RUN npm ci\b/.test(l) && !l.includes("--omit"))).toBe(true);
    expect(build).toContain("RUN npm run build");
    expect(runtime[0]).toMatch(/^FROM node:\$\{NODE_VERSION\}-slim AS runtime$/);
    expect(instructions[0]).toMatch(/^ARG NODE_VERSION=(2[02468])$/);
  });

  it("installs only production dependencies at run time and copies nothing of the build but dist/", () => {
    expect(of(runtime, "RUN").some((l) => l.includes("npm ci --omit=dev"))).toBe(true);
    const copies = of(runtime, "COPY");
    expect(copies.filter((l) => l.includes("--from="))).toEqual(["COPY --from=build /app/dist ./dist"]);
    for (const copy of copies.filter((l) => !l.includes("--from="))) {
      const sources = copy.split(/\s+/).slice(1, -1);
      for (const source of sources) {
        expect(["package.json", "package-lock.json", "templates", "app.yml", "bin"]).toContain(source);
        expect(existsSync(source)).toBe(true);
      }
    }
  });

  it("runs as the unprivileged node user and starts the compiled app", () => {
    const users = of(runtime, "USER");
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER (root|0)(:|$)/);
    expect(runtime.at(-1)).toBe('CMD ["node", "--max-semi-space-size=4", "--no-allocation-site-pretenuring", "--heap-growing-percent=100", "dist/src/server.js"]');
    // The image runs what `npm start` runs, so the memory measured by `npm run bench:server` is the image's.
    const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
    expect(JSON.parse((runtime.at(-1) ?? "").replace(/^CMD /, ""))).toEqual(start.split(" "));
    expect(existsSync("src/server.ts")).toBe(true);
  });

  it("starts with Node flags this Node accepts (V8's flags are not a stable interface: one it dropped would stop the app)", () => {
    const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
    const flags = start.split(" ").filter((arg) => arg.startsWith("--"));
    expect(flags.length).toBeGreaterThan(0);
    const run = spawnSync(process.execPath, [...flags, "-e", "0"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // And a misspelt one is refused, so the check can fail.
    expect(spawnSync(process.execPath, ["--heap-growing-percentage=100", "-e", "0"]).status).not.toBe(0);
  });

  it("has a HEALTHCHECK on the path the app serves", () => {
    const health = of(runtime, "HEALTHCHECK");
    expect(health).toHaveLength(1);
    expect(health[0]).toContain(HEALTH_PATH);
    expect(runtime).toContain("EXPOSE 3000");
  });

  it("keeps secrets and local builds out of the build context", () => {
    const ignored = readFileSync(".dockerignore", "utf8").split("\n").map((l) => l.trim());
    for (const entry of [".env", "*.pem", "node_modules", "dist", ".git"]) expect(ignored).toContain(entry);
  });
});
