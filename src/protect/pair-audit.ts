// The Presidium reads the confidential and the public version of every period together. When
// a public set is written after confidential sets were adopted, it must still protect every
// cell those confidential sets hid, at the confidential threshold — checked against each
// confidential set it shares a period with (the 2021 report prints 2019 and 2020 columns).
import type { FiguresFile } from "./figures.ts";
import { auditFigures } from "./audit.ts";
import type { RunAttack } from "./engine/types.ts";
import type { LedgerEntry } from "./ledger.ts";
import { scopeKey } from "./universe.ts";

/**
 * Reports of `confidential` whose hidden cells `publicNow` (with `known`) would expose.
 *
 * Only a confidential report's own hidden counts are at stake: a cell the public version hides
 * but the confidential one prints is known to this reader anyway, and so is a hidden cell that
 * another set this reader holds printed. The reports this reader holds as sent (they are in
 * `known` as they are) are attacked together, in one model: each of them is already in every
 * other's attack as a known report, so the model is the same for each, and a cell's interval
 * does not depend on which other cells are asked for. A report that today's data gives
 * differently (in `known` only in part) is attacked on its own, as it was sent.
 */
export async function exposedConfidential(
  confidential: LedgerEntry[],
  publicNow: LedgerEntry[],
  known: LedgerEntry[],
  envelope: Envelope,
  kConfidential: number,
  runAttack?: RunAttack,
): Promise<{ report: string; cells: number }[]> {
  const printedElsewhere = new Set(
    known.flatMap((e) => e.figures.filter((f) => f.value !== null).map((f) => scopeKey(f.universe, f.scope))),
  );
  const hiddenOf = (e: LedgerEntry) =>
    new Set(
      e.figures
        .filter((f) => f.value === null && f.universe !== "uren")
        .map((f) => scopeKey(f.universe, f.scope))
        .filter((key) => !printedElsewhere.has(key)),
    );
  const held = new Set(known);
  const groups = [confidential.filter((e) => held.has(e)), ...confidential.filter((e) => !held.has(e)).map((e) => [e])];
  const weak = new Map<LedgerEntry, number>();
  for (const group of groups) {
    const hidden = new Map(group.map((e) => [e, hiddenOf(e)]));
    const targets = new Set([...hidden.values()].flatMap((h) => [...h]));
    if (targets.size === 0) continue;
    const file = asFigures(group, printedElsewhere, envelope, kConfidential);
    const pair = await auditFigures(file, [...known, ...publicNow], undefined, runAttack, targets);
    const failed = new Set(pair.intervals.filter((iv) => !iv.ok && iv.requiredWidth > 0).map((iv) => iv.id));
    for (const [e, h] of hidden) weak.set(e, [...h].filter((key) => failed.has(key)).length);
  }
  return confidential.flatMap((e) => ((weak.get(e) ?? 0) > 0 ? [{ report: e.report, cells: weak.get(e)! }] : []));
}

type Envelope = Pick<FiguresFile, "document" | "titel" | "jaar" | "markering" | "afronding" | "universes">;

/**
 * The figures of `entries` as one confidential figures file: every printed figure, and every
 * hidden one that no set the reader holds printed (such a cell is printed, not hidden, to them:
 * as a place for an insider's melding it adds nothing its printed value does not say).
 */
function asFigures(entries: LedgerEntry[], printedElsewhere: Set<string>, envelope: Envelope, kConfidential: number): FiguresFile {
  return {
    ...envelope,
    publiek: "vertrouwelijk",
    drempel: kConfidential,
    figures: entries.flatMap((entry) =>
      entry.figures.flatMap((f, i) =>
        f.value === null && printedElsewhere.has(scopeKey(f.universe, f.scope))
          ? []
          : [
              {
                id: `${entry.report}#${i}`,
                table: entry.report,
                row: "",
                column: "",
                kind: f.universe === "uren" ? ("uren" as const) : ("aantal" as const),
                universe: f.universe,
                scope: f.scope,
                value: f.value,
                display: "",
              },
            ],
      ),
    ),
  };
}

/** The confidential sets whose figures share a period and measure with `figures`. */
export function sharingPeriods(confidential: LedgerEntry[], figures: LedgerEntry["figures"]): LedgerEntry[] {
  const periods = new Set<string>();
  for (const f of figures) for (const j of f.scope["jaar"] ?? []) periods.add(`${f.universe}|${j}`);
  return confidential.filter((e) => e.figures.some((f) => (f.scope["jaar"] ?? []).some((j) => periods.has(`${f.universe}|${j}`))));
}
