// Totals published before the records (historie.csv) are held by every reader. Where a set of
// calendar years is exactly covered by a run of record periods (2018 + 2019 = "2018 t/m
// november 2019" + "december 2019"), the sum of those periods equals the sum of the
// published years: with one of the periods published, the other follows by subtraction.
// Such a total joins the attack as a known fact — over the scope whose count it equals.
import type { Periode } from "../domain/periods.ts";
import type { HistorieRegel, Reeks } from "../domain.ts";
import type { KnownFact } from "./tables.ts";
import type { Scope, UniverseId } from "./universe.ts";

export interface HistorieSeries {
  reeks: Reeks;
  universe: UniverseId;
  /** The periods' count under the counting rule of this report. */
  counted: (periods: string[]) => Scope;
  /** All registered meldingen of the periods (what "telregel alles" counts). */
  all: (periods: string[]) => Scope;
}

/** Runs of consecutive periods that together are whole calendar years (January to December). */
export function calendarBlocks(perioden: Periode[]): { years: number[]; periods: string[] }[] {
  const out: { years: number[]; periods: string[] }[] = [];
  let open: Periode[] = [];
  for (const p of perioden) {
    if (open.length === 0 && p.van.maand !== 1) continue;
    open.push(p);
    if (p.tot.maand === 12) {
      const from = open[0]!.van.jaar;
      out.push({ years: Array.from({ length: p.tot.jaar - from + 1 }, (_, i) => from + i), periods: open.map((x) => String(x.id)) });
      open = [];
    }
  }
  return out;
}

/**
 * Facts Σ(periods) = Σ(historie of their years), placed on the counted scope when the
 * published figure equals the count under this report's rule, else on all meldingen when it
 * equals that (the 2020 report's 18 counted the corona meldingen too). A figure that equals
 * neither cannot be placed: it is left out (and `historieWarnings` tells the counsellors why).
 */
export function historieFacts(
  historie: HistorieRegel[],
  perioden: Periode[],
  series: HistorieSeries[],
  value: (universe: UniverseId, scope: Scope) => number,
): KnownFact[] {
  const out: KnownFact[] = [];
  for (const block of calendarBlocks(perioden)) {
    for (const s of series) {
      const published = block.years.map((y) => historie.find((h) => h.reeks === s.reeks && h.jaar === y));
      if (published.some((h) => h === undefined)) continue;
      const total = published.reduce((sum, h) => sum + h!.waarde, 0);
      const scope = [s.counted(block.periods), s.all(block.periods)].find((sc) => value(s.universe, sc) === total);
      if (!scope) continue;
      out.push({
        id: `historie/${s.reeks}/${block.years.join("+")}`,
        table: "historie.csv",
        row: s.reeks,
        column: block.years.join(" + "),
        universe: s.universe,
        scope,
        value: total,
        layout: "historie",
      });
    }
  }
  return out;
}
