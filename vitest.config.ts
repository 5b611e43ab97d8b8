import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import LongestFirst from "./tests/setup/longest-first.ts";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup/fast-check.ts", "tests/setup/renderer.ts"],
    // The run's folder of builds that several test files share (tests/helpers/built-once.ts).
    globalSetup: ["tests/setup/build-cache.ts"],
    // Rendering tests start Chromium; the machines have two cores, and two files run at once
    // (below), each with half of them. Under load a test with one build and a few commands
    // has taken 95 s (tests/e2e/errors.test.ts): the limit catches a hang, not slowness.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Forks, not threads: the heavy files spawn the CLI and Chromium and use HiGHS (wasm);
    // each worker is a process of its own.
    pool: "forks",
    // A worker process runs file after file (not one process per file): the sources are loaded
    // and the solver's code compiled once per worker, not once per file (BENCHMARKS.md §8,
    // Round 6: 785 → 665 s). No test file sets process-wide state that another could see (no
    // environment changes, no fake timers; the one module mock, tests/render/fonts.test.ts,
    // wraps node:fs without changing what it does).
    isolate: false,
    // Vitest's default is one worker less than the cores: one worker on a two-core machine, so
    // every file waits for the one before. The heavy files spend much of their time waiting for
    // child processes (the CLI, Chromium), so two files at once fill both cores. Files run
    // longest-first (from the last run's durations, or an estimate for a file without one:
    // tests/setup/longest-first.ts), so the slow e2e files start early and do not end the run
    // alone. `--maxWorkers=1` on the command line still wins.
    maxWorkers: Math.max(2, availableParallelism()),
    fileParallelism: true,
    sequence: { sequencer: LongestFirst },
  },
});
