// vocabulaire.csv: every code with its Dutch label, validity, earlier labels, group and
// whether it counts in the year's total.
import { SOORTEN, type Soort, type Term } from "../domain.ts";
import type { CsvTable } from "../ingest/csv.ts";
import type { Problem } from "../ingest/problem.ts";
import { enumChoices, parseCode, parseJaar, parseJaNee, splitList } from "./fields.ts";
import { readRows } from "./rows.ts";

export const VOCABULAIRE_COLUMNS = ["soort", "code", "label", "geldig_van", "geldig_tot", "eerdere_labels", "groep", "telt_mee"] as const;

export function validateVocabulaire(table: CsvTable, problems: Problem[]): Term[] {
  const terms = readRows(table, VOCABULAIRE_COLUMNS, problems, [], (r) => {
    const soort = r.field("soort", (t) => parseCode(t, enumChoices(SOORTEN))) as Soort | undefined;
    const code = r.raw("code");
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code))
      r.report("code", "een code bestaat uit kleine letters, cijfers en streepjes, zoals seksuele-intimidatie");
    const label = r.raw("label");
    if (label === "") r.report("label", "elk code heeft een Nederlands label nodig");
    const geldigVan = r.field("geldig_van", parseJaar);
    const geldigTot = r.raw("geldig_tot") === "" ? null : r.field("geldig_tot", parseJaar);
    const eerdereLabels: Term["eerdereLabels"] = [];
    for (const part of splitList(r.raw("eerdere_labels"))) {
      const m = /^(\d{4})\s*=\s*(.+)$/.exec(part);
      if (m) eerdereLabels.push({ totJaar: Number(m[1]), label: m[2]!.trim() });
      else r.report("eerdere_labels", "schrijf eerdere labels als jaar=label, gescheiden door |", part);
    }
    const teltMee = r.field("telt_mee", (t) => parseJaNee(t));
    if (soort === undefined || geldigVan === undefined || geldigTot === undefined || teltMee === undefined || teltMee === null)
      return undefined;
    return {
      soort,
      code,
      label,
      geldigVan,
      geldigTot,
      eerdereLabels: eerdereLabels.sort((a, b) => a.totJaar - b.totJaar),
      groep: r.raw("groep") || null,
      teltMee,
    };
  });
  const byKey = new Map<string, Term>();
  for (const t of terms) {
    const key = `${t.soort}/${t.code}`;
    if (byKey.has(key))
      problems.push({
        bestand: table.bestand,
        regel: null,
        kolom: "code",
        waarde: t.code,
        melding: `code staat twee keer in de woordenlijst (soort ${t.soort})`,
      });
    byKey.set(key, t);
  }
  for (const t of terms) {
    if (t.groep !== null && !byKey.has(`${t.soort}/${t.groep}`)) {
      problems.push({
        bestand: table.bestand,
        regel: null,
        kolom: "groep",
        waarde: t.groep,
        melding: `groep van "${t.code}" is geen code van soort ${t.soort} in de woordenlijst`,
      });
    }
  }
  return terms;
}

/** The label of a code as printed in a given year, following renames. */
export function labelInYear(term: Term, jaar: number): string {
  const earlier = term.eerdereLabels.find((e) => jaar <= e.totJaar);
  return earlier ? earlier.label : term.label;
}

export function choicesFor(terms: Term[], soort: Soort): { code: string; labels: string[] }[] {
  return terms.filter((t) => t.soort === soort).map((t) => ({ code: t.code, labels: [t.label, ...t.eerdereLabels.map((e) => e.label)] }));
}
