// Excel workbooks (.xlsx) read directly, with exceljs: every sheet becomes the same CsvTable a
// CSV file gives, with Excel's own row numbers. Cell types are turned into the text the data
// contract describes (a date as DD-MM-JJJJ, a number with a decimal comma, true as "ja"), so
// validate sees one kind of input. Parsing a workbook is asynchronous: `readSheets` is the
// step before the (synchronous) `ingest`.
// Types only: exceljs itself (~0.4 s to load) is loaded when a workbook is read, so that the
// common case, CSV files, does not wait for it.
import type ExcelJS from "exceljs";
import type { CsvRow, CsvTable } from "./csv.ts";
import { problem, type Problem } from "./problem.ts";
import { REGISTRATIE_XLSX, TABLE_FILES, tableName, type RawFile, type RawInput, type TableFile } from "./raw-input.ts";

/** Sheets of the registration template that are not tables: never read. */
const NON_TABLE_SHEETS = ["Codes", "Uitleg"] as const;

export interface Sheet {
  naam: string;
  /** As shown in messages: "registratie.xlsx, tabblad meldingen". */
  bestand: string;
  /** null when the sheet holds nothing at all. */
  table: CsvTable | null;
  problems: Problem[];
}

export type WorkbookResult = { ok: true; sheets: Sheet[] } | { ok: false; problems: Problem[] };

/** Where a table comes from when it comes from a workbook. */
export interface SheetSource {
  bestand: string;
  table: CsvTable | null;
  problems: Problem[];
}

export interface SheetInput {
  sources: Partial<Record<TableFile, SheetSource[]>>;
  /** Problems with a workbook as a whole (unreadable, unknown sheet). */
  problems: Problem[];
}

export type CellText = { ok: true; text: string } | { ok: false; text: string; error: string };

const pad = (n: number) => String(n).padStart(2, "0");

/** A date as the contract writes it: DD-MM-JJJJ (exceljs gives Excel dates as UTC midnight). */
export function dateText(d: Date): string {
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
}

/**
 * A number as the contract writes it: no float noise, a decimal comma ("2,5", "16"). Exactly
 * three decimals get a fourth zero ("1,1250"): in text, "1,125" could also be 1125.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)))).replace(".", ",");
  return /,\d{3}$/.test(s) ? `${s}0` : s;
}

/** The text of one cell value, whatever its Excel type. */
export function cellText(value: unknown): CellText {
  if (value === null || value === undefined) return { ok: true, text: "" };
  if (typeof value === "string") return { ok: true, text: value };
  if (typeof value === "number") return { ok: true, text: numberText(value) };
  if (typeof value === "boolean") return { ok: true, text: value ? "ja" : "nee" };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, text: "", error: "de cel bevat een ongeldige datum" };
    return { ok: true, text: dateText(value) };
  }
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v["richText"])) {
      return { ok: true, text: (v["richText"] as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join("") };
    }
    if ("error" in v) {
      const code = String(v["error"]);
      return { ok: false, text: code, error: `de cel bevat de Excel-foutwaarde ${code}; vul een waarde in of herstel de formule` };
    }
    if ("formula" in v || "sharedFormula" in v) {
      if (!("result" in v) || v["result"] === undefined) {
        return {
          ok: false,
          text: "",
          error: "de cel bevat een formule zonder berekende waarde; open het werkboek in Excel en sla het opnieuw op",
        };
      }
      return cellText(v["result"]);
    }
    if ("hyperlink" in v || "text" in v) return cellText(v["text"]);
  }
  return { ok: false, text: "", error: "de inhoud van deze cel kan niet worden gelezen; typ de waarde opnieuw" };
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface ReadCell {
  col: number;
  address: string;
  text: CellText;
  /** The first cell of a merged range this cell is part of (not itself). */
  mergedInto: string | null;
}

