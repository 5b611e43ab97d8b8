// The counting rule: which meldingen count in a year's total. It lives in one place so that
// every document, total and chart uses the same rule, and the report can state it.
import type { Dataset, Melding, Regeling, Term } from "../domain.ts";

export function termOf(d: Pick<Dataset, "vocabulaire">, soort: Term["soort"], code: string): Term | undefined {
  return d.vocabulaire.find((t) => t.soort === soort && t.code === code);
}

/** Whether a melding counts in the year's total: its aard says so (`telt_mee`). */
export function countsInTotal(d: Pick<Dataset, "vocabulaire">, m: Melding): boolean {
  // For the vertrouwenspersoon integriteit an advice question is not a melding (VPI reports).
  if (m.regeling === "integriteit" && m.aard === "adviesvraag") return false;
  return termOf(d, "aard", m.aard)?.teltMee ?? true;
}

export function meldingenIn(d: Pick<Dataset, "meldingen">, jaar: number, regeling: Regeling): Melding[] {
  return d.meldingen.filter((m) => m.datum.jaar === jaar && m.regeling === regeling);
}

export function countedMeldingen(d: Pick<Dataset, "meldingen" | "vocabulaire">, jaar: number, regeling: Regeling): Melding[] {
  return meldingenIn(d, jaar, regeling).filter((m) => countsInTotal(d, m));
}

/** Years covered by records: from the first registered melding on. */
export function recordYears(d: Pick<Dataset, "meldingen">, untilYear?: number): number[] {
  if (d.meldingen.length === 0) return [];
  const first = Math.min(...d.meldingen.map((m) => m.datum.jaar));
  const last = untilYear ?? Math.max(...d.meldingen.map((m) => m.datum.jaar));
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}

/** The rule in words, printed in every document that shows a total. */
export function countingRuleText(d: Pick<Dataset, "vocabulaire">, jaar: number): string {
  const excluded = d.vocabulaire.filter(
    (t) => t.soort === "aard" && !t.teltMee && t.geldigVan <= jaar && (t.geldigTot === null || t.geldigTot >= jaar),
  );
  if (excluded.length === 0) return "Alle geregistreerde meldingen tellen mee in het totaal.";
  const names = excluded.map((t) => `"${t.label}"`).join(", ");
  return `Telregel: meldingen in de categorie ${names} tellen niet mee in het totaal; ze worden apart vermeld.`;
}
