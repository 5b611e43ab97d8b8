// Counts a reader derives by subtracting, though no table prints them. Two pooled tables whose
// spans differ by one year (2018–2019 in one report, 2018–2020 in the next) give that year's
// count of every row they share: Pesten 12 − 9 = 3 in 2020, while the yearly table shows only
// the group "Pesten en roddelen". So the single-year part of every pooled count (this report's
// and the earlier reports') is a figure the protection must keep hidden when it is unsafe by
// the primary rule, exactly like a hidden printed cell: it joins the suppression as a cell that
// is never printed and needs its interval.
// One that the earlier reports alone already pin cannot be protected by this report (a figure
// once published stays known): it is recorded in the internal log, with width 0, and left out.
import type { EngineCell, LinearFact, RunAttack } from "./engine/types.ts";
import type { LedgerEntry } from "./ledger.ts";
import { primaryReason, type PrimaryRules } from "./primary.ts";
import type { Description, TableCell } from "./tables.ts";
import { placeScope, scopeKey, singleYearParts, type Indexed, type Scope, type UniverseId } from "./universe.ts";

/** A derived count in the internal log: protected (its width), or already known before this report (width 0). */
export interface DerivedEntry {
  key: string;
  value: number;
  requiredWidth: number;
  reden: string;
}

/** The unsafe single-year parts of the pooled counts this reader holds or is given, as primary engine cells. */
function unsafeParts(
  description: Description,
  index: Indexed,
  rules: PrimaryRules,
  known: LedgerEntry[],
  taken: ReadonlySet<string>,
): EngineCell[] {
  const trueValue = description.trueValue;
  if (!trueValue) return [];
  const pooled: { universe: UniverseId; scope: Scope }[] = [
    ...description.tables.flatMap((t) => t.cells.filter((c) => c.kind === "aantal")),
    ...known.flatMap((e) => e.figures),
  ];
  const out = new Map<string, EngineCell>();
  for (const { universe, scope } of pooled) {
    if (!description.universes.find((u) => u.id === universe)?.integer) continue;
    for (const part of singleYearParts(scope)) {
      const key = scopeKey(universe, part);
      if (taken.has(key) || out.has(key)) continue;
      const at = placeScope(description.universes, index, universe, part, true);
      if (!("terms" in at) || at.partial || at.terms.length === 0) continue;
      const value = trueValue(universe, part);
      const cell: TableCell = {
        id: key,
        row: "",
        column: "",
        universe,
        scope: part,
        value,
        kind: "aantal",
        contributions: [],
        meldingenBehind: null,
      };
      if (primaryReason(cell, rules) === null) continue;
      out.set(key, { id: key, terms: at.terms, value, status: "primary", requiredWidth: rules.k - 1, cost: 0 });
    }
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What the derived counts are taken from: the set, its universes, the rules and the earlier reports. */
interface DerivedScope {
  description: Description;
  index: Indexed;
  rules: PrimaryRules;
  known: LedgerEntry[];
  taken: ReadonlySet<string>;
}

/**
 * The derived counts to protect for one reader, given what that reader already knows (`fixed`:
 * every figure printed before or fixed by the layout, `facts`) and what this report may print
 * (`candidates`). `taken`: the scope keys the description or the earlier reports already have as
 * a cell (protected as such). Two attacks bound the work, both by monotonicity (publishing more
 * only narrows an interval): with only `fixed` published, a count already pinned is known and
 * cannot be protected; with every candidate published too, a count that keeps its interval is
 * safe under any pattern and need not join the suppression.
 */
export async function derivedCells(
  { description, index, rules, known, taken }: DerivedScope,
  { fixed, candidates, facts }: { fixed: EngineCell[]; candidates: EngineCell[]; facts: LinearFact[] },
  runAttack: RunAttack,
): Promise<{ cells: EngineCell[]; log: DerivedEntry[] }> {
  const parts = unsafeParts(description, index, rules, known, taken);
  if (parts.length === 0) return { cells: [], log: [] };
  const failing = async (published: EngineCell[], insider: boolean) => {
    const intervals = await runAttack({
      vars: index.integer.map((integer) => ({ integer })),
      published: published.map((c) => ({ id: c.id, terms: c.terms, value: c.value })),
      suppressed: parts.map((c) => ({ id: c.id, terms: c.terms, requiredWidth: c.requiredWidth })),
      facts,
      insider,
    });
    return new Set(intervals.filter((iv) => !iv.ok).map((iv) => iv.id));
  };
  const pinned = await failing(fixed, false);
  const atRisk = await failing([...fixed, ...candidates], true);
  const kept = parts.filter((c) => pinned.has(c.id) || atRisk.has(c.id));
  return {
    cells: kept.filter((c) => !pinned.has(c.id)),
    log: kept.map((c) =>
      pinned.has(c.id)
        ? { key: c.id, value: c.value, requiredWidth: 0, reden: "volgt al uit eerder gepubliceerde verslagen; niet meer te beschermen" }
        : {
            key: c.id,
            value: c.value,
            requiredWidth: c.requiredWidth,
            reden: `af te leiden uit tabellen over meer jaren (verschil van twee tijdvakken); aantal ${c.value} is kleiner dan de drempel ${rules.k}`,
          },
    ),
  };
}
