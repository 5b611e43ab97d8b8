// The pipeline, as pure stages: ingest → validate → aggregate → protect → present, then the
// attack on what will be printed. No files and no browser here: the CLI does those.
import { aggregate } from "./aggregate/index.ts";
import type { Audience, Maand } from "./domain.ts";
import { ingestAll } from "./ingest/index.ts";
import type { RawInput } from "./ingest/raw-input.ts";
import { sortProblems, type Problem } from "./ingest/problem.ts";
import { validate } from "./validate/index.ts";
import { describeReportSet } from "./protect/describe-set.ts";
import { protect, ProtectionError, type LogEntry } from "./protect/index.ts";
import { ledgerReportName, type LedgerEntry } from "./protect/ledger.ts";
import { scanVerslag } from "./protect/text-scan.ts";
import { auditFigures, type AuditResult } from "./protect/audit.ts";
import { DOCUMENT_VPOO, present } from "./present/index.ts";
import type { FiguresFile } from "./present/figures.ts";
import type { ReportModel } from "./present/model.ts";
import { scopeKey } from "./protect/universe.ts";
import { historieWarnings, reportingYearWarnings } from "./validate/consistency.ts";
import { DOCUMENT_VPI, presentVpi } from "./present/vpi.ts";
import { DOCUMENT_SJV, presentSjv, type SjvFeed } from "./present/sjv.ts";
import { DOCUMENT_OPLEGNOTITIE, OPLEGNOTITIE_STANDAARD, presentOplegnotitie, type OplegnotitieInstellingen } from "./present/oplegnotitie.ts";
import { DOCUMENT_KLACHTEN, presentKlachtencommissie } from "./present/klachtencommissie.ts";
import type { ChartBlock } from "./present/model.ts";

export type DocumentKind = "vpoo" | "vpi" | "sjv" | "oplegnotitie" | "klachtencommissie";
export const ALL_DOCUMENTS: DocumentKind[] = ["vpoo", "vpi", "sjv", "oplegnotitie", "klachtencommissie"];

export interface BuildOptions {
  jaar: number;
  audience: Audience;
  vandaag: Maand;
  ledger: LedgerEntry[];
  separator?: ";" | ",";
  /** Which documents to present; all are protected together either way. Default: vpoo. */
  documents?: DocumentKind[];
  /** Overrides the counting rule of instellingen.json. */
  telregel?: "woordenlijst" | "alles";
  oplegnotitie?: Partial<OplegnotitieInstellingen>;
}

export interface BuiltDocument {
  kind: DocumentKind;
  /** e.g. "jaarverslag-vpoo-2020-openbaar": the ledger's name for it. */
  report: string;
  model: ReportModel | null;
  figures: FiguresFile;
  sjv?: { feed: SjvFeed; chart: ChartBlock };
  ledgerEntry: LedgerEntry;
}

export type BuildResult =
  | { ok: false; problems: Problem[]; warnings: Problem[] }
  | {
      ok: true;
      documents: BuiltDocument[];
      /** The jaarverslag VPOO, when it was asked for. */
      model: ReportModel;
      figures: FiguresFile;
      ledgerEntry: LedgerEntry;
      log: LogEntry[];
      /** The attack on everything these documents print together, plus the ledger. */
      audit: AuditResult;
      warnings: Problem[];
      creationDate: Date;
      optimal: boolean;
    };

/** validate only: what `jaarverslag check` reports; with `jaar`, also what stays out of that year's report. */
export async function check(raw: RawInput, vandaag: Maand, separator?: ";" | ",", jaar?: number): Promise<{ problems: Problem[]; warnings: Problem[] }> {
  const validated = validate(await ingestAll(raw, { separator }), vandaag);
  const problems = [...validated.problems];
  if (validated.dataset) {
    const d = validated.dataset;
    for (const v of d.verslagen) problems.push(...scanVerslag(v, d.instellingen.drempel.openbaar, d.instellingen.namenlijst));
  }
  const yearWarnings = validated.dataset && jaar !== undefined ? reportingYearWarnings(validated.dataset, jaar, { meldingen: validated.bestanden["meldingen.csv"], klachten: validated.bestanden["klachten.csv"], activiteiten: validated.bestanden["activiteiten.csv"] }) : [];
  return { problems: sortProblems(problems), warnings: [...validated.warnings, ...yearWarnings] };
}

