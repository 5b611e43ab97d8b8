// Results of pure, costly steps (the protection, the charts), kept between the builds of one
// session (`build --watch`) and looked up by a hash of their input. A counsellor who edits the
// text of the jaarverslag changes no figure: the rebuild then reuses the protection and the
// charts, and only the text is laid out and printed again. Never on disk, never across runs.
// The audit of a concept is looked up by its whole input (the figures printed, what is known,
// the widths required), so a changed figure is always attacked again; an adopted set is
// audited on its own build.
//
// The protection is looked up by the files the figures come from (figuresFingerprint), the
// options and the ledger, not by its input objects: those hold functions of the data (the true
// values) that no JSON can show, and a key that missed them could hand one dataset's pattern to
// another.
import { createHash } from "node:crypto";
import type { RawFile, RawInput } from "./ingest/raw-input.ts";

export class Memo {
  private readonly entries = new Map<string, unknown>();
  hits = 0;
  misses = 0;

  /** Entries kept at most (oldest dropped first). */
  constructor(private readonly limit = 64) {}

  /**
   * The result of `compute` for this kind of step and key: computed the first time, the same
   * object afterwards (results are shared between builds: treat them as read-only). `key` must
   * hold everything the result depends on, as JSON.
   */
  async get<T>(kind: string, key: unknown, compute: () => Promise<T>): Promise<T> {
    const hash = `${kind}:${createHash("sha256").update(JSON.stringify(key)).digest("hex")}`;
    if (this.entries.has(hash)) {
      this.hits++;
      const value = this.entries.get(hash);
      this.entries.delete(hash); // most recently used last
      this.entries.set(hash, value);
      return value as T;
    }
    this.misses++;
    const value = await compute();
    this.entries.set(hash, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}

/**
 * A fingerprint of the files the figures come from: every table (CSV or workbook) and the
 * settings, not the verslagen (their text changes no figure; numbers in it are checked on every
 * build).
 */
export function figuresFingerprint(raw: RawInput): string {
  const hash = createHash("sha256");
  const add = (label: string, file: RawFile | null | undefined): void => {
    if (!file) return;
    hash.update(`${label}\0${file.bestand}\0${file.bytes.length}\0`);
    hash.update(file.bytes);
  };
  for (const [name, file] of Object.entries(raw.tables).sort(([a], [b]) => (a < b ? -1 : 1))) add(`tabel:${name}`, file);
  for (const [name, file] of Object.entries(raw.werkboeken ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) add(`werkboek:${name}`, file);
  add("registratie", raw.registratie);
  add("instellingen", raw.instellingen);
  return hash.digest("hex");
}
