// describe, pooled periods: where one year of 10–30 meldingen is too small to show its
// distribution, the last three record periods together often are. A pooled cell is the sum
// of the inner cells of those periods, so it is one more figure over the same universe: the
// suppression and the attack see it beside every yearly table, the ledger and the historie,
// and a pooled span beside published yearly columns cannot be subtracted into a hidden year
// (the attack is linear; it simply solves for it).
import { periodLabel, type PeriodeId } from "../domain/periods.ts";
import type { Aggregates } from "../aggregate/types.ts";
import { STATUSSEN, type Dataset } from "../domain.ts";
import { aardSource, meldingCount } from "./describe-aard.ts";
import type { AardColumn, AardTableSource } from "./tables.ts";
import { HERKOMST_RIJEN, STATUS_LABEL } from "./labels.ts";
import { VPI_ADVIES } from "./describe-vpi.ts";
import type { TableCell, TableSpec } from "./tables.ts";
import type { Scope } from "./universe.ts";

/** How many record periods a pooled table spans at most. */
const POOL_LENGTH = 3;
/** And at least: one period has nothing to pool. */
const MIN_POOL_LENGTH = 2;
/**
 * The herkomst table pools two periods. Its fracties row is small in most years, so the split
 * rests on the pooled table; spans of three that start together (2018–2019, then 2018–2020)
 * differ by exactly the newest year, whose small fracties figure would follow by subtraction.
 * Spans of two move one period each year: two reports' spans differ by a difference of two
 * years, never one year alone (the example data's 2020 report shows its split only this way,
 * BENCHMARKS.md §6).
 */
const HERKOMST_POOL_LENGTH = 2;

export const POOLED_TABLES = { aard: "aard-periode", herkomst: "herkomst-periode", status: "status-periode", vpi: "vpi-periode" } as const;

/**
 * The pooled span: the last three record periods up to the reported one, or the two there are.
 * Two periods pooled beside the yearly table's two columns are their row sums, and that is
 * worth printing: a category hidden in both years (Roddelen 2018 x, 2019 x) can show as one
 * figure over both (the example data's 2019 report shows 95% of its meldingen' aard at group
 * level or finer with it, 76% without; BENCHMARKS.md §6). Null with one period.
 */
export function pooledSpan(agg: Aggregates, length = POOL_LENGTH): AardColumn | null {
  const upTo = agg.recordYears.slice(0, agg.recordYears.indexOf(agg.jaar) + 1);
  const span: PeriodeId[] = upTo.slice(-length);
  if (span.length < MIN_POOL_LENGTH) return null;
  return {
    key: `${span[0]}..${span[span.length - 1]}`,
    label: `${periodLabel(span[0]!)}–${periodLabel(span[span.length - 1]!)}`,
    jaren: span.map(String),
  };
}

export function pooledAardSource(agg: Aggregates, d: Dataset): AardTableSource | null {
  const span = pooledSpan(agg);
  return span ? aardSource(agg, d, POOLED_TABLES.aard, `Aard van de meldingen, ${span.label} samen`, [span]) : null;
}

/** Herkomst and status over their spans (the pooled aard table is built from its source). */
export function describePooled(agg: Aggregates, d: Dataset, vpiCount: (scope: Scope) => number): TableSpec[] {
  const span = pooledSpan(agg);
  const herkomstSpan = pooledSpan(agg, HERKOMST_POOL_LENGTH);
  if (!span || !herkomstSpan) return [];
  const count = meldingCount(agg);
  const allOf = (s: AardColumn): Scope => ({ jaar: s.jaren, aard: aardSource(agg, d, "", "", [s]).counted });
  const all = allOf(span);
  const cell = (table: string, row: string, universe: "meldingen" | "vpi", scope: Scope, s: AardColumn = span): TableCell => ({
    id: `${table}/${s.key}/${row}`,
    row,
    column: s.key,
    universe,
    scope,
    value: universe === "vpi" ? vpiCount(scope) : count(scope),
    kind: "aantal",
    contributions: [],
    meldingenBehind: null,
  });
  const column = [{ key: span.key, label: span.label }];
  const vpiCodes = [...new Set([VPI_ADVIES, "integriteitskwestie", ...agg.vpiCellen.map((c) => c.aard)])].filter((c) => c !== VPI_ADVIES);
  const herkomstCell = (row: string, scope: Scope) => cell(POOLED_TABLES.herkomst, row, "meldingen", scope, herkomstSpan);
  return [
    {
      id: POOLED_TABLES.herkomst,
      title: `Meldingen naar herkomst van de melder, ${herkomstSpan.label} samen`,
      kind: "aantal",
      rows: [...HERKOMST_RIJEN.map((r) => ({ key: r.key, label: r.label })), { key: "totaal", label: "Totaal" }],
      columns: [{ key: herkomstSpan.key, label: herkomstSpan.label }],
      totalRow: "totaal",
      cells: [
        ...HERKOMST_RIJEN.map((r) => herkomstCell(r.key, { ...allOf(herkomstSpan), herkomst: [...r.herkomsten] })),
        herkomstCell("totaal", allOf(herkomstSpan)),
      ],
    },
    {
      id: POOLED_TABLES.status,
      title: `Stand van zaken aan het eind van het jaar van melding, ${span.label} samen`,
      kind: "aantal",
      rows: [...STATUSSEN.map((s) => ({ key: s, label: STATUS_LABEL[s] })), { key: "totaal", label: "Totaal" }],
      columns: column,
      totalRow: "totaal",
      cells: [
        ...STATUSSEN.map((s) => cell(POOLED_TABLES.status, s, "meldingen", { ...all, status: [s] })),
        cell(POOLED_TABLES.status, "totaal", "meldingen", all),
      ],
    },
    {
      id: POOLED_TABLES.vpi,
      title: `Meldingen en adviesvragen bij de vertrouwenspersoon integriteit, ${span.label} samen`,
      kind: "aantal",
      rows: [
        { key: "meldingen", label: "Meldingen van een vermoeden van een misstand" },
        { key: "adviesvragen", label: "Adviesvragen" },
      ],
      columns: column,
      totalRow: null,
      cells: [
        cell(POOLED_TABLES.vpi, "meldingen", "vpi", { jaar: span.jaren, aard: vpiCodes }),
        cell(POOLED_TABLES.vpi, "adviesvragen", "vpi", { jaar: span.jaren, aard: [VPI_ADVIES] }),
      ],
    },
  ];
}
