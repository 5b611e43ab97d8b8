// The klachtencommissie section as a document of its own, for the Presidium bundle.
import type { Aggregates } from "../aggregate/types.ts";
import { countingRuleText } from "../aggregate/counting.ts";
import type { Audience, Dataset } from "../domain.ts";
import type { Protected } from "../protect/index.ts";
import { ProtectedCells } from "./cells.ts";
import { AFRONDING, FigureBook, type FiguresFile } from "./figures.ts";
import { klachten, number, walkWithLevel } from "./index.ts";
import type { ReportModel, Section } from "./model.ts";
import { missingText, sectionText } from "./narrative.ts";

export const DOCUMENT_KLACHTEN = "klachtencommissie";

export function presentKlachtencommissie(input: { d: Dataset; agg: Aggregates; protectedReport: Protected; audience: Audience; k: number }): { model: ReportModel; figures: FiguresFile } {
  const { d, agg, audience, k } = input;
  const N = agg.jaar;
  const book = new FigureBook();
  const mark = d.instellingen.markering;
  const cells = new ProtectedCells(input.protectedReport, book, mark);
  const verslag = d.verslagen.find((v) => v.jaar === N);
  const sections: Section[] = [
    {
      id: "klachtencommissie", number: "", title: "Klachtencommissie", subsections: [],
      blocks: [{ type: "markdown", html: sectionText(verslag, "Klachtencommissie") ?? missingText("Klachtencommissie") }, ...klachten({ agg, cells }, book, mark)],
    },
  ];
  number(sections);
  const model: ReportModel = {
    document: DOCUMENT_KLACHTEN,
    titel: `Verslag klachtencommissie ${N}`,
    ondertitel: audience === "vertrouwelijk" ? "Vertrouwelijke versie voor Presidium en MT" : "Openbare versie",
    organisatie: d.instellingen.organisatie,
    jaar: N,
    vertrouwelijk: audience === "vertrouwelijk",
    datum: "",
    auteurs: "De klachtencommissie ongewenste omgangsvormen",
    telregel: countingRuleText(d, N),
    markering: mark,
    kort: true,
    sections,
    toc: [...walkWithLevel(sections)].map(({ s, level }) => ({ number: s.number, title: s.title, id: s.id, level })),
  };
  return { model, figures: { document: DOCUMENT_KLACHTEN, titel: model.titel, jaar: N, publiek: audience, drempel: k, markering: mark, afronding: AFRONDING, universes: input.protectedReport.description.universes, figures: book.figures } };
}
