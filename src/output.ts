// Writing outputs so that nothing is ever half-written: every file goes to a temporary name
// first and is renamed into place only when all of them are complete. A failed or killed
// build leaves every earlier report and the ledger as they were.
import { mkdirSync, renameSync, rmSync, writeFileSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { LedgerEntry } from "./protect/ledger.ts";
import { knownReports, mergeLegacy, parseRegisterFile, registerFileName, type RegisterEntry } from "./protect/register.ts";

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

/** Every entry of the publication register in DATA/gepubliceerd/ (old ledger files included). */
export function readRegister(dataDir: string): RegisterEntry[] {
  const dir = join(dataDir, LEDGER_DIR);
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((n) => parseRegisterFile(n, readFileSync(join(dir, n), "utf8")));
  return mergeLegacy(entries);
}

/** What a reader may know, as the protection and the attack take it: every document of every entry. */
export function readLedger(dataDir: string): LedgerEntry[] {
  return knownReports(readRegister(dataDir));
}

/** Where a new entry goes; an entry is never rewritten, so the caller checks it does not exist. */
export function registerPath(dataDir: string, entry: RegisterEntry): string {
  return join(dataDir, LEDGER_DIR, registerFileName(entry));
}
