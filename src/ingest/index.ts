// ingest: bytes → text → rows with line numbers. No meaning is given to values here.
// Each table comes from exactly one place: `meldingen.csv`, `meldingen.xlsx` or the sheet
// `meldingen` of `registratie.xlsx`. Two places for one table are two readings: refused.
import { jsonErrorPlace } from "./json-error.ts";
import { decodeBytes, looksBinary } from "./decode.ts";
import { parseCsv, type CsvTable } from "./csv.ts";
import { parseVerslag } from "./front-matter.ts";
import { problem, type Problem } from "./problem.ts";
import { REGISTRATIE_XLSX, TABLE_FILES, tableName, type RawFile, type RawInput, type TableFile } from "./raw-input.ts";
import { isOle, isZip, readSheets, type SheetInput, type SheetSource } from "./xlsx.ts";
import type { Verslagtekst } from "../domain.ts";

export interface Ingested {
  tables: Partial<Record<TableFile, CsvTable>>;
  instellingen: { bestand: string; json: unknown } | null;
  verslagen: Verslagtekst[];
  /** The optional personeel.csv. */
  personeel?: CsvTable;
  problems: Problem[];
}

export interface IngestOptions {
  separator?: ";" | ",";
  /** The workbooks of the input, read by `readSheets` (asynchronous) beforehand. */
  sheets?: SheetInput;
}

/** ingest with the workbooks read first: what the pipeline calls. */
export async function ingestAll(raw: RawInput, options: Omit<IngestOptions, "sheets"> = {}): Promise<Ingested> {
  return ingest(raw, { ...options, sheets: await readSheets(raw) });
}

export function ingest(raw: RawInput, options: IngestOptions = {}): Ingested {
  const hasWorkbooks = raw.registratie || Object.keys(raw.werkboeken ?? {}).length > 0;
  if (hasWorkbooks && !options.sheets) throw new Error("ingest: workbooks in the input; call ingestAll (or readSheets first)");
  const problems: Problem[] = [...(options.sheets?.problems ?? [])];
  const tables: Ingested["tables"] = {};
  for (const name of TABLE_FILES) {
    const csv = raw.tables[name];
    const sheets: SheetSource[] = options.sheets?.sources[name] ?? [];
    const places = [...(csv ? [csv.bestand] : []), ...sheets.map((s) => s.bestand)];
    if (places.length === 0) {
      problems.push(problem(name, null, null, null, missingMessage(name, raw.bestandsnamen ?? [])));
      continue;
    }
    if (places.length > 1) {
      problems.push(
        problem(
          places[0]!,
          null,
          null,
          null,
          `de tabel ${tableName(name)} staat op meer dan één plaats (${places.join("; ")}); laat er één over, zodat vaststaat welke gegevens gelden`,
        ),
      );
      continue;
    }
    if (csv) {
      const result = readCsvFile(csv, options.separator);
      if (result.ok) tables[name] = result.table;
      else problems.push(...result.problems);
    } else {
      const s = sheets[0]!;
      problems.push(...s.problems);
      if (s.table) tables[name] = s.table;
    }
  }
  let instellingen: Ingested["instellingen"] = null;
  if (!raw.instellingen) {
    problems.push(problem("instellingen.json", null, null, null, "dit bestand ontbreekt in de gegevensmap"));
  } else {
    try {
      instellingen = { bestand: raw.instellingen.bestand, json: JSON.parse(decodeBytes(raw.instellingen.bytes).text) };
    } catch (e) {
      const place = jsonErrorPlace(decodeBytes(raw.instellingen.bytes).text, (e as Error).message);
      problems.push(problem(raw.instellingen.bestand, place.regel, null, null, `geen geldige JSON: ${place.detail}`));
    }
  }
  const verslagen: Verslagtekst[] = [];
  for (const v of raw.verslagen) {
    const result = parseVerslag(v.bestand, v.jaar, decodeBytes(v.bytes).text);
    if (result.ok) verslagen.push(v.soort ? { ...result.verslag, soort: v.soort } : result.verslag);
    else problems.push(...result.problems);
  }
  let personeel: CsvTable | undefined;
  if (raw.personeel) {
    const result = readCsvFile(raw.personeel, options.separator);
    if (result.ok) personeel = result.table;
    else problems.push(...result.problems);
  }
  return { tables, instellingen, verslagen, ...(personeel ? { personeel } : {}), problems };
}

function readCsvFile(file: RawFile, separator: ";" | "," | undefined): { ok: true; table: CsvTable } | { ok: false; problems: Problem[] } {
  const fail = (melding: string) => ({ ok: false as const, problems: [problem(file.bestand, null, null, null, melding)] });
  if (isZip(file.bytes)) {
    return fail(
      `dit is geen CSV-bestand maar een Excel-werkboek of ander zip-bestand; sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)', of geef het de naam ${file.bestand.replace(/\.csv$/, ".xlsx")}`,
    );
  }
  if (isOle(file.bytes))
    return fail(
      "dit is geen CSV-bestand maar een oud Excel- of Word-bestand; sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'",
    );
  if (looksBinary(file.bytes)) {
    return fail(
      "dit is geen CSV-bestand (het bevat binaire gegevens); sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'",
    );
  }
  return parseCsv(file.bestand, decodeBytes(file.bytes).text, separator);
}

/** "ontbreekt", with a hint when a file of nearly that name is there (Meldingen.CSV, meldingen.xls). */
function missingMessage(name: TableFile, present: string[]): string {
  const base = tableName(name);
  const where = `lever de tabel aan als ${name}, als ${base}.xlsx of als tabblad "${base}" in ${REGISTRATIE_XLSX}`;
  const near = present.filter(
    (f) =>
      f
        .toLowerCase()
        .replace(/\.[^.]*$/, "")
        .trim() === base,
  );
  if (near.length > 0)
    return `dit bestand ontbreekt in de gegevensmap; wel gevonden: ${near.join(", ")}. ${where[0]!.toUpperCase()}${where.slice(1)} (let op kleine letters en de extensie)`;
  return `dit bestand ontbreekt in de gegevensmap; ${where}`;
}
