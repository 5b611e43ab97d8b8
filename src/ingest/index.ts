// ingest: bytes → text → rows with line numbers. No meaning is given to values here.
import { decodeBytes, looksBinary } from "./decode.ts";
import { parseCsv, type CsvTable } from "./csv.ts";
import { parseVerslag } from "./front-matter.ts";
import { problem, type Problem } from "./problem.ts";
import { TABLE_FILES, type RawInput, type TableFile } from "./raw-input.ts";
import type { Verslagtekst } from "../domain.ts";

export interface Ingested {
  tables: Partial<Record<TableFile, CsvTable>>;
  instellingen: { bestand: string; json: unknown } | null;
  verslagen: Verslagtekst[];
  problems: Problem[];
}

export function ingest(raw: RawInput, options: { separator?: ";" | "," } = {}): Ingested {
  const problems: Problem[] = [];
  const tables: Ingested["tables"] = {};
  for (const name of TABLE_FILES) {
    const file = raw.tables[name];
    if (!file) {
      problems.push(problem(name, null, null, null, "dit bestand ontbreekt in de gegevensmap"));
      continue;
    }
    if (looksBinary(file.bytes)) {
      problems.push(problem(file.bestand, null, null, null, "dit is geen CSV-bestand (het bevat binaire gegevens); sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'"));
      continue;
    }
    const result = parseCsv(file.bestand, decodeBytes(file.bytes).text, options.separator);
    if (result.ok) tables[name] = result.table;
    else problems.push(...result.problems);
  }
  let instellingen: Ingested["instellingen"] = null;
  if (!raw.instellingen) {
    problems.push(problem("instellingen.json", null, null, null, "dit bestand ontbreekt in de gegevensmap"));
  } else {
    try {
      instellingen = { bestand: raw.instellingen.bestand, json: JSON.parse(decodeBytes(raw.instellingen.bytes).text) };
    } catch (e) {
      problems.push(problem(raw.instellingen.bestand, null, null, null, `geen geldige JSON: ${(e as Error).message}`));
    }
  }
  const verslagen: Verslagtekst[] = [];
  for (const v of raw.verslagen) {
    const result = parseVerslag(v.bestand, v.jaar, decodeBytes(v.bytes).text);
    if (result.ok) verslagen.push(result.verslag);
    else problems.push(...result.problems);
  }
  return { tables, instellingen, verslagen, problems };
}
