import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

async function vigil(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd: process.cwd() };
  const code = await main(argv, io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

// Every file of src/cli that exports a `…Command` is a subcommand.
const commandFiles = readdirSync("src/cli").filter((f) => /export const \w+Command: CliCommand/.test(readFileSync(`src/cli/${f}`, "utf8")));

describe("vigil", () => {
  it("--help lists exactly the commands that exist, each of which answers its own --help", async () => {
    const { code, stdout } = await vigil("--help");
    expect(code).toBe(0);
    const listed = [...stdout.matchAll(/^ {2}vigil ([a-z][a-z-]*)/gm)].map((m) => m[1]).filter((name) => name !== "help");
    expect(listed.sort()).toEqual(commandFiles.map((f) => f.replace(/\.ts$/, "")).sort());
    for (const name of listed) {
      const help = await vigil(name as string, "--help");
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toMatch(new RegExp(`^Usage: vigil ${name}`));
    }
  });

  it("--version prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(await vigil("--version")).toEqual({ code: 0, stdout: version, stderr: "" });
  });

  it("an unknown command points to the list; no command prints it and exits 2", async () => {
    expect(await vigil("frobnicate")).toMatchObject({ code: 2, stderr: 'vigil: unknown command "frobnicate". Run "vigil help" for the list.' });
    const bare = await vigil();
    expect(bare.code).toBe(2);
    expect(bare.stdout).toContain("Usage:");
  });
});
