// What every document shares: one figure book, the protected cells, and the envelope of
// its model and figures.json.
import type { PeriodeId } from "../domain/periods.ts";
import type { Aggregates } from "../aggregate/types.ts";
import { countingRuleText } from "../domain/counting.ts";
import type { Audience, Dataset } from "../domain.ts";
import type { Protected } from "../protect/index.ts";
import { ProtectedCells } from "./cells.ts";
import { AFRONDING, FigureBook, recordFacts, type FiguresFile } from "./figures.ts";
import type { ReportModel, Section } from "./model.ts";
import { GEEN_PUBLICATIE, pageMarking, publicatieSections, type Publicatie } from "./publicatie.ts";

export interface DocumentInput {
  d: Dataset;
  agg: Aggregates;
  protectedReport: Protected;
  audience: Audience;
  k: number;
  /** Concept or adopted, revision, changed figures (see publicatie.ts); default: adopted, nothing changed. */
  publicatie?: Publicatie;
}

/** N: the reported period (a calendar year as a number, or a period key); L: its label. */
export function startDocument(input: DocumentInput): { book: FigureBook; cells: ProtectedCells; mark: string; N: PeriodeId; L: string } {
  const book = new FigureBook();
  const mark = input.d.instellingen.markering;
  return { book, cells: new ProtectedCells(input.protectedReport, book, mark), mark, N: input.agg.jaar, L: input.agg.periode.label };
}

function ondertitel(audience: Audience): string {
  return audience === "vertrouwelijk" ? "Vertrouwelijke versie voor Presidium en MT" : "Openbare versie";
}

/** Numbers the sections, builds the contents and the figures.json of a document. */
export function finishDocument(
  input: DocumentInput,
  book: FigureBook,
  fields: Omit<ReportModel, "organisatie" | "jaar" | "vertrouwelijk" | "telregel" | "markering" | "toc" | "ondertitel"> & {
    ondertitel?: string;
  },
): { model: ReportModel; figures: FiguresFile } {
  const { d, agg, audience, k } = input;
  // Every document of the set says on its first pages (and in every page header) whether it is
  // a concept, what it changes against what was sent, and the erratum of a revision.
  const publicatie = input.publicatie ?? GEEN_PUBLICATIE;
  fields = { ...fields, sections: [...publicatieSections(publicatie, book), ...fields.sections] };
  number(fields.sections);
  const model: ReportModel = {
    ondertitel: ondertitel(audience),
    ...fields,
    organisatie: d.instellingen.organisatie,
    jaar: agg.jaar,
    vertrouwelijk: audience === "vertrouwelijk",
    paginaMarkering: pageMarking(publicatie),
    telregel: countingRuleText(d, agg.periode.tot.jaar),
    markering: d.instellingen.markering,
    toc: [...walkWithLevel(fields.sections)].map(({ s, level }) => ({ number: s.number, title: s.title, id: s.id, level })),
  };
  // Totals published earlier (historie.csv) are known to every reader of every document.
  recordFacts(
    book,
    (input.protectedReport.description.facts ?? []).filter((f) => f.layout === "historie"),
    "historie.csv",
  );
  const figures: FiguresFile = {
    document: model.document,
    titel: model.titel,
    jaar: agg.jaar,
    publiek: audience,
    drempel: k,
    markering: model.markering,
    afronding: AFRONDING,
    universes: input.protectedReport.description.universes,
    figures: book.figures,
  };
  return { model, figures };
}

const UNNUMBERED = new Set(["concept", "erratum", "herziene-cijfers"]);

/** Section numbers are generated, so the contents and the headings always agree. */
function number(sections: Section[], prefix = ""): void {
  let i = 0;
  let bijlage = 0;
  for (const s of sections) {
    // The concept notice and the erratum stand before the report, unnumbered: the report's own
    // section numbers stay those of the version that was sent.
    if (UNNUMBERED.has(s.id)) s.number = "";
    else if (s.id.startsWith("bijlage") || s.id === "verantwoording") s.number = String.fromCharCode(65 + bijlage++);
    else s.number = `${prefix}${++i}`;
    number(s.subsections, `${s.number}.`);
  }
}

export function* walk(sections: Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* walk(s.subsections);
  }
}

function* walkWithLevel(sections: Section[], level = 1): Generator<{ s: Section; level: number }> {
  for (const s of sections) {
    yield { s, level };
    yield* walkWithLevel(s.subsections, level + 1);
  }
}
