// What a table says without printing it: a reader takes every printed table as complete.
// A category without a row had nothing, and the rows add up to the total. So for every
// column the part of the total's scope that no row covers is 0 — a fact as good as a
// printed 0, which the protection and the audit must both know (else the audit lets the
// missing rows absorb what the reader simply subtracts).
import type { KnownFact, TableSpec } from "./tables.ts";
import type { Scope, UniverseSpec } from "./universe.ts";

/**
 * `extents` widens the claim for a table: the rows (total included) cover all of this scope
 * per column. The aard table lists the categories outside the count ("telt niet mee") under
 * the total, so its rows cover every aard of the year.
 */
export function layoutFacts(
  tables: TableSpec[],
  universes: UniverseSpec[],
  extents: Record<string, (column: string) => Scope> = {},
): KnownFact[] {
  const out: KnownFact[] = [];
  for (const t of tables) {
    if (t.totalRow === null) continue;
    for (const col of t.columns) {
      const total = t.cells.find((c) => c.row === t.totalRow && c.column === col.key);
      if (!total) continue;
      const u = universes.find((x) => x.id === total.universe)!;
      const parts = t.cells.filter((c) => c.column === col.key && c.row !== t.totalRow && c.universe === total.universe);
      const inside = parts.filter((c) => within(u, c.scope, total.scope));
      const add = (scopes: Scope[], what: string) => {
        scopes.forEach((scope, i) =>
          out.push({
            id: `${t.id}/${col.key}/${what}${i ? `#${i + 1}` : ""}`,
            table: t.id,
            row: what,
            column: col.key,
            universe: total.universe,
            scope,
            value: 0,
            layout: "ontbrekende rijen",
          }),
        );
      };
      add(
        complement(
          u,
          total.scope,
          inside.map((c) => c.scope),
        ),
        "ontbrekende rijen",
      );
      const extent = extents[t.id]?.(col.key);
      if (extent)
        add(
          complement(u, extent, [total.scope, ...parts.filter((c) => !inside.includes(c)).map((c) => c.scope)]),
          "ontbrekende rijen buiten het totaal",
        );
    }
  }
  return out;
}

const cats = (u: UniverseSpec, scope: Scope, dim: string): string[] => scope[dim] ?? u.dimensions.find((d) => d.name === dim)!.categories;

function within(u: UniverseSpec, inner: Scope, outer: Scope): boolean {
  return u.dimensions.every((d) => cats(u, inner, d.name).every((c) => cats(u, outer, d.name).includes(c)));
}

/**
 * The part of `extent` that none of `rows` covers, as scopes (boxes); empty when nothing is
 * left. The rows of a table usually differ from its extent in one dimension (the row
 * dimension): then the rest is one scope. Otherwise the extent is split along a dimension
 * in which the rows differ, one category at a time, until each piece is covered or free.
 */
export function complement(u: UniverseSpec, extent: Scope, rows: Scope[]): Scope[] {
  if (rows.length === 0) return [];
  const differs = (r: Scope, dim: string) => {
    const a = cats(u, r, dim);
    const b = cats(u, extent, dim);
    return b.some((c) => !a.includes(c));
  };
  const differing = u.dimensions.map((d) => d.name).filter((dim) => rows.some((r) => differs(r, dim)));
  if (differing.length === 0) return [];
  if (rows.some((r) => differing.every((dim) => !differs(r, dim)))) return [];
  if (differing.length === 1) {
    const dim = differing[0]!;
    const covered = new Set(rows.flatMap((r) => cats(u, r, dim)));
    const left = cats(u, extent, dim).filter((c) => !covered.has(c));
    return left.length === 0 ? [] : [{ ...extent, [dim]: left }];
  }
  const dim = differing[0]!;
  return cats(u, extent, dim).flatMap((c) => {
    const piece = { ...extent, [dim]: [c] };
    const inPiece = rows.filter((r) => cats(u, r, dim).includes(c)).map((r) => ({ ...r, [dim]: [c] }));
    return inPiece.length === 0 ? [piece] : complement(u, piece, inPiece);
  });
}
