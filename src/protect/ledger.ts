// The ledger: every figure a report published, kept with the data. A figure once published
// stays known, so next year's report treats it as known to the attacker and keeps its
// suppression consistent with it.
import { fileKey, type PeriodeId } from "../domain/periods.ts";
import { scopeKey, type Scope, type UniverseId } from "./universe.ts";

export interface LedgerFigure {
  universe: UniverseId;
  scope: Scope;
  /** null: the figure was suppressed in that report. */
  value: number | null;
}

export interface LedgerEntry {
  /** e.g. "jaarverslag-vpoo-2020-openbaar" */
  report: string;
  /** The reported period (a calendar year, or a period key). */
  jaar: PeriodeId;
  audience: string;
  figures: LedgerFigure[];
  /** From the publication register (register.ts): which version, under which counting rule, adopted when. */
  versie?: number;
  telregel?: "woordenlijst" | "alles";
  vastgesteld?: string;
}

export function ledgerReportName(document: string, jaar: PeriodeId, audience: string): string {
  return `${document}-${fileKey(jaar)}-${audience}`;
}

/**
 * What the ledger keeps of a printed report: every count and hours figure, once. Historie
 * totals stay out: they are known from historie.csv, which every build reads afresh.
 */
export function ledgerEntryFor(
  report: string,
  jaar: PeriodeId,
  audience: string,
  figures: { kind: string; universe: UniverseId | null; scope: Scope | null; value: number | null; layout?: string }[],
): LedgerEntry {
  const seen = new Map<string, LedgerFigure>();
  for (const f of figures) {
    if (f.layout === "historie") continue;
    if ((f.kind === "aantal" || f.kind === "uren") && f.universe && f.scope)
      seen.set(scopeKey(f.universe, f.scope), { universe: f.universe, scope: f.scope, value: f.value });
  }
  return { report, jaar, audience, figures: [...seen.values()] };
}