function rowCells(row: ExcelJS.Row): ReadCell[] {
  const cells: ReadCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const merged = cell.isMerged && cell.master.address !== cell.address;
    cells.push({
      col,
      address: cell.address,
      text: merged ? { ok: true, text: "" } : cellText(cell.value),
      mergedInto: merged ? cell.master.address : null,
    });
  });
  return cells;
}

const isBlank = (c: ReadCell) => c.mergedInto === null && c.text.ok && c.text.text.trim() === "";

/** One worksheet → the CsvTable its CSV export would give; row numbers are Excel's. */
function sheetTable(bestand: string, ws: ExcelJS.Worksheet): { table: CsvTable | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: { number: number; cells: ReadCell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = rowCells(row);
    if (cells.some((c) => !isBlank(c))) rows.push({ number, cells });
  });
  const headRow = rows[0];
  if (!headRow) return { table: null, problems };
  const kopregel = headRow.number;
  const header: string[] = [];
  for (const c of headRow.cells) {
    if (!c.text.ok || c.mergedInto !== null) {
      problems.push(
        problem(
          bestand,
          kopregel,
          null,
          c.text.text || null,
          c.text.ok ? `cel ${c.address} is samengevoegd met ${c.mergedInto}; maak de samenvoeging ongedaan` : c.text.error,
        ),
      );
    }
    header[c.col - 1] = c.text.text.trim();
  }
  for (let i = 0; i < header.length; i++) header[i] ??= "";
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  const out: CsvRow[] = [];
  for (const row of rows.slice(1)) {
    const values: Record<string, string> = Object.fromEntries(header.map((h) => [h, ""]));
    let extra = false;
    for (const c of row.cells) {
      const kolom = header[c.col - 1];
      if (kolom === undefined) {
        if (!isBlank(c)) {
          extra = true;
          problems.push(
            problem(
              bestand,
              row.number,
              columnLetter(c.col),
              c.text.text,
              `cel ${c.address} heeft een waarde, maar kolom ${columnLetter(c.col)} heeft geen naam in de kopregel (regel ${kopregel})`,
            ),
          );
        }
        continue;
      }
      if (c.mergedInto !== null) {
        problems.push(
          problem(
            bestand,
            row.number,
            kolom || columnLetter(c.col),
            null,
            `cel ${c.address} is samengevoegd met ${c.mergedInto}; maak de samenvoeging ongedaan en vul elke cel apart in`,
          ),
        );
        continue;
      }
      if (!c.text.ok) problems.push(problem(bestand, row.number, kolom || columnLetter(c.col), c.text.text || null, c.text.error));
      values[kolom] = c.text.text.trim();
    }
    if (!extra) out.push({ regel: row.number, values });
  }
  return { table: { bestand, header, rows: out, kopregel }, problems };
}

const norm = (s: string) => s.trim().toLowerCase();
const isNonTable = (naam: string) => NON_TABLE_SHEETS.some((n) => norm(n) === norm(naam));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP);
export const isOle = (bytes: Uint8Array): boolean => startsWith(bytes, OLE);

/** Every sheet of a workbook, in Excel's order. Never throws: an unreadable file gives problems. */
export async function readWorkbook(file: RawFile): Promise<WorkbookResult> {
  const fail = (melding: string): WorkbookResult => ({ ok: false, problems: [problem(file.bestand, null, null, null, melding)] });
  if (file.bytes.length === 0) return fail("het bestand is leeg");
  if (isOle(file.bytes))
    return fail(
      "dit is een oud Excel-bestand (.xls) of een werkboek met een wachtwoord; sla het in Excel op als 'Excel-werkmap (*.xlsx)' zonder wachtwoord",
    );
  if (!isZip(file.bytes)) return fail("dit is geen Excel-werkboek (.xlsx); sla het in Excel op als 'Excel-werkmap (*.xlsx)'");
  const { default: excel } = await import("exceljs");
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
  } catch {
    return fail(
      "dit Excel-werkboek kan niet worden gelezen (beschadigd, of geen .xlsx); open het in Excel en sla het opnieuw op als 'Excel-werkmap (*.xlsx)'",
    );
  }
  const sheets: Sheet[] = [];
  try {
    for (const ws of wb.worksheets) {
      const bestand = `${file.bestand}, tabblad ${ws.name}`;
      // The template's "Codes" and "Uitleg" are for people, not tables: never read.
      if (isNonTable(ws.name)) sheets.push({ naam: ws.name, bestand, table: null, problems: [] });
      else sheets.push({ naam: ws.name, bestand, ...sheetTable(bestand, ws) });
    }
  } catch {
    return fail("dit Excel-werkboek kan niet worden gelezen (beschadigd); open het in Excel en sla het opnieuw op");
  }
  return { ok: true, sheets };
}

