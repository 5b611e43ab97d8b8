// The workspace's one door into the pipeline. Every page and action calls these functions and
// nothing else of src/: they wrap pipeline.check/build (for the preview), publish.ts (the same
// path as `jaarverslag build --vaststellen`), the register and the template.
import type { Audience, Dataset, Maand } from "../domain.ts";
import { ingestAll } from "../ingest/index.ts";
import type { Problem } from "../ingest/problem.ts";
import { readRawInput, type RawInput } from "../ingest/raw-input.ts";
import type { Memo } from "../memo.ts";
import { readLedger, readRegister, writeAllOrNothing } from "../output.ts";
import { readDataFiles } from "../data-files.ts";
import { publishSet } from "../publish.ts";
import { ALL_DOCUMENTS, build, check, type DocumentKind } from "../pipeline.ts";
import { DOCUMENT_NAME } from "../present/documents.ts";
import type { OplegnotitieInstellingen } from "../validate/oplegnotitie.ts";
import type { ReportModel, Section } from "../present/model.ts";
import type { LogEntry, ProtectOptions } from "../protect/index.ts";
import type { Renderer } from "../render/pdf.ts";
import { validate } from "../validate/index.ts";

export { ALL_DOCUMENTS, type DocumentKind };

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  vpoo: "Jaarverslag vertrouwenspersonen ongewenste omgangsvormen",
  vpi: "Jaarverslag vertrouwenspersoon integriteit",
  klachtencommissie: "Deel klachtencommissie",
  oplegnotitie: "Oplegnotitie voor het Presidium",
  sjv: "Bijdrage aan het Sociaal Jaarverslag (tabel en grafiek)",
};

export function today(): Maand {
  const now = new Date();
  return { jaar: now.getFullYear(), maand: now.getMonth() + 1 };
}

/** The registration as it is on disk, with an optional replacement of one year's text. */
export function readRegistration(dataDir: string, textOverride?: { jaar: number; text: string }): RawInput {
  const raw = readRawInput(dataDir);
  if (textOverride) {
    const bytes = new TextEncoder().encode(textOverride.text);
    const bestand = `verslag/${textOverride.jaar}.md`;
    raw.verslagen = [...raw.verslagen.filter((v) => v.jaar !== textOverride.jaar), { jaar: textOverride.jaar, bestand, bytes }].sort(
      (a, b) => a.jaar - b.jaar,
    );
  }
  return raw;
}

export async function checkRegistration(
  dataDir: string,
  jaar?: number,
): Promise<{ problems: Problem[]; warnings: Problem[]; codeOfRow: (bestand: string, regel: number | null) => string | null }> {
  const raw = readRawInput(dataDir);
  const { problems, warnings } = await check(raw, today(), undefined, jaar);
  // The code on each row of the lists the other tables refer to, so a problem on such a row
  // can be matched with the problems elsewhere that name that code (problem-tree.ts).
  const ingested = await ingestAll(raw);
  const codes = new Map<string, string>();
  for (const name of ["vertrouwenspersonen.csv", "vocabulaire.csv"] as const) {
    const table = ingested.tables[name];
    for (const row of table?.rows ?? []) {
      const code = row.values["code"]?.trim();
      if (code) codes.set(`${table!.bestand}\0${row.regel}`, code);
    }
  }
  return { problems, warnings, codeOfRow: (bestand, regel) => (regel === null ? null : (codes.get(`${bestand}\0${regel}`) ?? null)) };
}

export interface RegistrationSummary {
  /** The years with at least one melding. */
  jaren: number[];
  meldingenPerJaar: Map<number, number>;
  urenMeldingenPerJaar: Map<number, number>;
  activiteitRegelsPerJaar: Map<number, number>;
  verslagJaren: number[];
  dataset: Dataset | null;
}

export async function summarise(dataDir: string): Promise<RegistrationSummary> {
  const validated = validate(await ingestAll(readRawInput(dataDir)), today());
  const d = validated.dataset;
  const meldingenPerJaar = new Map<number, number>();
  const urenMeldingenPerJaar = new Map<number, number>();
  const activiteitRegelsPerJaar = new Map<number, number>();
  for (const m of d?.meldingen ?? []) {
    meldingenPerJaar.set(m.datum.jaar, (meldingenPerJaar.get(m.datum.jaar) ?? 0) + 1);
    urenMeldingenPerJaar.set(m.datum.jaar, (urenMeldingenPerJaar.get(m.datum.jaar) ?? 0) + m.uren);
  }
  for (const a of d?.activiteiten ?? []) activiteitRegelsPerJaar.set(a.jaar, (activiteitRegelsPerJaar.get(a.jaar) ?? 0) + 1);
  const verslagJaren = readRawInput(dataDir).verslagen.map((v) => v.jaar);
  return {
    jaren: [...meldingenPerJaar.keys()].sort((a, b) => a - b),
    meldingenPerJaar,
    urenMeldingenPerJaar,
    activiteitRegelsPerJaar,
    verslagJaren,
    dataset: d,
  };
}

