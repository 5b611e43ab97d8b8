// The pipeline, as pure stages: ingest → validate → aggregate → protect → present, then the
// attack on what will be printed. No files and no browser here: the CLI does those.
import {
  isTimelineKey,
  ordMaand,
  periodOfMonth,
  periodById,
  type Periode,
  type PeriodeId,
  type PeriodeInstelling,
} from "./domain/periods.ts";
import { aggregate } from "./aggregate/index.ts";
import type { Audience, Dataset, Maand, Term } from "./domain.ts";
import { ingestAll } from "./ingest/index.ts";
import type { RawInput } from "./ingest/raw-input.ts";
import { problem, sortProblems, type Problem } from "./ingest/problem.ts";
import { unknownHeadings } from "./ingest/front-matter.ts";
import { validate } from "./validate/index.ts";
import { describeReportSet } from "./protect/describe-set.ts";
import type { DerivedEntry } from "./protect/derived.ts";
import { protect, ProtectionError, type LogEntry, type Protected, type ProtectOptions, type SecondReader } from "./protect/index.ts";
import type { LedgerEntry } from "./protect/ledger.ts";
import { planAdoption, type AdoptionPlan } from "./protect/register.ts";
import { revisionExposure, type RevisionFinding } from "./protect/revision.ts";
import { expandScope, indexUniverses, scopeKey } from "./protect/universe.ts";
import type { Description } from "./protect/tables.ts";
import type { Publicatie, Wijziging } from "./present/publicatie.ts";
import { figureLabel } from "./present/figure-label.ts";
import { cellLabel } from "./cell-label.ts";
import { cellInTable } from "./protect/labels.ts";
import { scanVerslag } from "./protect/text-scan.ts";
import { auditFigures, type AuditResult } from "./protect/audit.ts";
import type { FiguresFile } from "./present/figures.ts";
import type { ReportModel } from "./present/model.ts";
import { historieWarnings, reportingYearWarnings } from "./validate/consistency.ts";
import type { OplegnotitieInstellingen } from "./validate/oplegnotitie.ts";
import { ALL_DOCUMENTS, presentDocuments, type BuiltDocument, type DocumentKind } from "./present/documents.ts";
import { exposedConfidential, sharingPeriods } from "./protect/pair-audit.ts";
import { informationMeasure } from "./protect/information.ts";
import type { PresentationLogEntry } from "./protect/protected.ts";
import { figuresFingerprint, type Memo } from "./memo.ts";

export { ALL_DOCUMENTS, type DocumentKind };

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
  /** Where the suppression runs (the werkplaats' worker pool); the same result as without. */
  protection?: Omit<ProtectOptions, "second">;
  /**
   * Adopt the set (`--vaststellen`): `datum` is the day (YYYY-MM-DD); a revision needs
   * `herziening` with a reason. Without it the build is a concept: marked, not registered.
   */
  vaststellen?: { datum: string; herziening: boolean; reden?: string; opdracht: string };
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
      /** Internal: the counts a reader could derive by subtracting pooled tables, and how each is kept. */
      afgeleid: DerivedEntry[];
      /** Internal: the aard layouts protected as candidates, and which was chosen. */
      presentatie?: PresentationLogEntry[];
      /** The attack on everything these documents print together, plus the ledger. */
      audit: AuditResult;
      warnings: Problem[];
      creationDate: Date;
      optimal: boolean;
      /** Concept or adopted version (with its number), and what changed against the register. */
      publicatie: Publicatie;
      /** Set when adopting: the version this set gets in the register, and the counting rule. */
      adoptie: { versie: number; telregel: "woordenlijst" | "alles" } | null;
    };

/**
 * `build` without writing: validate the data and, with a reporting year or period, report
 * every reason `build` has to refuse that needs no solver (see `refusals`), with the same
 * messages, and the same warnings. What only the protection and the attack can tell (a
 * pattern that cannot be protected, a failed audit, a public report that would expose the
 * confidential one) is not checked. Without a year, every verslag is scanned.
 */
