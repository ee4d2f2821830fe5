import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const example = readFileSync(".env.example", "utf8");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") || path.endsWith(".js") ? [path] : [];
  });
}

/** Variable names a file reads as `env.NAME` (Vigil's io.env, options.env; Probot's env) or through `need("NAME"`. */
function readsIn(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(file, "utf8").matchAll(/\benv\.([A-Z][A-Z0-9_]+)|\bneed\("([A-Z][A-Z0-9_]+)"/g)) names.add((m[1] ?? m[2]) as string);
  }
  return names;
}

describe(".env.example", () => {
  it("names every variable Vigil reads", () => {
    const read = [...readsIn(sourceFiles("src"))];
    expect(read.length).toBeGreaterThan(5);
    expect(read.filter((name) => !example.includes(name))).toEqual([]);
  });

  it("names every variable Probot reads to run the app", () => {
    const read = [...readsIn(["node_modules/probot/lib/bin/read-env-options.js"])];
    expect(read).toContain("APP_ID");
    expect(read.filter((name) => !example.includes(name))).toEqual([]);
  });

  it("holds no value for a secret", () => {
    for (const name of ["APP_ID", "PRIVATE_KEY", "WEBHOOK_SECRET"]) expect(example).toMatch(new RegExp(`^${name}=$`, "m"));
    expect(example).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
  });
});
