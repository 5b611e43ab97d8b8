// aggregate: the validated Dataset → counts and hours per year (arquero orders the cells).
// aggregate() places every row on the timeline once, then builds each table of Aggregates
// with a function of its own.
import type { Dataset, Herkomst, Melding, Reeks } from "../domain.ts";
import type { Maand } from "../domain.ts";
import { Cells, orderedCells } from "./cells.ts";
import { countsInTotal } from "../domain/counting.ts";
import {
  isTimelineKey,
  ordMaand,
  periodOfMonth,
  periodOfYear,
  periodById,
  timeline,
  type Periode,
  type PeriodeId,
} from "../domain/periods.ts";
import type { Aggregates, CodeTelling, MeldingCel, SerieJaar, TeamJaar, UrenCel, VpiCel } from "./types.ts";

/**
 * Counts per period, up to and including the reported period `jaar` (a calendar year as a
 * number, or a period key; see periods.ts). The time dimension is the timeline's periods from
 * the period of the first registered melding on. Meldingen and klachten go to the period of
 * their month; activiteiten, which have only a year, to the period that holds most of that
 * year's months.
 */
export function aggregate(d: Dataset, jaar: PeriodeId): Aggregates {
  const t = timelineOf(d, jaar);
  const groupOf = new Map(d.vertrouwenspersonen.map((vp) => [vp.code, vp.groep]));
  const oo = d.meldingen.filter((m) => m.regeling === "ongewenste-omgangsvormen" && ordMaand(m.datum) <= t.last);
  const totals = yearTotals(d, oo, t);
  const perYear = (f: (c: YearTotals) => number) => t.years.map((y) => ({ jaar: y, n: f(totals.get(y)!) }));
  const fromRecords = (f: (y: PeriodeId) => number): SerieJaar[] => t.years.map((y) => ({ jaar: y, waarde: f(y), bron: "registratie" }));
  return {
    jaar: t.reported.id,
    periode: t.reported,
    perioden: t.perioden,
    vorige: previousPeriod(t),
    recordYears: t.years,
    meldingCellen: meldingCellen(oo, groupOf, t),
    geregistreerd: perYear((c) => c.geregistreerd),
    urenCellen: urenCellen(d, oo, groupOf, t),
    interventies: codeCounts(oo, t, (m) => m.interventies),
    resultaten: codeCounts(oo, t, (m) => m.resultaten),
    geenInterventie: perYear((c) => c.geenInterventie),
    team: teamPerGroep(d, t, totals),
    vpi: t.years.map((y) => ({ jaar: y, meldingen: totals.get(y)!.vpiCounted, adviesvragen: totals.get(y)!.vpiAdvies })),
    vpiCellen: vpiCellen(d, t),
    vpiUren: vpiUren(d, t, totals),
    meldingenSerie: series(
      d,
      "meldingen_vpoo",
      t.years,
      fromRecords((y) => totals.get(y)!.ooCounted),
    ),
    klachtenSerie: series(
      d,
      "klachten",
      t.years,
      fromRecords((y) => d.klachten.filter((k) => t.pid(k.datum) === y).length),
    ),
    vpiSerie: series(
      d,
      "meldingen_vpi",
      t.years,
      fromRecords((y) => totals.get(y)!.vpiCounted),
    ),
  };
}

/** The reported period, the periods up to it, and where a month or an activity year falls. */
interface Timeline {
  reported: Periode;
  /** ordMaand of the reported period's last month: nothing later is counted. */
  last: number;
  perioden: Periode[];
  years: PeriodeId[];
  /** Position of each period on the timeline. */
  index: Map<PeriodeId, number>;
  /** The period of a month. */
  pid: (m: Maand) => PeriodeId;
  /** The period of an activity, which has only a year. */
  actPeriod: (y: number) => Periode;
}