export async function check(
  raw: RawInput,
  vandaag: Maand,
  separator?: ";" | ",",
  jaar?: PeriodeId,
  ledger: LedgerEntry[] = [],
): Promise<{ problems: Problem[]; warnings: Problem[] }> {
  const validated = validate(await ingestAll(raw, { separator }), vandaag);
  const problems = [...validated.problems];
  const warnings = [...validated.warnings];
  if (validated.dataset) {
    const d = validated.dataset;
    if (jaar === undefined) {
      for (const v of d.verslagen) problems.push(...scanVerslag(v, d.instellingen.drempel.openbaar, d.instellingen.namenlijst));
      for (const v of d.verslagen) warnings.push(...unknownHeadings(v));
      problems.push(...ledgerConflicts(ledger, d.instellingen.perioden));
    } else {
      const periode = periodById(jaar);
      problems.push(...refusals(d, periode, ledger));
      // The other years' texts do not stop this build: what the scan finds there is a warning.
      for (const v of d.verslagen)
        if (v.jaar !== periode.van.jaar) warnings.push(...scanVerslag(v, d.instellingen.drempel.openbaar, d.instellingen.namenlijst));
      if (!notOnTimeline(d.instellingen.perioden, periode))
        warnings.push(
          ...textWarnings(d, periode),
          ...reportingYearWarnings(d, periode.id, fileNames(validated.bestanden), d.instellingen.perioden),
        );
    }
  }
  return { problems: sortProblems(problems), warnings };
}

/**
 * Every reason to refuse a report of `periode` that needs no solver, shared by `build` and
 * `check`: a period that is not on the timeline (then only that), a register entry whose
 * periods changed meaning, a finding of the text scan in the period's verslag, no meldingen.
 */
function refusals(d: Dataset, periode: Periode, ledger: LedgerEntry[]): Problem[] {
  const offTimeline = notOnTimeline(d.instellingen.perioden, periode);
  if (offTimeline) return [offTimeline];
  const problems = [...ledgerConflicts(ledger, d.instellingen.perioden)];
  // Every text of the period is scanned: the counsellors' (VPOO), the VPI's, the klachtencommissie's.
  for (const v of d.verslagen)
    if (v.jaar === periode.van.jaar) problems.push(...scanVerslag(v, d.instellingen.drempel.openbaar, d.instellingen.namenlijst));
  const none = noMeldingenIn(d, periode);
  if (none) problems.push(none);
  return sortProblems(problems);
}

/** A period's text is the counsellors' verslag (not the VPI's or the commission's) of the year it starts in. */
function verslagOf(d: Dataset, periode: Periode): Dataset["verslagen"][number] | undefined {
  return d.verslagen.find((v) => v.jaar === periode.van.jaar && !v.soort);
}

/** The period's text: missing (its chapters stay empty), or headings that no report prints. */
function textWarnings(d: Dataset, periode: Periode): Problem[] {
  const verslag = verslagOf(d, periode);
  if (!verslag) {
    return [
      {
        bestand: `verslag/${periode.van.jaar}.md`,
        regel: null,
        kolom: null,
        waarde: null,
        melding: `dit bestand ontbreekt: de hoofdstukken met eigen tekst (voorwoord, deskundigheidsbevordering, voorlichting, team, trends en aanbevelingen, klachtencommissie) blijven leeg in het verslag over ${periode.label}`,
      },
    ];
  }
  return unknownHeadings(verslag);
}

function fileNames(bestanden: Partial<Record<string, string>>): { meldingen?: string; klachten?: string; activiteiten?: string } {
  return { meldingen: bestanden["meldingen.csv"], klachten: bestanden["klachten.csv"], activiteiten: bestanden["activiteiten.csv"] };
}

/** A report must cover one period of the timeline (see domain/periods.ts). */
function notOnTimeline(config: PeriodeInstelling[] | undefined, periode: Periode): Problem | null {
  if (isTimelineKey(config, periode.key)) return null;
  const own = periodOfMonth(config, periode.van);
  return {
    bestand: "instellingen.json",
    regel: null,
    kolom: "perioden",
    waarde: periode.key,
    melding: `${periode.label} is geen verslagperiode: met de ingestelde perioden valt (een deel ervan) in de periode ${own.label} (${typeof own.id === "number" ? `--year ${own.id}` : `--periode ${own.key}`}); kies een verslagperiode van de tijdlijn`,
  };
}

function noMeldingenIn(d: Dataset, periode: Periode): Problem | null {
  if (d.meldingen.some((m) => ordMaand(m.datum) >= ordMaand(periode.van) && ordMaand(m.datum) <= ordMaand(periode.tot))) return null;
  return {
    bestand: "meldingen.csv",
    regel: null,
    kolom: "datum",
    waarde: periode.key,
    melding: `er zijn geen meldingen geregistreerd in ${periode.label}; kies een ${typeof periode.id === "number" ? "jaar" : "periode"} waarvoor de registratie bestaat`,
  };
}

