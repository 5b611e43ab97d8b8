// describe, for the vertrouwenspersoon integriteit: meldingen of suspected wrongdoing and
// advice questions per year, and the herkomst of this year's meldingen. Its universe is
// protected together with the VPOO tables, so the documents cannot be combined.
import type { Aggregates } from "../aggregate/types.ts";
import { HERKOMSTEN } from "../domain.ts";
import { HERKOMST_RIJEN } from "./labels.ts";
import type { TableCell, TableSpec } from "./tables.ts";
import type { Scope, UniverseSpec } from "./universe.ts";
import { periodLabel, type PeriodeId } from "../domain/periods.ts";

export const VPI_ADVIES = "adviesvraag";

export function describeVpi(agg: Aggregates): { universe: UniverseSpec; tables: TableSpec[]; trueValue: (scope: Scope) => number } {
  const N = agg.jaar;
  const years = agg.recordYears;
  const codes = [...new Set([VPI_ADVIES, "integriteitskwestie", ...agg.vpiCellen.map((c) => c.aard)])].sort();
  const meldingCodes = codes.filter((c) => c !== VPI_ADVIES);
  const universe: UniverseSpec = {
    id: "vpi",
    integer: true,
    dimensions: [
      { name: "jaar", categories: years.map(String) },
      { name: "aard", categories: codes },
      { name: "herkomst", categories: [...HERKOMSTEN] },
    ],
  };
  const count = (scope: Scope) =>
    agg.vpiCellen
      .filter((c) =>
        Object.entries(scope).every(([dim, cats]) => cats.includes(dim === "jaar" ? String(c.jaar) : dim === "aard" ? c.aard : c.herkomst)),
      )
      .reduce((s, c) => s + c.n, 0);
  const cell = (table: string, row: string, column: string, scope: Scope): TableCell => ({
    id: `${table}/${column}/${row}`,
    row,
    column,
    universe: "vpi",
    scope,
    value: count(scope),
    kind: "aantal",
    contributions: [],
    meldingenBehind: null,
  });
  const meldingen = (y: PeriodeId): Scope => ({ jaar: [String(y)], aard: meldingCodes });
  return {
    universe,
    trueValue: count,
    tables: [
      {
        id: "vpi-jaren",
        title: "Meldingen en adviesvragen bij de vertrouwenspersoon integriteit",
        kind: "aantal",
        rows: [
          { key: "meldingen", label: "Meldingen van een vermoeden van een misstand" },
          { key: "adviesvragen", label: "Adviesvragen" },
        ],
        columns: years.map((y) => ({ key: String(y), label: periodLabel(y) })),
        totalRow: null,
        cells: years.flatMap((y) => [
          cell("vpi-jaren", "meldingen", String(y), meldingen(y)),
          cell("vpi-jaren", "adviesvragen", String(y), { jaar: [String(y)], aard: [VPI_ADVIES] }),
        ]),
      },
      {
        id: "vpi-herkomst",
        title: "Herkomst van de melders (integriteit)",
        kind: "aantal",
        rows: [...HERKOMST_RIJEN.map((r) => ({ key: r.key, label: r.label })), { key: "totaal", label: "Totaal" }],
        columns: [{ key: String(N), label: periodLabel(N) }],
        totalRow: "totaal",
        cells: [
          ...HERKOMST_RIJEN.map((r) => cell("vpi-herkomst", r.key, String(N), { ...meldingen(N), herkomst: [...r.herkomsten] })),
          cell("vpi-herkomst", "totaal", String(N), meldingen(N)),
        ],
      },
    ],
  };
}
