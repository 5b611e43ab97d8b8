// The Presidium reads the confidential and the public version of every period together. When
// a public set is written after confidential sets were adopted, it must still protect every
// cell those confidential sets hid, at the confidential threshold — checked against each
// confidential set it shares a period with (the 2021 report prints 2019 and 2020 columns).
import type { FiguresFile } from "./figures.ts";
import { auditFigures } from "./audit.ts";
import type { LedgerEntry } from "./ledger.ts";
import { scopeKey } from "./universe.ts";

/** Reports of `confidential` whose hidden cells `publicNow` (with `known`) would expose. */
export async function exposedConfidential(
  confidential: LedgerEntry[],
  publicNow: LedgerEntry[],
  known: LedgerEntry[],
  envelope: Pick<FiguresFile, "document" | "titel" | "jaar" | "markering" | "afronding" | "universes">,
  kConfidential: number,
  runAttack?: Parameters<typeof auditFigures>[3],
): Promise<{ report: string; cells: number }[]> {
  const out: { report: string; cells: number }[] = [];
  for (const entry of confidential) {
    const asFigures: FiguresFile = {
      ...envelope,
      publiek: "vertrouwelijk",
      drempel: kConfidential,
      figures: entry.figures.map((f, i) => ({
        id: `${entry.report}#${i}`,
        table: entry.report,
        row: "",
        column: "",
        kind: f.universe === "uren" ? "uren" : "aantal",
        universe: f.universe,
        scope: f.scope,
        value: f.value,
        display: "",
      })),
    };
    const pair = await auditFigures(asFigures, [...known, ...publicNow], undefined, runAttack);
    // Only the confidential version's own hidden cells are at stake: a cell the public version
    // hides but the confidential one prints is known to this reader anyway.
    // A hidden cell that another set this reader holds printed was never theirs to guess.
    const printedElsewhere = new Set(
      known.flatMap((e) => e.figures.filter((f) => f.value !== null).map((f) => scopeKey(f.universe, f.scope))),
    );
    const hidden = new Set(
      entry.figures
        .filter((f) => f.value === null)
        .map((f) => scopeKey(f.universe, f.scope))
        .filter((key) => !printedElsewhere.has(key)),
    );
    const weak = pair.intervals.filter((iv) => !iv.ok && iv.requiredWidth > 0 && hidden.has(iv.id));
    if (weak.length > 0) out.push({ report: entry.report, cells: weak.length });
  }
  return out;
}

/** The confidential sets whose figures share a period and measure with `figures`. */
export function sharingPeriods(confidential: LedgerEntry[], figures: LedgerEntry["figures"]): LedgerEntry[] {
  const periods = new Set<string>();
  for (const f of figures) for (const j of f.scope["jaar"] ?? []) periods.add(`${f.universe}|${j}`);
  return confidential.filter((e) => e.figures.some((f) => (f.scope["jaar"] ?? []).some((j) => periods.has(`${f.universe}|${j}`))));
}