type BuildFailure = Extract<BuildResult, { ok: false }>;

/** What every step of `build` shares: the validated data, the reported period and its warnings. */
interface BuildContext {
  raw: RawInput;
  opts: BuildOptions;
  d: Dataset;
  /** The files the data came from (for the warnings on rows after the reporting year). */
  bestanden: Partial<Record<string, string>>;
  /** Said on the console; steps add to this one list. */
  warnings: Problem[];
  periode: Periode;
  jaar: PeriodeId;
  k: number;
  telregel: "woordenlijst" | "alles";
}

export async function build(raw: RawInput, opts: BuildOptions): Promise<BuildResult> {
  const ctx = await validateForBuild(raw, opts);
  if ("problems" in ctx) return ctx;
  const { d, warnings, k } = ctx;
  // Adopting: refused when this period, audience and rule was adopted before, unless it is an
  // explicit revision with a reason.
  const adoption = opts.vaststellen ? adoptionPlan(ctx, opts.vaststellen) : null;
  if (adoption && !adoption.ok)
    return {
      ok: false,
      problems: [{ bestand: "(register)", regel: null, kolom: null, waarde: null, melding: adoption.melding }],
      warnings,
    };
  const described = describeForBuild(ctx);
  const { agg, description, earlier } = described;
  const protection = await protectSet(ctx, description, described.agreeing, described.rules);
  if (!protection.ok) return protection;
  const { protectedReport, known } = protection;
  const publicatie = publicatieOf(ctx, adoption, described.readable, described.changes, protectedReport.suppressed);
  const input = { d, agg, protectedReport, audience: opts.audience, k, warnings, publicatie };
  const { vpoo, documents, union } = presentSet(ctx, input);
  const audit = await auditSet(ctx, union, known, [...protectedReport.log, ...(protectedReport.derived ?? [])]);
  const revisionRefusal = await revisionCheck(ctx, union, description, known, earlier);
  if (revisionRefusal) return revisionRefusal;
  const pairRefusal = await pairAudit(ctx, protection.confidentialSets, protection.heldByConfidentialReader, documents, union, vpoo);
  if (pairRefusal) return pairRefusal;
  return {
    ok: true,
    documents,
    model: vpoo.model!,
    figures: vpoo.figures,
    ledgerEntry: vpoo.ledgerEntry,
    log: protectedReport.log,
    afgeleid: protectedReport.derived ?? [],
    presentatie: protectedReport.presentatie,
    audit,
    // Rows after the reporting year are not in the report: said on the console, not in the report.
    warnings: [
      ...warnings,
      ...knownDerivedWarnings(protectedReport.derived ?? [], description, d.vocabulaire),
      ...reportingYearWarnings(d, ctx.jaar, fileNames(ctx.bestanden), d.instellingen.perioden),
    ],
    creationDate: creationDateOf(ctx),
    optimal: protectedReport.optimal,
    publicatie,
    adoptie: adoption?.ok ? { versie: adoption.versie, telregel: ctx.telregel } : null,
  };
}

/** Validation, the counting rule of the options, and every reason to refuse that needs no solver. */
async function validateForBuild(raw: RawInput, opts: BuildOptions): Promise<BuildContext | BuildFailure> {
  const validated = validate(await ingestAll(raw, { separator: opts.separator }), opts.vandaag);
  if (!validated.dataset) return { ok: false, problems: validated.problems, warnings: [] };
  const d = opts.telregel
    ? { ...validated.dataset, instellingen: { ...validated.dataset.instellingen, telregel: opts.telregel } }
    : validated.dataset;
  const warnings = opts.telregel ? historieWarnings(d) : validated.warnings;
  const k = d.instellingen.drempel[opts.audience];
  const problems: Problem[] = [];
  const periode = periodById(opts.jaar);
  problems.push(...refusals(d, periode, opts.ledger));
  if (problems.length > 0) return { ok: false, problems, warnings };
  warnings.push(...textWarnings(d, periode));
  const telregel = d.instellingen.telregel ?? "woordenlijst";
  return { raw, opts, d, bestanden: validated.bestanden, warnings, periode, jaar: periode.id, k, telregel };
}

