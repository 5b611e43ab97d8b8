// The pipeline, as pure stages: ingest → validate → aggregate → protect → present, then the
// attack on what will be printed. No files and no browser here: the CLI does those.
import { isTimelineKey, ordMaand, periodOf, periodeOf, type Periode, type PeriodeId, type PeriodeInstelling } from "./aggregate/periods.ts";
import { aggregate } from "./aggregate/index.ts";
import type { Audience, Dataset, Maand } from "./domain.ts";
import { ingestAll } from "./ingest/index.ts";
import type { RawInput } from "./ingest/raw-input.ts";
import { sortProblems, type Problem } from "./ingest/problem.ts";
import { validate } from "./validate/index.ts";
import { describeReportSet } from "./protect/describe-set.ts";
import { protect, ProtectionError, type LogEntry } from "./protect/index.ts";
import { ledgerReportName, type LedgerEntry } from "./protect/ledger.ts";
import { scanVerslag } from "./protect/text-scan.ts";
import { auditFigures, type AuditResult } from "./protect/audit.ts";
import type { FiguresFile } from "./present/figures.ts";
import type { ReportModel } from "./present/model.ts";
import { historieWarnings, reportingYearWarnings } from "./validate/consistency.ts";
import type { OplegnotitieInstellingen } from "./present/oplegnotitie.ts";
import { ALL_DOCUMENTS, DOCUMENT_NAME, presentDocuments, type BuiltDocument, type DocumentKind } from "./present/documents.ts";
import { exposedConfidential } from "./protect/pair-audit.ts";
import { informationMeasure } from "./protect/information.ts";
import type { PresentationLogEntry } from "./protect/choose-presentation.ts";
import { figuresFingerprint, type Memo } from "./memo.ts";

export { ALL_DOCUMENTS, type BuiltDocument, type DocumentKind };

export interface BuildOptions {
  /** The reported period: a calendar year (number), or a period key such as "2018-01..2019-11". */
  jaar: PeriodeId;
  audience: Audience;
  vandaag: Maand;
  ledger: LedgerEntry[];
  separator?: ";" | ",";
  /** Which documents to present; all are protected together either way. Default: vpoo. */
  documents?: DocumentKind[];
  /** Overrides the counting rule of instellingen.json. */
  telregel?: "woordenlijst" | "alles";
  oplegnotitie?: Partial<OplegnotitieInstellingen>;
  /** Reuse the protection of an earlier build of this session with the same input (`--watch`). */
  memo?: Memo;
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
      /** Internal: the aard layouts protected as candidates, and which was chosen. */
      presentatie?: PresentationLogEntry[];
      /** The attack on everything these documents print together, plus the ledger. */
      audit: AuditResult;
      warnings: Problem[];
      creationDate: Date;
      optimal: boolean;
    };

/** validate only: what `jaarverslag check` reports; with `jaar`, also what stays out of that year's report. */
/**
 * Validate the data without writing anything. With a reporting year or period, also what
 * `build` would refuse for it (a period that is not on the timeline, no meldingen in it) and
 * warn about rows after it.
 */
export async function check(raw: RawInput, vandaag: Maand, separator?: ";" | ",", jaar?: PeriodeId): Promise<{ problems: Problem[]; warnings: Problem[] }> {
  const validated = validate(await ingestAll(raw, { separator }), vandaag);
  const problems = [...validated.problems];
  const warnings = [...validated.warnings];
  if (validated.dataset) {
    const d = validated.dataset;
    for (const v of d.verslagen) problems.push(...scanVerslag(v, d.instellingen.drempel.openbaar, d.instellingen.namenlijst));
    if (jaar !== undefined) {
      const periode = periodeOf(jaar);
      const offTimeline = notOnTimeline(d.instellingen.perioden, periode);
      if (offTimeline) problems.push(offTimeline);
      else {
        const none = noMeldingenIn(d, periode);
        if (none) problems.push(none);
        warnings.push(...reportingYearWarnings(d, periode.id, fileNames(validated.bestanden), d.instellingen.perioden));
      }
    }
  }
  return { problems: sortProblems(problems), warnings };
}

