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

export class RowReader {
  constructor(
    private readonly bestand: string,
    readonly row: CsvRow,
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
  for (const row of table.rows) {
    const r = new RowReader(table.bestand, row, problems);
    // for…in over the plain values object: Object.entries' order, without an array per row
    for (const kolom in row.values) {
      const why = personalDataIn(row.values[kolom]!, names);
      if (why) r.report(kolom, `dit veld ${why}; persoonsgegevens horen niet in de registratie`);
    }
    const before = problems.length;
    const value = read(r);
    if (value !== undefined && problems.length === before) out.push(value);
  }
  return out;
}
