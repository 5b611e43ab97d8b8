// Turns the text of a CSV file into a table: its cells column by column (column.ts) and, on
// request, rows keyed by column name, each with the line number a counsellor sees in Excel.
// Separator `;` (Dutch Excel) or `,`, detected from the header.
import { parse } from "csv-parse/sync";
import { CsvColumn, type Columnar } from "./column.ts";
import { problem, type Problem } from "./problem.ts";

export interface CsvRow {
  /** Line number of the row's first line in the file (header = line 1). */
  regel: number;
  values: Record<string, string>;
}

export interface CsvTable {
  bestand: string;
  header: string[];
  /** For a parsed CSV file made on first use from its columns (see `columnsOf`). */
  rows: CsvRow[];
  /** Line of the header row; 1 unless a sheet starts lower down. */
  kopregel?: number;
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; problems: Problem[] };

// The columns of a table, beside its row objects: validate reads meldingen by column (see
// column.ts). Parsed CSV files are stored as columns only and make their rows on request;
// tables built from rows (workbooks, tests) get their columns on request.
const columnar = new WeakMap<CsvTable, Columnar>();

/** A table stored as columns; `rows` is made from them on first use. */
function columnTable(bestand: string, header: string[], data: Columnar): CsvTable {
  let rows: CsvRow[] | undefined;
  const table = { bestand, header } as CsvTable;
  Object.defineProperty(table, "rows", { enumerable: true, get: () => (rows ??= rowsOf(header, data)) });
  columnar.set(table, data);
  return table;
}

/** The table's cells by column (per header position) and its rows' line numbers. */
export function columnsOf(table: CsvTable): Columnar {
  let data = columnar.get(table);
  if (!data) {
    const columns = table.header.map(() => new CsvColumn());
    for (const row of table.rows) table.header.forEach((h, i) => columns[i]!.push(row.values[h] ?? ""));
    data = { regels: table.rows.map((r) => r.regel), columns };
    columnar.set(table, data);
  }
  return data;
}

function rowsOf(header: string[], data: Columnar): CsvRow[] {
  return data.regels.map((regel, k) => {
    const values: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) values[header[i]!] = data.columns[i]!.text(k);
    return { regel, values };
  });
}

/** Count separators in the header line outside quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

export function detectSeparator(text: string): ";" | "," | null {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const semi = countOutsideQuotes(firstLine, ";");
  const comma = countOutsideQuotes(firstLine, ",");
  if (semi > 0 && comma === 0) return ";";
  if (comma > 0 && semi === 0) return ",";
  if (semi === 0 && comma === 0) return ","; // a single column: the separator does not matter
  return null; // both appear in the header: two readings are possible
}

/** The records as csv-parse reads them, or the refusal naming the line. */
function recordsOf(bestand: string, text: string, sep: ";" | ","): string[][] | CsvResult {
  try {
    // No `info`: csv-parse's line count is not used (see parseCsv), and an info object per
    // record was a tenth of ingest's time at a million rows.
    return parse(text, {
      delimiter: sep,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    return {
      ok: false,
      problems: [problem(bestand, err.lines ?? null, null, null, `dit is geen leesbaar CSV-bestand (${dutchCsvError(err.message ?? "")})`)],
    };
  }
}

/** `fastPath: false` reads every file through csv-parse (the tests compare both readings). */
export function parseCsv(bestand: string, text: string, separator?: ";" | ",", options: { fastPath?: boolean } = {}): CsvResult {
  if (text.trim() === "") {
    return {
      ok: false,
      problems: [problem(bestand, null, null, null, "het bestand is leeg; er hoort minstens een kopregel met kolomnamen in te staan")],
    };
  }
  const sep = separator ?? detectSeparator(text);
  if (sep === null) {
    return {
      ok: false,
      problems: [
        problem(
          bestand,
          1,
          null,
          null,
          "de kopregel bevat zowel ';' als ','; geef het scheidingsteken op met --scheidingsteken ';' of --scheidingsteken ','",
        ),
      ],
    };
  }
  const plain = options.fastPath === false ? null : plainLineEnd(text);
  let records: string[][] | null = null;
  if (plain === null) {
    const read = recordsOf(bestand, text, sep);
    if (!Array.isArray(read)) return read;
    records = read;
  }
  let header: string[] | null = null;
  const regels: number[] = [];
  let columns: CsvColumn[] = [];
  const problems: Problem[] = [];
  // Each record takes one line plus the line breaks inside its quoted cells. (csv-parse's own
  // info.lines counts a CRLF inside quotes as two lines, which puts every later row one off.)
  let line = 1;
  const take = (record: string[], spanned: number): void => {
    const start = line;
    line += spanned;
    if (header === null) {
      // Excel leaves empty columns at the right and empty rows at the bottom: drop them.
      header = trimTrailingEmpty(record.map((h) => h.trim()));
      columns = header.map(() => new CsvColumn());
      return;
    }
    const cells = trimTrailingEmpty(record);
    if (allBlank(cells)) return;
    if (cells.length > header.length) {
      problems.push(problem(bestand, start, null, null, `de regel heeft ${cells.length} velden, de kopregel maar ${header.length}`));
      return;
    }
    for (let i = 0; i < columns.length; i++) columns[i]!.push(i < cells.length ? cells[i]!.trim() : "");
    regels.push(start);
  };
  if (records !== null) {
    for (const record of records) take(record, spannedLines(record));
  } else {
    // The common case, a file without a single quote: every line is one record and its cells
    // are the text between separators, exactly as csv-parse reads it (tests/ingest/csv-fast-path).
    const eol = plain!;
    const end = text.length;
    let from = 0;
    while (from < end) {
      let to = text.indexOf(eol, from);
      if (to < 0) to = end;
      take(text.slice(from, to).split(sep), 1);
      from = to + eol.length;
    }
  }
  if (header === null) {
    return { ok: false, problems: [problem(bestand, null, null, null, "het bestand is leeg")] };
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, table: columnTable(bestand, header, { regels, columns }) };
}

/**
 * The line end of a file that csv-parse would read as plain lines split at the separator:
 * no quote anywhere, no BOM character at the start, and one kind of line end throughout
 * ("\n", or "\r\n" for every line). Anything else (null) goes through csv-parse.
 */
export function plainLineEnd(text: string): "\n" | "\r\n" | null {
  if (text.includes('"') || text.charCodeAt(0) === 0xfeff) return null;
  if (!text.includes("\r")) return "\n";
  let i = text.indexOf("\r");
  let n = 0;
  while (i >= 0) {
    if (text.charCodeAt(i + 1) !== 10) return null;
    n++;
    i = text.indexOf("\r", i + 2);
  }
  let lf = 0;
  for (let j = text.indexOf("\n"); j >= 0; j = text.indexOf("\n", j + 1)) lf++;
  return lf === n ? "\r\n" : null;
}

function allBlank(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== "") return false;
  return true;
}

function spannedLines(cells: string[]): number {
  let n = 1;
  for (const c of cells) if (c.includes("\n") || c.includes("\r")) n += c.match(/\r\n|\r|\n/g)!.length;
  return n;
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? "").trim() === "") end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

function dutchCsvError(message: string): string {
  if (/quote/i.test(message)) return "een aanhalingsteken wordt niet afgesloten";
  return message;
}
