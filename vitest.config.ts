import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup/fast-check.ts"],
    // Rendering tests start Chromium; the machines have two cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
