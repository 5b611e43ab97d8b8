// The edge where files come in: read every input file as bytes, nothing more.
// Parsing and checking happen in pure functions on what this returns.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

export const TABLE_FILES = [
  "meldingen.csv",
  "vertrouwenspersonen.csv",
  "activiteiten.csv",
  "klachten.csv",
  "historie.csv",
  "vocabulaire.csv",
] as const;
export type TableFile = (typeof TABLE_FILES)[number];

export interface RawFile {
  bestand: string; // as shown to the user, relative to the data folder
  bytes: Uint8Array;
}

export interface RawInput {
  tables: Partial<Record<TableFile, RawFile>>;
  instellingen: RawFile | null;
  verslagen: (RawFile & { jaar: number })[];
}

export function readRawInput(dir: string): RawInput {
  const tables: Partial<Record<TableFile, RawFile>> = {};
  for (const name of TABLE_FILES) {
    const path = join(dir, name);
    if (existsSync(path)) tables[name] = { bestand: name, bytes: readFileSync(path) };
  }
  const instPath = join(dir, "instellingen.json");
  const instellingen = existsSync(instPath) ? { bestand: "instellingen.json", bytes: readFileSync(instPath) } : null;
  const verslagDir = join(dir, "verslag");
  const verslagen: RawInput["verslagen"] = [];
  if (existsSync(verslagDir)) {
    for (const name of readdirSync(verslagDir).sort()) {
      const m = /^(\d{4})\.md$/.exec(name);
      if (m) verslagen.push({ jaar: Number(m[1]), bestand: `verslag/${name}`, bytes: readFileSync(join(verslagDir, name)) });
    }
  }
  return { tables, instellingen, verslagen };
}
