// Either order: a public set built after a confidential set was adopted. The confidential
// reader (the Presidium) holds the confidential and the public version of every period; the
// public reader only the public versions. The public set is made so that it tells the
// confidential reader nothing new about any period an adopted confidential set covers:
//   - it follows the rows of the confidential set of its own period (the aard layout: which
//     groups stand apart, merged or in "Overige"), so its cells are the confidential cells;
//   - it keeps hidden every cell a confidential set hid, and every cell about a covered period
//     (in the same measure) that no set the confidential reader holds printed: a row merged
//     differently, a pooled figure over a covered year, a table the confidential set lacks.
// What it prints is then known to that reader already, or about periods no confidential set
// covers (variables no hidden confidential cell contains). The pair audit (pair-audit.ts)
// checks every confidential set the public one shares a period with all the same.
import { groupsOf, aardTable, type AardTableSource } from "./describe-aard.ts";
import { coordKey, type Modes, type PresentationChoice } from "./choose-presentation.ts";
import type { LedgerEntry } from "./ledger.ts";
import { modesOf } from "./recode.ts";
import type { Description } from "./tables.ts";
import { scopeKey, type Scope } from "./universe.ts";

/** The periods a figure is about, per measure ("meldingen|2019"); a figure without periods is about all. */
const periodsOf = (universe: string, scope: Scope) => (scope["jaar"] ?? ["*"]).map((j) => `${universe}|${j}`);

/**
 * The aard layout of `entry` (an adopted set of the same period): per table the first layout
 * whose every cell is a figure of the entry. Null when a table matches no layout (the
 * vocabulary or the data changed since): then the ordinary choice is made.
 */
export function layoutOf(choice: PresentationChoice, entry: LedgerEntry): Modes | null {
  const keys = new Set(entry.figures.map((f) => scopeKey(f.universe, f.scope)));
  const out: Modes = new Map();
  for (const src of choice.sources) {
    // (Every group in "Overige" repeats the total, which any set has: no evidence of its rows.)
    const found = layoutsOf(src).find(
      (modes) =>
        ![...modes.values()].every((m) => m === "overige") &&
        aardTable(src, modes).table.cells.every((c) => keys.has(scopeKey(c.universe, c.scope))),
    );
    if (!found) return null;
    for (const [group, mode] of found) out.set(coordKey(src.id, group), mode);
  }
  return out;
}

/** Every layout of one table, in the fixed order ("apart" before "groep" before "overige"). */
function layoutsOf(src: AardTableSource): Map<string, ReturnType<typeof modesOf>[number]>[] {
  let layouts: Map<string, ReturnType<typeof modesOf>[number]>[] = [new Map()];
  for (const g of groupsOf(src)) layouts = layouts.flatMap((m) => modesOf(g).map((mode) => new Map(m).set(g.key, mode)));
  return layouts;
}

/**
 * The layouts the public set may take beside the confidential sets of its own period (newest
 * version first, the same counting rule first): the first one that can be read back. Null: no
 * restriction.
 */
export function confidentialLayouts(choice: PresentationChoice, sameperiod: LedgerEntry[], telregel: string): Modes[] | null {
  const order = [...sameperiod].sort(
    (a, b) =>
      Number((b.telregel ?? "woordenlijst") === telregel) - Number((a.telregel ?? "woordenlijst") === telregel) ||
      (b.versie ?? 1) - (a.versie ?? 1),
  );
  for (const e of order) {
    const modes = layoutOf(choice, e);
    if (modes) return [modes];
  }
  return null;
}

/**
 * The cells of `d` the public set must keep hidden beside the adopted confidential sets, as a
 * ledger entry of the public audience (so protect keeps them suppressed): every cell a
 * confidential set hid, and every cell about a period a confidential set covers that nothing
 * the confidential reader holds printed. A cell some set printed is known to that reader already
 * and free to print (the public audit still judges it for the public reader).
 */
export function mustHide(
  confidential: LedgerEntry[],
  heldByConfidentialReader: LedgerEntry[],
  audience: string,
): (d: Description) => LedgerEntry[] {
  if (confidential.length === 0) return () => [];
  const hidden = new Set<string>();
  const covered = new Set<string>();
  for (const e of confidential)
    for (const f of e.figures) {
      for (const p of periodsOf(f.universe, f.scope)) covered.add(p);
      covered.add(`${f.universe}|*`);
      if (f.value === null) hidden.add(scopeKey(f.universe, f.scope));
    }
  const printed = new Set<string>();
  for (const e of heldByConfidentialReader) for (const f of e.figures) if (f.value !== null) printed.add(scopeKey(f.universe, f.scope));
  return (d) => {
    const figures = new Map<string, LedgerEntry["figures"][number]>();
    for (const t of d.tables)
      for (const c of t.cells) {
        const key = scopeKey(c.universe, c.scope);
        if (printed.has(key)) continue;
        if (hidden.has(key) || periodsOf(c.universe, c.scope).some((p) => covered.has(p)))
          figures.set(key, { universe: c.universe, scope: c.scope, value: null });
      }
    if (figures.size === 0) return [];
    return [
      {
        report: "de vastgestelde vertrouwelijke versie (daar verborgen of niet gedrukt)",
        jaar: confidential[0]!.jaar,
        audience,
        figures: [...figures.values()],
      },
    ];
  };
}

/** The confidential sets whose figures share a period and measure with `figures`. */
export function sharingPeriods(confidential: LedgerEntry[], figures: LedgerEntry["figures"]): LedgerEntry[] {
  const periods = new Set<string>();
  for (const f of figures) for (const j of f.scope["jaar"] ?? []) periods.add(`${f.universe}|${j}`);
  return confidential.filter((e) => e.figures.some((f) => (f.scope["jaar"] ?? []).some((j) => periods.has(`${f.universe}|${j}`))));
}
