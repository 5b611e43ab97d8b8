import { HERKOMSTEN, REGELINGEN, type Herkomst, type Maand, type Regeling, type Vertrouwenspersoon } from "../domain.ts";
import type { CsvTable } from "../ingest/csv.ts";
import type { Problem } from "../ingest/problem.ts";
import { enumChoices, parseCode, parseMaand } from "./fields.ts";
import { readRows } from "./rows.ts";

export const VP_COLUMNS = ["code", "groep", "regeling", "actief_van", "actief_tot"] as const;

export function validateVertrouwenspersonen(table: CsvTable, problems: Problem[], names: string[]): Vertrouwenspersoon[] {
  const seen = new Set<string>();
  return readRows(table, VP_COLUMNS, problems, names, (r) => {
    const code = r.raw("code");
    if (!/^[A-Za-z0-9-]{1,20}$/.test(code))
      r.report("code", "een vertrouwenspersoon heeft een pseudoniem als code (letters, cijfers, streepjes), zoals VP-A1");
    if (seen.has(code)) r.report("code", "deze code staat al eerder in het bestand");
    seen.add(code);
    const groep = r.field("groep", (t) => parseCode(t, enumChoices(HERKOMSTEN))) as Herkomst | undefined;
    const regeling = r.field("regeling", (t) => parseCode(t, enumChoices(REGELINGEN))) as Regeling | undefined;
    const actiefVan = r.field("actief_van", parseMaand);
    const actiefTot: Maand | null | undefined = r.raw("actief_tot") === "" ? null : r.field("actief_tot", parseMaand);
    if (actiefVan && actiefTot && actiefTot.jaar * 12 + actiefTot.maand < actiefVan.jaar * 12 + actiefVan.maand) {
      r.report("actief_tot", "ligt vóór actief_van");
    }
    if (!groep || !regeling || !actiefVan || actiefTot === undefined) return undefined;
    return { code, groep, regeling, actiefVan, actiefTot };
  });
}

export function activeInMonth(vp: Vertrouwenspersoon, m: Maand): boolean {
  const x = m.jaar * 12 + m.maand;
  const from = vp.actiefVan.jaar * 12 + vp.actiefVan.maand;
  const to = vp.actiefTot ? vp.actiefTot.jaar * 12 + vp.actiefTot.maand : Infinity;
  return x >= from && x <= to;
}

export function activeInYear(vp: Vertrouwenspersoon, jaar: number): boolean {
  return vp.actiefVan.jaar <= jaar && (vp.actiefTot === null || vp.actiefTot.jaar >= jaar);
}
