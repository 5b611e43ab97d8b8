// The pure part of `build` for the tests, wired as src/pipeline.ts wires it: describe the whole
// report set (VPOO and VPI tables together, describeReportSet) → protect → present every
// document (presentDocuments) → attack what all documents print together (auditFigures on their
// union), with the ledger filtered as the pipeline filters it (the documents' own earlier
// entries replaced; the confidential reader also knows the public version). Only the file
// stages (ingest, validate, text scan) are left out: the Dataset is built in code.
import { aggregate } from "../../src/aggregate/index.ts";
import type { Aggregates } from "../../src/aggregate/types.ts";
import type { Audience, Dataset } from "../../src/domain.ts";
import { ALL_DOCUMENTS, DOCUMENT_NAME, presentDocuments, type BuiltDocument, type DocumentKind } from "../../src/present/documents.ts";
import type { FiguresFile } from "../../src/present/figures.ts";
import { auditFigures, type AuditResult } from "../../src/protect/audit.ts";
import { describeReportSet } from "../../src/protect/describe-set.ts";
import { protect, ProtectionError, type Protected } from "../../src/protect/index.ts";
import { ledgerReportName, type LedgerEntry } from "../../src/protect/ledger.ts";
import { exposedConfidential } from "../../src/protect/pair-audit.ts";
import { scopeKey } from "../../src/protect/universe.ts";

export interface Report {
  agg: Aggregates;
  protectedReport: Protected;
  /** The VPOO jaarverslag's figures.json. */
  figures: FiguresFile;
  /** Every document of the build (VPOO first). */
  documents: BuiltDocument[];
  required: Map<string, number>;
  /** The attack on everything the documents print together, plus what the reader knows. */
  audit: AuditResult;
  ledgerEntry: LedgerEntry;
  k: number;
}

/**
 * As `build` does for one year and audience. `ledger` is every entry in DATA/gepubliceerd; a
 * public build that would expose a confidential one is refused with a ProtectionError, as the
 * pipeline refuses it.
 */
export async function buildReport(
  d: Dataset,
  jaar: number,
  audience: Audience = "openbaar",
  ledger: LedgerEntry[] = [],
  kinds: DocumentKind[] = ["vpoo"],
): Promise<Report> {
  const k = d.instellingen.drempel[audience];
  const reports = new Set(ALL_DOCUMENTS.map((kind) => ledgerReportName(DOCUMENT_NAME[kind], jaar, audience)));
  const known = ledger.filter((e) => !reports.has(e.report)).filter((e) => audience === "vertrouwelijk" || e.audience === "openbaar");
  const agg = aggregate(d, jaar);
  const description = describeReportSet(agg, d, { audience, k });
  const rules = {
    k,
    protectZeros: !d.instellingen.nullenPubliceren,
    dominance: d.instellingen.dominantieAandeel,
    pProcent: d.instellingen.pProcent,
  };
  const protectedReport = await protect(description, rules, known);
  const documents = presentDocuments({ d, agg, protectedReport, audience, k, warnings: [] }, [
    "vpoo",
    ...kinds.filter((x) => x !== "vpoo"),
  ]);
  const vpoo = documents[0]!;
  const union: FiguresFile = {
    ...vpoo.figures,
    figures: documents.flatMap((doc) => doc.figures.figures.map((f) => ({ ...f, id: `${doc.kind}:${f.id}` }))),
  };
  const required = new Map(protectedReport.log.map((l) => [l.key, l.requiredWidth]));
  const audit = await auditFigures(union, known, required);
  if (audience === "openbaar") {
    const confidential = ledger.filter((e) => e.audience === "vertrouwelijk" && String(e.jaar) === String(jaar));
    const exposed = await exposedConfidential(
      confidential,
      documents.map((doc) => doc.ledgerEntry),
      known,
      vpoo.figures,
      d.instellingen.drempel.vertrouwelijk,
    );
    if (exposed.length > 0) throw new ProtectionError(`dit openbare verslag zou ${exposed.map((x) => x.report).join(", ")} prijsgeven`);
  }
  return { agg, protectedReport, figures: vpoo.figures, documents, required, audit, ledgerEntry: vpoo.ledgerEntry, k };
}

export function keyOf(f: {
  universe: FiguresFile["figures"][number]["universe"];
  scope: FiguresFile["figures"][number]["scope"];
}): string | null {
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
    else
      elsewhere.push({
        id: `${earlier.ledgerEntry.report}|${key}`,
        table: earlier.ledgerEntry.report,
        row: key,
        column: String(earlier.ledgerEntry.jaar),
        kind: f.universe === "uren" ? "uren" : "aantal",
        universe: f.universe,
        scope: f.scope,
        value: null,
        display: later.figures.markering,
      });
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
