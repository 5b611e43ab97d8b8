// figures.json: every number the report prints — tables, charts and sentences alike — with
// what it is the sum of. The audit reads this file, so what is audited is what is printed.
import type { PeriodeId } from "../aggregate/periods.ts";
import type { Scope, UniverseId, UniverseSpec } from "../protect/universe.ts";
import type { InformationMeasure } from "../protect/information.ts";

export type FigureKind = "aantal" | "uren" | "aandeel" | "gemiddelde" | "constante";

export interface Figure {
  id: string;
  /** The table, chart or sentence that prints it. */
  table: string;
  row: string;
  column: string;
  kind: FigureKind;
  /** Null for constants that were published elsewhere (historie). */
  universe: UniverseId | null;
  scope: Scope | null;
  /** For shares and averages: what the figure is divided by. */
  denominator?: { universe: UniverseId; scope: Scope };
  /** Null when suppressed. Shares in whole percents, hours and averages to one decimal. */
  value: number | null;
  display: string;
}

export interface FiguresFile {
  document: string;
  titel: string;
  /** The reported period: a calendar year, or a period key such as "2018-01..2019-11". */
  jaar: PeriodeId;
  publiek: "openbaar" | "vertrouwelijk";
  drempel: number;
  markering: string;
  /** How precisely printed numbers are rounded, per kind (half of the last digit). */
  afronding: Record<FigureKind, number>;
  universes: UniverseSpec[];
  figures: Figure[];
  /** How much the documents of this build publish together (protect/information.ts). */
  informatie?: InformationMeasure;
}

export const AFRONDING: Record<FigureKind, number> = { aantal: 0, uren: 0.05, aandeel: 0.5, gemiddelde: 0.05, constante: 0 };

export class FigureBook {
  readonly figures: Figure[] = [];
  private readonly ids = new Set<string>();

  add(f: Figure): string {
    let id = f.id;
    for (let i = 2; this.ids.has(id); i++) id = `${f.id}#${i}`;
    this.ids.add(id);
    this.figures.push({ ...f, id });
    return f.display;
  }
}