function adoptionPlan(ctx: BuildContext, vaststellen: NonNullable<BuildOptions["vaststellen"]>): AdoptionPlan {
  const { opts, periode, telregel } = ctx;
  const earlier = versionsOf(opts.ledger, periode.key, opts.audience, telregel);
  return planAdoption(earlier, periode.label, opts.audience, telregel, vaststellen.herziening, vaststellen.reden, vaststellen.opdracht);
}

/** The tables of the set with their true values, and what the reader holds of them already. */
function describeForBuild(ctx: BuildContext) {
  const { opts, d, jaar, k } = ctx;
  // Everything a reader may know: every register entry, every version and counting rule —
  // the public reader the public entries, the confidential reader all of them.
  const readable = opts.ledger.filter((e) => opts.audience === "vertrouwelijk" || e.audience === "openbaar");
  const agg = aggregate(d, jaar);
  const description = describeReportSet(agg, d, { audience: opts.audience, k });
  const rules = {
    k,
    protectZeros: !d.instellingen.nullenPubliceren,
    dominance: d.instellingen.dominantieAandeel,
    pProcent: d.instellingen.pProcent,
  };
  // Entries whose figures today's data gives differently describe the registration as it was
  // when they were sent: they are attacked as an old state (protect/revision.ts), and only
  // their unchanged and hidden figures are facts about today's data.
  const { agreeing, earlier, changes } = splitByData(readable, description, d.vocabulaire);
  return { readable, agg, description, rules, agreeing, earlier, changes };
}

type Rules = ReturnType<typeof describeForBuild>["rules"];

/**
 * The protection of the set. A public set made after confidential sets were adopted is read by
 * two readers — the public reader (this threshold, the public versions) and the confidential
 * reader (the Presidium: every version, its lower threshold). One suppression protects it for
 * both (protect's second reader); the pair audit checks the result.
 */
async function protectSet(
  ctx: BuildContext,
  description: Description,
  agreeing: LedgerEntry[],
  rules: Rules,
): Promise<
  | BuildFailure
  | {
      ok: true;
      protectedReport: Protected;
      known: LedgerEntry[];
      confidentialSets: LedgerEntry[];
      heldByConfidentialReader: LedgerEntry[];
    }
> {
  const { raw, opts, d, jaar, warnings } = ctx;
  const confidentialSets = opts.audience === "openbaar" ? opts.ledger.filter((e) => e.audience === "vertrouwelijk") : [];
  const heldByConfidentialReader = confidentialSets.length > 0 ? splitByData(opts.ledger, description, d.vocabulaire).agreeing : [];
  const second: SecondReader | undefined =
    confidentialSets.length > 0
      ? { audience: "vertrouwelijk", rules: { ...rules, k: d.instellingen.drempel.vertrouwelijk }, known: heldByConfidentialReader }
      : undefined;
  const known = agreeing;
  let protectedReport;
  try {
    const run = () => protect(description, rules, known, { ...opts.protection, second });
    protectedReport = opts.memo
      ? await opts.memo.get("protect", protectionKey(raw, { ...opts, jaar }, rules, [...known, ...heldByConfidentialReader]), run)
      : await run();
  } catch (e) {
    if (!(e instanceof ProtectionError)) throw e;
    const reason = e.unprotectable ? unprotectableMessage(e.unprotectable, description, d.vocabulaire) : e.message;
    // A revision is read beside the version that was sent: when the new figures cannot be
    // protected against both, the revision itself would make a melder recognisable.
    const melding = opts.vaststellen?.herziening
      ? `deze herziening kan niet worden vastgesteld: samen met de eerder verzonden versie zou ze een melder herkenbaar maken. Laat de verzonden versie staan en noem de correctie zonder aantallen in de tekst van het volgende jaarverslag. (${reason})`
      : reason;
    return { ok: false, problems: [{ bestand: "(bescherming)", regel: null, kolom: null, waarde: null, melding }], warnings };
  }
  return { ok: true, protectedReport, known, confidentialSets, heldByConfidentialReader };
}

