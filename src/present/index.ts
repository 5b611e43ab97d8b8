// present: protected tables + the counsellors' text → the report model and figures.json.
import { maandNaam, periodLabel } from "../domain/periods.ts";
import { opvolgingSection } from "./opvolging.ts";
import { teamWijzigingenBlock } from "./team.ts";
import type { Aggregates } from "../aggregate/types.ts";
import { countingRuleText } from "../domain/counting.ts";
import type { Audience, Dataset, Reeks } from "../domain.ts";
import type { Problem } from "../ingest/problem.ts";
import type { ProtectedCells } from "./cells.ts";
import { barChart } from "./charts.ts";
import type { FigureBook, FiguresFile } from "./figures.ts";
import { finishDocument, startDocument, walk, type DocumentInput } from "./document.ts";
import { seriesRows } from "./series.ts";
import { formatDatum, formatGetal } from "./format.ts";
import { meldingenSections } from "./meldingen.ts";
import type { Block, ChartBlock, PresentedTable, ReportModel, Section } from "./model.ts";
import { ownText, sectionText, verslagVan } from "./narrative.ts";
import { markNote } from "./tables.ts";
import { POOLED_TABLES } from "../protect/describe-pooled.ts";

export interface PresentInput extends DocumentInput {
  /**
   * Differences between published historie and the records: for the console only. The
   * appendix never prints them, as they name counts of the registration.
   */
  warnings: Problem[];
}

export const DOCUMENT_VPOO = "jaarverslag-vpoo";

export function present(input: PresentInput): { model: ReportModel; figures: FiguresFile } {
  const { d, agg, audience, k } = input;
  const { book, cells, mark, L } = startDocument(input);
  // A period's text is the verslag of the year it starts in.
  const verslag = verslagVan(d, undefined, agg.periode.van.jaar);
  const telregel = countingRuleText(d, agg.periode.tot.jaar);
  const ctx = { d, agg, cells, k, ...(input.publicatie ? { publicatie: input.publicatie } : {}) };
  const md = (titel: string): Block => ownText(verslag, titel);

  const charts: ChartBlock[] = [];
  const sections: Section[] = [
    { id: "leeswijzer", number: "", title: "Leeswijzer", blocks: leeswijzer(L, audience, k, mark, telregel), subsections: [] },
    ...(sectionText(verslag, "Voorwoord")
      ? [{ id: "voorwoord", number: "", title: "Voorwoord", blocks: [md("Voorwoord")], subsections: [] }]
      : []),
    {
      id: "meldingen",
      number: "",
      title: "Meldingen",
      blocks: [
        {
          type: "paragraph",
          text: "Hieronder wordt verslag gedaan van het aantal meldingen, de aard ervan, de interventies, de afwikkeling en resultaten, en de tijdsbesteding.",
        },
      ],
      subsections: meldingenSections(ctx, telregel),
    },
    { id: "deskundigheid", number: "", title: "Deskundigheidsbevordering", blocks: [md("Deskundigheidsbevordering")], subsections: [] },
    { id: "voorlichting", number: "", title: "Voorlichting", blocks: [md("Voorlichting")], subsections: [] },
    {
      id: "team",
      number: "",
      title: "Team vertrouwenspersonen",
      blocks: [
        teamParagraph(ctx, book),
        ...teamWijzigingenBlock(d.vertrouwenspersonen, agg.periode.van, agg.periode.tot, maandNaam),
        md("Team"),
      ],
      subsections: [],
    },
    ...opvolgingSection(d, agg),
    { id: "trends", number: "", title: "Trends en aanbevelingen", blocks: [md("Trends en aanbevelingen")], subsections: [] },
    {
      id: "klachtencommissie",
      number: "",
      title: "Klachtencommissie",
      blocks: [md("Klachtencommissie"), ...klachten(ctx, mark)],
      subsections: [],
    },
  ];
  // The appendix gives each chart's figures as a table, unless that table is printed beside
  // the chart already (klachten).
  const bodyTables = new Set<PresentedTable>();
  for (const s of walk(sections)) for (const b of s.blocks) if (b.type === "table") bodyTables.add(b.table);
  for (const s of walk(sections)) for (const b of s.blocks) if (b.type === "chart" && !bodyTables.has(b.chart.data)) charts.push(b.chart);
  sections.push({
    id: "bijlage-grafieken",
    number: "",
    title: "Bijlage: cijfers bij de grafieken",
    blocks: charts.map((c) => ({ type: "table" as const, table: c.data })),
    subsections: [],
  });
  sections.push({
    id: "verantwoording",
    number: "",
    title: "Bijlage: verantwoording van de cijfers",
    blocks: verantwoording(input, telregel, mark, book),
    subsections: [],
  });
  return finishDocument(input, book, {
    document: DOCUMENT_VPOO,
    titel: `Jaarverslag vertrouwenspersonen ongewenste omgangsvormen ${L}`,
    datum: verslag?.voorwerk["vastgesteld"] ? formatDatum(verslag.voorwerk["vastgesteld"]) : "",
    auteurs: verslag?.voorwerk["auteurs"] ?? "De vertrouwenspersonen ongewenste omgangsvormen",
    sections,
  });
}

