// A yearly series that starts with totals published before the records existed (historie)
// and continues with protected cells: used by the charts of meldingen, VPI and klachten.
import { periodLabel } from "../domain/periods.ts";
import type { SerieJaar } from "../aggregate/types.ts";
import type { ProtectedCells } from "./cells.ts";
import { formatGetal } from "./format.ts";
import type { PresentedTable } from "./model.ts";

export interface SeriesRows {
  /** `eerder`: the value comes from an earlier report (historie), drawn apart in the chart. */
  points: { x: string; y: number; eerder?: boolean }[];
  rows: PresentedTable["rows"];
  hidden: string[];
}

/** `cellFor(year)` names the protected cell of a record year: [table, row]. */
export function seriesRows(
  cells: ProtectedCells,
  series: SerieJaar[],
  where: string,
  rowLabel: string,
  cellFor: [string, string],
): SeriesRows {
  const out: SeriesRows = { points: [], rows: [], hidden: [] };
  for (const s of series) {
    const y = String(s.jaar);
    const label = periodLabel(s.jaar);
    if (s.bron !== "registratie") {
      // Published in an earlier report: a constant, known to everyone already.
      const display = cells.book.add({
        id: `${where}|${y}`,
        table: where,
        row: rowLabel,
        column: y,
        kind: "constante",
        universe: null,
        scope: null,
        value: s.waarde,
        display: formatGetal(s.waarde),
      });
      out.points.push({ x: label, y: s.waarde, eerder: true });
      out.rows.push({ label: `${label} (gepubliceerd)`, cells: [display], total: false });
    } else {
      const c = cells.cell(cellFor[0], cellFor[1], y)!;
      const display = cells.print(c, where, rowLabel, y);
      if (cells.isSuppressed(c)) out.hidden.push(label);
      else out.points.push({ x: label, y: c.value });
      out.rows.push({ label, cells: [display], total: false });
    }
  }
  return out;
}
