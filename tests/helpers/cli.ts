// The real command, as a counsellor runs it, for the end-to-end tests.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const ROOT = join(import.meta.dirname, "..", "..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `jaarverslag ARGS` (without the set-up wrapper) and never throws on a non-zero exit. */
export async function cli(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run("node", ["--import", "tsx", join(ROOT, "src", "cli.ts"), ...args], { cwd: ROOT });
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
