// Reading typed values out of CSV rows while collecting every problem, not only the first.
import type { CsvColumn } from "../ingest/column.ts";
import { columnsOf, type CsvTable } from "../ingest/csv.ts";
import { problem, type Problem } from "../ingest/problem.ts";
import { personalDataIn } from "./personal-data.ts";
import type { Parsed } from "./fields.ts";

/** Missing and unknown columns. An unknown column is how a name or a story slips in. */
export function checkColumns(table: CsvTable, columns: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const kop = table.kopregel ?? 1;
  for (const c of columns) {
    if (!table.header.includes(c)) {
      problems.push(
        problem(table.bestand, kop, c, null, `verplichte kolom "${c}" ontbreekt; verwacht zijn de kolommen: ${columns.join(", ")}`),
      );
    }
  }
  const seen = new Set<string>();
  for (const h of table.header) {
    if (h === "") problems.push(problem(table.bestand, kop, null, null, "een kolom zonder naam; verwijder de kolom of geef hem een naam"));
    else if (!columns.includes(h))
      problems.push(
        problem(
          table.bestand,
          kop,
          h,
          null,
          `onbekende kolom "${h}"; alleen toegestaan: ${columns.join(", ")}. Vrije tekst en namen horen niet in de registratie`,
        ),
      );
    if (seen.has(h)) problems.push(problem(table.bestand, kop, h, null, `kolom "${h}" staat er twee keer in`));
    seen.add(h);
  }
  return problems;
}

/** Past this many distinct values a column's cache stops growing (free numbers in a plain column). */
const CACHE_LIMIT = 20_000;

/** What a reader keeps per column: results per dictionary code, or per text for a plain column. */
interface ColumnCache {
  column: CsvColumn | undefined;
  byCode: unknown[];
  byText: Map<string, unknown>;
}

export class RowReader {
  /** Per column name: the last column of that name (as in the row objects, where it wins). */
  private readonly positions = new Map<string, number>();
  private readonly parsed = new Map<string, ColumnCache>();
  private readonly derived = new Map<string, ColumnCache>();
  private readonly columns: CsvColumn[];
  private readonly regels: number[];
  /** The current row (0-based); readRows moves one reader along the rows. */
  row = 0;

  constructor(
    private readonly bestand: string,
    table: CsvTable,
    private readonly problems: Problem[],
  ) {
    const data = columnsOf(table);
    this.columns = data.columns;
    this.regels = data.regels;
    table.header.forEach((h, i) => this.positions.set(h, i));
  }

  get regel(): number {
    return this.regels[this.row] as number;
  }

  raw(kolom: string): string {
    const i = this.positions.get(kolom);
    return i === undefined ? "" : (this.columns[i] as CsvColumn).text(this.row);
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
    const result = this.lookup(this.parsed, kolom, parse);
    if (result.ok) return result.value;
    this.report(kolom, result.error);
    return undefined;
  }

  /** Memoised per reader and column, like `cached`, for any derived value of the text. */
  memo<T>(kolom: string, derive: (text: string) => T): T {
    return this.lookup(this.derived, kolom, derive);
  }

  report(kolom: string | null, melding: string, waarde?: string): void {
    this.problems.push(problem(this.bestand, this.regel, kolom, waarde ?? (kolom === null ? null : this.raw(kolom)), melding));
  }

  private lookup<T>(caches: Map<string, ColumnCache>, kolom: string, compute: (text: string) => T): T {
    let cache = caches.get(kolom);
    if (!cache) {
      const i = this.positions.get(kolom);
      cache = { column: i === undefined ? undefined : this.columns[i], byCode: [], byText: new Map() };
      caches.set(kolom, cache);
    }
    const code = cache.column ? cache.column.code(this.row) : -1;
    if (code >= 0) {
      let value = cache.byCode[code] as T | undefined;
      if (value === undefined) cache.byCode[code] = value = compute((cache.column as CsvColumn).dictionary[code] as string);
      return value;
    }
    const text = this.raw(kolom);
    if (cache.byText.has(text)) return cache.byText.get(text) as T;
    const value = compute(text);
    if (cache.byText.size < CACHE_LIMIT) cache.byText.set(text, value);
    return value;
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
  const r = new RowReader(table.bestand, table, problems);
  const data = columnsOf(table);
  // The personal-data check goes over each row's cells in the order a row object lists them
  // (its keys: the header's distinct names; integer-like names first, as JavaScript orders keys).
  const order = Object.keys(Object.fromEntries(table.header.map((h) => [h, true])));
  const checks = order.map((kolom) => {
    const column = data.columns[table.header.lastIndexOf(kolom)] as CsvColumn;
    // personalDataIn depends on the text and the names only: once per dictionary entry of a
    // coded column; once per distinct text of a plain one until it shows too many (ids).
    // Resolved per column here rather than through RowReader's caches, which look the column
    // up by name for every cell (validate 0.62 → 0.80 s at a million rows).
    return {
      kolom,
      column,
      byCode: [] as (string | null)[],
      byText: new Map<string, string | null>() as Map<string, string | null> | null,
    };
  });
  for (let k = 0; k < data.regels.length; k++) {
    r.row = k;
    for (const check of checks) {
      const code = check.column.code(k);
      let why: string | null | undefined;
      if (code >= 0) {
        why = check.byCode[code];
        if (why === undefined) check.byCode[code] = why = personalDataIn(check.column.dictionary[code] as string, names);
      } else {
        const text = check.column.text(k);
        why = check.byText?.get(text);
        if (why === undefined) {
          why = personalDataIn(text, names);
          if (check.byText) {
            if (check.byText.size < CACHE_LIMIT) check.byText.set(text, why);
            else check.byText = null;
          }
        }
      }
      if (why) r.report(check.kolom, `dit veld ${why}; persoonsgegevens horen niet in de registratie`);
    }
    const before = problems.length;
    const value = read(r);
    if (value !== undefined && problems.length === before) out.push(value);
  }
  return out;
}
