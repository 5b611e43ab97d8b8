// The real command, as a counsellor runs it, for the end-to-end tests.
import { execFile } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";

const run = promisify(execFile);
export const ROOT = join(import.meta.dirname, "..", "..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The arguments of `node` that start `jaarverslag ARGS` (without the set-up wrapper): the run's
 * bundle of the CLI under the suite's config (tests/setup/cli-bundle.ts: the same sources, about
 * 0.7 s of CPU less per start), else the sources with tsx. Each start is counted for the
 * run's summary (tests/setup/build-cache.ts).
 */
export function cliArgv(args: string[]): string[] {
  const bundle = (inject("cliBundle") as string | undefined) ?? "";
  const cache = (inject("buildCache") as string | undefined) ?? "";
  if (cache !== "") appendFileSync(join(cache, CLI_STARTS), ".");
  return [...(bundle !== "" ? [bundle] : ["--import", "tsx", join(ROOT, "src", "cli.ts")]), ...args];
}

/** The file in the run's build folder with one character per start of the CLI. */
export const CLI_STARTS = "cli-starts";

/** Runs `jaarverslag ARGS` (without the set-up wrapper) and never throws on a non-zero exit. */
export async function cli(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run("node", cliArgv(args), { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** A fresh copy of the example data (without any ledger), in a new temporary folder. */
export function copyOfExampleData(prefix = "jaarverslag-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true, filter: (src) => !src.includes("gepubliceerd") });
  return join(dir, "data");
}