function fileNames(bestanden: Partial<Record<string, string>>): { meldingen?: string; klachten?: string; activiteiten?: string } {
  return { meldingen: bestanden["meldingen.csv"], klachten: bestanden["klachten.csv"], activiteiten: bestanden["activiteiten.csv"] };
}

/** A report must cover one period of the timeline (see aggregate/periods.ts). */
function notOnTimeline(config: PeriodeInstelling[] | undefined, periode: Periode): Problem | null {
  if (isTimelineKey(config, periode.key)) return null;
  const own = periodOf(config, periode.van);
  return {
    bestand: "instellingen.json", regel: null, kolom: "perioden", waarde: periode.key,
    melding: `${periode.label} is geen verslagperiode: met de ingestelde perioden valt (een deel ervan) in de periode ${own.label} (${typeof own.id === "number" ? `--year ${own.id}` : `--periode ${own.key}`}); kies een verslagperiode van de tijdlijn`,
  };
}

function noMeldingenIn(d: Dataset, periode: Periode): Problem | null {
  if (d.meldingen.some((m) => ordMaand(m.datum) >= ordMaand(periode.van) && ordMaand(m.datum) <= ordMaand(periode.tot))) return null;
  return { bestand: "meldingen.csv", regel: null, kolom: "datum", waarde: periode.key, melding: `er zijn geen meldingen geregistreerd in ${periode.label}; kies een ${typeof periode.id === "number" ? "jaar" : "periode"} waarvoor de registratie bestaat` };
}

export async function build(raw: RawInput, opts: BuildOptions): Promise<BuildResult> {
  const validated = validate(await ingestAll(raw, { separator: opts.separator }), opts.vandaag);
  if (!validated.dataset) return { ok: false, problems: validated.problems, warnings: [] };
  const d = opts.telregel ? { ...validated.dataset, instellingen: { ...validated.dataset.instellingen, telregel: opts.telregel } } : validated.dataset;
  const warnings = opts.telregel ? historieWarnings(d) : validated.warnings;
  const kinds = opts.documents ?? ["vpoo"];
  const k = d.instellingen.drempel[opts.audience];
  const problems: Problem[] = [];
  const config = d.instellingen.perioden;
  const periode = periodeOf(opts.jaar);
  const offTimeline = notOnTimeline(config, periode);
  if (offTimeline) return { ok: false, problems: [offTimeline], warnings };
  const jaar = periode.id;
  problems.push(...ledgerConflicts(opts.ledger, config));
  // A period's text is the verslag of the year it starts in.
  const verslag = d.verslagen.find((v) => v.jaar === periode.van.jaar);
  if (verslag) problems.push(...scanVerslag(verslag, d.instellingen.drempel.openbaar, d.instellingen.namenlijst));
  const none = noMeldingenIn(d, periode);
  if (none) problems.push(none);
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems), warnings };

  const reports = new Set(ALL_DOCUMENTS.map((kind) => ledgerReportName(DOCUMENT_NAME[kind], jaar, opts.audience)));
  // The documents of this year and audience are protected together, so their own earlier
  // entries are replaced, not treated as known. The confidential reader also knows the
  // public version; the public reader not the reverse.
  const known = opts.ledger.filter((e) => !reports.has(e.report)).filter((e) => opts.audience === "vertrouwelijk" || e.audience === "openbaar");
  const agg = aggregate(d, jaar);
  const description = describeReportSet(agg, d, { audience: opts.audience, k });
  const rules = { k, protectZeros: !d.instellingen.nullenPubliceren, dominance: d.instellingen.dominantieAandeel };
  let protectedReport;
  try {
    protectedReport = opts.memo
      ? await opts.memo.get("protect", protectionKey(raw, { ...opts, jaar }, rules, known), () => protect(description, rules, known))
      : await protect(description, rules, known);
  } catch (e) {
    if (e instanceof ProtectionError) return { ok: false, problems: [{ bestand: "(bescherming)", regel: null, kolom: null, waarde: null, melding: e.message }], warnings };
    throw e;
  }
  const input = { d, agg, protectedReport, audience: opts.audience, k, warnings };
  // The VPOO report is always presented: the cover note and the feed refer to it.
  const [vpoo] = presentDocuments(input, ["vpoo"]);
  const documents = kinds.includes("vpoo") ? [vpoo!, ...presentDocuments(input, kinds.filter((x) => x !== "vpoo"), opts.oplegnotitie)] : presentDocuments(input, kinds, opts.oplegnotitie);
  // What is audited is everything these documents print, together.
  const union: FiguresFile = { ...vpoo!.figures, figures: documents.flatMap((doc) => doc.figures.figures.map((f) => ({ ...f, id: `${doc.kind}:${f.id}` }))) };
  // How much these documents publish together: on the console and in the VPOO figures.json.
  vpoo!.figures.informatie = informationMeasure(union.figures, agg, d);
  const required = new Map(protectedReport.log.map((l) => [l.key, l.requiredWidth]));
  const audit = await auditFigures(union, known, required);
  if (opts.audience === "openbaar") {
    const confidential = opts.ledger.filter((e) => e.audience === "vertrouwelijk" && String(e.jaar) === periode.key);
    const exposed = await exposedConfidential(confidential, documents.map((doc) => doc.ledgerEntry), known, vpoo!.figures, d.instellingen.drempel.vertrouwelijk);
    if (exposed.length > 0) {
      const names = exposed.map((x) => `${x.report} (${x.cells} cijfer(s))`).join(", ");
      return {
        ok: false,
        warnings,
        problems: [{ bestand: "(bescherming)", regel: null, kolom: null, waarde: null, melding: `dit openbare verslag zou samen met ${names} een verborgen cijfer van dat vertrouwelijke verslag prijsgeven. Maak eerst het openbare verslag en daarna opnieuw het vertrouwelijke.` }],
      };
    }
  }
  const vastgesteld = verslag?.voorwerk["vastgesteld"];
  const creationDate = new Date(`${/^\d{4}-\d{2}-\d{2}$/.test(vastgesteld ?? "") ? vastgesteld : `${periode.tot.jaar + 1}-03-01`}T12:00:00Z`);
  return {
    ok: true,
    documents,
    model: vpoo!.model!,
    figures: vpoo!.figures,
    ledgerEntry: vpoo!.ledgerEntry,
    log: protectedReport.log,
    presentatie: protectedReport.presentatie,
    audit,
    // Rows after the reporting year are not in the report: said on the console, not in the report.
    warnings: [...warnings, ...reportingYearWarnings(d, jaar, fileNames(validated.bestanden), config)],
    creationDate,
    optimal: protectedReport.optimal,
  };
}

