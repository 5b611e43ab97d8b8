// One build of the VPOO jaarverslag, stage by stage, with the functions that src/pipeline.ts
// and src/render/ use, and a timer around each. Shared by bench/build.ts and bench/many.ts.
// The timers live here, not in src/. `build()` in src/pipeline.ts runs the same functions in
// the same order; bench/build.ts checks once per run that both give the same figures.
//
// Stages (as the README names them):
//   ingest     ingestAll (bytes → rows)
//   validate   validate + the text scan of the year's verslag (build() does both before protecting)
//   aggregate  aggregate
//   protect    describeReportSet + protect (HiGHS suppression), and the audit of what is printed
//              (auditFigures), which build() runs after present
//   present    present (model, sentences, tables, chart specs, figures.json)
//   render     reportHtml (Vega-Lite → SVG, Handlebars → HTML) and renderer.pdf (a new page,
//              request interception, setContent, fonts.ready, page.pdf, finishPdf)

import type { Audience, Maand } from "../src/domain.ts";
import { ingestAll } from "../src/ingest/index.ts";
import type { RawInput } from "../src/ingest/raw-input.ts";
import { validate } from "../src/validate/index.ts";
import { aggregate } from "../src/aggregate/index.ts";
import { describeReportSet } from "../src/protect/describe-set.ts";
import { protect } from "../src/protect/index.ts";
import { scanVerslag } from "../src/protect/text-scan.ts";
import { auditFigures } from "../src/protect/audit.ts";
import { present } from "../src/present/index.ts";
import type { FiguresFile } from "../src/present/figures.ts";
import type { ReportModel } from "../src/present/model.ts";
import { reportHtml, reportPdf } from "../src/render/document.ts";
import type { Renderer } from "../src/render/pdf.ts";
import type { Memo } from "../src/memo.ts";
import { protectionKey } from "../src/pipeline.ts";

export const STAGES = ["ingest", "validate", "aggregate", "protect", "present", "render: html", "render: pdf"] as const;
export type Stage = (typeof STAGES)[number];
/** The stages that are the tool's own work (everything except Chromium's print). */
export const OWN_STAGES: Stage[] = ["ingest", "validate", "aggregate", "protect", "present", "render: html"];

export interface TimedBuild {
  ms: Record<Stage, number>;
  /** of protect: the audit part */
  auditMs: number;
  totalMs: number;
  model: ReportModel;
  figures: FiguresFile;
  html: string;
  pdf: Uint8Array;
  creationDate: Date;
}

export interface TimedBuildOptions {
  jaar: number;
  audience: Audience;
  vandaag: Maand;
  /** As `build --watch` keeps it: protection and charts of earlier builds with the same figures. */
  memo?: Memo;
}

/** `renderer` open already (warm) or opened by the caller and timed separately (cold). */
export async function timedBuild(raw: RawInput, opts: TimedBuildOptions, renderer: Renderer): Promise<TimedBuild> {
  const ms = {} as Record<Stage, number>;
  let t = performance.now();
  const t0 = t;
  const lap = (stage: Stage) => {
    const now = performance.now();
    ms[stage] = (ms[stage] ?? 0) + (now - t);
    t = now;
  };
  const ingested = await ingestAll(raw, {});
  lap("ingest");
  const validated = validate(ingested, opts.vandaag);
  if (!validated.dataset)
    throw new Error(
      `ongeldige gegevens: ${validated.problems
        .slice(0, 3)
        .map((p) => p.melding)
        .join("; ")}`,
    );
  const d = validated.dataset;
  const verslag = d.verslagen.find((v) => v.jaar === opts.jaar);
  const scanned = verslag ? scanVerslag(verslag, d.instellingen.drempel.openbaar, d.instellingen.namenlijst) : [];
  if (scanned.length > 0) throw new Error(`tekst: ${scanned[0]!.melding}`);
  lap("validate");
  const agg = aggregate(d, opts.jaar);
  lap("aggregate");
  const k = d.instellingen.drempel[opts.audience];
  const description = describeReportSet(agg, d, { audience: opts.audience, k });
  const rules = { k, protectZeros: !d.instellingen.nullenPubliceren, dominance: d.instellingen.dominantieAandeel };
  const protectedReport = opts.memo
    ? await opts.memo.get("protect", protectionKey(raw, opts, rules, []), () => protect(description, rules, []))
    : await protect(description, rules, []);
  lap("protect");
  const { model, figures } = present({ d, agg, protectedReport, audience: opts.audience, k, warnings: validated.warnings });
  lap("present");
  const union: FiguresFile = { ...figures, figures: figures.figures.map((f) => ({ ...f, id: `vpoo:${f.id}` })) };
  const required = new Map(protectedReport.log.map((l) => [l.key, l.requiredWidth]));
  const audit = await auditFigures(union, [], required);
  if (!audit.ok) throw new Error("audit keurt het verslag af");
  const auditStart = t;
  lap("protect");
  const auditMs = t - auditStart;
  const html = await reportHtml(model, opts.memo);
  lap("render: html");
  const vastgesteld = verslag?.voorwerk["vastgesteld"];
  const creationDate = new Date(`${/^\d{4}-\d{2}-\d{2}$/.test(vastgesteld ?? "") ? vastgesteld : `${opts.jaar + 1}-03-01`}T12:00:00Z`);
  const pdf = await reportPdf(renderer, model, html, creationDate);
  lap("render: pdf");
  return { ms, auditMs, totalMs: performance.now() - t0, model, figures, html, pdf, creationDate };
}
