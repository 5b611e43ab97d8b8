// aggregate: the validated Dataset → counts and hours per year (arquero group-bys).
import * as aq from "arquero";
import type { Dataset, Herkomst, Melding, Reeks } from "../domain.ts";
import { activeInYear } from "../validate/vertrouwenspersonen.ts";
import { countsInTotal, recordYears } from "./counting.ts";
import type { Aggregates, CodeTelling, MeldingCel, SerieJaar, TeamJaar, UrenCel, VpiCel } from "./types.ts";

export function aggregate(d: Dataset, jaar: number): Aggregates {
  const years = recordYears(d, jaar);
  const groupOf = new Map(d.vertrouwenspersonen.map((vp) => [vp.code, vp.groep]));
  const oo = d.meldingen.filter((m) => m.regeling === "ongewenste-omgangsvormen" && m.datum.jaar <= jaar);

  // Every group-by below first counts (or sums, in row order) per distinct key in one pass and
  // then lets arquero order the cells: the same cells and values as grouping every row in
  // arquero, without a million row objects (that was most of aggregate's time and memory).
  const meldingCounts = new Cells<MeldingCel>();
  for (const m of oo) {
    const vpgroep = groupOf.get(m.vertrouwenspersonen[0]!)!;
    const cel = meldingCounts.at([m.datum.jaar, m.aard, m.herkomst, m.status, vpgroep]);
    if (cel.value) cel.value.n++;
    else cel.value = { jaar: m.datum.jaar, aard: m.aard, herkomst: m.herkomst, status: m.status, vpgroep, n: 1 };
  }
  const meldingCellen = rows<MeldingCel>(aq.from(meldingCounts.values()).orderby("jaar", "aard", "herkomst", "status", "vpgroep"));

  // A melding handled jointly: its hours are split equally over its counsellors.
  // Summed as arquero's op.sum does: from 0, adding in row order.
  const urenSums = new Cells<UrenCel>();
  const addUren = (jaar: number, activiteit: UrenCel["activiteit"], vpgroep: Herkomst, vertrouwenspersoon: string, uren: number) => {
    const cel = urenSums.at([jaar, activiteit, vpgroep, vertrouwenspersoon]);
    if (cel.value) cel.value.uren += uren;
    else cel.value = { jaar, activiteit, vpgroep, vertrouwenspersoon, uren: 0 + uren };
  };
  for (const m of oo) {
    const share = m.uren / m.vertrouwenspersonen.length;
    for (const vp of m.vertrouwenspersonen) {
      addUren(m.datum.jaar, "afhandeling", groupOf.get(vp)!, vp, share);
    }
  }
  for (const a of d.activiteiten) {
    if (a.jaar > jaar || groupOf.get(a.vertrouwenspersoon) === undefined) continue;
    const vp = d.vertrouwenspersonen.find((v) => v.code === a.vertrouwenspersoon)!;
    if (vp.regeling !== "ongewenste-omgangsvormen") continue;
    addUren(a.jaar, a.activiteit, vp.groep, vp.code, a.uren);
  }
  const urenCellen = urenSums.size ? rows<UrenCel>(aq.from(urenSums.values()).orderby("jaar", "activiteit", "vpgroep", "vertrouwenspersoon")) : [];

  // Per year in one pass over the meldingen instead of one filter per year and series.
  const perYear = new Map(
    years.map((y) => [y, { geregistreerd: 0, geenInterventie: 0, receivers: new Set<string | undefined>(), ooCounted: 0, vpiCounted: 0, vpiAdvies: 0, vpiUren: 0 }]),
  );
  for (const m of oo) {
    const c = perYear.get(m.datum.jaar);
    if (!c) continue;
    c.geregistreerd++;
    if (m.geenInterventie) c.geenInterventie++;
    c.receivers.add(m.vertrouwenspersonen[0]);
  }
  for (const m of d.meldingen) {
    const c = perYear.get(m.datum.jaar);
    if (!c) continue;
    if (m.regeling === "integriteit") {
      if (countsInTotal(d, m)) c.vpiCounted++;
      if (m.aard === "adviesvraag") c.vpiAdvies++;
      c.vpiUren += m.uren;
    } else if (m.regeling === "ongewenste-omgangsvormen" && countsInTotal(d, m)) c.ooCounted++;
  }
  const year = (y: number) => perYear.get(y)!;

  const geregistreerd = years.map((y) => ({ jaar: y, n: year(y).geregistreerd }));
  const interventies = codeCounts(oo, (m) => m.interventies);
  const resultaten = codeCounts(oo, (m) => m.resultaten);
  const geenInterventie = years.map((y) => ({ jaar: y, n: year(y).geenInterventie }));

  const team: TeamJaar[] = [];
  for (const y of years) {
    for (const groep of ["fractie", "ambtelijk", "extern"] as Herkomst[]) {
      const vps = d.vertrouwenspersonen.filter((vp) => vp.regeling === "ongewenste-omgangsvormen" && vp.groep === groep && activeInYear(vp, y));
      const receivers = year(y).receivers;
      team.push({ jaar: y, groep, aantal: vps.length, metMelding: vps.filter((vp) => receivers.has(vp.code)).length });
    }
  }

  const vpi = years.map((y) => ({ jaar: y, meldingen: year(y).vpiCounted, adviesvragen: year(y).vpiAdvies }));

  const integriteit = d.meldingen.filter((m) => m.regeling === "integriteit" && m.datum.jaar <= jaar);
  const vpiCounts = new Cells<VpiCel>();
  for (const m of integriteit) {
    const cel = vpiCounts.at([m.datum.jaar, m.aard, m.herkomst]);
    if (cel.value) cel.value.n++;
    else cel.value = { jaar: m.datum.jaar, aard: m.aard, herkomst: m.herkomst, n: 1 };
  }
  const vpiCellen = integriteit.length ? rows<VpiCel>(aq.from(vpiCounts.values()).orderby("jaar", "aard", "herkomst")) : [];
  const vpiCodes = new Set(d.vertrouwenspersonen.filter((vp) => vp.regeling === "integriteit").map((vp) => vp.code));
  const vpiUren: Aggregates["vpiUren"] = [];
  for (const y of years) {
    const afhandeling = year(y).vpiUren;
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
    meldingenSerie: series(d, "meldingen_vpoo", years, fromRecords((y) => year(y).ooCounted)),
    klachtenSerie: series(d, "klachten", years, fromRecords((y) => d.klachten.filter((k) => k.datum.jaar === y).length)),
    vpiSerie: series(d, "meldingen_vpi", years, fromRecords((y) => year(y).vpiCounted)),
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

function codeCounts(meldingen: Melding[], codesOf: (m: Melding) => string[]): CodeTelling[] {
  const counts = new Cells<CodeTelling>();
  for (const m of meldingen) {
    for (const code of codesOf(m)) {
      const cel = counts.at([m.datum.jaar, code]);
      if (cel.value) cel.value.n++;
      else cel.value = { jaar: m.datum.jaar, code, n: 1 };
    }
  }
  if (counts.size === 0) return [];
  return rows<CodeTelling>(aq.from(counts.values()).orderby("jaar", "code"));
}

/**
 * Cells by a composite key, as nested Maps (one level per key part): no key string per row.
 * Key parts are numbers (years) and codes; Map compares them as arquero's group keys do.
 */
class Cells<C> {
  private readonly root = new Map<unknown, unknown>();
  private readonly slots: { value: C | undefined }[] = [];

  get size(): number {
    return this.slots.length;
  }

  /** The slot of this key: `value` is undefined the first time. */
  at(keys: readonly unknown[]): { value: C | undefined } {
    let level = this.root;
    const last = keys.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(keys[i]) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(keys[i], next);
      }
      level = next;
    }
    let slot = level.get(keys[last]) as { value: C | undefined } | undefined;
    if (slot === undefined) {
      slot = { value: undefined };
      level.set(keys[last], slot);
      this.slots.push(slot);
    }
    return slot;
  }

  values(): C[] {
    return this.slots.map((s) => s.value!);
  }
}

function rows<T>(table: aq.ColumnTable): T[] {
  return table.objects() as T[];
}