/**
 * Everything the protection of a build depends on, for the memo of `build --watch`: the files
 * the figures come from, the options and the ledger (see memo.ts).
 */
export function protectionKey(raw: RawInput, opts: Pick<BuildOptions, "jaar" | "audience" | "telregel" | "separator">, rules: unknown, known: LedgerEntry[]): unknown {
  return { figures: figuresFingerprint(raw), jaar: opts.jaar, audience: opts.audience, telregel: opts.telregel ?? null, separator: opts.separator ?? null, rules, known };
}

/**
 * Published figures keep one meaning: a ledger entry whose periods are no longer periods of
 * the timeline (a calendar year now partly inside a configured period, or a period whose
 * setting changed) would silently change meaning, so the build is refused.
 */
export function ledgerConflicts(ledger: LedgerEntry[], config: PeriodeInstelling[] | undefined): Problem[] {
  const out: Problem[] = [];
  for (const e of ledger) {
    const keys = new Set<string>([String(e.jaar)]);
    for (const f of e.figures) for (const k of f.scope["jaar"] ?? []) keys.add(k);
    const bad = [...keys].filter((k) => !isTimelineKey(config, k));
    if (bad.length === 0) continue;
    const first = bad[0]!;
    let own = "";
    try {
      own = ` (nu deel van de periode ${periodOf(config, periodeOf(first).van).label})`;
    } catch {
      // an unreadable key: said as it is
    }
    out.push({
      bestand: "instellingen.json", regel: null, kolom: "perioden", waarde: e.report,
      melding: `het gepubliceerde verslag ${e.report} bevat cijfers over ${bad.join(", ")}${own}; met de ingestelde perioden zou een gepubliceerd cijfer een andere betekenis krijgen. Pas de perioden in instellingen.json aan zodat ze niet in een jaar vallen waarover al is gepubliceerd`,
    });
  }
  return out;
}
