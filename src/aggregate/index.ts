// aggregate: the validated Dataset → counts and hours per year (arquero group-bys).
import * as aq from "arquero";
import type { Dataset, Herkomst, Melding, Reeks } from "../domain.ts";
import type { Maand } from "../domain.ts";
import { countsInTotal } from "../domain/counting.ts";
import { isTimelineKey, ordMaand, periodOfMonth, periodOfYear, periodById, timeline, type PeriodeId } from "../domain/periods.ts";
import type { Aggregates, CodeTelling, MeldingCel, SerieJaar, TeamJaar, UrenCel, VpiCel } from "./types.ts";

/**
 * Counts per period, up to and including the reported period `jaar` (a calendar year as a
 * number, or a period key; see periods.ts). The time dimension is the timeline's periods from
 * the period of the first registered melding on. Meldingen and klachten go to the period of
 * their month; activiteiten, which have only a year, to the period that holds most of that
 * year's months.
 */
// eslint-disable-next-line max-lines-per-function -- split pending (issue 16: one function per table)
export function aggregate(d: Dataset, jaar: PeriodeId): Aggregates {
  const config = d.instellingen?.perioden;
  const reported = periodById(jaar);
  if (!isTimelineKey(config, reported.key)) throw new Error(`${reported.key} is geen verslagperiode volgens de instellingen`);
  jaar = reported.id;
  const last = ordMaand(reported.tot);
  const cache = new Map<number, PeriodeId>();
  const pid = (m: Maand): PeriodeId => {
    const n = ordMaand(m);
    let id = cache.get(n);
    if (id === undefined) cache.set(n, (id = periodOfMonth(config, m).id));
    return id;
  };
  let firstOrd = Infinity;
  let firstMaand: Maand | null = null;
  for (const m of d.meldingen) {
    const n = ordMaand(m.datum);
    if (n < firstOrd) {
      firstOrd = n;
      firstMaand = m.datum;
    }
  }
  const perioden = firstMaand && firstOrd <= last ? timeline(config, firstMaand, reported.tot) : [];
  const years = perioden.map((p) => p.id);
  const index = new Map(years.map((y, i) => [y, i]));
  const actPeriod = (y: number) => periodOfYear(config, y);
  const groupOf = new Map(d.vertrouwenspersonen.map((vp) => [vp.code, vp.groep]));
  const oo = d.meldingen.filter((m) => m.regeling === "ongewenste-omgangsvormen" && ordMaand(m.datum) <= last);

  // Every group-by below first counts (or sums, in row order) per distinct key in one pass and
  // then lets arquero order the cells: the same cells and values as grouping every row in
  // arquero, without a million row objects (that was most of aggregate's time and memory).
  const meldingCounts = new Cells<MeldingCel>();
  for (const m of oo) {
    const vpgroep = groupOf.get(m.vertrouwenspersonen[0]!)!;
    const p = pid(m.datum);
    const cel = meldingCounts.at([p, m.aard, m.herkomst, m.status, vpgroep]);
    if (cel.value) cel.value.n++;
    else cel.value = { jaar: p, aard: m.aard, herkomst: m.herkomst, status: m.status, vpgroep, n: 1 };
  }
  const meldingCellen = ordered(rows<MeldingCel>(aq.from(meldingCounts.values()).orderby("jaar", "aard", "herkomst", "status", "vpgroep")), index);

  // A melding handled jointly: its hours are split equally over its counsellors.
  // Summed as arquero's op.sum does: from 0, adding in row order.
  const urenSums = new Cells<UrenCel>();
  const addUren = (jaar: PeriodeId, activiteit: UrenCel["activiteit"], vpgroep: Herkomst, vertrouwenspersoon: string, uren: number) => {
    const cel = urenSums.at([jaar, activiteit, vpgroep, vertrouwenspersoon]);
    if (cel.value) cel.value.uren += uren;
    else cel.value = { jaar, activiteit, vpgroep, vertrouwenspersoon, uren: 0 + uren };
  };
  for (const m of oo) {
    const share = m.uren / m.vertrouwenspersonen.length;
    for (const vp of m.vertrouwenspersonen) {
      addUren(pid(m.datum), "afhandeling", groupOf.get(vp)!, vp, share);
    }
  }
  for (const a of d.activiteiten) {
    if (ordMaand(actPeriod(a.jaar).van) > last || groupOf.get(a.vertrouwenspersoon) === undefined) continue;
    const vp = d.vertrouwenspersonen.find((v) => v.code === a.vertrouwenspersoon)!;
    if (vp.regeling !== "ongewenste-omgangsvormen") continue;
    addUren(actPeriod(a.jaar).id, a.activiteit, vp.groep, vp.code, a.uren);
  }
  const urenCellen = urenSums.size ? ordered(rows<UrenCel>(aq.from(urenSums.values()).orderby("jaar", "activiteit", "vpgroep", "vertrouwenspersoon")), index) : [];

  // Per year in one pass over the meldingen instead of one filter per year and series.
  const perYear = new Map(
    years.map((y) => [y, { geregistreerd: 0, geenInterventie: 0, receivers: new Set<string | undefined>(), ooCounted: 0, vpiCounted: 0, vpiAdvies: 0, vpiUren: 0 }]),
  );
  for (const m of oo) {
    const c = perYear.get(pid(m.datum));
    if (!c) continue;
    c.geregistreerd++;
    if (m.geenInterventie) c.geenInterventie++;
    c.receivers.add(m.vertrouwenspersonen[0]);
  }
  for (const m of d.meldingen) {
    if (ordMaand(m.datum) > last) continue;
    const c = perYear.get(pid(m.datum));
    if (!c) continue;
    if (m.regeling === "integriteit") {
      if (countsInTotal(d, m)) c.vpiCounted++;
      if (m.aard === "adviesvraag") c.vpiAdvies++;
      c.vpiUren += m.uren;
    } else if (m.regeling === "ongewenste-omgangsvormen" && countsInTotal(d, m)) c.ooCounted++;
  }
  const year = (y: PeriodeId) => perYear.get(y)!;

  const geregistreerd = years.map((y) => ({ jaar: y, n: year(y).geregistreerd }));
  const interventies = codeCounts(oo, pid, index, (m) => m.interventies);
  const resultaten = codeCounts(oo, pid, index, (m) => m.resultaten);
  const geenInterventie = years.map((y) => ({ jaar: y, n: year(y).geenInterventie }));

  const team: TeamJaar[] = [];
  for (const [i, y] of years.entries()) {
    const p = perioden[i]!;
    for (const groep of ["fractie", "ambtelijk", "extern"] as Herkomst[]) {
      const vps = d.vertrouwenspersonen.filter((vp) => vp.regeling === "ongewenste-omgangsvormen" && vp.groep === groep && activeIn(vp, p.van, p.tot));
      const receivers = year(y).receivers;
      team.push({ jaar: y, groep, aantal: vps.length, metMelding: vps.filter((vp) => receivers.has(vp.code)).length });
    }
  }

  const vpi = years.map((y) => ({ jaar: y, meldingen: year(y).vpiCounted, adviesvragen: year(y).vpiAdvies }));

  const integriteit = d.meldingen.filter((m) => m.regeling === "integriteit" && ordMaand(m.datum) <= last);
  const vpiCounts = new Cells<VpiCel>();
  for (const m of integriteit) {
    const p = pid(m.datum);
    const cel = vpiCounts.at([p, m.aard, m.herkomst]);
    if (cel.value) cel.value.n++;
    else cel.value = { jaar: p, aard: m.aard, herkomst: m.herkomst, n: 1 };
  }
  const vpiCellen = integriteit.length ? ordered(rows<VpiCel>(aq.from(vpiCounts.values()).orderby("jaar", "aard", "herkomst")), index) : [];
  const vpiCodes = new Set(d.vertrouwenspersonen.filter((vp) => vp.regeling === "integriteit").map((vp) => vp.code));
  const vpiUren: Aggregates["vpiUren"] = [];
  for (const y of years) {
    const afhandeling = year(y).vpiUren;
    if (afhandeling > 0) vpiUren.push({ jaar: y, activiteit: "afhandeling", uren: afhandeling });
    for (const act of ["training", "intervisie", "voorlichting", "overleg", "supervisie"] as const) {
      const u = d.activiteiten.filter((a) => actPeriod(a.jaar).id === y && a.activiteit === act && vpiCodes.has(a.vertrouwenspersoon)).reduce((s, a) => s + a.uren, 0);
      if (u > 0) vpiUren.push({ jaar: y, activiteit: act, uren: u });
    }
  }

  const fromRecords = (f: (y: PeriodeId) => number): SerieJaar[] => years.map((y) => ({ jaar: y, waarde: f(y), bron: "registratie" }));
  return {
    jaar,
    periode: reported,
    perioden,
    vorige: (() => {
      const i = index.get(jaar);
      return i !== undefined && i > 0 ? years[i - 1]! : null;
    })(),
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
    klachtenSerie: series(d, "klachten", years, fromRecords((y) => d.klachten.filter((k) => pid(k.datum) === y).length)),
    vpiSerie: series(d, "meldingen_vpi", years, fromRecords((y) => year(y).vpiCounted)),
  };
}

