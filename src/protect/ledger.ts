// The ledger: every figure a report published, kept with the data. A figure once published
// stays known, so next year's report treats it as known to the attacker and keeps its
// suppression consistent with it.
import type { Scope, UniverseId } from "./universe.ts";

export interface LedgerFigure {
  universe: UniverseId;
  scope: Scope;
  /** null: the figure was suppressed in that report. */
  value: number | null;
}

export interface LedgerEntry {
  /** e.g. "jaarverslag-vpoo-2020-openbaar" */
  report: string;
  jaar: number;
  audience: string;
  figures: LedgerFigure[];
}

export function ledgerReportName(document: string, jaar: number, audience: string): string {
  return `${document}-${jaar}-${audience}`;
}

/** Entries the attacker of `report` may know: every other report in the ledger. */
export function knownEntries(ledger: LedgerEntry[], report: string): LedgerEntry[] {
  return ledger.filter((e) => e.report !== report);
}
