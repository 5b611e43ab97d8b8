// Meldingen per 100 staff over the years, so that a rise can be read against growth. The
// headcount comes from the optional personeel.csv; the meldingen are the published totals
// (historie) and the PROTECTED totals of the record years: a year whose total is hidden has
// its rate hidden too. A rate is a function of the printed total and the headcount, both
// printed beside it, so it tells nothing the audit does not already see.
import { periodLabel } from "../domain/periods.ts";
import type { Block, PresentedTable } from "./model.ts";
import { formatGetal } from "./format.ts";
import type { SectionContext } from "./section-context.ts";
import { markNote } from "./tables.ts";

export function perHonderdBlocks(ctx: SectionContext): Block[] {
  const { d, agg, cells } = ctx;
  const personeel = new Map((d.personeel ?? []).map((p) => [p.jaar, p.aantal]));
  if (personeel.size === 0) return [];
  const where = "Tabel: meldingen per 100 medewerkers";
  // Recorded as the table prints them: the row is the year, the column the header.
  const constant = (id: string, row: string, column: string, value: number, display: string) =>
    cells.book.add({
      id: `${where}|${id}|${row}`,
      table: where,
      row,
      column,
      kind: "constante",
      universe: null,
      scope: null,
      value,
      display,
    });
  const rows: PresentedTable["rows"] = [];
  let hidden = false;
  for (const s of agg.meldingenSerie) {
    if (typeof s.jaar !== "number") continue;
    const aantal = personeel.get(s.jaar);
    if (aantal === undefined) continue;
    const y = String(s.jaar);
    const label = s.bron === "registratie" ? periodLabel(s.jaar) : `${periodLabel(s.jaar)} (gepubliceerd)`;
    let total: number | null;
    let totalText: string;
    if (s.bron !== "registratie") {
      total = s.waarde;
      totalText = constant("meldingen", label, "Meldingen", s.waarde, formatGetal(s.waarde));
    } else {
      const c = cells.cell("herkomst", "totaal", y)!;
      totalText = cells.print(c, where, label, "Meldingen");
      total = cells.isSuppressed(c) ? null : c.value;
    }
    const medewerkers = constant("medewerkers", label, "Medewerkers", aantal, formatGetal(aantal));
    let rate = cells.mark;
    if (total === null) hidden = true;
    else {
      const r = Math.round((1000 * total) / aantal) / 10;
      // Always one decimal ("1,0", not "1"): a column of rates reads evenly.
      rate = constant("per100", label, "Per 100 medewerkers", r, r.toFixed(1).replace(".", ","));
    }
    rows.push({ label, cells: [totalText, medewerkers, rate], total: false });
  }
  if (rows.length === 0) return [];
  return [
    {
      type: "table",
      table: {
        id: "per-100",
        caption: where,
        headers: ["Jaar", "Meldingen", "Medewerkers", "Per 100 medewerkers"],
        rows,
        notes: [
          "Medewerkers: het aantal medewerkers (ambtelijke organisatie en fracties) volgens HR. Per 100 medewerkers = meldingen gedeeld door medewerkers, maal 100.",
          ...(hidden ? [markNote(cells.mark)] : []),
        ],
      },
    },
  ];
}
