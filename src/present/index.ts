// present: protected tables + the counsellors' text → the report model and figures.json.
import { periodLabel } from "../aggregate/periods.ts";
import type { Aggregates } from "../aggregate/types.ts";
import { countingRuleText } from "../aggregate/counting.ts";
import type { Audience, Dataset } from "../domain.ts";
import type { Problem } from "../ingest/problem.ts";
import type { Protected } from "../protect/index.ts";
import type { ProtectedCells } from "./cells.ts";
import { barChart } from "./charts.ts";
import type { FigureBook, FiguresFile } from "./figures.ts";
import { finishDocument, startDocument, walk, type DocumentInput } from "./document.ts";
import { seriesRows } from "./series.ts";
import { escapeHtml, formatDatum, formatGetal } from "./format.ts";
import { meldingenSections } from "./meldingen.ts";
import type { Block, ChartBlock, PresentedTable, ReportModel, Section } from "./model.ts";
import { missingText, sectionText } from "./narrative.ts";
import { markNote } from "./tables.ts";
import { POOLED_TABLES } from "../protect/describe-pooled.ts";

export interface PresentInput extends DocumentInput {
  /** Differences between published historie and the records, printed in the appendix. */
  warnings: Problem[];
}

export const DOCUMENT_VPOO = "jaarverslag-vpoo";