/** Concept or adopted version, and what changed against what was sent. */
function publicatieOf(
  ctx: BuildContext,
  adoption: AdoptionPlan | null,
  readable: LedgerEntry[],
  changes: Change[],
  suppressed: Set<string>,
): Publicatie {
  const { opts, periode, telregel } = ctx;
  const sameSet = (e: LedgerEntry) =>
    String(e.jaar) === periode.key && e.audience === opts.audience && (e.telregel ?? "woordenlijst") === telregel;
  const versions = versionsOf(opts.ledger, periode.key, opts.audience, telregel);
  const lastVersion = versions.sort((a, b) => a.versie - b.versie).at(-1) ?? null;
  const printedNow = (w: Wijziging): Wijziging => ({ ...w, nieuw: suppressed.has(w.key) ? null : w.nieuw });
  const ownChanges = changes
    .filter((c) => sameSet(c.entry) && (c.entry.versie ?? 1) === (lastVersion?.versie ?? 1))
    .map((c) => printedNow(c.wijziging));
  return {
    concept: !opts.vaststellen,
    vorige: adoption?.ok ? adoption.vorige : lastVersion,
    wijzigingen: dedupe(ownChanges),
    herziening:
      adoption?.ok && opts.vaststellen?.herziening
        ? { versie: adoption.versie, reden: opts.vaststellen.reden ?? "", datum: opts.vaststellen.datum }
        : null,
    eerder: earlierPeriodChanges(readable, changes, periode.key, suppressed),
  };
}

/** The documents asked for, and the union of what they print (what is audited). */
function presentSet(ctx: BuildContext, input: Parameters<typeof presentDocuments>[0]) {
  const { opts, d } = ctx;
  const kinds = opts.documents ?? ["vpoo"];
  // The VPOO report is always presented: the cover note and the feed refer to it.
  const [vpoo] = presentDocuments(input, ["vpoo"]);
  const documents = kinds.includes("vpoo")
    ? [
        vpoo!,
        ...presentDocuments(
          input,
          kinds.filter((x) => x !== "vpoo"),
          opts.oplegnotitie,
        ),
      ]
    : presentDocuments(input, kinds, opts.oplegnotitie);
  // What is audited is everything these documents print, together.
  const union: FiguresFile = {
    ...vpoo!.figures,
    figures: documents.flatMap((doc) => doc.figures.figures.map((f) => ({ ...f, id: `${doc.kind}:${f.id}` }))),
  };
  // How much these documents publish together: on the console and in the VPOO figures.json.
  vpoo!.figures.informatie = informationMeasure(union.figures, input.agg, d);
  return { vpoo: vpoo!, documents, union };
}

/** The audit of the printed set; `log`: every hidden figure and derived count the protection keeps, with its width. */
async function auditSet(
  ctx: BuildContext,
  union: FiguresFile,
  known: LedgerEntry[],
  log: Pick<LogEntry, "key" | "requiredWidth">[],
): Promise<AuditResult> {
  const { opts } = ctx;
  const required = new Map(log.map((l) => [l.key, l.requiredWidth]));
  // A concept built with the session's memo (the workspace's preview, `--watch`) reuses the
  // audit of exactly the same figures, knowledge and required widths: a text edit prints no
  // other figure, so its audit is the one already done. The key is the audit's whole input
  // (it is a pure function of it); an adopted set is always audited afresh.
  return opts.memo && !opts.vaststellen
    ? await opts.memo.get("audit", { union, known, required: [...required] }, () =>
        auditFigures(union, known, required, opts.protection?.attack),
      )
    : await auditFigures(union, known, required, opts.protection?.attack);
}

/** Refused when the new figures, read beside versions sent of older data, expose a melder. */
async function revisionCheck(
  ctx: BuildContext,
  union: FiguresFile,
  description: Description,
  known: LedgerEntry[],
  earlier: LedgerEntry[],
): Promise<BuildFailure | null> {
  const { d, k, warnings } = ctx;
  if (earlier.length === 0) return null;
  const countFigures = union.figures
    .filter((f) => f.kind === "aantal" && f.universe && f.scope)
    .map((f) => ({ universe: f.universe!, scope: f.scope!, value: f.value }));
  const findings = await revisionExposure({
    universes: description.universes,
    now: countFigures,
    agreeing: known,
    earlier,
    trueValue: description.trueValue!,
    k,
  });
  if (findings.length === 0) return null;
  return {
    ok: false,
    warnings,
    problems: [
      {
        bestand: "(bescherming)",
        regel: null,
        kolom: null,
        waarde: null,
        melding: revisionMessage(findings, description, earlier, d.vocabulaire),
      },
    ],
  };
}

