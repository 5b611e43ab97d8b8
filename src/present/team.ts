// The counsellors of a period, from vertrouwenspersonen.csv: who was active, and who joined or
// left. Counsellors are known by role (their number is no melding count); pseudonym codes are
// never printed.
import { ordMaand } from "../domain/periods.ts";
import type { Maand, Vertrouwenspersoon } from "../domain.ts";

/** Whether a counsellor was active in some month from `van` to `tot`. */
export function activeIn(vp: Pick<Vertrouwenspersoon, "actiefVan" | "actiefTot">, van: Maand, tot: Maand): boolean {
  return ordMaand(vp.actiefVan) <= ordMaand(tot) && (vp.actiefTot === null || ordMaand(vp.actiefTot) >= ordMaand(van));
}

const GROEP_WOORDEN: Record<string, string> = {
  fractie: "uit de fracties",
  ambtelijk: "uit de ambtelijke organisatie",
  extern: "van buiten de organisatie (extern)",
};

/**
 * "Per januari 2021 is een vertrouwenspersoon uit de ambtelijke organisatie begonnen." One
 * sentence per counsellor who started or stopped within the period (a start on the first month
 * of the records or a stop after the period is no change).
 */
function teamWijzigingen(vps: Vertrouwenspersoon[], van: Maand, tot: Maand, maandNaam: (m: number) => string): string[] {
  const inPeriod = (m: Maand) => ordMaand(m) >= ordMaand(van) && ordMaand(m) <= ordMaand(tot);
  const first = Math.min(...vps.map((vp) => ordMaand(vp.actiefVan)));
  const zinnen: string[] = [];
  for (const vp of vps) {
    const groep = GROEP_WOORDEN[vp.groep] ?? vp.groep;
    if (inPeriod(vp.actiefVan) && ordMaand(vp.actiefVan) > first)
      zinnen.push(`Per ${maandNaam(vp.actiefVan.maand)} ${vp.actiefVan.jaar} is een vertrouwenspersoon ${groep} begonnen.`);
    if (vp.actiefTot && inPeriod(vp.actiefTot))
      zinnen.push(`Eind ${maandNaam(vp.actiefTot.maand)} ${vp.actiefTot.jaar} is een vertrouwenspersoon ${groep} gestopt.`);
  }
  return zinnen;
}

/** The VPOO team's changes in the period as a paragraph, or nothing when it stayed the same. */
export function teamWijzigingenBlock(
  vps: Vertrouwenspersoon[],
  van: Maand,
  tot: Maand,
  maandNaam: (m: number) => string,
): { type: "paragraph"; text: string }[] {
  const zinnen = teamWijzigingen(
    vps.filter((vp) => vp.regeling === "ongewenste-omgangsvormen"),
    van,
    tot,
    maandNaam,
  );
  return zinnen.length ? [{ type: "paragraph", text: zinnen.join(" ") }] : [];
}
