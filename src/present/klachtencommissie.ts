// The klachtencommissie section as a document of its own, for the Presidium bundle.

import type { ReportModel, Section } from "./model.ts";
import type { FiguresFile } from "./figures.ts";
import { finishDocument, startDocument, type DocumentInput } from "./document.ts";
import { klachten } from "./index.ts";
import { missingText, sectionText } from "./narrative.ts";

export const DOCUMENT_KLACHTEN = "klachtencommissie";

export function presentKlachtencommissie(input: DocumentInput): { model: ReportModel; figures: FiguresFile } {
  const { book, cells, mark, L } = startDocument(input);
  const verslag = input.d.verslagen.find((v) => v.jaar === input.agg.periode.van.jaar);
  const sections: Section[] = [
    {
      id: "klachtencommissie", number: "", title: "Klachtencommissie", subsections: [],
      blocks: [{ type: "markdown", html: sectionText(verslag, "Klachtencommissie") ?? missingText("Klachtencommissie") }, ...klachten({ agg: input.agg, cells }, mark)],
    },
  ];
  return finishDocument(input, book, {
    document: DOCUMENT_KLACHTEN,
    titel: `Verslag klachtencommissie ${L}`,
    datum: "",
    auteurs: "De klachtencommissie ongewenste omgangsvormen",
    kort: true,
    sections,
  });
}