/** The sheet of a one-table workbook (`meldingen.xlsx`): the sheet named after the table, else the only sheet with data. */
export function pickSheet(file: TableFile, bestand: string, sheets: Sheet[]): SheetSource {
  const name = tableName(file);
  const named = sheets.filter((s) => norm(s.naam) === name);
  if (named.length === 1) return fromSheet(named[0]!);
  const candidates = sheets.filter((s) => !isNonTable(s.naam));
  const filled = candidates.filter((s) => s.table !== null);
  if (filled.length === 1) return fromSheet(filled[0]!);
  if (filled.length === 0)
    return {
      bestand,
      table: null,
      problems: [problem(bestand, null, null, null, "het werkboek is leeg; er hoort minstens een kopregel met kolomnamen in te staan")],
    };
  return {
    bestand,
    table: null,
    problems: [
      problem(
        bestand,
        null,
        null,
        null,
        `het werkboek heeft meer dan één gevuld tabblad (${filled.map((s) => s.naam).join(", ")}); geef het tabblad met de gegevens de naam "${name}" of verwijder de andere tabbladen`,
      ),
    ],
  };
}

function fromSheet(s: Sheet): SheetSource {
  if (s.table === null)
    return {
      bestand: s.bestand,
      table: null,
      problems: [
        ...s.problems,
        problem(s.bestand, null, null, null, "het tabblad is leeg; er hoort minstens een kopregel met kolomnamen in te staan"),
      ],
    };
  return { bestand: s.bestand, table: s.table, problems: s.problems };
}

/** Reads every workbook of the input; the asynchronous step before `ingest`. */
export async function readSheets(raw: RawInput): Promise<SheetInput> {
  const sources: SheetInput["sources"] = {};
  const problems: Problem[] = [];
  const add = (file: TableFile, s: SheetSource) => (sources[file] ??= []).push(s);
  for (const file of TABLE_FILES) {
    const wbFile = raw.werkboeken?.[file];
    if (!wbFile) continue;
    const wb = await readWorkbook(wbFile);
    add(file, wb.ok ? pickSheet(file, wbFile.bestand, wb.sheets) : { bestand: wbFile.bestand, table: null, problems: wb.problems });
  }
  if (raw.registratie) {
    const wb = await readWorkbook(raw.registratie);
    if (!wb.ok) problems.push(...wb.problems);
    else {
      for (const s of wb.sheets) {
        const file = TABLE_FILES.find((f) => tableName(f) === norm(s.naam));
        if (file) add(file, fromSheet(s));
        else if (!isNonTable(s.naam) && (s.table !== null || s.problems.length > 0)) {
          problems.push(
            problem(
              s.bestand,
              null,
              null,
              null,
              `onbekend tabblad "${s.naam}"; ${REGISTRATIE_XLSX} heeft alleen de tabbladen ${TABLE_FILES.map(tableName).join(", ")} (en ${NON_TABLE_SHEETS.join(" en ")}, die niet worden gelezen). Verwijder het tabblad of geef het de naam van een tabel`,
            ),
          );
        }
      }
    }
  }
  return { sources, problems };
}
