// The klachtencommissie section as a document of its own, for the Presidium bundle. Its text
// is the commission's own (verslag-klachtencommissie/<jaar>.md: sections "Samenstelling" and
// "Verslag"), never the counsellors' section "Klachtencommissie" of the VPOO text: that is
// what the counsellors say about the commission ("wij stellen een kennismaking op prijs").

import type { Block, ReportModel, Section } from "./model.ts";
import type { FiguresFile } from "./figures.ts";
import { finishDocument, startDocument, type DocumentInput } from "./document.ts";
import { klachten } from "./index.ts";
import { formatDatum } from "./format.ts";
import { sectionText, verslagVan } from "./narrative.ts";

export const DOCUMENT_KLACHTEN = "klachtencommissie";

export function presentKlachtencommissie(input: DocumentInput): { model: ReportModel; figures: FiguresFile } {
  const { book, cells, mark, L } = startDocument(input);
  const verslag = verslagVan(input.d, "klachtencommissie", input.agg.periode.van.jaar);
  const ontbreekt = (titel: string): Block => ({
    type: "missing",
    text: `(De klachtencommissie heeft voor "${titel}" geen tekst aangeleverd in verslag-klachtencommissie/${input.agg.periode.van.jaar}.md.)`,
  });
  const text = (titel: string): Block => {
    const html = sectionText(verslag, titel);
    return html ? { type: "markdown", html } : ontbreekt(titel);
  };
  const sections: Section[] = [
    { id: "klachten-samenstelling", number: "", title: "Samenstelling", subsections: [], blocks: [text("Samenstelling")] },
    {
      id: "klachten-verslag",
      number: "",
      title: "Klachten",
      subsections: [],
      blocks: [text("Verslag"), ...klachten({ agg: input.agg, cells }, mark)],
    },
  ];
  return finishDocument(input, book, {
    document: DOCUMENT_KLACHTEN,
    titel: `Verslag klachtencommissie ${L}`,
    datum: verslag?.voorwerk["vastgesteld"] ? formatDatum(verslag.voorwerk["vastgesteld"]) : "",
    auteurs: verslag?.voorwerk["auteurs"] ?? "De klachtencommissie ongewenste omgangsvormen",
    kort: true,
    sections,
  });
}