/**
 * Refused when a public set, read beside the confidential sets, exposes a cell they hid. Its
 * body is kept as one block (the lead reworks the protection of a public set beside
 * confidential sets).
 */
async function pairAudit(
  ctx: BuildContext,
  confidentialSets: LedgerEntry[],
  heldByConfidentialReader: LedgerEntry[],
  documents: BuiltDocument[],
  union: FiguresFile,
  vpoo: BuiltDocument,
): Promise<BuildFailure | null> {
  const { opts, d, periode, warnings } = ctx;
  if (confidentialSets.length > 0) {
    // The confidential reader holds this set beside every confidential set it shares a period
    // with: each of those keeps its hidden cells (protect/pair-audit.ts).
    const publicNow = documents.map((doc) => doc.ledgerEntry);
    const historie = {
      report: "historie.csv",
      jaar: periode.id,
      audience: opts.audience,
      figures: union.figures
        .filter((f) => f.layout === "historie" && f.universe && f.scope && f.value !== null)
        .map((f) => ({ universe: f.universe!, scope: f.scope!, value: f.value })),
    };
    // (historie joins the periods: a calendar-year total links the periods it covers)
    const sharing = sharingPeriods(
      confidentialSets,
      [...publicNow, historie].flatMap((e) => e.figures),
    );
    const exposed = await exposedConfidential(
      sharing,
      publicNow,
      [...heldByConfidentialReader, historie],
      vpoo!.figures,
      d.instellingen.drempel.vertrouwelijk,
      opts.protection?.attack,
    );
    if (exposed.length > 0) {
      const names = exposed.map((x) => `${x.report} (${x.cells} cijfer(s))`).join(", ");
      return {
        ok: false,
        warnings,
        problems: [{ bestand: "(bescherming)", regel: null, kolom: null, waarde: null, melding: pairMessage(names) }],
      };
    }
  }
  return null;
}

/** The PDF's creation date: the adoption date of the verslag's front matter, else 1 March after the period. */
function creationDateOf(ctx: BuildContext): Date {
  const { d, periode } = ctx;
  const verslag = verslagOf(d, periode);
  const vastgesteld = verslag?.voorwerk["vastgesteld"];
  return new Date(`${/^\d{4}-\d{2}-\d{2}$/.test(vastgesteld ?? "") ? vastgesteld : `${periode.tot.jaar + 1}-03-01`}T12:00:00Z`);
}

/**
 * A public set that would expose a hidden cell of an adopted confidential set, although it
 * already follows that set's rows and keeps hidden what the confidential sets hid: what the
 * counsellors can still do is send the confidential set alone for this period.
 */
function pairMessage(names: string): string {
  return (
    `dit openbare verslag zou samen met ${names} een verborgen cijfer van dat vertrouwelijke verslag prijsgeven (wie beide leest, kan het terugrekenen). ` +
    `Het programma beschermt het openbare verslag al voor wie ook de vertrouwelijke verslagen leest; toch blijft een cijfer terug te rekenen. ` +
    `De vastgestelde verslagen blijven zoals ze zijn. Verstuur over deze periode alleen het vertrouwelijke verslag, en bespreek met de vertrouwenspersonen wat de organisatie in plaats van een openbaar verslag krijgt (bijvoorbeeld een toelichting zonder aantallen).`
  );
}

/** The versions already adopted for a period, audience and counting rule. */
function versionsOf(ledger: LedgerEntry[], key: string, audience: string, telregel: string): { versie: number; vastgesteld: string }[] {
  const out = new Map<number, { versie: number; vastgesteld: string }>();
  for (const e of ledger) {
    if (String(e.jaar) !== key || e.audience !== audience || (e.telregel ?? "woordenlijst") !== telregel) continue;
    const versie = e.versie ?? 1;
    out.set(versie, { versie, vastgesteld: e.vastgesteld ?? "0000-01-01" });
  }
  return [...out.values()];
}

interface Change {
  entry: LedgerEntry;
  wijziging: Wijziging;
}

/**
 * Splits what a reader holds by whether today's data still gives it: entries that agree (facts
 * about today), and entries with a changed figure (an old state, see protect/revision.ts) of
 * which only the unchanged and hidden figures are kept as facts about today.
 */
