// Writing outputs so that nothing is ever half-written: every file goes to a temporary name
// first and is renamed into place only when all of them are complete. A failed or killed
// build leaves every earlier report and the ledger as they were.
import { mkdirSync, renameSync, rmSync, writeFileSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { LedgerEntry } from "./protect/ledger.ts";

export function writeAllOrNothing(files: { path: string; content: string | Uint8Array }[]): void {
  const temps: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      removeStaleTemps(f.path);
      const tmp = `${f.path}.${process.pid}.tmp`;
      writeFileSync(tmp, f.content);
      temps.push({ tmp, path: f.path });
    }
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw e;
  }
  for (const t of temps) renameSync(t.tmp, t.path);
}

/** A build that was killed leaves `NAME.<pid>.tmp` behind; the next write of NAME clears it. */
function removeStaleTemps(path: string): void {
  const name = basename(path);
  for (const other of readdirSync(dirname(path))) {
    if (other.startsWith(`${name}.`) && /^\d+\.tmp$/.test(other.slice(name.length + 1))) rmSync(join(dirname(path), other), { force: true });
  }
}

export const LEDGER_DIR = "gepubliceerd";

export function readLedger(dataDir: string): LedgerEntry[] {
  const dir = join(dataDir, LEDGER_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), "utf8")) as LedgerEntry);
}

export function ledgerPath(dataDir: string, entry: LedgerEntry): string {
  return join(dataDir, LEDGER_DIR, `${entry.report}.json`);
}
