// The pure part of `build` for the tests: aggregate → describe → protect → present → audit,
// on a Dataset built in code (no files, no validation), and the ledger entry it leaves.
import { aggregate } from "../../src/aggregate/index.ts";
import type { Aggregates } from "../../src/aggregate/types.ts";
import type { Audience, Dataset } from "../../src/domain.ts";
import { DOCUMENT_VPOO, present } from "../../src/present/index.ts";
import type { FiguresFile } from "../../src/present/figures.ts";
import { auditFigures, type AuditResult } from "../../src/protect/audit.ts";
import { describe as describeTables } from "../../src/protect/describe.ts";
import { protect, type Protected } from "../../src/protect/index.ts";
import { ledgerEntryFor, ledgerReportName, type LedgerEntry } from "../../src/protect/ledger.ts";
import { scopeKey } from "../../src/protect/universe.ts";

export interface Report {
  agg: Aggregates;
  protectedReport: Protected;
  figures: FiguresFile;
  required: Map<string, number>;
  audit: AuditResult;
  ledgerEntry: LedgerEntry;
  k: number;
}

export async function buildReport(d: Dataset, jaar: number, audience: Audience = "openbaar", known: LedgerEntry[] = []): Promise<Report> {
  const k = d.instellingen.drempel[audience];
  const agg = aggregate(d, jaar);
  const description = describeTables(agg, d, { audience, k });
  const rules = { k, protectZeros: !d.instellingen.nullenPubliceren, dominance: d.instellingen.dominantieAandeel, pProcent: d.instellingen.pProcent };
  const protectedReport = await protect(description, rules, known);
  const { figures } = present({ d, agg, protectedReport, audience, k, warnings: [] });
  const required = new Map(protectedReport.log.map((l) => [l.key, l.requiredWidth]));
  const audit = await auditFigures(figures, known, required);
  return { agg, protectedReport, figures, required, audit, ledgerEntry: ledgerEntryOf(figures, jaar, audience), k };
}

/** As the pipeline records a report in the ledger. */
export function ledgerEntryOf(figures: FiguresFile, jaar: number, audience: Audience): LedgerEntry {
  return ledgerEntryFor(ledgerReportName(DOCUMENT_VPOO, jaar, audience), jaar, audience, figures.figures);
}

export function keyOf(f: { universe: FiguresFile["figures"][number]["universe"]; scope: FiguresFile["figures"][number]["scope"] }): string | null {
  return f.universe && f.scope ? scopeKey(f.universe, f.scope) : null;
}

/**
 * The figures an earlier report suppressed: those this report also prints (`kept`, by scope
 * key), and the others as extra suppressed figures to attack (`elsewhere`).
 */
export function hiddenElsewhere(earlier: Report, later: Report): { kept: string[]; elsewhere: FiguresFile["figures"] } {
  const cells = new Set(later.protectedReport.description.tables.flatMap((t) => t.cells.map((c) => scopeKey(c.universe, c.scope))));
  const kept: string[] = [];
  const elsewhere: FiguresFile["figures"] = [];
  for (const f of earlier.ledgerEntry.figures.filter((x) => x.value === null)) {
    const key = scopeKey(f.universe, f.scope);
    if (cells.has(key)) kept.push(key);
    else elsewhere.push({ id: `${earlier.ledgerEntry.report}|${key}`, table: earlier.ledgerEntry.report, row: key, column: String(earlier.ledgerEntry.jaar), kind: f.universe === "uren" ? "uren" : "aantal", universe: f.universe, scope: f.scope, value: null, display: later.figures.markering });
  }
  return { kept, elsewhere };
}

/**
 * Failing intervals, except an insider placed in one of the added 2019 cells: that cell may
 * be a part of the attacked one, which is the insider-in-their-own-cell case the audit
 * deliberately does not count (the insider learns nothing about others from it).
 */
export function leaks<T extends { ok: boolean; scenario: string }>(intervals: T[], added: { id: string }[]): T[] {
  const own = new Set(added.map((f) => `insider in ${f.id.slice(f.id.indexOf("|") + 1)}`));
  return intervals.filter((i) => !i.ok && !own.has(i.scenario));
}

