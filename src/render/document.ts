// render: model → SVG charts → HTML → PDF. The only stage that starts a browser.
import type { ReportModel, Section } from "../present/model.ts";
import { vegaLiteToSvg } from "./charts.ts";
import { renderHtml } from "./html.ts";
import type { Renderer } from "./pdf.ts";
import type { Memo } from "../memo.ts";

/** The charts as SVG; with a memo (`--watch`), a chart whose spec did not change is reused. */
export async function chartSvgs(model: ReportModel, memo?: Memo): Promise<Map<string, string>> {
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

export async function reportPdf(renderer: Renderer, model: ReportModel, html: string, creationDate: Date): Promise<Uint8Array> {
  return renderer.pdf(html, {
    title: model.titel,
    subject: `${model.titel}, ${model.organisatie}`,
    author: model.auteurs,
    keywords: [model.document, String(model.jaar)],
    lang: "nl-NL",
    runningHeader: `${model.titel}`,
    confidential: model.vertrouwelijk,
    ...(model.paginaMarkering ? { markering: model.paginaMarkering } : {}),
    creationDate,
  });
}
