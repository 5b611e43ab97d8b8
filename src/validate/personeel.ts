// personeel.csv (optional): the headcount per year, as HR has it, so that meldingen can be
// read per 100 staff. One row per year.
import type { PersoneelJaar } from "../domain.ts";
import type { CsvTable } from "../ingest/csv.ts";
import type { Problem } from "../ingest/problem.ts";
import { parseGeheel, parseJaar } from "./fields.ts";
import { readRows } from "./rows.ts";

const PERSONEEL_COLUMNS = ["jaar", "aantal"] as const;

export function validatePersoneel(table: CsvTable, problems: Problem[], names: string[]): PersoneelJaar[] {
  const seen = new Map<number, number>();
  return readRows(table, PERSONEEL_COLUMNS, problems, names, (r) => {
    const jaar = r.field("jaar", parseJaar);
    const aantal = r.field("aantal", parseGeheel);
    if (aantal === 0) r.report("aantal", "het aantal medewerkers is 0; laat het jaar weg als het aantal niet bekend is");
    if (jaar !== undefined) {
      const earlier = seen.get(jaar);
      if (earlier !== undefined) r.report("jaar", `${jaar} staat ook op regel ${earlier}; geef per jaar één aantal medewerkers`);
      else seen.set(jaar, r.regel);
    }
    if (jaar === undefined || aantal === undefined || aantal === 0) return undefined;
    return { jaar, aantal };
  });
}