function leeswijzer(N: string, audience: Audience, k: number, mark: string, telregel: string): Block[] {
  return [
    {
      type: "paragraph",
      text:
        `Dit jaarverslag beschrijft het werk van de vertrouwenspersonen ongewenste omgangsvormen in ${N}. ` +
        `Het hoofdstuk Meldingen geeft de cijfers; daarna volgen deskundigheidsbevordering, voorlichting, het team, trends en aanbevelingen en de klachtencommissie. ` +
        `De vertrouwenspersonen registreren elke melding geanonimiseerd.`,
    },
    {
      type: "paragraph",
      text:
        `Om te voorkomen dat een melder herkenbaar wordt, bevat dit verslag geen aantal kleiner dan ${k} ` +
        `(${audience === "openbaar" ? "openbare versie" : "vertrouwelijke versie"}). Kleine aantallen en cijfers waaruit ze terug te rekenen zijn, ` +
        `zijn vervangen door "${mark}". ${telregel}`,
    },
  ];
}

function teamParagraph(ctx: { agg: Aggregates }, book: FigureBook): Block {
  const N = ctx.agg.jaar;
  const L = ctx.agg.periode.label;
  const team = ctx.agg.team.filter((t) => t.jaar === N);
  const n = (g: string) => team.find((t) => t.groep === g)?.aantal ?? 0;
  const total = team.reduce((s, t) => s + t.aantal, 0);
  // Counsellors are named publicly; their number is no melding count.
  const f = (value: number, row: string) =>
    book.add({
      id: `team/${N}/${row}`,
      table: "Tekst: team",
      row,
      column: String(N),
      kind: "constante",
      universe: null,
      scope: null,
      value,
      display: formatGetal(value),
    });
  return {
    type: "paragraph",
    text: `In ${L} bestond het team uit ${f(total, "totaal")} vertrouwenspersonen: ${f(n("fractie"), "fractie")} vanuit de fracties, ${f(n("ambtelijk"), "ambtelijk")} vanuit de ambtelijke organisatie en ${f(n("extern"), "extern")} externe vertrouwenspersoon.`,
  };
}

export function klachten(ctx: { agg: Aggregates; cells: ProtectedCells }, mark: string): Block[] {
  const { agg, cells } = ctx;
  const title = `Klachten bij de klachtencommissie ${periodLabel(agg.klachtenSerie[0]?.jaar ?? agg.jaar)}–${agg.periode.label}`;
  const where = `Tabel: ${title}`;
  const { rows, points, hidden } = seriesRows(cells, agg.klachtenSerie, where, "klachten", ["klachten", "klachten"]);
  const table: PresentedTable = {
    id: "klachten",
    caption: where,
    headers: ["Jaar", "Klachten"],
    rows,
    notes: hidden.length ? [markNote(mark)] : [],
  };
  const alt = `Staafdiagram van het aantal klachten per jaar: ${rows.map((r) => `${r.label}: ${r.cells[0]}`).join("; ")}.`;
  return [
    { type: "table", table },
    {
      type: "chart",
      chart: {
        ...barChart("grafiek-klachten", title, points, "Aantal klachten", alt, table),
        dataNote: "De cijfers staan in de tabel hierboven.",
      },
    },
  ];
}

