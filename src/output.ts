// Writing outputs so that nothing is ever half-written.
//
// A single file (the problems CSV, the template) goes to a temporary name and is renamed into
// place. A *document set* — every document of one period and audience, plus its register
// entries in the data folder — is written as a whole, by a small commit protocol with a
// journal in the data folder (written under the build lock, see lock.ts):
//
//   1. journal "klaarzetten": the names of the staging folder and of the folder put aside;
//   2. staging: a complete new period folder `OUT/.N.nieuw-<pid>/` beside `OUT/N/`: the files
//      of other sets there (the other audience, files the user put there) are carried over as
//      hard links, this set's files are written new; files of this set that are not rebuilt are
//      left out (removed); the register files are written as temporary files beside their
//      targets;
//   3. journal "doorvoeren" (atomic rename): the commit point;
//   4. `OUT/N` → `OUT/.N.oud-<pid>`, then `OUT/.N.nieuw-<pid>` → `OUT/N` (two renames);
//   5. the register files are renamed into place (after the documents: the register never
//      names a set whose documents are not in place, except during this step, which the journal
//      completes);
//   6. the old folder and the journal are removed.
//
// A failure before the commit point removes what was staged: everything stays as it was. A
// crash at any point leaves the journal; the next build (recoverWrites, under the lock) rolls
// back an unfinished staging, or finishes a committed one. So `OUT/N` always holds the old set
// or the new set — except between the two renames of step 4, when it is briefly absent (never
// mixed), which the next build completes.
import * as nodeFs from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { z } from "zod";
import type { LedgerEntry } from "./protect/ledger.ts";
import { parseJsonText } from "./ingest/json-error.ts";
import { knownReports, mergeLegacy, parseRegisterEntry, registerFileName, type RegisterEntry } from "./protect/register.ts";

export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/** The file operations the writers use, replaceable in tests (a full disk, a read-only folder). */
export interface WriteFs {
  writeFileSync: (path: string, content: string | Uint8Array, options?: { flag?: string }) => void;
  renameSync: (from: string, to: string) => void;
  mkdirSync: (path: string, options: { recursive: true }) => unknown;
  rmSync: (path: string, options: { recursive?: boolean; force: true }) => void;
  linkSync: (existing: string, path: string) => void;
  copyFileSync: (from: string, to: string) => void;
}

export const systemFs: WriteFs = nodeFs;

export function writeAllOrNothing(files: OutputFile[], fs: WriteFs = systemFs): void {
  const temps: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      fs.mkdirSync(dirname(f.path), { recursive: true });
      removeStaleTemps(f.path, fs);
      const tmp = `${f.path}.${process.pid}.tmp`;
      temps.push({ tmp, path: f.path });
      fs.writeFileSync(tmp, f.content);
    }
    for (const t of temps) fs.renameSync(t.tmp, t.path);
  } catch (e) {
    for (const t of temps) quietly(() => fs.rmSync(t.tmp, { force: true }));
    throw e;
  }
}

/** A build that was killed leaves `NAME.<pid>.tmp` behind; the next write of NAME clears it. */
function removeStaleTemps(path: string, fs: WriteFs): void {
  const name = basename(path);
  for (const other of nodeFs.readdirSync(dirname(path))) {
    if (other.startsWith(`${name}.`) && /^\d+\.tmp$/.test(other.slice(name.length + 1)))
      fs.rmSync(join(dirname(path), other), { force: true });
  }
}

export const LEDGER_DIR = "gepubliceerd";

/** Every entry of the publication register in DATA/gepubliceerd/ (old ledger files included). */
export function readRegister(dataDir: string): RegisterEntry[] {
  const dir = join(dataDir, LEDGER_DIR);
  if (!nodeFs.existsSync(dir)) return [];
  const entries = nodeFs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".json") && !n.startsWith("."))
    .sort()
    .map((n) => parseRegisterEntry(n, readJsonFile(join(dir, n))));
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

/** A JSON file that cannot be read as JSON: the message names the file, line and column. */
/** A JSON file that cannot be read as JSON: the message names the file, line and column. */
export function readJsonFile(path: string): unknown {
  return parseJsonText(nodeFs.readFileSync(path, "utf8"), path);
}

// ---- document sets ----

export interface DocumentSet {
  /** The period folder, e.g. reports/2021. */
  dir: string;
  /** This set's files, all inside `dir`. */
  files: OutputFile[];
  /** Does a file already in `dir` (path relative to it, `/`-separated) belong to this set? Such files are replaced or removed. */
  belongs: (rel: string) => boolean;
  /** Files in the data folder (register entries), put in place after the documents. */
  dataFiles: OutputFile[];
  /** Files in the data folder to remove with them (entries of documents of this set that were not rebuilt). */
  removeDataFiles?: string[];
}