export function present(input: PresentInput): { model: ReportModel; figures: FiguresFile } {
  const { d, agg, audience, k } = input;
  const { book, cells, mark, L } = startDocument(input);
  // A period's text is the verslag of the year it starts in.
  const verslag = d.verslagen.find((v) => v.jaar === agg.periode.van.jaar);
  const telregel = countingRuleText(d, agg.periode.tot.jaar);
  const ctx = { d, agg, cells, k };
  const md = (titel: string): Block => ({ type: "markdown", html: sectionText(verslag, titel) ?? missingText(titel) });

  const charts: ChartBlock[] = [];
  const sections: Section[] = [
    { id: "leeswijzer", number: "", title: "Leeswijzer", blocks: leeswijzer(L, audience, k, mark, telregel), subsections: [] },
    ...(sectionText(verslag, "Voorwoord") ? [{ id: "voorwoord", number: "", title: "Voorwoord", blocks: [md("Voorwoord")], subsections: [] }] : []),
    {
      id: "meldingen",
      number: "",
      title: "Meldingen",
      blocks: [{ type: "paragraph", html: "Hieronder wordt verslag gedaan van het aantal meldingen, de aard ervan, de interventies, de afwikkeling en resultaten, en de tijdsbesteding." }],
      subsections: meldingenSections(ctx, telregel),
    },
    { id: "deskundigheid", number: "", title: "Deskundigheidsbevordering", blocks: [md("Deskundigheidsbevordering")], subsections: [] },
    { id: "voorlichting", number: "", title: "Voorlichting", blocks: [md("Voorlichting")], subsections: [] },
    { id: "team", number: "", title: "Team vertrouwenspersonen", blocks: [teamParagraph(ctx, book), md("Team")], subsections: [] },
    { id: "trends", number: "", title: "Trends en aanbevelingen", blocks: [md("Trends en aanbevelingen")], subsections: [] },
    { id: "klachtencommissie", number: "", title: "Klachtencommissie", blocks: [md("Klachtencommissie"), ...klachten(ctx, mark)], subsections: [] },
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
  sections.push({ id: "verantwoording", number: "", title: "Bijlage: verantwoording van de cijfers", blocks: verantwoording(input, telregel, mark), subsections: [] });
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
      html:
        `Dit jaarverslag beschrijft het werk van de vertrouwenspersonen ongewenste omgangsvormen in ${N}. ` +
        `Het hoofdstuk Meldingen geeft de cijfers; daarna volgen deskundigheidsbevordering, voorlichting, het team, trends en aanbevelingen en de klachtencommissie. ` +
        `De vertrouwenspersonen registreren elke melding geanonimiseerd.`,
    },
    {
      type: "paragraph",
      html:
        `Om te voorkomen dat een melder herkenbaar wordt, bevat dit verslag geen aantal kleiner dan ${k} ` +
        `(${audience === "openbaar" ? "openbare versie" : "vertrouwelijke versie"}). Kleine aantallen en cijfers waaruit ze terug te rekenen zijn, ` +
        `zijn vervangen door "${escapeHtml(mark)}". ${escapeHtml(telregel)}`,
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
  const f = (value: number, row: string) => book.add({ id: `team/${N}/${row}`, table: "Tekst: team", row, column: String(N), kind: "constante", universe: null, scope: null, value, display: formatGetal(value) });
  return {
    type: "paragraph",
    html: `In ${L} bestond het team uit ${f(total, "totaal")} vertrouwenspersonen: ${f(n("fractie"), "fractie")} vanuit de fracties, ${f(n("ambtelijk"), "ambtelijk")} vanuit de ambtelijke organisatie en ${f(n("extern"), "extern")} externe vertrouwenspersoon.`,
  };
}

export function klachten(ctx: { agg: Aggregates; cells: ProtectedCells }, mark: string): Block[] {
  const { agg, cells } = ctx;
  const title = `Klachten bij de klachtencommissie ${periodLabel(agg.klachtenSerie[0]?.jaar ?? agg.jaar)}–${agg.periode.label}`;
  const where = `Tabel: ${title}`;
  const { rows, points, hidden } = seriesRows(cells, agg.klachtenSerie, where, "klachten", ["klachten", "klachten"]);
  const table: PresentedTable = { id: "klachten", caption: where, headers: ["Jaar", "Klachten"], rows, notes: hidden.length ? [markNote(mark)] : [] };
  const alt = `Staafdiagram van het aantal klachten per jaar: ${rows.map((r) => `${r.label}: ${r.cells[0]}`).join("; ")}.`;
  return [{ type: "table", table }, { type: "chart", chart: { ...barChart("grafiek-klachten", title, points, "Aantal klachten", alt, table), dataNote: "De cijfers staan in de tabel hierboven." } }];
}

function verantwoording(input: PresentInput, telregel: string, mark: string): Block[] {
  const blocks: Block[] = [
    {
      type: "paragraph",
      html:
        `Alle cijfers in dit verslag komen uit één registratie en worden uit dezelfde tellingen berekend; totalen, aandelen en gemiddelden kunnen elkaar daardoor niet tegenspreken. ${escapeHtml(telregel)}`,
    },
    {
      type: "paragraph",
      html:
        `Bescherming: een aantal meldingen kleiner dan ${input.k} wordt niet gepubliceerd, maar vervangen door "${escapeHtml(mark)}", samen met zo weinig mogelijk andere cijfers, zodat het verborgen cijfer niet uit totalen terug te rekenen is. ` +
        `Welke categorieën van de aard apart staan en welke zijn samengevoegd, is gekozen samen met die bescherming: van de onderzochte indelingen de indeling die de meeste meldingen zichtbaar laat. ` +
        (input.protectedReport.description.tables.some((t) => t.id === POOLED_TABLES.herkomst)
          ? `Tabellen over drie jaar samen zijn met alle jaartabellen samen beschermd, zodat ook aftrekken geen verborgen jaar prijsgeeft. `
          : "") +
        `Uren zijn beschermd als ze op minder dan ${input.k} meldingen rusten of grotendeels van één vertrouwenspersoon komen. ` +
        `Voordat het verslag is geschreven, is met lineaire programmering nagerekend dat geen verborgen cijfer uit alle gepubliceerde cijfers samen (ook die van eerdere verslagen) nauwkeurig te bepalen is.`,
    },
  ];
  if (input.warnings.length > 0) {
    blocks.push({ type: "paragraph", html: "Verschillen met eerder gepubliceerde cijfers (de registratie is leidend):" });
    blocks.push({ type: "list", items: input.warnings.map((w) => escapeHtml(w.melding)) });
  }
  return blocks;
}
