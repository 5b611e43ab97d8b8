// The Presidium reads the confidential and the public version of a year together. When the
// public one is written after the confidential one, the pair must still protect every cell
// the confidential version hid, at the confidential threshold.
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
): Promise<{ report: string; cells: number }[]> {
  const out: { report: string; cells: number }[] = [];
  for (const entry of confidential) {
    const asFigures: FiguresFile = {
      ...envelope,
      publiek: "vertrouwelijk",
      drempel: kConfidential,
      figures: entry.figures.map((f, i) => ({
        id: `${entry.report}#${i}`, table: entry.report, row: "", column: "",
        kind: f.universe === "uren" ? "uren" : "aantal", universe: f.universe, scope: f.scope, value: f.value, display: "",
      })),
    };
    const pair = await auditFigures(asFigures, [...known, ...publicNow]);
    // Only the confidential version's own hidden cells are at stake: a cell the public version
    // hides but the confidential one prints is known to this reader anyway.
    const hidden = new Set(entry.figures.filter((f) => f.value === null).map((f) => scopeKey(f.universe, f.scope)));
    const weak = pair.intervals.filter((iv) => !iv.ok && iv.requiredWidth > 0 && hidden.has(iv.id));
    if (weak.length > 0) out.push({ report: entry.report, cells: weak.length });
  }
  return out;
}