function splitByData(
  entries: LedgerEntry[],
  description: Description,
  vocabulaire: Term[] = [],
): { agreeing: LedgerEntry[]; earlier: LedgerEntry[]; changes: Change[] } {
  const index = indexUniverses(description.universes);
  const labels = new Map<string, string>();
  for (const t of description.tables)
    for (const c of t.cells) {
      const key = scopeKey(c.universe, c.scope);
      if (!labels.has(key)) labels.set(key, cellInTable(t, c));
    }
  const agreeing: LedgerEntry[] = [];
  const earlier: LedgerEntry[] = [];
  const changes: Change[] = [];
  for (const e of entries) {
    const changed = new Set<number>();
    e.figures.forEach((f, i) => {
      if (f.value === null || !description.trueValue) return;
      let terms: number[] = [];
      try {
        terms = expandScope(description.universes, index, f.universe, f.scope);
      } catch {
        return;
      }
      if (terms.length === 0) return;
      const now = description.trueValue(f.universe, f.scope);
      const hours = f.universe === "uren";
      // (hours are printed, and so kept in the register, to one decimal)
      if (Math.abs(now - f.value) <= (hours ? 0.05 + 1e-6 : 1e-6)) return;
      changed.add(i);
      const key = scopeKey(f.universe, f.scope);
      changes.push({
        entry: e,
        wijziging: {
          key,
          label: labels.get(key) ?? figureLabel(f.universe, f.scope, vocabulaire),
          kind: hours ? "uren" : "aantal",
          oud: f.value,
          nieuw: hours ? Math.round(now * 10) / 10 : now,
          bron: e.report,
        },
      });
    });
    if (changed.size === 0) agreeing.push(e);
    else {
      earlier.push(e);
      agreeing.push({ ...e, figures: e.figures.filter((_, i) => !changed.has(i)) });
    }
  }
  return { agreeing, earlier, changes };
}

function dedupe(ws: Wijziging[]): Wijziging[] {
  const seen = new Map<string, Wijziging>();
  for (const w of ws) if (!seen.has(w.key)) seen.set(w.key, w);
  return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label, "nl"));
}

/**
 * Figures of earlier periods that changed after they were sent, once each: "herzien" when the
 * latest version holding the figure agrees with today's data (a revision adopted it).
 */
function earlierPeriodChanges(readable: LedgerEntry[], changes: Change[], key: string, suppressed: Set<string>): Wijziging[] {
  const out = new Map<string, Wijziging>();
  for (const c of changes) {
    if (String(c.entry.jaar) === key) continue;
    const w = c.wijziging;
    const holders = readable.filter(
      (e) =>
        String(e.jaar) === String(c.entry.jaar) &&
        e.audience === c.entry.audience &&
        (e.telregel ?? "woordenlijst") === (c.entry.telregel ?? "woordenlijst") &&
        e.figures.some((f) => f.value !== null && scopeKey(f.universe, f.scope) === w.key),
    );
    const latest = Math.max(...holders.map((e) => e.versie ?? 1));
    const latestChanged = changes.some((x) => x.wijziging.key === w.key && holders.includes(x.entry) && (x.entry.versie ?? 1) === latest);
    const prev = out.get(w.key);
    const entry: Wijziging = { ...w, nieuw: suppressed.has(w.key) ? null : w.nieuw, herzien: !latestChanged };
    if (!prev || (prev.herzien && !entry.herzien)) out.set(w.key, entry);
  }
  return [...out.values()].sort((a, b) => a.label.localeCompare(b.label, "nl"));
}

/**
 * A small count that the reports sent before already give away together (one year of a pooled
 * table, by subtraction; protect/derived.ts): this report cannot hide it any more and adds
 * nothing to it, but the counsellors should know. Only reports made before the tool protected
 * such counts, or published totals, can do this.
 */
function knownDerivedWarnings(derived: DerivedEntry[], description: Description, vocabulaire: Term[]): Problem[] {
  return derived
    .filter((e) => e.requiredWidth === 0)
    .map((e) =>
      problem(
        "(bescherming)",
        null,
        null,
        null,
        `uit eerder verzonden verslagen samen is af te leiden dat het cijfer "${cellLabel(e.key, description, vocabulaire)}" ${e.value} is, minder dan de drempel. ` +
          `Dit verslag kan dat niet meer verbergen en voegt er niets aan toe; het staat in het interne logboek. Bespreek met het team wie de eerdere verslagen heeft.`,
      ),
    );
}

