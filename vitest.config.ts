import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    testTimeout: 20_000,
    // The OpenAPI description is large; parse it once per worker, not once per file.
    pool: "forks",
    isolate: true,
  },
});
