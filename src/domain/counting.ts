// The counting rule: which meldingen count in a year's total. It lives in one place so that
// every document, total and chart uses the same rule, and the report can state it.
import type { Dataset, Melding, Regeling, Term } from "../domain.ts";

function termOf(d: Pick<Dataset, "vocabulaire">, soort: Term["soort"], code: string): Term | undefined {
  return d.vocabulaire.find((t) => t.soort === soort && t.code === code);
}

type RuleSource = Pick<Dataset, "vocabulaire"> & { instellingen?: Pick<Dataset["instellingen"], "telregel"> };

/** Whether meldingen of this aard count in the total, under the counting rule in force. */
export function aardCounts(d: RuleSource, code: string): boolean {
  if (d.instellingen?.telregel === "alles") return true;
  return termOf(d, "aard", code)?.teltMee ?? true;
}

/** Whether a melding counts in the year's total. */
export function countsInTotal(d: RuleSource, m: Melding): boolean {
  // For the vertrouwenspersoon integriteit an advice question is not a melding (VPI reports).
  if (m.regeling === "integriteit" && m.aard === "adviesvraag") return false;
  return aardCounts(d, m.aard);
}

export function meldingenIn(d: Pick<Dataset, "meldingen">, jaar: number, regeling: Regeling): Melding[] {
  return d.meldingen.filter((m) => m.datum.jaar === jaar && m.regeling === regeling);
}

export function countedMeldingen(d: Pick<Dataset, "meldingen"> & RuleSource, jaar: number, regeling: Regeling): Melding[] {
  return meldingenIn(d, jaar, regeling).filter((m) => countsInTotal(d, m));
}

/** Years covered by records: from the first registered melding on. */
export function recordYears(d: Pick<Dataset, "meldingen">, untilYear?: number): number[] {
  if (d.meldingen.length === 0) return [];
  // A loop, not Math.min(...years): spreading a million arguments overflows the stack.
  let first = Infinity;
  let max = -Infinity;
  for (const m of d.meldingen) {
    if (m.datum.jaar < first) first = m.datum.jaar;
    if (m.datum.jaar > max) max = m.datum.jaar;
  }
  const last = untilYear ?? max;
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}

/** The rule in words, printed in every document that shows a total. */
export function countingRuleText(d: RuleSource, jaar: number): string {
  if (d.instellingen?.telregel === "alles") {
    return "Telregel: alle geregistreerde meldingen tellen mee in het totaal, ook die in categorieën die de woordenlijst apart houdt.";
  }
  const excluded = d.vocabulaire.filter(
    (t) => t.soort === "aard" && !t.teltMee && t.geldigVan <= jaar && (t.geldigTot === null || t.geldigTot >= jaar),
  );
  if (excluded.length === 0) return "Alle geregistreerde meldingen tellen mee in het totaal.";
  const names = excluded.map((t) => `"${t.label}"`).join(", ");
  return `Telregel: meldingen in de categorie ${names} tellen niet mee in het totaal; ze worden apart vermeld.`;
}
