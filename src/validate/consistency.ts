// Checks across files. Where records and published historie both cover a year, the records
// win; the difference is reported, with both figures, so that nobody is surprised by a
// changed figure.
//
// Hours by activity and hours by counsellor group cannot differ: both tables are sums over
// the same rows (every activiteiten.csv row plus the hours of every melding, split over its
// counsellors), grouped once by activity and once by the group of the counsellor. The reports
// that disagreed were typed by hand from two spreadsheets; here there is one registration.
// Hours on meldingen are not a row of activiteiten.csv (the contract has no such activity),
// so they cannot disagree with meldingen.csv either.
import { ordMaand, periodOfYear, periodById, type PeriodeId, type PeriodeInstelling } from "../domain/periods.ts";
import type { Dataset } from "../domain.ts";
import { problem, type Problem } from "../ingest/problem.ts";
import { countedMeldingen, meldingenIn, recordYears } from "../domain/counting.ts";

export function historieWarnings(d: Dataset, bestand = "historie.csv"): Problem[] {
  const out: Problem[] = [];
  const years = new Set(recordYears(d));
  for (const h of d.historie) {
    if (!years.has(h.jaar)) continue;
    let fromRecords: number;
    // Every registered melding, as "telregel alles" counts them (an advice question to the
    // VPI is never a melding).
    let all: number;
    if (h.reeks === "meldingen_vpoo") {
      fromRecords = countedMeldingen(d, h.jaar, "ongewenste-omgangsvormen").length;
      all = meldingenIn(d, h.jaar, "ongewenste-omgangsvormen").length;
    } else if (h.reeks === "meldingen_vpi") {
      fromRecords = countedMeldingen(d, h.jaar, "integriteit").length;
      all = meldingenIn(d, h.jaar, "integriteit").filter((m) => m.aard !== "adviesvraag").length;
    } else fromRecords = all = d.klachten.filter((k) => k.datum.jaar === h.jaar).length;
    if (fromRecords !== h.waarde) {
      // Readers hold the published figure, so the protection counts it as known where it
      // fits a count (src/protect/historie.ts); one that fits none cannot be placed.
      const controle =
        all === h.waarde
          ? `; het gepubliceerde cijfer telt alle geregistreerde meldingen en de controle rekent er zo mee`
          : `; het gepubliceerde cijfer past bij geen telling van de registratie, dus de controle kan er niet mee rekenen (een lezer kent het wel: controleer de bron)`;
      out.push(
        problem(
          bestand,
          null,
          "waarde",
          String(h.waarde),
          `${h.reeks} ${h.jaar}: gepubliceerd ${h.waarde} (${h.bron}), de registratie telt ${fromRecords} volgens de telregel; het verslag gebruikt ${fromRecords}${controle}`,
        ),
      );
    }
  }
  return out;
}

/**
 * Rows dated after the reporting year: not wrong (the next year's registration has begun),
 * but not in the report either, so the counsellors see which ones stay out. One warning per
 * table, naming the meldingen and klachten by id. Rows before the year are earlier years'
 * figures, which the report compares with; dates in the future are refused by validate.
 */
export function reportingYearWarnings(
  d: Pick<Dataset, "meldingen" | "klachten" | "activiteiten">,
  jaar: PeriodeId,
  bestanden: { meldingen?: string; klachten?: string; activiteiten?: string } = {},
  perioden?: PeriodeInstelling[],
): Problem[] {
  const out: Problem[] = [];
  // The reported period: a calendar year, or a configured period (its label in the message).
  const p = periodById(jaar);
  const end = ordMaand(p.tot);
  const label = p.label;
  const later = (ids: string[], enkel: string, meervoud: string, bestand: string) => {
    if (ids.length === 0) return;
    const list = ids.length > 10 ? `${ids.slice(0, 10).join(", ")} en nog ${ids.length - 10}` : ids.join(", ");
    const what = ids.length === 1 ? `1 ${enkel}` : `${ids.length} ${meervoud}`;
    out.push(
      problem(
        bestand,
        null,
        "datum",
        null,
        `${what} van na ${label} (${list}) ${ids.length === 1 ? "telt" : "tellen"} niet mee in het verslag over ${label}; klopt het jaartal?`,
      ),
    );
  };
  later(
    d.meldingen.filter((m) => ordMaand(m.datum) > end).map((m) => m.id),
    "melding",
    "meldingen",
    bestanden.meldingen ?? "meldingen.csv",
  );
  later(
    d.klachten.filter((k) => ordMaand(k.datum) > end).map((k) => k.id),
    "klacht",
    "klachten",
    bestanden.klachten ?? "klachten.csv",
  );
  const act = d.activiteiten.filter((a) => ordMaand(periodOfYear(perioden, a.jaar).van) > end);
  if (act.length > 0) {
    const years = [...new Set(act.map((a) => a.jaar))].sort().join(", ");
    out.push(
      problem(
        bestanden.activiteiten ?? "activiteiten.csv",
        null,
        "jaar",
        null,
        `${act.length} ${act.length === 1 ? "regel" : "regels"} van ${years} ${act.length === 1 ? "telt" : "tellen"} niet mee in het verslag over ${label}`,
      ),
    );
  }
  return out;
}