const DOCUMENT_NAME: Record<DocumentKind, string> = {
  vpoo: DOCUMENT_VPOO,
  vpi: DOCUMENT_VPI,
  sjv: DOCUMENT_SJV,
  oplegnotitie: DOCUMENT_OPLEGNOTITIE,
  klachtencommissie: DOCUMENT_KLACHTEN,
};

export async function build(raw: RawInput, opts: BuildOptions): Promise<BuildResult> {
  const validated = validate(await ingestAll(raw, { separator: opts.separator }), opts.vandaag);
  if (!validated.dataset) return { ok: false, problems: validated.problems, warnings: [] };
  const d = opts.telregel ? { ...validated.dataset, instellingen: { ...validated.dataset.instellingen, telregel: opts.telregel } } : validated.dataset;
  const warnings = opts.telregel ? historieWarnings(d) : validated.warnings;
  const kinds = opts.documents ?? ["vpoo"];
  const k = d.instellingen.drempel[opts.audience];
  const problems: Problem[] = [];
  const verslag = d.verslagen.find((v) => v.jaar === opts.jaar);
  if (verslag) problems.push(...scanVerslag(verslag, d.instellingen.drempel.openbaar, d.instellingen.namenlijst));
  if (!d.meldingen.some((m) => m.datum.jaar === opts.jaar)) {
    problems.push({ bestand: "meldingen.csv", regel: null, kolom: "datum", waarde: String(opts.jaar), melding: `er zijn geen meldingen geregistreerd in ${opts.jaar}; kies een jaar waarvoor de registratie bestaat` });
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems), warnings };

  const reports = new Set(ALL_DOCUMENTS.map((kind) => ledgerReportName(DOCUMENT_NAME[kind], opts.jaar, opts.audience)));
  // The documents of this year and audience are protected together, so their own earlier
  // entries are replaced, not treated as known. The confidential reader also knows the
  // public version; the public reader not the reverse.
  const known = opts.ledger.filter((e) => !reports.has(e.report)).filter((e) => opts.audience === "vertrouwelijk" || e.audience === "openbaar");
  const agg = aggregate(d, opts.jaar);
  const description = describeReportSet(agg, d, { audience: opts.audience, k });
  const rules = { k, protectZeros: !d.instellingen.nullenPubliceren, dominance: d.instellingen.dominantieAandeel };
  let protectedReport;
  try {
    protectedReport = await protect(description, rules, known);
  } catch (e) {
    if (e instanceof ProtectionError) return { ok: false, problems: [{ bestand: "(bescherming)", regel: null, kolom: null, waarde: null, melding: e.message }], warnings };
    throw e;
  }
  const input = { d, agg, protectedReport, audience: opts.audience, k };
  // The VPOO report is always presented: the cover note and the feed refer to it.
  const vpoo = present({ ...input, warnings });
  const documents: BuiltDocument[] = [];
  const add = (kind: DocumentKind, model: ReportModel | null, figures: FiguresFile, sjv?: BuiltDocument["sjv"]) => {
    const report = ledgerReportName(DOCUMENT_NAME[kind], opts.jaar, opts.audience);
    documents.push({ kind, report, model, figures, ...(sjv ? { sjv } : {}), ledgerEntry: { report, jaar: opts.jaar, audience: opts.audience, figures: dedupe(figures) } });
  };
  for (const kind of kinds) {
    if (kind === "vpoo") add(kind, vpoo.model, vpoo.figures);
    if (kind === "vpi") {
      const r = presentVpi(input);
      add(kind, r.model, r.figures);
    }
    if (kind === "sjv") {
      const r = presentSjv(input);
      add(kind, null, r.figures, { feed: r.feed, chart: r.chart });
    }
    if (kind === "oplegnotitie") {
      const r = presentOplegnotitie({ ...input, instellingen: { ...OPLEGNOTITIE_STANDAARD, ...opts.oplegnotitie } });
      add(kind, r.model, r.figures);
    }
    if (kind === "klachtencommissie") {
      const r = presentKlachtencommissie(input);
      add(kind, r.model, r.figures);
    }
  }
  // What is audited is everything these documents print, together.
  const union: FiguresFile = { ...vpoo.figures, figures: documents.flatMap((doc) => doc.figures.figures.map((f) => ({ ...f, id: `${doc.kind}:${f.id}` }))) };
  const required = new Map(protectedReport.log.map((l) => [l.key, l.requiredWidth]));
  const audit = await auditFigures(union, known, required);
  // A confidential report of this year already written is read together with this public
  // one by the Presidium: the pair must still protect the confidential report's hidden cells.
  if (opts.audience === "openbaar") {
    const kConf = d.instellingen.drempel.vertrouwelijk;
    for (const entry of opts.ledger.filter((e) => e.audience === "vertrouwelijk" && e.jaar === opts.jaar)) {
      const asFigures: FiguresFile = {
        ...vpoo.figures,
        publiek: "vertrouwelijk",
        drempel: kConf,
        figures: entry.figures.map((f, i) => ({ id: `${entry.report}#${i}`, table: entry.report, row: "", column: "", kind: f.universe === "uren" ? "uren" : "aantal", universe: f.universe, scope: f.scope, value: f.value, display: "" })),
      };
      const publicNow = documents.map((doc) => doc.ledgerEntry);
      const pair = await auditFigures(asFigures, [...known, ...publicNow]);
      const weak = pair.intervals.filter((iv) => !iv.ok && iv.requiredWidth > 0);
      if (weak.length > 0) {
        return {
          ok: false,
          warnings,
          problems: [{ bestand: "(bescherming)", regel: null, kolom: null, waarde: null, melding: `dit openbare verslag zou samen met ${entry.report} een verborgen cijfer van dat vertrouwelijke verslag prijsgeven (${weak.length} cijfer(s)). Maak eerst het openbare verslag en daarna opnieuw het vertrouwelijke.` }],
        };
      }
    }
  }
  const vastgesteld = verslag?.voorwerk["vastgesteld"];
  const creationDate = new Date(`${/^\d{4}-\d{2}-\d{2}$/.test(vastgesteld ?? "") ? vastgesteld : `${opts.jaar + 1}-03-01`}T12:00:00Z`);
  const vpooDoc = documents.find((doc) => doc.kind === "vpoo");
  return {
    ok: true,
    documents,
    model: vpoo.model,
    figures: vpoo.figures,
    ledgerEntry: vpooDoc?.ledgerEntry ?? { report: ledgerReportName(DOCUMENT_VPOO, opts.jaar, opts.audience), jaar: opts.jaar, audience: opts.audience, figures: dedupe(vpoo.figures) },
    log: protectedReport.log,
    audit,
    // Rows after the reporting year are not in the report: said on the console, not in the report.
    warnings: [...warnings, ...reportingYearWarnings(d, opts.jaar, { meldingen: validated.bestanden["meldingen.csv"], klachten: validated.bestanden["klachten.csv"], activiteiten: validated.bestanden["activiteiten.csv"] })],
    creationDate,
    optimal: protectedReport.optimal,
  };
}

function dedupe(figures: FiguresFile): LedgerEntry["figures"] {
  const seen = new Map<string, LedgerEntry["figures"][number]>();
  for (const f of figures.figures) {
    if ((f.kind === "aantal" || f.kind === "uren") && f.universe && f.scope) seen.set(scopeKey(f.universe, f.scope), { universe: f.universe, scope: f.scope, value: f.value });
  }
  return [...seen.values()];
}