export interface PublishedEntry {
  report: string;
  /** The document's title, for people. */
  titel: string;
  jaar: string;
  audience: string;
  cijfers: number;
}

/** What has been published: every document of every adopted set in the register, each version. */
export function published(dataDir: string): PublishedEntry[] {
  const title = (report: string): string => {
    const kind = ALL_DOCUMENTS.find((k) => report.startsWith(`${DOCUMENT_NAME[k]}-`));
    return kind ? DOCUMENT_TITLES[kind] : report;
  };
  return readRegister(dataDir).flatMap((e) =>
    e.documenten.map((d) => ({
      report: d.report,
      titel: `${title(d.report)}${e.versie > 1 ? ` (herziening, versie ${e.versie})` : ""}`,
      jaar: e.periode,
      audience: e.audience,
      cijfers: d.figures.length,
    })),
  );
}

export type PreviewResult =
  | { ok: true; html: string; log: LogEntry[]; merged: string[]; printed: number; warnings: Problem[]; optimal: boolean; auditOk: boolean }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/**
 * The protected report as HTML: the same page Chromium turns into the PDF. With the session's
 * memo a text edit reuses the protection and the charts; the audit runs every time.
 */
export async function previewReport(
  raw: RawInput,
  dataDir: string,
  jaar: number,
  audience: Audience,
  memo: Memo,
  protection?: ProtectOptions,
): Promise<PreviewResult> {
  const result = await build(raw, {
    jaar,
    audience,
    vandaag: today(),
    ledger: readLedger(dataDir),
    memo,
    protection,
    documents: ["vpoo"],
    oplegnotitie: oplegnotitie(dataDir),
  });
  if (!result.ok) return { ok: false, problems: result.problems, warnings: result.warnings };
  const { reportHtml } = await import("../render/document.ts");
  const html = await reportHtml(result.model, memo);
  return {
    ok: true,
    html,
    log: result.log,
    merged: mergedNotes(result.model),
    printed: result.figures.figures.length,
    warnings: result.warnings,
    optimal: result.optimal,
    auditOk: result.audit.ok,
  };
}

/** The notes under the tables that say which categories were merged (present/meldingen.ts). */
function mergedNotes(model: ReportModel): string[] {
  const out: string[] = [];
  const walk = (sections: Section[]): void => {
    for (const s of sections) {
      for (const b of s.blocks) if (b.type === "table") out.push(...b.table.notes.filter((n) => / omvat: /.test(n)));
      walk(s.subsections);
    }
  };
  walk(model.sections);
  return out;
}

function oplegnotitie(dataDir: string): Partial<OplegnotitieInstellingen> {
  return readDataFiles(dataDir).oplegnotitie;
}

export interface PublishRequest {
  dataDir: string;
  outDir: string;
  jaar: number;
  audience: Audience;
  documents: DocumentKind[];
  /** The reason of a revision (a new version of an adopted set); null: the first adoption. */
  herziening: string | null;
}

/**
 * The publication the counsellor chose: a first adoption, or a revision, which needs a reason
 * (it goes into the erratum). The same rule as `build --vaststellen --herziening --reden`.
 */
export function revisionChoice(soort: string, reden: string | null): { ok: true; reden: string | null } | { ok: false; melding: string } {
  if (soort !== "herziening") return { ok: true, reden: null };
  const text = (reden ?? "").replace(/\s+/g, " ").trim();
  if (text === "")
    return { ok: false, melding: "Schrijf bij een herziening waarom het verslag wordt herzien: de reden komt in het erratum." };
  if (text.length > 500) return { ok: false, melding: "De reden is te lang: houd het bij één of twee zinnen (hoogstens 500 tekens)." };
  return { ok: true, reden: text };
}

export type PublishResult =
  | { ok: true; dir: string; files: string[]; reports: string[]; hidden: number }
  | { ok: false; reason: string; problems: Problem[]; advice: string };

/**
 * Adopts the chosen documents: builds, renders and writes them as `jaarverslag build
 * --vaststellen` does (one path, src/publish.ts: the lock, the register entry, the whole-set
 * write). `progress` is told once the protection and the audit are done, then after each
 * document (and the bundle).
 */
