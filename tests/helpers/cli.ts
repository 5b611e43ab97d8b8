// The real command, as a counsellor runs it, for the end-to-end tests.
import { execFile } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import type { Renderer } from "../../src/render/pdf.ts";
import { cachedRenderer, lazyRenderer } from "../../src/print-cache.ts";

const run = promisify(execFile);
export const ROOT = join(import.meta.dirname, "..", "..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The arguments of `node` that start `jaarverslag ARGS` in a process of its own (without the
 * set-up wrapper), for the tests about processes (killed, concurrent, watching): the run's
 * bundle of the CLI under the suite's config (tests/setup/cli-bundle.ts: the same sources,
 * about 0.7 s of CPU less per start), else the sources with tsx. Each start is counted for
 * the run's summary (tests/setup/build-cache.ts).
 */
export function cliArgv(args: string[]): string[] {
  const bundle = (inject("cliBundle") as string | undefined) ?? "";
  countStart();
  return [...(bundle !== "" ? [bundle] : ["--import", "tsx", join(ROOT, "src", "cli.ts")]), ...args];
}

/** The file in the run's build folder with one character per command the tests ran. */
export const CLI_STARTS = "cli-starts";

function countStart(): void {
  const cache = (inject("buildCache") as string | undefined) ?? "";
  if (cache !== "") appendFileSync(join(cache, CLI_STARTS), ".");
}

/**
 * The command in a process of its own; never throws on a non-zero exit. It prints through the
 * run's print cache (src/print-cache.ts: the environment names it), unless `freshPrint`.
 */
export async function cliProcess(args: string[], options: { freshPrint?: boolean } = {}): Promise<CliResult> {
  const env = options.freshPrint ? { ...process.env, JAARVERSLAG_DRUKCACHE: "" } : process.env;
  try {
    const { stdout, stderr } = await run("node", cliArgv(args), { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/**
 * Runs `jaarverslag ARGS`: the command's own `main` (src/cli-main.ts), in this test process,
 * with what it prints on stdout and stderr kept apart; never throws on a non-zero exit. What
 * src/cli.ts adds is only `process.exitCode = main(argv)` with the console, and
 * tests/helpers/cli.test.ts holds the two ways against each other. In this process because a
 * chain of builds then costs half the CPU (BENCHMARKS.md §8, Round 6): the solver's code is
 * compiled once, not once per build, and Chromium starts once per test file (`build` prints
 * with one renderer, as `build --watch` does; started at the first print, closed after the file,
 * tests/setup/renderer.ts).
 * What that renderer printed is kept for the run (src/print-cache.ts): a print of the
 * same input again is read back; `{ freshPrint: true }` prints everything anew (a test of the
 * printing itself).
 */
export async function cli(args: string[], options: { freshPrint?: boolean } = {}): Promise<CliResult> {
  countStart();
  const { main } = await import("../../src/cli-main.ts");
  let stdout = "";
  let stderr = "";
  const shared = args[0] === "build" && !args.includes("--watch") ? sharedRenderer() : undefined;
  const renderer = options.freshPrint ? shared?.fresh : shared?.cached;
  const code = await main(args, {
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
    ...(renderer ? { renderer } : {}),
  });
  return { code, stdout, stderr };
}

/** This file's Chromium, started at the first print that is not in the run's print cache. */
const chromium = lazyRenderer(() => import("../../src/render/pdf.ts").then((m) => m.openRenderer()));

/**
 * The renderer of this file's builds, without the run's print cache, and with it: the folder the
 * environment names for the commands too (tests/setup/build-cache.ts), when the run has one.
 */
function sharedRenderer(): { fresh: Renderer; cached: Renderer } {
  const fresh: Renderer = { ...chromium, close: closeSharedRenderer };
  const prints = process.env["JAARVERSLAG_DRUKCACHE"] ?? "";
  return { fresh, cached: prints !== "" ? cachedRenderer(fresh, prints) : fresh };
}

/**
 * The same renderer as `cli`'s builds use (this file's Chromium, with the run's print cache), for
 * tests that print through the pipeline or the werkplaats without the command. Closed after the
 * file (tests/setup/renderer.ts); not to be closed by the test.
 */
export function printRenderer(): Renderer {
  return sharedRenderer().cached;
}

/** Closes this file's Chromium, if a build started one. */
export function closeSharedRenderer(): Promise<void> {
  return chromium.close();
}

/** A fresh copy of the example data (without any ledger), in a new temporary folder. */
export function copyOfExampleData(prefix = "jaarverslag-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true, filter: (src) => !src.includes("gepubliceerd") });
  return join(dir, "data");
}
