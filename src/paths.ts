import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Source runs from src/ (tests, tsx) and from dist/src/ (npm start, the CLI); the package root is
// found by walking up to package.json so templates resolve the same way from both.
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Vigil: cannot find its package.json above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/** Absolute path of the installed Vigil package. */
export const PACKAGE_ROOT = findPackageRoot();

/** Absolute path of a file shipped under `templates/`. */
export function templatePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, "templates", ...parts);
}