/** The steps at which JAARVERSLAG_TEST_PAUSE_AT can hold a write, for the kill tests. */
export const WRITE_STEPS = ["klaarzetten", "doorvoeren", "opzij", "geplaatst", "register"] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

export interface WriteOptions {
  fs?: WriteFs;
  /** Called at each step; the default is the test hook of JAARVERSLAG_TEST_PAUSE_AT. */
  pause?: (step: WriteStep) => void;
}

export const JOURNAL_FILE = ".jaarverslag-schrijven.json";

const Journal = z.object({
  fase: z.enum(["klaarzetten", "doorvoeren"]),
  pid: z.number(),
  doel: z.string(),
  nieuw: z.string(),
  oud: z.string(),
  registerbestanden: z.array(z.object({ tijdelijk: z.string(), doel: z.string() })),
  verwijderen: z.array(z.string()),
});
type Journal = z.infer<typeof Journal>;

/** Files of an earlier, killed writer (NAME.<pid>.tmp): never carried over. */
const STALE_TEMP = /\.\d+\.tmp$/;

/**
 * Writes a document set as a whole (see the top of this file). The caller holds the lock of
 * `dataDir`. Throws after rolling back when anything fails before the commit point.
 */
export function writeDocumentSet(dataDir: string, set: DocumentSet, opts: WriteOptions = {}): void {
  const fs = opts.fs ?? systemFs;
  const pause = opts.pause ?? testPause;
  const journalPath = join(dataDir, JOURNAL_FILE);
  const parent = dirname(set.dir);
  const name = basename(set.dir);
  const journal: Journal = {
    fase: "klaarzetten",
    pid: process.pid,
    doel: set.dir,
    nieuw: join(parent, `.${name}.nieuw-${process.pid}`),
    oud: join(parent, `.${name}.oud-${process.pid}`),
    registerbestanden: set.dataFiles.map((f) => ({ tijdelijk: `${f.path}.${process.pid}.tmp`, doel: f.path })),
    verwijderen: set.removeDataFiles ?? [],
  };
  for (const f of set.files) {
    const rel = relative(set.dir, f.path);
    if (rel.startsWith("..") || rel === "") throw new Error(`${f.path} ligt niet in ${set.dir}`);
  }
  writeJournal(journalPath, journal, fs);
  try {
    fs.mkdirSync(parent, { recursive: true });
    fs.rmSync(journal.nieuw, { recursive: true, force: true });
    fs.mkdirSync(journal.nieuw, { recursive: true });
    for (const rel of filesUnder(set.dir)) {
      if (set.belongs(rel) || STALE_TEMP.test(rel)) continue;
      const to = join(journal.nieuw, rel);
      fs.mkdirSync(dirname(to), { recursive: true });
      carryOver(join(set.dir, rel), to, fs);
    }
    set.files.forEach((f, i) => {
      const to = join(journal.nieuw, relative(set.dir, f.path));
      fs.mkdirSync(dirname(to), { recursive: true });
      fs.writeFileSync(to, f.content);
      if (i === 0) pause("klaarzetten");
    });
    set.dataFiles.forEach((f, i) => {
      fs.mkdirSync(dirname(f.path), { recursive: true });
      fs.writeFileSync(journal.registerbestanden[i]!.tijdelijk, f.content);
    });
    writeJournal(journalPath, { ...journal, fase: "doorvoeren" }, fs);
  } catch (e) {
    rollBack(journalPath, journal, fs);
    throw e;
  }
  pause("doorvoeren");
  finish(journalPath, journal, fs, pause);
}

/**
 * Completes or undoes a write that a crash interrupted (found by its journal in the data
 * folder). Returns what was done, in Dutch, or null when there was nothing to do.
 */
export function recoverWrites(dataDir: string, fs: WriteFs = systemFs): string | null {
  const journalPath = join(dataDir, JOURNAL_FILE);
  removeOrphanTemps(dataDir, fs);
  if (!nodeFs.existsSync(journalPath)) return null;
  const parsed = Journal.safeParse(readJsonFile(journalPath));
  if (!parsed.success)
    throw new Error(`${journalPath} is geen geldig schrijfjournaal; kijk ${dirname(journalPath)} na en verwijder het bestand daarna.`);
  const journal = parsed.data;
  if (journal.fase === "klaarzetten") {
    rollBack(journalPath, journal, fs);
    return `Een onderbroken build had ${journal.doel} nog niet bijgewerkt; wat die had klaargezet is opgeruimd.`;
  }
  finish(journalPath, journal, fs, () => {});
  return `Een onderbroken build is afgemaakt: ${journal.doel} en het register zijn bijgewerkt.`;
}

