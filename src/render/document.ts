// render: model → SVG charts → HTML → PDF. The only stage that starts a browser.
import type { ReportModel, Section } from "../present/model.ts";
import { vegaLiteToSvg } from "./charts.ts";
import { renderHtml } from "./html.ts";
import type { PdfMeta } from "./pdf-finish.ts";
import type { Renderer } from "./pdf.ts";
import type { Memo } from "../memo.ts";
import { headingPages } from "./toc-pages.ts";

/** The charts as SVG; with a memo (`--watch`), a chart whose spec did not change is reused. */
async function chartSvgs(model: ReportModel, memo?: Memo): Promise<Map<string, string>> {
  const svgs = new Map<string, string>();
  const walk = async (sections: Section[]) => {
    for (const s of sections) {
      for (const b of s.blocks) if (b.type === "chart") svgs.set(b.chart.id, await chartSvg(b.chart.spec, memo));
      await walk(s.subsections);
    }
  };
  await walk(model.sections);
  return svgs;
}

export function chartSvg(spec: object, memo?: Memo): Promise<string> {
  return memo ? memo.get("svg", spec, () => vegaLiteToSvg(spec)) : vegaLiteToSvg(spec);
}

export async function reportHtml(model: ReportModel, memo?: Memo): Promise<string> {
  return renderHtml(model, await chartSvgs(model, memo));
}

/**
 * HTML and PDF with page numbers in the table of contents. Chromium cannot print
 * target-counter(), so the document is printed, the page of every heading read back from the
 * PDF's named destinations, and printed again with those numbers. The numbers sit in a column
 * of fixed width, so filling them in moves nothing; should a page still shift, it is printed
 * once more (at most three prints).
 */
export async function reportWithPages(
  renderer: Renderer,
  model: ReportModel,
  creationDate: Date,
  memo?: Memo,
): Promise<{ html: string; pdf: Uint8Array; pages: Map<string, number> }> {
  const svgs = await chartSvgs(model, memo);
  let pages = new Map<string, number>();
  let html = renderHtml(model, svgs, pages);
  if (model.kort || model.toc.length === 0) return { html, pdf: await reportPdf(renderer, model, html, creationDate), pages };
  // The first print only tells where the headings fall: a draft (see Renderer.draft).
  let pdf = await renderer.draft(html, pdfMeta(model, creationDate));
  for (let print = 1; print < 3; print++) {
    const found = await headingPages(pdf);
    if (print > 1 && model.toc.every((t) => found.get(t.id) === pages.get(t.id))) break;
    pages = found;
    html = renderHtml(model, svgs, pages);
    pdf = await reportPdf(renderer, model, html, creationDate);
  }
  return { html, pdf, pages };
}

export async function reportPdf(renderer: Renderer, model: ReportModel, html: string, creationDate: Date): Promise<Uint8Array> {
  return renderer.pdf(html, pdfMeta(model, creationDate));
}

function pdfMeta(model: ReportModel, creationDate: Date): PdfMeta {
  return {
    title: model.titel,
    subject: `${model.titel}, ${model.organisatie}`,
    author: model.auteurs,
    keywords: [model.document, String(model.jaar)],
    lang: "nl-NL",
    runningHeader: `${model.titel}`,
    confidential: model.vertrouwelijk,
    ...(model.paginaMarkering ? { markering: model.paginaMarkering } : {}),
    creationDate,
  };
}
