// Making a document set and putting it in place: the one path by which `jaarverslag build` and
// the werkplaats write reports. It holds the data folder's lock from before the register is
// read until the documents and the register entry are in place (lock.ts), and writes the set as
// a whole (output.ts). It prints nothing: the caller says what happened, in its own place.
import type { ProtectOptions } from "./protect/index.ts";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileKey, periodById, type PeriodeId } from "./domain/periods.ts";
import { readDataFiles } from "./data-files.ts";
import type { Audience } from "./domain.ts";
import type { Problem } from "./ingest/problem.ts";
import { readRawInput } from "./ingest/raw-input.ts";
import { acquireLock, LockLostError } from "./lock.ts";
import type { Memo } from "./memo.ts";
import { recoverWrites, registerPath, setMembership, writeDocumentSet, type OutputFile } from "./output.ts";
import { build, type BuildResult, type DocumentKind } from "./pipeline.ts";
import { ALL_DOCUMENTS, DOCUMENT_NAME } from "./present/documents.ts";
import { adoptedFolder, type RegisterEntry } from "./protect/register.ts";
import type { InformationMeasure } from "./protect/figures.ts";
import type { Renderer } from "./render/pdf.ts";

export interface PublishRequest {
  jaar: PeriodeId;
  audience: Audience;
  telregel: "woordenlijst" | "alles" | undefined;
  dataDir: string;
  outDir: string;
  documents: DocumentKind[];
  /** Also the bundle for the Presidium (with every document). */
  bundle: boolean;
  separator?: ";" | "," | undefined;
  /** Adopt the set (enter it in the register); null: a concept. */
  vaststellen: { herziening: boolean; reden?: string; opdracht: string } | null;
  /** The day of adoption, YYYY-MM-DD (the caller reads the clock). */
  vandaagIso: string;
  vandaag: { jaar: number; maand: number };
}

export interface PublishSession {
  renderer?: Renderer;
  memo?: Memo;
  /** Where the suppression runs (the disk cache of the test suite: src/suppression-cache.ts). */
  protection?: Omit<ProtectOptions, "second">;
}

export interface PublishEvents {
  /** An unfinished write of an earlier, killed build was completed or undone. */
  recovered?: (message: string) => void;
  /** A document was rendered (not yet in place). */
  made?: (message: string) => void;
}

export type PublishResult =
  | SetRefusal
  | {
      ok: true;
      dir: string;
      /** The register entry of an adopted set; null for a concept. */
      entry: RegisterEntry | null;
      registerFile: string | null;
      /** The internal log: for the counsellors only, outside the report folder. */
      internal: string;
      /** What was rendered, in order: said "klaar" once everything is in place. */
      made: string[];
      files: string[];
      documents: string[];
      printed: number;
      hidden: number;
      /** How much the documents publish (protect/information.ts). */
      informatie: InformationMeasure | undefined;
      warnings: Problem[];
    };

export async function publishSet(req: PublishRequest, session: PublishSession, events: PublishEvents = {}): Promise<PublishResult> {
  const lock = acquireLock(req.dataDir);
  try {
    const recovered = recoverWrites(req.dataDir);
    if (recovered) events.recovered?.(recovered);
    return await publishLocked(req, session, events, () => {
      if (!lock.held()) throw new LockLostError(lock.path);
    });
  } finally {
    lock.release();
  }
}

/** Why a set is refused: the data, the attack, or an adopted set that exists already. */
export interface SetRefusal {
  ok: false;
  reason: "gegevens" | "audit" | "bestaat";
  problems: Problem[];
  warnings: Problem[];
}

/** What `build` would write: the pipeline's result, where it goes, and the register entry. */
export interface SetPlan {
  ok: true;
  result: Extract<BuildResult, { ok: true }>;
  dir: string;
  /** The register entry of an adopted set (its files are added once rendered); null for a concept. */
  entry: RegisterEntry | null;
  warnings: Problem[];
}

/**
 * Everything `build` decides before it renders and writes: the data folder's JSON files, the
 * pipeline (validation, the register's rules, protection, the attack, a revision's exposure,
 * the public set against the confidential one), and whether an adopted set's folder or
 * register entry exists already. `jaarverslag check` runs this same function and stops here,
 * so it refuses exactly what `build` refuses, with the same messages.
 */
