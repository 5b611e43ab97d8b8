// describe, the aard tables: the yearly one (this year against last year) and the pooled one
// (the last three record periods together). Their rows depend on a mode per vocabulary group
// (recode.ts), chosen together with the suppression in choose-presentation.ts, so the table
// is built from the modes rather than fixed once.
import type { Aggregates } from "../aggregate/types.ts";
import { aardCounts } from "../domain/counting.ts";
import { periodLabel, type PeriodeId } from "../domain/periods.ts";
import type { Dataset } from "../domain.ts";
import { labelInYear } from "../validate/vocabulaire.ts";
import { aardGroups, recodeRows, type AardGroup, type GroupMode, type RecodeRow } from "./recode.ts";
import type { AardColumn, AardTableSource, Recoding, TableCell, TableSpec } from "./tables.ts";
import type { Scope } from "./universe.ts";

/** Everything an aard table needs besides the modes. */

export interface AardTable {
  table: TableSpec;
  recodings: Recoding[];
  /** Row key → how finely the row shows its meldingen. */
  levels: Map<string, RecodeRow["level"]>;
}

export function groupsOf(src: AardTableSource): AardGroup[] {
  return aardGroups(src.codes, src.terms);
}

export function aardTable(src: AardTableSource, modes: ReadonlyMap<string, GroupMode>): AardTable {
  const rows = recodeRows(groupsOf(src), modes, src.labelOf);
  const cell = (row: string, col: AardColumn, scope: Scope): TableCell => ({
    id: `${src.id}/${col.key}/${row}`,
    row,
    column: col.key,
    universe: "meldingen",
    scope,
    value: src.count(scope),
    kind: "aantal",
    contributions: [],
    meldingenBehind: null,
  });
  const table: TableSpec = {
    id: src.id,
    title: src.title,
    kind: "aantal",
    rows: [
      ...rows.map((r) => ({ key: r.key, label: r.label })),
      { key: "totaal", label: "Totaal" },
      ...src.apart.map((c) => ({ key: c, label: `${src.labelOf(c)} (telt niet mee)` })),
    ],
    columns: src.columns.map((c) => ({ key: c.key, label: c.label })),
    totalRow: "totaal",
    cells: src.columns.flatMap((col) => [
      ...rows.map((r) => cell(r.key, col, { jaar: col.jaren, aard: r.codes })),
      cell("totaal", col, { jaar: col.jaren, aard: src.counted }),
      ...src.apart.map((c) => cell(c, col, { jaar: col.jaren, aard: [c] })),
    ]),
  };
  const recodings = rows
    .filter((r) => r.codes.length > 1)
    .map((r) => ({ table: src.id, label: r.label, members: r.codes.map(src.labelOf) }));
  return { table, recodings, levels: new Map(rows.map((r) => [r.key, r.level])) };
}

/** A melding count over any scope of the meldingen universe. */
export function meldingCount(agg: Aggregates): (scope: Scope) => number {
  return (scope) =>
    agg.meldingCellen
      .filter((c) => {
        const at: Record<string, string> = {
          jaar: String(c.jaar),
          aard: c.aard,
          herkomst: c.herkomst,
          status: c.status,
          vpgroep: c.vpgroep,
        };
        return Object.entries(scope).every(([dim, cats]) => cats.includes(at[dim]!));
      })
      .reduce((s, c) => s + c.n, 0);
}

/** The source of an aard table over `columns`: rows for every code with a melding in one of them. */
export function aardSource(agg: Aggregates, d: Dataset, id: string, title: string, columns: AardColumn[]): AardTableSource {
  const aardCodes = [
    ...new Set([...d.vocabulaire.filter((t) => t.soort === "aard").map((t) => t.code), ...agg.meldingCellen.map((c) => c.aard)]),
  ];
  const counted = aardCodes.filter((c) => aardCounts(d, c));
  const count = meldingCount(agg);
  const inSome = (c: string) => columns.some((col) => count({ jaar: col.jaren, aard: [c] }) > 0);
  const labelOf = (code: string) => {
    const t = d.vocabulaire.find((x) => x.soort === "aard" && x.code === code);
    return t ? labelInYear(t, agg.periode.tot.jaar) : code;
  };
  // Every leaf category of the vocabulary valid in these periods gets its place (a row, or a
  // name in a merged row's note) whether or not it occurred: a table that named only what
  // occurred would tell the reader that every named category is at least 1, and with zeros
  // protected, which ones are 0. The report says so (present/meldingen.ts). (No retired
  // categories, and no group as a member.)
  const validNow = (c: string) =>
    d.vocabulaire.some(
      (t) =>
        t.soort === "aard" &&
        t.code === c &&
        t.geldigVan <= agg.periode.tot.jaar &&
        (t.geldigTot === null || t.geldigTot >= agg.perioden[0]!.van.jaar),
    );
  const leaf = (c: string) => !d.vocabulaire.some((t) => t.groep === c);
  const shown = (c: string) => inSome(c) || (validNow(c) && leaf(c));
  return {
    id,
    title,
    columns,
    counted,
    terms: d.vocabulaire,
    labelOf,
    count,
    codes: counted.filter(shown),
    apart: aardCodes.filter((c) => !counted.includes(c) && inSome(c)),
  };
}

/**
 * This year against last year (the reported period and the one before it) — and every year
 * of the pooled span when there is one: a pooled row minus the yearly columns printed beside
 * it would otherwise give a year that is no figure of the report, so no audit would see it.
 */
export function yearlyAardSource(agg: Aggregates, d: Dataset, span: string[] | null): AardTableSource {
  const prev: PeriodeId[] = span
    ? agg.recordYears.filter((y) => span.includes(String(y)))
    : agg.vorige !== null
      ? [agg.vorige, agg.jaar]
      : [agg.jaar];
  return aardSource(
    agg,
    d,
    "aard",
    "Aard van de meldingen",
    prev.map((y) => ({ key: String(y), label: periodLabel(y), jaren: [String(y)] })),
  );
}
