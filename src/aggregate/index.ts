// aggregate: the validated Dataset → counts and hours per year (arquero group-bys).
import * as aq from "arquero";
import type { Dataset, Herkomst, Reeks } from "../domain.ts";
import { activeInYear } from "../validate/vertrouwenspersonen.ts";
import { countedMeldingen, meldingenIn, recordYears } from "./counting.ts";
import type { Aggregates, CodeTelling, MeldingCel, SerieJaar, TeamJaar, UrenCel, VpiCel } from "./types.ts";

export function aggregate(d: Dataset, jaar: number): Aggregates {
  const years = recordYears(d, jaar);
  const groupOf = new Map(d.vertrouwenspersonen.map((vp) => [vp.code, vp.groep]));
  const oo = d.meldingen.filter((m) => m.regeling === "ongewenste-omgangsvormen" && m.datum.jaar <= jaar);

  const meldingRows = oo.map((m) => ({
    jaar: m.datum.jaar,
    aard: m.aard,
    herkomst: m.herkomst,
    status: m.status,
    vpgroep: groupOf.get(m.vertrouwenspersonen[0]!)!,
  }));
  const meldingCellen = rows<MeldingCel>(
    aq.from(meldingRows).groupby("jaar", "aard", "herkomst", "status", "vpgroep").count({ as: "n" }).orderby("jaar", "aard", "herkomst", "status", "vpgroep"),
  );

  // A melding handled jointly: its hours are split equally over its counsellors.
  const urenRows: UrenCel[] = [];
  for (const m of oo) {
    const share = m.uren / m.vertrouwenspersonen.length;
    for (const vp of m.vertrouwenspersonen) {
      urenRows.push({ jaar: m.datum.jaar, activiteit: "afhandeling", vpgroep: groupOf.get(vp)!, vertrouwenspersoon: vp, uren: share });
    }
  }
  for (const a of d.activiteiten) {
    if (a.jaar > jaar || groupOf.get(a.vertrouwenspersoon) === undefined) continue;
    const vp = d.vertrouwenspersonen.find((v) => v.code === a.vertrouwenspersoon)!;
    if (vp.regeling !== "ongewenste-omgangsvormen") continue;
    urenRows.push({ jaar: a.jaar, activiteit: a.activiteit, vpgroep: vp.groep, vertrouwenspersoon: vp.code, uren: a.uren });
  }
  const urenCellen = urenRows.length
    ? rows<UrenCel>(
        aq
          .from(urenRows)
          .groupby("jaar", "activiteit", "vpgroep", "vertrouwenspersoon")
          .rollup({ uren: aq.op.sum("uren") })
          .orderby("jaar", "activiteit", "vpgroep", "vertrouwenspersoon"),
      )
    : [];

  const geregistreerd = years.map((y) => ({ jaar: y, n: oo.filter((m) => m.datum.jaar === y).length }));
  const interventies = codeCounts(oo.flatMap((m) => m.interventies.map((code) => ({ jaar: m.datum.jaar, code }))));
  const resultaten = codeCounts(oo.flatMap((m) => m.resultaten.map((code) => ({ jaar: m.datum.jaar, code }))));
  const geenInterventie = years.map((y) => ({ jaar: y, n: oo.filter((m) => m.datum.jaar === y && m.geenInterventie).length }));

  const team: TeamJaar[] = [];
  for (const y of years) {
    for (const groep of ["fractie", "ambtelijk", "extern"] as Herkomst[]) {
      const vps = d.vertrouwenspersonen.filter((vp) => vp.regeling === "ongewenste-omgangsvormen" && vp.groep === groep && activeInYear(vp, y));
      const receivers = new Set(oo.filter((m) => m.datum.jaar === y).map((m) => m.vertrouwenspersonen[0]));
      team.push({ jaar: y, groep, aantal: vps.length, metMelding: vps.filter((vp) => receivers.has(vp.code)).length });
    }
  }

  const vpi = years.map((y) => {
    const all = meldingenIn(d, y, "integriteit");
    return { jaar: y, meldingen: countedMeldingen(d, y, "integriteit").length, adviesvragen: all.filter((m) => m.aard === "adviesvraag").length };
  });

  const integriteit = d.meldingen.filter((m) => m.regeling === "integriteit" && m.datum.jaar <= jaar);
  const vpiCellen = integriteit.length
    ? rows<VpiCel>(aq.from(integriteit.map((m) => ({ jaar: m.datum.jaar, aard: m.aard, herkomst: m.herkomst }))).groupby("jaar", "aard", "herkomst").count({ as: "n" }).orderby("jaar", "aard", "herkomst"))
    : [];
  const vpiCodes = new Set(d.vertrouwenspersonen.filter((vp) => vp.regeling === "integriteit").map((vp) => vp.code));
  const vpiUren: Aggregates["vpiUren"] = [];
  for (const y of years) {
    const afhandeling = integriteit.filter((m) => m.datum.jaar === y).reduce((s, m) => s + m.uren, 0);
    if (afhandeling > 0) vpiUren.push({ jaar: y, activiteit: "afhandeling", uren: afhandeling });
    for (const act of ["training", "intervisie", "voorlichting", "overleg", "supervisie"] as const) {
      const u = d.activiteiten.filter((a) => a.jaar === y && a.activiteit === act && vpiCodes.has(a.vertrouwenspersoon)).reduce((s, a) => s + a.uren, 0);
      if (u > 0) vpiUren.push({ jaar: y, activiteit: act, uren: u });
    }
  }

  const fromRecords = (f: (y: number) => number): SerieJaar[] => years.map((y) => ({ jaar: y, waarde: f(y), bron: "registratie" }));
  return {
    jaar,
    recordYears: years,
    meldingCellen,
    geregistreerd,
    urenCellen,
    interventies,
    resultaten,
    geenInterventie,
    team,
    vpi,
    vpiCellen,
    vpiUren,
    meldingenSerie: series(d, "meldingen_vpoo", years, fromRecords((y) => countedMeldingen(d, y, "ongewenste-omgangsvormen").length)),
    klachtenSerie: series(d, "klachten", years, fromRecords((y) => d.klachten.filter((k) => k.datum.jaar === y).length)),
    vpiSerie: series(d, "meldingen_vpi", years, fromRecords((y) => countedMeldingen(d, y, "integriteit").length)),
  };
}

/** Historie for the years before the records, then the records. */
function series(d: Dataset, reeks: Reeks, years: number[], records: SerieJaar[]): SerieJaar[] {
  const firstRecord = years[0] ?? Infinity;
  const published = d.historie
    .filter((h) => h.reeks === reeks && h.jaar < firstRecord)
    .map((h) => ({ jaar: h.jaar, waarde: h.waarde, bron: h.bron }));
  return [...published, ...records].sort((a, b) => a.jaar - b.jaar);
}

function codeCounts(items: { jaar: number; code: string }[]): CodeTelling[] {
  if (items.length === 0) return [];
  return rows<CodeTelling>(aq.from(items).groupby("jaar", "code").count({ as: "n" }).orderby("jaar", "code"));
}

function rows<T>(table: aq.ColumnTable): T[] {
  return table.objects() as T[];
}
