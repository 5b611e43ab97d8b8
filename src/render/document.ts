// render: model → SVG charts → HTML → PDF. The only stage that starts a browser.
import type { ReportModel, Section } from "../present/model.ts";
import { vegaLiteToSvg } from "./charts.ts";
import { renderHtml } from "./html.ts";
import type { Renderer } from "./pdf.ts";

export async function chartSvgs(model: ReportModel): Promise<Map<string, string>> {
  const svgs = new Map<string, string>();
  const walk = async (sections: Section[]) => {
    for (const s of sections) {
      for (const b of s.blocks) if (b.type === "chart") svgs.set(b.chart.id, await vegaLiteToSvg(b.chart.spec));
      await walk(s.subsections);
    }
  };
  await walk(model.sections);
  return svgs;
}

export async function reportHtml(model: ReportModel): Promise<string> {
  return renderHtml(model, await chartSvgs(model));
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
    creationDate,
  });
}