function timelineOf(d: Dataset, jaar: PeriodeId): Timeline {
  const config = d.instellingen?.perioden;
  const reported = periodById(jaar);
  if (!isTimelineKey(config, reported.key)) throw new Error(`${reported.key} is geen verslagperiode volgens de instellingen`);
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
  return { reported, last, perioden, years, index: new Map(years.map((y, i) => [y, i])), pid, actPeriod: (y) => periodOfYear(config, y) };
}

function previousPeriod(t: Timeline): PeriodeId | null {
  const i = t.index.get(t.reported.id);
  return i !== undefined && i > 0 ? t.years[i - 1]! : null;
}

// Every table below first counts (or sums, in row order) per distinct key in one pass and
// then lets arquero order the cells: the same cells and values as grouping every row in
// arquero, without a million row objects (that was most of aggregate's time and memory).

/** Meldingen per period × aard × herkomst × status × group of the receiving counsellor. */
function meldingCellen(oo: Melding[], groupOf: Map<string, Herkomst>, t: Timeline): MeldingCel[] {
  const counts = new Cells<MeldingCel>();
  for (const m of oo) {
    const vpgroep = groupOf.get(m.vertrouwenspersonen[0]!)!;
    const p = t.pid(m.datum);
    const cel = counts.at([p, m.aard, m.herkomst, m.status, vpgroep]);
    if (cel.value) cel.value.n++;
    else cel.value = { jaar: p, aard: m.aard, herkomst: m.herkomst, status: m.status, vpgroep, n: 1 };
  }
  return orderedCells(counts, ["jaar", "aard", "herkomst", "status", "vpgroep"], t.index);
}

/**
 * Hours per period × activity × group × counsellor: the meldingen' hours ("afhandeling"),
 * then the VPOO counsellors' activiteiten.
 */
function urenCellen(d: Dataset, oo: Melding[], groupOf: Map<string, Herkomst>, t: Timeline): UrenCel[] {
  // Summed as arquero's op.sum does: from 0, adding in row order.
  const sums = new Cells<UrenCel>();
  const add = (jaar: PeriodeId, activiteit: UrenCel["activiteit"], vpgroep: Herkomst, vertrouwenspersoon: string, uren: number) => {
    const cel = sums.at([jaar, activiteit, vpgroep, vertrouwenspersoon]);
    if (cel.value) cel.value.uren += uren;
    else cel.value = { jaar, activiteit, vpgroep, vertrouwenspersoon, uren: 0 + uren };
  };
  // A melding handled jointly: its hours are split equally over its counsellors.
  for (const m of oo) {
    const share = m.uren / m.vertrouwenspersonen.length;
    for (const vp of m.vertrouwenspersonen) add(t.pid(m.datum), "afhandeling", groupOf.get(vp)!, vp, share);
  }
  for (const a of d.activiteiten) {
    if (ordMaand(t.actPeriod(a.jaar).van) > t.last || groupOf.get(a.vertrouwenspersoon) === undefined) continue;
    const vp = d.vertrouwenspersonen.find((v) => v.code === a.vertrouwenspersoon)!;
    if (vp.regeling !== "ongewenste-omgangsvormen") continue;
    add(t.actPeriod(a.jaar).id, a.activiteit, vp.groep, vp.code, a.uren);
  }
  return orderedCells(sums, ["jaar", "activiteit", "vpgroep", "vertrouwenspersoon"], t.index);
}

/** Interventies or resultaten per period × code (a melding can have several). */
function codeCounts(oo: Melding[], t: Timeline, codesOf: (m: Melding) => string[]): CodeTelling[] {
  const counts = new Cells<CodeTelling>();
  for (const m of oo) {
    for (const code of codesOf(m)) {
      const p = t.pid(m.datum);
      const cel = counts.at([p, code]);
      if (cel.value) cel.value.n++;
      else cel.value = { jaar: p, code, n: 1 };
    }
  }
  return orderedCells(counts, ["jaar", "code"], t.index);
}

/** What the per-year tables and series count, per period. */
interface YearTotals {
  geregistreerd: number;
  geenInterventie: number;
  /** Codes of the counsellors who received a melding (the first one listed). */
  receivers: Set<string | undefined>;
  ooCounted: number;
  vpiCounted: number;
  vpiAdvies: number;
  vpiUren: number;
}