export async function publish(
  req: PublishRequest,
  session: { renderer: Renderer; memo: Memo; protection?: Omit<ProtectOptions, "second"> },
  progress: (message: string) => void,
): Promise<PublishResult> {
  const now = new Date();
  const result = await publishSet(
    {
      jaar: req.jaar,
      audience: req.audience,
      telregel: undefined,
      dataDir: req.dataDir,
      outDir: req.outDir,
      documents: req.documents,
      bundle: ALL_DOCUMENTS.every((k) => req.documents.includes(k)),
      vaststellen:
        req.herziening === null
          ? { herziening: false, opdracht: "Publiceren in de werkplaats" }
          : { herziening: true, reden: req.herziening, opdracht: "Publiceren in de werkplaats" },
      vandaag: today(),
      vandaagIso: `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`,
    },
    session,
    { made: progress },
  );
  if (!result.ok) {
    const register = result.reason === "gegevens" ? registerRefusal(result.problems, req) : null;
    if (register) return register;
    const scan = result.problems.some((p) => p.bestand.startsWith("verslag"));
    const advice =
      result.reason === "audit"
        ? "Er is niets geschreven. Meld dit aan de beheerder van de registratie; publiceer dit verslag niet met de hand."
        : result.reason === "bestaat"
          ? "Dit verslag is al vastgesteld en wordt nooit overschreven. Zie het overzicht van wat gepubliceerd is."
          : scan
            ? "Pas de tekst aan op de pagina Tekst: de gemarkeerde zin kan een melder herkenbaar maken."
            : result.problems.some((p) => p.bestand === "(bescherming)")
              ? "Volg de aanwijzing in de melding hierboven; vraag zo nodig de beheerder van de registratie om hulp."
              : "Los eerst de problemen op de pagina Registratie op en probeer het dan opnieuw.";
    const reason =
      result.reason === "audit"
        ? "De controle keurt het verslag af: een verborgen cijfer is te nauwkeurig terug te rekenen."
        : "Het verslag is niet gemaakt.";
    return { ok: false, reason, problems: result.problems, advice };
  }
  return { ok: true, dir: result.dir, files: result.files, reports: result.documents, hidden: result.hidden };
}

/**
 * The register's refusals (src/protect/register.ts) speak of the command's options; in the
 * workspace they are said with the choices on the Publiceren page.
 */
function registerRefusal(problems: Problem[], req: PublishRequest): PublishResult | null {
  if (!problems.some((p) => p.bestand === "(register)")) return null;
  const wie = req.audience === "openbaar" ? "openbare" : "vertrouwelijke";
  if (req.herziening === null) {
    return {
      ok: false,
      reason: `Het ${wie} verslag over ${req.jaar} is al vastgesteld.`,
      problems: [
        {
          bestand: "(register)",
          regel: null,
          kolom: null,
          waarde: null,
          melding: `Een vastgesteld verslag wordt nooit overschreven. Er is niets geschreven.`,
        },
      ],
      advice:
        "U kunt kiezen: laat het verzonden verslag zoals het is en noem een later gevonden verschil in het verslag van volgend jaar; of kies hierboven bij Soort voor herziening en schrijf de reden op. De herziening komt dan naast de eerdere versie, met een erratum.",
    };
  }
  return {
    ok: false,
    reason: `Er is nog geen ${req.audience} verslag over ${req.jaar} vastgesteld, dus er valt niets te herzien.`,
    problems: [
      {
        bestand: "(register)",
        regel: null,
        kolom: null,
        waarde: null,
        melding: "Een herziening is een nieuwe versie van een verslag dat al is vastgesteld. Er is niets geschreven.",
      },
    ],
    advice: "Kies hierboven bij Soort voor vaststellen.",
  };
}

/** A new, empty registration workbook with this folder's lists (or the built-in ones). */
export async function registrationWorkbook(dataDir: string): Promise<{ bytes: Uint8Array; notes: string[] }> {
  const { templateWorkbook } = await import("../template/index.ts");
  const { standaardTemplateInput, templateInputFromData } = await import("../template/from-data.ts");
  const fromData = templateInputFromData(await ingestAll(readRawInput(dataDir)));
  const input = fromData.input ?? standaardTemplateInput();
  const notes = fromData.input
    ? fromData.notes
    : ["De woordenlijst van de registratie heeft problemen; het werkboek heeft de standaardlijsten."];
  return { bytes: await templateWorkbook(input), notes };
}

/** Writes files all or nothing (the upload, the text). */
export function writeFiles(files: { path: string; content: string | Uint8Array }[]): void {
  writeAllOrNothing(files);
}

export async function openSessionRenderer(): Promise<Renderer> {
  const { openRenderer } = await import("../render/pdf.ts");
  return openRenderer();
}
