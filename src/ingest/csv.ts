// Turns the text of a CSV file into rows keyed by column name, each with the line number a
// counsellor sees in Excel. Separator `;` (Dutch Excel) or `,`, detected from the header.
import { parse } from "csv-parse/sync";
import { problem, type Problem } from "./problem.ts";

export interface CsvRow {
  /** Line number of the row's first line in the file (header = line 1). */
  regel: number;
  values: Record<string, string>;
}

export interface CsvTable {
  bestand: string;
  header: string[];
  rows: CsvRow[];
  /** Line of the header row; 1 unless a sheet starts lower down. */
  kopregel?: number;
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; problems: Problem[] };

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

export function parseCsv(bestand: string, text: string, separator?: ";" | ","): CsvResult {
  if (text.trim() === "") {
    return { ok: false, problems: [problem(bestand, null, null, null, "het bestand is leeg; er hoort minstens een kopregel met kolomnamen in te staan")] };
  }
  const sep = separator ?? detectSeparator(text);
  if (sep === null) {
    return {
      ok: false,
      problems: [
        problem(bestand, 1, null, null, "de kopregel bevat zowel ';' als ','; geef het scheidingsteken op met --scheidingsteken ';' of --scheidingsteken ','"),
      ],
    };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: sep,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    return {
      ok: false,
      problems: [problem(bestand, err.lines ?? null, null, null, `dit is geen leesbaar CSV-bestand (${dutchCsvError(err.message ?? "")})`)],
    };
  }
  const first = records[0];
  if (!first) {
    return { ok: false, problems: [problem(bestand, null, null, null, "het bestand is leeg")] };
  }
  // Excel leaves empty columns at the right and empty rows at the bottom: drop them.
  const header = trimTrailingEmpty(first.record.map((h) => h.trim()));
  const rows: CsvRow[] = [];
  const problems: Problem[] = [];
  // Each record takes one line plus the line breaks inside its quoted cells. (csv-parse's own
  // info.lines counts a CRLF inside quotes as two lines, which puts every later row one off.)
  let line = 1 + spannedLines(first.record);
  for (const rec of records.slice(1)) {
    const start = line;
    line += spannedLines(rec.record);
    const cells = trimTrailingEmpty(rec.record);
    if (cells.every((c) => c.trim() === "")) continue;
    if (cells.length > header.length) {
      problems.push(problem(bestand, start, null, null, `de regel heeft ${cells.length} velden, de kopregel maar ${header.length}`));
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      values[h] = (cells[i] ?? "").trim();
    });
    rows.push({ regel: start, values });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, table: { bestand, header, rows } };
}

function spannedLines(cells: string[]): number {
  return 1 + cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? "").trim() === "") end--;
  return cells.slice(0, end);
}

function dutchCsvError(message: string): string {
  if (/quote/i.test(message)) return "een aanhalingsteken wordt niet afgesloten";
  return message;
}
