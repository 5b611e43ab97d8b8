// render, for a whole build: every presented document → the files a user receives (PDF, HTML,
// figures.json, the HR feed, the Presidium bundle), in memory. One browser for all of them.
// Writing them (all or nothing) is the CLI's job.
import { fileKey, periodLabel, type PeriodeId } from "../domain/periods.ts";
import { join } from "node:path";
import type { BuiltDocument } from "../present/documents.ts";
import { sjvCsv } from "../present/sjv.ts";
import { bundlePdfs } from "./bundle.ts";
import { chartSvg, reportWithPages } from "./document.ts";
import { finishPdf } from "./pdf-finish.ts";
import { openRenderer, type Renderer } from "./pdf.ts";
import { svgToPng } from "./png.ts";
import type { Memo } from "../memo.ts";

export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

export interface RenderOptions {
  dir: string;
  /** The reported period: file names use its key (fileKey), titles its label. */
  jaar: PeriodeId;
  vertrouwelijk: boolean;
  creationDate: Date;
  /** Also the bundle for the Presidium (cover note, jaarverslagen, klachtencommissie). */
  bundle: boolean;
  /** Told after each document, for the progress line. */
  progress: (message: string) => void;
  /** A browser session to reuse (many organisations); otherwise one is opened and closed. */
  renderer?: Renderer;
  /** Charts of an earlier build of this session (`--watch`). */
  memo?: Memo;
  /** The concept or revision marking of the set, for the bundle's page headers. */
  markering?: string;
}

const BUNDLE_ORDER = ["oplegnotitie", "vpoo", "vpi", "klachtencommissie"] as const;
/** The part's name in the bundle's page labels. */
const BUNDLE_LABEL: Record<BuiltDocument["kind"], string> = {
  oplegnotitie: "oplegnotitie",
  vpoo: "jaarverslag VPOO",
  vpi: "jaarverslag VPI",
  klachtencommissie: "klachtencommissie",
  sjv: "Sociaal Jaarverslag",
};

export async function renderOutputs(documents: BuiltDocument[], opts: RenderOptions): Promise<OutputFile[]> {
  const suffix = opts.vertrouwelijk ? "-vertrouwelijk" : "";
  const files: OutputFile[] = [];
  const pdfs = new Map<string, { title: string; pdf: Uint8Array; author: string; label: string }>();
  const renderer = opts.renderer ?? (await openRenderer());
  try {
    for (const doc of documents) {
      const base = join(opts.dir, `${doc.figures.document}-${fileKey(opts.jaar)}${suffix}`);
      if (doc.model) {
        const { html, pdf } = await reportWithPages(renderer, doc.model, opts.creationDate, opts.memo);
        pdfs.set(doc.kind, { title: doc.model.titel, pdf, author: doc.model.auteurs, label: BUNDLE_LABEL[doc.kind] });
        files.push({ path: `${base}.pdf`, content: pdf }, { path: `${base}.html`, content: html });
        opts.progress(`${doc.model.titel} (${base}.pdf)`);
      }
      if (doc.sjv) {
        const svg = await chartSvg(doc.sjv.chart.spec, opts.memo);
        files.push(
          { path: `${base}.csv`, content: sjvCsv(doc.sjv.feed) },
          { path: `${base}.json`, content: JSON.stringify(doc.sjv.feed, null, 2) + "\n" },
          { path: `${base}.toelichting.txt`, content: `${doc.sjv.feed.notitie}\n\n${doc.sjv.feed.telregel}\n` },
          { path: `${base}.svg`, content: svg },
          { path: `${base}.png`, content: await svgToPng(renderer, svg) },
        );
        opts.progress(`Sociaal Jaarverslag §14 (${base}.csv, .json, .svg, .png)`);
      }
      files.push({ path: `${base}.figures.json`, content: JSON.stringify(doc.figures, null, 2) + "\n" });
    }
    if (opts.bundle) {
      const parts = BUNDLE_ORDER.flatMap((kind) => pdfs.get(kind) ?? []);
      const title = `Stukken voor het Presidium: jaarverslagen ${periodLabel(opts.jaar)}`;
      const bundle = await finishPdf(await bundlePdfs(parts), {
        title,
        subject: title,
        author: parts[0]?.author ?? "",
        keywords: ["presidium", String(opts.jaar)],
        lang: "nl-NL",
        runningHeader: title,
        confidential: opts.vertrouwelijk,
        creationDate: opts.creationDate,
        ...(opts.markering ? { markering: opts.markering } : {}),
      });
      const path = join(opts.dir, `presidium-bundel-${fileKey(opts.jaar)}${suffix}.pdf`);
      files.push({ path, content: bundle });
      opts.progress(`bundel voor het Presidium (${path})`);
    }
  } finally {
    if (!opts.renderer) await renderer.close();
  }
  return files;
}
