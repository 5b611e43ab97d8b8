// Workbooks built in code for the tests: a table of rows (first row the header) becomes a sheet,
// with cells typed as Excel stores them after a counsellor typed them (dates as dates, hours and
// years as numbers), or as plain text.
import ExcelJS from "exceljs";
import type { RawFile } from "../../src/ingest/raw-input.ts";
import type { Rows } from "../fixtures/make-fixtures.ts";

const DATE_COLUMNS = new Set(["datum", "actief_van", "actief_tot"]);
const NUMBER_COLUMNS = new Set(["uren", "jaar", "waarde", "geldig_van", "geldig_tot"]);

/** What Excel keeps of a typed text: a date for a date, a number for a number, else the text. */
function excelValue(column: string, text: string): ExcelJS.CellValue {
  if (text === "") return null;
  if (DATE_COLUMNS.has(column)) {
    let m: RegExpExecArray | null;
    if ((m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text))) return new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
    if ((m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text))) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1)));
  }
  if (NUMBER_COLUMNS.has(column) && /^-?\d+([.,]\d+)?$/.test(text)) return Number(text.replace(",", "."));
  return text;
}

export interface SheetSpec {
  name: string;
  rows: Rows | ExcelJS.CellValue[][];
  /** Type the cells as Excel would (default), or keep every cell text. */
  typed?: boolean;
  /** Empty rows above the header. */
  offset?: number;
}

export async function workbookBytes(sheets: SheetSpec[], edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    const header = (s.rows[0] ?? []) as string[];
    s.rows.forEach((row, i) => {
      const values = (row as ExcelJS.CellValue[]).map((c, j) =>
        i > 0 && s.typed !== false && typeof c === "string" ? excelValue(String(header[j]), c) : c,
      );
      const r = ws.getRow(i + 1 + (s.offset ?? 0));
      values.forEach((v, j) => {
        if (v !== null && v !== undefined) r.getCell(j + 1).value = v;
      });
    });
  }
  edit?.(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function workbookFile(bestand: string, sheets: SheetSpec[], edit?: (wb: ExcelJS.Workbook) => void): Promise<RawFile> {
  return { bestand, bytes: await workbookBytes(sheets, edit) };
}