/** Per period in one pass over the meldingen instead of one filter per period and series. */
function yearTotals(d: Dataset, oo: Melding[], t: Timeline): Map<PeriodeId, YearTotals> {
  const totals = new Map<PeriodeId, YearTotals>(
    t.years.map((y) => [
      y,
      { geregistreerd: 0, geenInterventie: 0, receivers: new Set(), ooCounted: 0, vpiCounted: 0, vpiAdvies: 0, vpiUren: 0 },
    ]),
  );
  for (const m of oo) {
    const c = totals.get(t.pid(m.datum));
    if (!c) continue;
    c.geregistreerd++;
    if (m.geenInterventie) c.geenInterventie++;
    c.receivers.add(m.vertrouwenspersonen[0]);
  }
  for (const m of d.meldingen) {
    if (ordMaand(m.datum) > t.last) continue;
    const c = totals.get(t.pid(m.datum));
    if (!c) continue;
    if (m.regeling === "integriteit") {
      if (countsInTotal(d, m)) c.vpiCounted++;
      if (m.aard === "adviesvraag") c.vpiAdvies++;
      c.vpiUren += m.uren;
    } else if (m.regeling === "ongewenste-omgangsvormen" && countsInTotal(d, m)) c.ooCounted++;
  }
  return totals;
}

/** VPOO counsellors per period and group, and how many of them received a melding. */
function teamPerGroep(d: Dataset, t: Timeline, totals: Map<PeriodeId, YearTotals>): TeamJaar[] {
  const team: TeamJaar[] = [];
  for (const [i, y] of t.years.entries()) {
    const p = t.perioden[i]!;
    const receivers = totals.get(y)!.receivers;
    for (const groep of ["fractie", "ambtelijk", "extern"] as Herkomst[]) {
      const vps = d.vertrouwenspersonen.filter(
        (vp) => vp.regeling === "ongewenste-omgangsvormen" && vp.groep === groep && activeIn(vp, p.van, p.tot),
      );
      team.push({ jaar: y, groep, aantal: vps.length, metMelding: vps.filter((vp) => receivers.has(vp.code)).length });
    }
  }
  return team;
}

/** Integriteit meldingen per period × aard × herkomst. */
function vpiCellen(d: Dataset, t: Timeline): VpiCel[] {
  const counts = new Cells<VpiCel>();
  for (const m of d.meldingen) {
    if (m.regeling !== "integriteit" || ordMaand(m.datum) > t.last) continue;
    const p = t.pid(m.datum);
    const cel = counts.at([p, m.aard, m.herkomst]);
    if (cel.value) cel.value.n++;
    else cel.value = { jaar: p, aard: m.aard, herkomst: m.herkomst, n: 1 };
  }
  return orderedCells(counts, ["jaar", "aard", "herkomst"], t.index);
}

/** Hours of the integriteit counsellors per period: their meldingen, then each activity. */
function vpiUren(d: Dataset, t: Timeline, totals: Map<PeriodeId, YearTotals>): Aggregates["vpiUren"] {
  const vpiCodes = new Set(d.vertrouwenspersonen.filter((vp) => vp.regeling === "integriteit").map((vp) => vp.code));
  const out: Aggregates["vpiUren"] = [];
  for (const y of t.years) {
    const afhandeling = totals.get(y)!.vpiUren;
    if (afhandeling > 0) out.push({ jaar: y, activiteit: "afhandeling", uren: afhandeling });
    for (const act of ["training", "intervisie", "voorlichting", "overleg", "supervisie"] as const) {
      const u = d.activiteiten
        .filter((a) => t.actPeriod(a.jaar).id === y && a.activiteit === act && vpiCodes.has(a.vertrouwenspersoon))
        .reduce((s, a) => s + a.uren, 0);
      if (u > 0) out.push({ jaar: y, activiteit: act, uren: u });
    }
  }
  return out;
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
