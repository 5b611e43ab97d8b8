// The edge where files come in: read every input file as bytes, nothing more.
// Parsing and checking happen in pure functions on what this returns.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { VerslagSoort } from "../domain.ts";

export const TABLE_FILES = [
  "meldingen.csv",
  "vertrouwenspersonen.csv",
  "activiteiten.csv",
  "klachten.csv",
  "historie.csv",
  "vocabulaire.csv",
] as const;
export type TableFile = (typeof TABLE_FILES)[number];

/** The name of a table without `.csv`: the name of its `.xlsx` file and of its sheet. */
export function tableName(file: TableFile): string {
  return file.slice(0, -".csv".length);
}

/** One workbook with a sheet per table. */
export const REGISTRATIE_XLSX = "registratie.xlsx";

export interface RawFile {
  bestand: string; // as shown to the user, relative to the data folder
  bytes: Uint8Array;
}

export interface RawInput {
  /** `meldingen.csv` and so on. */
  tables: Partial<Record<TableFile, RawFile>>;
  /** `meldingen.xlsx` and so on: one workbook per table, in place of (never beside) its CSV. */
  werkboeken?: Partial<Record<TableFile, RawFile>>;
  /** `registratie.xlsx`: one workbook with a sheet per table. */
  registratie?: RawFile | null;
  /** Every file name in the data folder, for hints when a table is missing ("Meldingen.CSV"). */
  bestandsnamen?: string[];
  instellingen: RawFile | null;
  /** Optional `personeel.csv`: staff per year. */
  personeel?: RawFile | null;
  verslagen: (RawFile & { jaar: number; soort?: VerslagSoort })[];
}

/** The folders of the texts: the VPOO's own, and those of the VPI and the klachtencommissie. */
const VERSLAG_MAPPEN: { map: string; soort?: VerslagSoort }[] = [
  { map: "verslag" },
  { map: "verslag-vpi", soort: "vpi" },
  { map: "verslag-klachtencommissie", soort: "klachtencommissie" },
];

export function readRawInput(dir: string): RawInput {
  const tables: Partial<Record<TableFile, RawFile>> = {};
  const werkboeken: Partial<Record<TableFile, RawFile>> = {};
  const read = (name: string): RawFile | null => {
    const path = join(dir, name);
    return existsSync(path) && statSync(path).isFile() ? { bestand: name, bytes: readFileSync(path) } : null;
  };
  for (const name of TABLE_FILES) {
    const csv = read(name);
    if (csv) tables[name] = csv;
    const xlsx = read(`${tableName(name)}.xlsx`);
    if (xlsx) werkboeken[name] = xlsx;
  }
  const registratie = read(REGISTRATIE_XLSX);
  const instellingen = read("instellingen.json");
  const personeel = read("personeel.csv");
  const verslagen: RawInput["verslagen"] = [];
  for (const { map, soort } of VERSLAG_MAPPEN) {
    const verslagDir = join(dir, map);
    if (!existsSync(verslagDir)) continue;
    for (const name of readdirSync(verslagDir).sort()) {
      const m = /^(\d{4})\.md$/.exec(name);
      if (m)
        verslagen.push({
          jaar: Number(m[1]),
          bestand: `${map}/${name}`,
          bytes: readFileSync(join(verslagDir, name)),
          ...(soort ? { soort } : {}),
        });
    }
  }
  const bestandsnamen = existsSync(dir) ? readdirSync(dir).sort() : [];
  return { tables, werkboeken, registratie, bestandsnamen, instellingen, verslagen, ...(personeel ? { personeel } : {}) };
}