/** Historie for the years before the records, then the records. */
function series(d: Dataset, reeks: Reeks, years: PeriodeId[], records: SerieJaar[]): SerieJaar[] {
  // Historie (published totals per calendar year) stays before the first record period.
  const firstRecord = years.length ? periodById(years[0]!).van.jaar : Infinity;
  const published = d.historie
    .filter((h) => h.reeks === reeks && h.jaar < firstRecord)
    .map((h) => ({ jaar: h.jaar, waarde: h.waarde, bron: h.bron }))
    .sort((a, b) => a.jaar - b.jaar);
  return [...published, ...records];
}

/** Whether a counsellor was active in some month from `van` to `tot`. */
function activeIn(vp: Dataset["vertrouwenspersonen"][number], van: Maand, tot: Maand): boolean {
  return ordMaand(vp.actiefVan) <= ordMaand(tot) && (vp.actiefTot === null || ordMaand(vp.actiefTot) >= ordMaand(van));
}

/** Rows in timeline order (arquero orders mixed numbers and keys otherwise); stable within. */
function ordered<T extends { jaar: PeriodeId }>(rs: T[], index: Map<PeriodeId, number>): T[] {
  return rs.map((r, i) => ({ r, i })).sort((a, b) => (index.get(a.r.jaar) ?? -1) - (index.get(b.r.jaar) ?? -1) || a.i - b.i).map((x) => x.r);
}

function codeCounts(meldingen: Melding[], pid: (m: Maand) => PeriodeId, index: Map<PeriodeId, number>, codesOf: (m: Melding) => string[]): CodeTelling[] {
  const counts = new Cells<CodeTelling>();
  for (const m of meldingen) {
    for (const code of codesOf(m)) {
      const p = pid(m.datum);
      const cel = counts.at([p, code]);
      if (cel.value) cel.value.n++;
      else cel.value = { jaar: p, code, n: 1 };
    }
  }
  if (counts.size === 0) return [];
  return ordered(rows<CodeTelling>(aq.from(counts.values()).orderby("jaar", "code")), index);
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