/**
 * Temporary files a crash can leave in the data folder outside a journal: the journal's own
 * (killed while writing it) and register entries of older versions. Under the lock, none of
 * them belongs to a running build.
 */
function removeOrphanTemps(dataDir: string, fs: WriteFs): void {
  const temps = (dir: string, prefix: string): string[] =>
    nodeFs.existsSync(dir)
      ? nodeFs
          .readdirSync(dir)
          .filter((n) => n.startsWith(prefix) && STALE_TEMP.test(n))
          .map((n) => join(dir, n))
      : [];
  for (const path of [...temps(dataDir, `${JOURNAL_FILE}.`), ...temps(join(dataDir, LEDGER_DIR), "")]) {
    // A register entry staged by an unfinished write is the journal's to finish or remove.
    if (!path.startsWith(join(dataDir, LEDGER_DIR)) || !journalNames(dataDir).has(path)) fs.rmSync(path, { force: true });
  }
}

function journalNames(dataDir: string): Set<string> {
  const path = join(dataDir, JOURNAL_FILE);
  if (!nodeFs.existsSync(path)) return new Set();
  const parsed = Journal.safeParse(readJsonFile(path));
  return new Set(parsed.success ? parsed.data.registerbestanden.map((f) => f.tijdelijk) : []);
}

function finish(journalPath: string, j: Journal, fs: WriteFs, pause: (step: WriteStep) => void): void {
  if (nodeFs.existsSync(j.nieuw)) {
    if (nodeFs.existsSync(j.doel)) {
      if (nodeFs.existsSync(j.oud))
        throw new Error(
          `${j.doel}, ${j.nieuw} en ${j.oud} bestaan alle drie; kijk ze na, verwijder wat niet klopt en verwijder daarna ${journalPath}.`,
        );
      fs.renameSync(j.doel, j.oud);
      pause("opzij");
    }
    fs.renameSync(j.nieuw, j.doel);
  }
  pause("geplaatst");
  j.registerbestanden.forEach((f, i) => {
    if (nodeFs.existsSync(f.tijdelijk)) fs.renameSync(f.tijdelijk, f.doel);
    if (i === 0) pause("register");
  });
  for (const path of j.verwijderen) fs.rmSync(path, { force: true });
  fs.rmSync(j.oud, { recursive: true, force: true });
  fs.rmSync(journalPath, { force: true });
}

function rollBack(journalPath: string, j: Journal, fs: WriteFs): void {
  quietly(() => fs.rmSync(j.nieuw, { recursive: true, force: true }));
  for (const f of j.registerbestanden) quietly(() => fs.rmSync(f.tijdelijk, { force: true }));
  quietly(() => fs.rmSync(journalPath, { force: true }));
}

function writeJournal(path: string, journal: Journal, fs: WriteFs): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, JSON.stringify(journal, null, 2) + "\n");
    fs.renameSync(tmp, path);
  } catch (e) {
    quietly(() => fs.rmSync(tmp, { force: true }));
    throw e;
  }
}

/** A file of another set goes into the new folder unchanged: a hard link (files are never changed in place), or a copy. */
function carryOver(from: string, to: string, fs: WriteFs): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/** Every file under `dir`, as paths relative to it with `/`; none when `dir` does not exist. */
function filesUnder(dir: string): string[] {
  if (!nodeFs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const e of nodeFs.readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub === "" ? e.name : `${sub}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk("");
  return out.map((p) => p.split(sep).join("/"));
}

function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // cleaning up after a failure: the first error is the one to report
  }
}

/**
 * Which files of a period folder belong to one set: `<document>-<key><suffix>.<ext…>` for the
 * set's document names (and the Presidium bundle), and the internal suppression log.
 */
export function setMembership(documentNames: string[], key: string, audience: string): (rel: string) => boolean {
  const suffix = audience === "vertrouwelijk" ? "-vertrouwelijk" : "";
  const names = [...documentNames, "presidium-bundel"];
  const internal = `intern/${key}-${audience}.onderdrukkingslog.json`;
  return (rel) => rel === internal || (!rel.includes("/") && names.some((n) => rel.startsWith(`${n}-${key}${suffix}.`)));
}

/**
 * Test hook: with JAARVERSLAG_TEST_PAUSE_AT=<step> the writer, on reaching that step, writes
 * the file JAARVERSLAG_TEST_PAUSE_FILE and waits (at most a minute), so that a test can kill
 * the process inside the write window.
 */
function testPause(step: WriteStep): void {
  if (process.env["JAARVERSLAG_TEST_PAUSE_AT"] !== step) return;
  const marker = process.env["JAARVERSLAG_TEST_PAUSE_FILE"];
  if (marker) nodeFs.writeFileSync(marker, `${process.pid} ${step}\n`);
  const cell = new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(cell, 0, 0, 60_000);
}
