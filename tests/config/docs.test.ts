import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/parse.js";
import { allowedKeysAt } from "../../src/config/schema-walk.js";
import { PACKAGE_ROOT } from "../../src/paths.js";

const doc = readFileSync(join(PACKAGE_ROOT, "README.md"), "utf8");
const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

// Every key path of the schema, e.g. "oncall.overrides" and "project.fields.severity".
function keyPaths(path: string[] = []): string[] {
  const step = (key: string) => [...path, key];
  return allowedKeysAt(path).flatMap((key) => {
    const here = step(key);
    const nested = allowedKeysAt(here).length > 0 ? keyPaths(here) : [];
    return [here.join("."), ...nested];
  });
}

describe("README configuration reference", () => {
  it("has examples that check-config accepts", () => {
    const examples = yamlBlocks.filter((block) => block.includes("oncall"));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const text of examples) {
      const result = parseConfigText(text, "docs example");
      expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
    }
  });

  it("documents every key of the schema", () => {
    const missing = keyPaths().filter((path) => {
      const last = path.split(".").pop() as string;
      // Nested keys are documented in their section's table as `key` or as `parent.key`.
      return !doc.includes(`| \`${last}\``) && !doc.includes(`| \`${path.split(".").slice(-2).join(".")}\``);
    });
    expect(missing).toEqual([]);
  });
});