const REEKS_LABEL: Record<Reeks, string> = {
  meldingen_vpoo: "Meldingen ongewenste omgangsvormen",
  meldingen_vpi: "Meldingen integriteit",
  klachten: "Klachten bij de klachtencommissie",
};

/**
 * Appendix B. It prints only published figures: the historie a reader could already hold,
 * through the figure book, and no count of the registration (which may be protected
 * elsewhere). A document speaks only of what was known at its date: a year after the
 * reported period, or a source named after a later year, stays out.
 */
function verantwoording(input: PresentInput, telregel: string, mark: string, book: FigureBook): Block[] {
  const blocks: Block[] = [
    {
      type: "paragraph",
      text: `Alle cijfers in dit verslag komen uit één registratie en worden uit dezelfde tellingen berekend; totalen, aandelen en gemiddelden kunnen elkaar daardoor niet tegenspreken. ${telregel}`,
    },
    {
      type: "paragraph",
      text:
        `Bescherming: een aantal meldingen kleiner dan ${input.k} wordt niet gepubliceerd, maar vervangen door "${mark}", samen met zo weinig mogelijk andere cijfers, zodat het verborgen cijfer niet uit totalen terug te rekenen is. ` +
        `Welke categorieën van de aard apart staan en welke zijn samengevoegd, is gekozen samen met die bescherming: van de onderzochte indelingen de indeling die de meeste meldingen zichtbaar laat. ` +
        (input.protectedReport.description.tables.some((t) => t.id === POOLED_TABLES.herkomst)
          ? `Tabellen over meer jaren samen zijn met alle jaartabellen samen beschermd, zodat ook aftrekken geen verborgen jaar prijsgeeft. `
          : "") +
        `Uren zijn beschermd als ze op minder dan ${input.k} meldingen rusten, grotendeels van één vertrouwenspersoon komen, of als een andere vertrouwenspersoon van de groep ze nauwkeurig kan afleiden. ` +
        `Voordat het verslag is geschreven, is nagerekend dat geen verborgen cijfer nauwkeurig te bepalen is uit alles wat een lezer weet: de cijfers in dit verslag, eerdere verslagen en eerder gepubliceerde totalen.`,
    },
  ];
  const { d, agg } = input;
  const end = agg.periode.tot;
  const recordYears = new Set(agg.perioden.flatMap((p) => Array.from({ length: p.tot.jaar - p.van.jaar + 1 }, (_, i) => p.van.jaar + i)));
  const knownThen = (h: Dataset["historie"][number]) =>
    recordYears.has(h.jaar) &&
    (h.jaar < end.jaar || (end.maand === 12 && h.jaar === end.jaar)) &&
    (h.bron.match(/\b(19|20)\d{2}\b/g) ?? []).every((y) => Number(y) <= end.jaar);
  const earlier = d.historie.filter(knownThen).sort((a, b) => a.reeks.localeCompare(b.reeks) || a.jaar - b.jaar);
  if (earlier.length > 0) {
    const where = "Bijlage: verantwoording van de cijfers";
    blocks.push({
      type: "paragraph",
      text: `${earlier.length === 1 ? "Een eerder gepubliceerd totaal over een jaar" : "Eerder gepubliceerde totalen over jaren"} waarover dit verslag de registratie gebruikt. De registratie is leidend: een eerder cijfer kan volgens een andere telregel geteld zijn, of van vóór een aanvulling van de registratie.`,
    });
    blocks.push({
      type: "list",
      items: earlier.map((h) => {
        const value = book.add({
          id: `historie/${h.reeks}/${h.jaar}`,
          table: where,
          row: REEKS_LABEL[h.reeks],
          column: String(h.jaar),
          kind: "constante",
          universe: null,
          scope: null,
          value: h.waarde,
          display: formatGetal(h.waarde),
        });
        return `${REEKS_LABEL[h.reeks]} ${h.jaar}: ${value} (${h.bron})`;
      }),
    });
  }
  return blocks;
}
