// Reading typed values out of CSV rows while collecting every problem, not only the first.
import type { CsvRow, CsvTable } from "../ingest/csv.ts";
import { problem, type Problem } from "../ingest/problem.ts";
import { personalDataIn } from "./personal-data.ts";
import type { Parsed } from "./fields.ts";

/** Missing and unknown columns. An unknown column is how a name or a story slips in. */
export function checkColumns(table: CsvTable, columns: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const kop = table.kopregel ?? 1;
  for (const c of columns) {
    if (!table.header.includes(c)) {
      problems.push(problem(table.bestand, kop, c, null, `verplichte kolom "${c}" ontbreekt; verwacht zijn de kolommen: ${columns.join(", ")}`));
    }
  }
  const seen = new Set<string>();
  for (const h of table.header) {
    if (h === "") problems.push(problem(table.bestand, kop, null, null, "een kolom zonder naam; verwijder de kolom of geef hem een naam"));
    else if (!columns.includes(h)) problems.push(problem(table.bestand, kop, h, null, `onbekende kolom "${h}"; alleen toegestaan: ${columns.join(", ")}. Vrije tekst en namen horen niet in de registratie`));
    if (seen.has(h)) problems.push(problem(table.bestand, kop, h, null, `kolom "${h}" staat er twee keer in`));
    seen.add(h);
  }
  return problems;
}

/** Past this many distinct values a column's cache stops growing (ids, free numbers). */
const CACHE_LIMIT = 20_000;

export class RowReader {
  /** Per column: the parse result of each distinct text seen (see `cached`). */
  private readonly caches = new Map<string, Map<string, Parsed<unknown>>>();
  private readonly memos = new Map<string, Map<string, unknown>>();

  constructor(
    private readonly bestand: string,
    /** The current row; readRows moves one reader along the rows. */
    public row: CsvRow,
    private readonly problems: Problem[],
  ) {}

  get regel(): number {
    return this.row.regel;
  }

  raw(kolom: string): string {
    return this.row.values[kolom] ?? "";
  }

  /** Parses a field; on failure records the problem and returns undefined. */
  field<T>(kolom: string, parse: (text: string) => Parsed<T>): T | undefined {
    const text = this.raw(kolom);
    const result = parse(text);
    if (result.ok) return result.value;
    this.report(kolom, result.error);
    return undefined;
  }

  /**
   * `field` for a parse that depends on the text alone (always the same parse for this
   * column): each distinct text is parsed once. A million rows hold a few thousand distinct
   * dates, codes and hours. The value is shared between rows (treat it as read-only).
   */
  cached<T>(kolom: string, parse: (text: string) => Parsed<T>): T | undefined {
    const text = this.raw(kolom);
    let cache = this.caches.get(kolom);
    if (!cache) this.caches.set(kolom, (cache = new Map()));
    let result = cache.get(text) as Parsed<T> | undefined;
    if (!result) {
      result = parse(text);
      if (cache.size < CACHE_LIMIT) cache.set(text, result);
    }
    if (result.ok) return result.value;
    this.report(kolom, result.error);
    return undefined;
  }

  /** Memoised per reader and column, like `cached`, for any derived value of the text. */
  memo<T>(kolom: string, derive: (text: string) => T): T {
    const text = this.raw(kolom);
    let cache = this.memos.get(kolom);
    if (!cache) this.memos.set(kolom, (cache = new Map()));
    if (cache.has(text)) return cache.get(text) as T;
    const value = derive(text);
    if (cache.size < CACHE_LIMIT) cache.set(text, value);
    return value;
  }

  report(kolom: string | null, melding: string, waarde?: string): void {
    this.problems.push(problem(this.bestand, this.row.regel, kolom, waarde ?? (kolom === null ? null : this.raw(kolom)), melding));
  }
}

/** Runs `read` on every row; also checks every cell for personal data. */
export function readRows<T>(
  table: CsvTable,
  columns: readonly string[],
  problems: Problem[],
  names: string[],
  read: (r: RowReader) => T | undefined,
): T[] {
  const columnProblems = checkColumns(table, columns);
  problems.push(...columnProblems);
  if (columnProblems.some((p) => p.melding.startsWith("verplichte kolom"))) return [];
  const out: T[] = [];
  if (table.rows.length === 0) return out;
  const r = new RowReader(table.bestand, table.rows[0]!, problems);
  // personalDataIn depends on the text and the names only: once per distinct text of a
  // column, until the column shows itself to have too many (ids): then for every cell.
  const personal = new Map<string, Map<string, string | null> | null>();
  for (const row of table.rows) {
    r.row = row;
    // for…in over the plain values object: Object.entries' order, without an array per row
    for (const kolom in row.values) {
      const text = row.values[kolom]!;
      let cache = personal.get(kolom);
      if (cache === undefined) personal.set(kolom, (cache = new Map()));
      let why = cache === null ? undefined : cache.get(text);
      if (why === undefined) {
        why = personalDataIn(text, names);
        if (cache !== null) {
          if (cache.size < CACHE_LIMIT) cache.set(text, why);
          else personal.set(kolom, null);
        }
      }
      if (why) r.report(kolom, `dit veld ${why}; persoonsgegevens horen niet in de registratie`);
    }
    const before = problems.length;
    const value = read(r);
    if (value !== undefined && problems.length === before) out.push(value);
  }
  return out;
}