export async function decideSet(req: PublishRequest, session: PublishSession = {}): Promise<SetRefusal | SetPlan> {
  const { jaar, audience, telregel, dataDir, outDir } = req;
  const inputs = readDataFiles(dataDir);
  if (inputs.problems.length > 0) return { ok: false, reason: "gegevens", problems: inputs.problems, warnings: [] };
  const result = await build(readRawInput(dataDir), {
    jaar,
    audience,
    vandaag: req.vandaag,
    ledger: inputs.ledger,
    separator: req.separator,
    documents: req.documents,
    ...(telregel ? { telregel } : {}),
    oplegnotitie: inputs.oplegnotitie,
    ...(session.memo ? { memo: session.memo } : {}),
    ...(session.protection ? { protection: session.protection } : {}),
    ...(req.vaststellen ? { vaststellen: { ...req.vaststellen, datum: req.vandaagIso } } : {}),
  });
  if (!result.ok) return { ok: false, reason: "gegevens", problems: result.problems, warnings: result.warnings };
  if (!result.audit.ok) {
    const problems = result.audit.intervals
      .filter((x) => !x.ok)
      .map((iv): Problem => ({
        bestand: "(bescherming)",
        regel: null,
        kolom: null,
        waarde: null,
        melding: `${iv.figures[0] ?? iv.id}: tussen ${iv.lo} en ${iv.hi} (${iv.scenario})`,
      }));
    return { ok: false, reason: "audit", problems, warnings: result.warnings };
  }
  // A concept goes to OUT/<period>/ and may be rebuilt freely; an adopted set goes to its own
  // folder, which is never written again (see protect/register.ts).
  const adoptie = result.adoptie;
  const dir = adoptie
    ? join(outDir, adoptedFolder(fileKey(jaar), audience, adoptie.telregel, adoptie.versie))
    : join(outDir, fileKey(jaar));
  let entry: RegisterEntry | null = null;
  if (adoptie) {
    entry = {
      soort: "vastgesteld",
      periode: periodById(jaar).key,
      audience,
      telregel: adoptie.telregel,
      versie: adoptie.versie,
      vastgesteld: req.vandaagIso,
      reden: req.vaststellen?.herziening ? (req.vaststellen.reden ?? null) : null,
      bestanden: [],
      documenten: result.documents.map((doc) => ({ report: doc.report, figures: doc.ledgerEntry.figures })),
    };
    const taken = [registerPath(dataDir, entry), dir].find((path) => existsSync(path));
    if (taken) {
      const melding = `${taken} bestaat al. Een vastgesteld verslag wordt nooit overschreven; controleer het register met: jaarverslag register --data ${dataDir}`;
      return {
        ok: false,
        reason: "bestaat",
        problems: [{ bestand: "(register)", regel: null, kolom: null, waarde: null, melding }],
        warnings: result.warnings,
      };
    }
  }
  return { ok: true, result, dir, entry, warnings: result.warnings };
}

async function publishLocked(
  req: PublishRequest,
  session: PublishSession,
  events: PublishEvents,
  assertLocked: () => void,
): Promise<PublishResult> {
  const { jaar, audience, telregel, dataDir, outDir } = req;
  const plan = await decideSet(req, session);
  if (!plan.ok) return plan;
  const { result, dir, entry } = plan;
  const { renderOutputs } = await import("./render/outputs.ts");
  const made: string[] = [];
  const files: OutputFile[] = await renderOutputs(result.documents, {
    dir,
    jaar,
    vertrouwelijk: audience === "vertrouwelijk",
    creationDate: result.creationDate,
    bundle: req.bundle,
    progress: (message) => {
      made.push(message);
      events.made?.(message);
    },
    ...(session.renderer ? { renderer: session.renderer } : {}),
    ...(session.memo ? { memo: session.memo } : {}),
    ...(result.documents[0]?.model?.paginaMarkering ? { markering: result.documents[0].model.paginaMarkering } : {}),
  });
  // Kept with the data: the register entry of an adopted set, and the internal log, which lives
  // outside the report folder that is copied to the intranet.
  const dataFiles: OutputFile[] = [];
  if (entry) {
    entry.bestanden = files.map((f) => ({ pad: relative(outDir, f.path).split(sep).join("/"), sha256: sha256(f.content) }));
    dataFiles.push({ path: registerPath(dataDir, entry), content: JSON.stringify(entry, null, 2) + "\n" });
  }
  const internal = join(
    dataDir,
    "intern",
    fileKey(jaar),
    `${fileKey(jaar)}-${audience}${telregel === "alles" ? "-telregel-alles" : ""}.onderdrukkingslog.json`,
  );
  dataFiles.push({
    path: internal,
    content:
      JSON.stringify(
        {
          waarschuwing: "Alleen voor de vertrouwenspersonen. Nooit publiceren.",
          optimaal: result.optimal,
          onderdrukt: result.log,
          afgeleid: result.afgeleid,
          indeling: result.presentatie ?? [],
        },
        null,
        2,
      ) + "\n",
  });
  assertLocked();
  // The whole set of this period and audience is replaced at once: documents of an earlier,
  // larger concept that were not rebuilt now are removed, so the folder never holds documents
  // that disagree. Adopted sets (in vastgesteld/) and register entries are never touched.
  writeDocumentSet(dataDir, {
    dir,
    files,
    belongs: setMembership(
      ALL_DOCUMENTS.map((kind) => DOCUMENT_NAME[kind]),
      fileKey(jaar),
      audience,
    ),
    dataFiles,
  });
  return {
    ok: true,
    dir,
    entry,
    registerFile: entry ? registerPath(dataDir, entry) : null,
    internal,
    made,
    files: files.map((f) => f.path),
    documents: result.documents.map((doc) => doc.report),
    printed: result.documents.reduce((s, doc) => s + doc.figures.figures.length, 0),
    hidden: result.log.length,
    informatie: result.figures.informatie,
    warnings: result.warnings,
  };
}

/** The fingerprint the register keeps of every adopted file. */
export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}
