// describe, pooled periods: where one year of 10–30 meldingen is too small to show its
// distribution, the last three record periods together often are. A pooled cell is the sum
// of the inner cells of those periods, so it is one more figure over the same universe: the
// suppression and the attack see it beside every yearly table, the ledger and the historie,
// and a pooled span beside published yearly columns cannot be subtracted into a hidden year
// (the attack is linear; it simply solves for it).
import { periodLabel, type PeriodeId } from "../domain/periods.ts";
import type { Aggregates } from "../aggregate/types.ts";
import { HERKOMSTEN, STATUSSEN, type Dataset } from "../domain.ts";
import { aardSource, meldingCount } from "./describe-aard.ts";
import type { AardColumn, AardTableSource } from "./tables.ts";
import { HERKOMST_LABEL, STATUS_LABEL } from "./labels.ts";
import { VPI_ADVIES } from "./describe-vpi.ts";
import type { TableCell, TableSpec } from "./tables.ts";
import type { Scope } from "./universe.ts";

/** How many record periods a pooled table spans at most. */
const POOL_LENGTH = 3;
/** And at least: one period has nothing to pool. */
const MIN_POOL_LENGTH = 2;

export const POOLED_TABLES = { aard: "aard-periode", herkomst: "herkomst-periode", status: "status-periode", vpi: "vpi-periode" } as const;

/**
 * The pooled span: the last three record periods up to the reported one, or the two there are.
 * Two periods pooled beside the yearly table's two columns are their row sums, and that is
 * worth printing: a category hidden in both years (Roddelen 2018 x, 2019 x) can show as one
 * figure over both (the example data's 2019 report shows 95% of its meldingen' aard at group
 * level or finer with it, 76% without; BENCHMARKS.md §6). Null with one period.
 */
export function pooledSpan(agg: Aggregates): AardColumn | null {
  const upTo = agg.recordYears.slice(0, agg.recordYears.indexOf(agg.jaar) + 1);
  const span: PeriodeId[] = upTo.slice(-POOL_LENGTH);
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

/** Herkomst and status over the span (the pooled aard table is built from its source). */
export function describePooled(agg: Aggregates, d: Dataset, vpiCount: (scope: Scope) => number): TableSpec[] {
  const span = pooledSpan(agg);
  if (!span) return [];
  const count = meldingCount(agg);
  const counted = aardSource(agg, d, "", "", [span]).counted;
  const all: Scope = { jaar: span.jaren, aard: counted };
  const cell = (table: string, row: string, universe: "meldingen" | "vpi", scope: Scope): TableCell => ({
    id: `${table}/${span.key}/${row}`,
    row,
    column: span.key,
    universe,
    scope,
    value: universe === "vpi" ? vpiCount(scope) : count(scope),
    kind: "aantal",
    contributions: [],
    meldingenBehind: null,
  });
  const column = [{ key: span.key, label: span.label }];
  const vpiCodes = [...new Set([VPI_ADVIES, "integriteitskwestie", ...agg.vpiCellen.map((c) => c.aard)])].filter((c) => c !== VPI_ADVIES);
  return [
    {
      id: POOLED_TABLES.herkomst,
      title: `Meldingen naar herkomst van de melder, ${span.label} samen`,
      kind: "aantal",
      rows: [...HERKOMSTEN.map((h) => ({ key: h, label: HERKOMST_LABEL[h] })), { key: "totaal", label: "Totaal" }],
      columns: column,
      totalRow: "totaal",
      cells: [
        ...HERKOMSTEN.map((h) => cell(POOLED_TABLES.herkomst, h, "meldingen", { ...all, herkomst: [h] })),
        cell(POOLED_TABLES.herkomst, "totaal", "meldingen", all),
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
