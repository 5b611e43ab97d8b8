// activiteiten.csv, klachten.csv and historie.csv.
import {
  ACTIVITEITEN,
  REEKSEN,
  type Maand,
  type Activiteit,
  type ActiviteitRegel,
  type HistorieRegel,
  type Klacht,
  type Reeks,
  type Vertrouwenspersoon,
} from "../domain.ts";
import type { CsvTable } from "../ingest/csv.ts";
import type { Problem } from "../ingest/problem.ts";
import { enumChoices, parseCode, parseGeheel, parseJaar, parseJaNee, parseMaand, parseUren } from "./fields.ts";
import { readRows } from "./rows.ts";
import { activeInYear } from "./vertrouwenspersonen.ts";

export const ACTIVITEIT_COLUMNS = ["jaar", "vertrouwenspersoon", "activiteit", "uren"] as const;
export const KLACHT_COLUMNS = ["id", "datum", "ontvankelijk", "advies"] as const;
export const HISTORIE_COLUMNS = ["jaar", "reeks", "waarde", "bron"] as const;
export const ADVIEZEN = ["gegrond", "ongegrond", "deels-gegrond", "ingetrokken"] as const;

/** A year's hours for one activity above this are not plausible for one counsellor. */
export const MAX_ACTIVITEIT_UREN = 500;

export function validateActiviteiten(table: CsvTable, problems: Problem[], vps: Vertrouwenspersoon[], names: string[]): ActiviteitRegel[] {
  const byCode = new Map(vps.map((vp) => [vp.code, vp]));
  // One row per year, counsellor and activity: a second one is mostly a row copied twice.
  const seen = new Map<string, number>();
  return readRows(table, ACTIVITEIT_COLUMNS, problems, names, (r) => {
    const jaar = r.field("jaar", parseJaar);
    const code = r.raw("vertrouwenspersoon");
    const vp = byCode.get(code);
    if (!vp) r.report("vertrouwenspersoon", `onbekende vertrouwenspersoon; bekend zijn: ${[...byCode.keys()].join(", ")}`);
    else if (jaar !== undefined && !activeInYear(vp, jaar)) r.report("vertrouwenspersoon", `${code} was in ${jaar} niet actief`);
    const activiteit = r.field("activiteit", (t) => parseCode(t, enumChoices(ACTIVITEITEN))) as Activiteit | undefined;
    const uren = r.field("uren", parseUren);
    if (uren !== undefined && uren > MAX_ACTIVITEIT_UREN)
      r.report("uren", `meer dan ${MAX_ACTIVITEIT_UREN} uur per jaar aan één activiteit is niet aannemelijk`);
    if (jaar !== undefined && vp && activiteit) {
      const key = `${jaar}/${code}/${activiteit}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        r.report("activiteit", `${code}, ${activiteit}, ${jaar} staat ook op regel ${earlier}; tel de uren op in één regel`);
      else seen.set(key, r.regel);
    }
    if (jaar === undefined || !vp || !activiteit || uren === undefined) return undefined;
    return { jaar, vertrouwenspersoon: code, activiteit, uren };
  });
}

export function validateKlachten(table: CsvTable, problems: Problem[], names: string[], vandaag?: Maand): Klacht[] {
  const ids = new Set<string>();
  return readRows(table, KLACHT_COLUMNS, problems, names, (r) => {
    const id = r.raw("id");
    if (id === "") r.report("id", "elke klacht heeft een unieke code nodig");
    else if (ids.has(id)) r.report("id", "deze id staat al eerder in het bestand");
    ids.add(id);
    const datum = r.field("datum", parseMaand);
    if (datum && vandaag && datum.jaar * 12 + datum.maand > vandaag.jaar * 12 + vandaag.maand)
      r.report("datum", "deze datum ligt in de toekomst");
    const ontvankelijk = r.field("ontvankelijk", (t) => parseJaNee(t, "leeg"));
    const adviesText = r.raw("advies");
    const advies = adviesText === "" ? null : r.field("advies", (t) => parseCode(t, enumChoices(ADVIEZEN)));
    if (ontvankelijk === false && advies !== null && advies !== undefined && advies !== "ingetrokken") {
      r.report("advies", "een niet-ontvankelijke klacht krijgt geen advies over de inhoud");
    }
    if (!datum || ontvankelijk === undefined || advies === undefined) return undefined;
    return { id, datum, ontvankelijk, advies };
  });
}

export function validateHistorie(table: CsvTable, problems: Problem[]): HistorieRegel[] {
  const seen = new Set<string>();
  return readRows(table, HISTORIE_COLUMNS, problems, [], (r) => {
    const jaar = r.field("jaar", parseJaar);
    const reeks = r.field("reeks", (t) => parseCode(t, enumChoices(REEKSEN))) as Reeks | undefined;
    const waarde = r.field("waarde", parseGeheel);
    const bron = r.raw("bron");
    if (bron === "") r.report("bron", "vermeld waar dit cijfer gepubliceerd is");
    const key = `${jaar}/${reeks}`;
    if (seen.has(key)) r.report("jaar", `${reeks} voor ${jaar} staat er twee keer in`);
    seen.add(key);
    if (jaar === undefined || !reeks || waarde === undefined) return undefined;
    return { jaar, reeks, waarde, bron };
  });
}
