// The pipeline, as pure stages: ingest → validate → aggregate → protect → present, then the
// attack on what will be printed. No files and no browser here: the CLI does those.
import { aggregate } from "./aggregate/index.ts";
import type { Audience, Maand } from "./domain.ts";
import { ingest } from "./ingest/index.ts";
import type { RawInput } from "./ingest/raw-input.ts";
import { sortProblems, type Problem } from "./ingest/problem.ts";
import { validate } from "./validate/index.ts";
import { describe } from "./protect/describe.ts";
import { protect, ProtectionError, type LogEntry } from "./protect/index.ts";
import { knownEntries, ledgerReportName, type LedgerEntry } from "./protect/ledger.ts";
import { scanVerslag } from "./protect/text-scan.ts";
import { auditFigures, type AuditResult } from "./protect/audit.ts";
import { DOCUMENT_VPOO, present } from "./present/index.ts";
import type { FiguresFile } from "./present/figures.ts";
import type { ReportModel } from "./present/model.ts";
import { scopeKey } from "./protect/universe.ts";

export interface BuildOptions {
  jaar: number;
  audience: Audience;
  vandaag: Maand;
  ledger: LedgerEntry[];
  separator?: ";" | ",";
}

export type BuildResult =
  | { ok: false; problems: Problem[]; warnings: Problem[] }
  | {
      ok: true;
      model: ReportModel;
      figures: FiguresFile;
      log: LogEntry[];
      audit: AuditResult;
      ledgerEntry: LedgerEntry;
      warnings: Problem[];
      creationDate: Date;
      optimal: boolean;
    };

/** validate only: what `jaarverslag check` reports. */
export function check(raw: RawInput, vandaag: Maand, separator?: ";" | ","): { problems: Problem[]; warnings: Problem[] } {
  const validated = validate(ingest(raw, { separator }), vandaag);
  const problems = [...validated.problems];
  if (validated.dataset) {
    const d = validated.dataset;
    for (const v of d.verslagen) problems.push(...scanVerslag(v, d.instellingen.drempel.openbaar, d.instellingen.namenlijst));
  }
  return { problems: sortProblems(problems), warnings: validated.warnings };
}

export async function build(raw: RawInput, opts: BuildOptions): Promise<BuildResult> {
  const validated = validate(ingest(raw, { separator: opts.separator }), opts.vandaag);
  if (!validated.dataset) return { ok: false, problems: validated.problems, warnings: [] };
  const d = validated.dataset;
  const k = d.instellingen.drempel[opts.audience];
  const problems: Problem[] = [];
  const verslag = d.verslagen.find((v) => v.jaar === opts.jaar);
  if (verslag) problems.push(...scanVerslag(verslag, d.instellingen.drempel.openbaar, d.instellingen.namenlijst));
  if (!d.meldingen.some((m) => m.datum.jaar === opts.jaar)) {
    problems.push({ bestand: "meldingen.csv", regel: null, kolom: "datum", waarde: String(opts.jaar), melding: `er zijn geen meldingen geregistreerd in ${opts.jaar}; kies een jaar waarvoor de registratie bestaat` });
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems), warnings: validated.warnings };

  const report = ledgerReportName(DOCUMENT_VPOO, opts.jaar, opts.audience);
  // The confidential reader also knows the public version; the public reader not the reverse.
  const known = knownEntries(opts.ledger, report).filter((e) => opts.audience === "vertrouwelijk" || e.audience === "openbaar");
  const agg = aggregate(d, opts.jaar);
  const description = describe(agg, d, { audience: opts.audience, k });
  const rules = { k, protectZeros: !d.instellingen.nullenPubliceren, dominance: d.instellingen.dominantieAandeel };
  let protectedReport;
  try {
    protectedReport = await protect(description, rules, known);
  } catch (e) {
    if (e instanceof ProtectionError) return { ok: false, problems: [{ bestand: "(bescherming)", regel: null, kolom: null, waarde: null, melding: e.message }], warnings: validated.warnings };
    throw e;
  }
  const { model, figures } = present({ d, agg, protectedReport, audience: opts.audience, k, warnings: validated.warnings });
  const required = new Map(protectedReport.log.map((l) => [l.key, l.requiredWidth]));
  const audit = await auditFigures(figures, known, required);
  const ledgerEntry: LedgerEntry = {
    report,
    jaar: opts.jaar,
    audience: opts.audience,
    figures: dedupe(figures),
  };
  const vastgesteld = verslag?.voorwerk["vastgesteld"];
  const creationDate = new Date(`${/^\d{4}-\d{2}-\d{2}$/.test(vastgesteld ?? "") ? vastgesteld : `${opts.jaar + 1}-03-01`}T12:00:00Z`);
  return { ok: true, model, figures, log: protectedReport.log, audit, ledgerEntry, warnings: validated.warnings, creationDate, optimal: protectedReport.optimal };
}

function dedupe(figures: FiguresFile): LedgerEntry["figures"] {
  const seen = new Map<string, LedgerEntry["figures"][number]>();
  for (const f of figures.figures) {
    if ((f.kind === "aantal" || f.kind === "uren") && f.universe && f.scope) seen.set(scopeKey(f.universe, f.scope), { universe: f.universe, scope: f.scope, value: f.value });
  }
  return [...seen.values()];
}