/** No pattern protects a cell: which one, and what it follows from, in the reader's words. */
function unprotectableMessage(u: { cell: string; from: string[] }, description: Description, vocabulaire: Term[]): string {
  const label = (id: string) => `"${cellLabel(id, description, vocabulaire)}"`;
  const from = u.from.slice(0, 4).map(label);
  const follows =
    from.length === 0
      ? ""
      : `: het volgt uit ${from.join(" en ")}${u.from.length > 4 ? ` (en ${u.from.length - 4} meer)` : ""}, die altijd zichtbaar zijn`;
  return (
    `dit verslag kan niet veilig verschijnen. Het cijfer ${label(u.cell)} zou een melder herkenbaar maken, en geen keuze van verborgen cijfers voorkomt dat${follows}. ` +
    `Een verslag over een langere periode telt meer meldingen per cijfer (de perioden staan in instellingen.json); bespreek met het team welke periode het verslag beslaat.`
  );
}

function revisionMessage(findings: RevisionFinding[], description: Description, earlier: LedgerEntry[], vocabulaire: Term[]): string {
  const label = (key: string) => cellLabel(key, description, vocabulaire);
  const sent = [...new Set(earlier.map((e) => e.report))].join(", ");
  const parts = findings
    .slice(0, 5)
    .map((f) =>
      f.soort === "verschil"
        ? `de wijziging valt zeker in het verborgen cijfer "${label(f.key)}" (er komt minstens ${f.lo} bij)`
        : f.soort === "eerder"
          ? `het in ${f.report} verborgen cijfer "${label(f.key)}" is dan terug te rekenen (tussen ${f.lo} en ${f.hi})`
          : `het verborgen cijfer "${label(f.key)}" is dan terug te rekenen (tussen ${f.lo} en ${f.hi})`,
    );
  return (
    `de registratie wijkt af van wat eerder is verzonden (${sent}), en wie het verzonden en het nieuwe verslag naast elkaar legt, kan een melder herkennen: ${parts.join("; ")}` +
    `${findings.length > 5 ? ` (en ${findings.length - 5} meer)` : ""}. ` +
    `Een verslag met deze cijfers — een herziening, maar ook een later verslag dat dezelfde periode toont — zou dus zelf een melder prijsgeven. ` +
    `Het verzonden verslag blijft zoals het is. Bespreek met het team of de registratie van de gewijzigde melding klopt (periode, herkomst, aard); het programma publiceert deze wijziging niet.`
  );
}

/**
 * Everything the protection of a build depends on, for the memo of `build --watch`: the files
 * the figures come from, the options and the ledger (see memo.ts).
 */
export function protectionKey(
  raw: RawInput,
  opts: Pick<BuildOptions, "jaar" | "audience" | "telregel" | "separator">,
  rules: unknown,
  known: LedgerEntry[],
): unknown {
  return {
    figures: figuresFingerprint(raw),
    jaar: opts.jaar,
    audience: opts.audience,
    telregel: opts.telregel ?? null,
    separator: opts.separator ?? null,
    rules,
    known,
  };
}

/**
 * Published figures keep one meaning: a ledger entry whose periods are no longer periods of
 * the timeline (a calendar year now partly inside a configured period, or a period whose
 * setting changed) would silently change meaning, so the build is refused.
 */
function ledgerConflicts(ledger: LedgerEntry[], config: PeriodeInstelling[] | undefined): Problem[] {
  const out: Problem[] = [];
  for (const e of ledger) {
    const keys = new Set<string>([String(e.jaar)]);
    for (const f of e.figures) for (const k of f.scope["jaar"] ?? []) keys.add(k);
    const bad = [...keys].filter((k) => !isTimelineKey(config, k));
    if (bad.length === 0) continue;
    const first = bad[0]!;
    let own = "";
    try {
      own = ` (nu deel van de periode ${periodOfMonth(config, periodById(first).van).label})`;
    } catch {
      // an unreadable key: said as it is
    }
    out.push({
      bestand: "instellingen.json",
      regel: null,
      kolom: "perioden",
      waarde: e.report,
      melding: `het gepubliceerde verslag ${e.report} bevat cijfers over ${bad.join(", ")}${own}; met de ingestelde perioden zou een gepubliceerd cijfer een andere betekenis krijgen. Pas de perioden in instellingen.json aan zodat ze niet in een jaar vallen waarover al is gepubliceerd`,
    });
  }
  return out;
}
