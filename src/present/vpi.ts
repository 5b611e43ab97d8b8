// The jaarverslag of the vertrouwenspersoon integriteit: a short companion to the VPOO
// report, from the same protection.
import { periodLabel, type PeriodeId } from "../domain/periods.ts";
import { activeIn } from "./team.ts";
import { barChart } from "./charts.ts";
import { yearsInWords } from "./span-words.ts";
import type { FigureBook, FiguresFile } from "./figures.ts";
import { finishDocument, startDocument, type DocumentInput } from "./document.ts";
import { seriesRows } from "./series.ts";
import type { Block, PresentedTable, ReportModel, Section } from "./model.ts";
import { presentTable } from "./tables.ts";
import { ACTIVITEIT_LABEL } from "../protect/labels.ts";
import { formatDatum, formatGetal } from "./format.ts";
import { sectionText, verslagVan } from "./narrative.ts";
import type { Dataset } from "../domain.ts";
import type { Aggregates } from "../aggregate/types.ts";
import { POOLED_TABLES } from "../protect/describe-pooled.ts";
import type { ProtectedCells } from "./cells.ts";

export const DOCUMENT_VPI = "jaarverslag-vpi";

export function presentVpi(input: DocumentInput): { model: ReportModel; figures: FiguresFile } {
  const { d, agg } = input;
  const { book, cells, N, L } = startDocument(input);
  // The VPI's own text (verslag-vpi/<jaar>.md): date, authors, introduction and activities.
  const verslag = verslagVan(d, "vpi", agg.periode.van.jaar);
  const team = vpiTeam(d, agg, book);
  const wie = team.aantal === 1 ? "de vertrouwenspersoon integriteit" : "de vertrouwenspersonen integriteit";
  const zin = meldingenZin(cells, team, wie, N, L);
  const chart = vpiChart(cells, agg, N, L);
  const activiteitenBlocks = vpiActiviteiten(agg, verslag, wie, N, L);
  const inleiding = sectionText(verslag, "Inleiding");
  const sections: Section[] = [
    {
      id: "vpi-inleiding",
      number: "",
      title: "Inleiding",
      subsections: [],
      blocks: [
        inleiding
          ? { type: "markdown", html: inleiding }
          : P(
              `${wie[0]!.toUpperCase()}${wie.slice(1)} ${team.aantal === 1 ? "is" : "zijn"} er voor iedereen die in en voor de Kamer werkt en een vermoeden van een misstand wil bespreken of melden, of advies wil over een integriteitsvraag.`,
            ),
        P(team.zin),
        P(`Ook dit verslag bevat geen cijfer dat naar een persoon kan wijzen. ${VPI_TELREGEL}`),
      ],
    },
    {
      id: "vpi-meldingen",
      number: "",
      title: "Meldingen en adviesvragen",
      subsections: [],
      blocks: [
        P(zin.join(" ")),
        { type: "table", table: presentTable(cells, "vpi-jaren", `Tabel: meldingen en adviesvragen bij ${wie}`, "Soort") },
        { type: "table", table: presentTable(cells, "vpi-herkomst", `Tabel: herkomst van de melders, ${L}`, "Herkomst") },
        ...pooledVpi(cells),
        ...(chart.withChart
          ? [
              {
                type: "chart" as const,
                chart: barChart("grafiek-vpi", chart.title, chart.points, "Aantal meldingen", chart.alt, chart.data),
              },
            ]
          : []),
      ],
    },
    {
      id: "vpi-activiteiten",
      number: "",
      title: "Activiteiten",
      subsections: [],
      blocks: activiteitenBlocks,
    },
    ...(chart.withChart
      ? [
          {
            id: "bijlage-vpi",
            number: "",
            title: "Bijlage: cijfers bij de grafiek",
            subsections: [],
            blocks: [{ type: "table" as const, table: chart.data }],
          },
        ]
      : []),
  ];
  return finishDocument(input, book, {
    document: DOCUMENT_VPI,
    titel: `Jaarverslag ${team.aantal === 1 ? "vertrouwenspersoon" : "vertrouwenspersonen"} integriteit ${L}`,
    datum: verslag?.voorwerk["vastgesteld"] ? formatDatum(verslag.voorwerk["vastgesteld"]) : "",
    auteurs: verslag?.voorwerk["auteurs"] ?? `${wie[0]!.toUpperCase()}${wie.slice(1)}`,
    sections,
  });
}

const P = (text: string): Block => ({ type: "paragraph", text });

// The sentences on this period's meldingen and adviesvragen (each only when it is printed).
function meldingenZin(cells: ProtectedCells, team: { aantal: number }, wie: string, N: PeriodeId, L: string): string[] {
  const meldingen = cells.cell("vpi-jaren", "meldingen", String(N))!;
  const advies = cells.cell("vpi-jaren", "adviesvragen", String(N))!;
  const where = "Tekst: integriteit";
  const zin: string[] = [];
  const aantal = (c: typeof meldingen, row: string) => cells.print(c, where, row, String(N), { zeroAsWord: true });
  if (!cells.isSuppressed(meldingen))
    zin.push(
      `In ${L} ontving${team.aantal === 1 ? "" : "en"} ${wie} ${aantal(meldingen, "meldingen")} meldingen van een vermoeden van een misstand.`,
    );
  else zin.push(`Het aantal meldingen bij ${wie} in ${L} wordt om redenen van anonimiteit niet vermeld.`);
  if (!cells.isSuppressed(advies))
    zin.push(`Er ${advies.value === 0 ? "zijn geen" : `zijn ${aantal(advies, "adviesvragen")}`} adviesvragen behandeld.`);
  return zin;
}

// Chart of meldingen per year: historie before the records, then protected figures.
function vpiChart(cells: ProtectedCells, agg: Aggregates, N: PeriodeId, L: string) {
  const title = `Meldingen bij de vertrouwenspersoon integriteit ${periodLabel(agg.vpiSerie[0]?.jaar ?? N)}–${L}`;
  const chartWhere = `Grafiek: ${title}`;
  // A chart of nothing but zeros and hidden years tells no more than the table, so it (and
  // its figures) is left out; cells.value records nothing.
  const withChart = agg.vpiSerie.some(
    (s) => (s.bron === "registratie" ? (cells.value("vpi-jaren", "meldingen", String(s.jaar)) ?? 0) : s.waarde) > 0,
  );
  const { points, rows } = withChart
    ? seriesRows(cells, agg.vpiSerie, chartWhere, "meldingen", ["vpi-jaren", "meldingen"])
    : { points: [], rows: [] };
  const data: PresentedTable = {
    id: "data-vpi",
    caption: `Cijfers bij de grafiek ${title}`,
    headers: ["Jaar", "Meldingen"],
    rows,
    notes: [],
  };
  const alt = `Staafdiagram van het aantal meldingen bij de vertrouwenspersoon integriteit per jaar: ${rows.map((r) => `${r.label}: ${r.cells[0]}`).join("; ")}.`;
  return { title, withChart, points, data, alt };
}

// The kinds over the pooled span (describe-pooled.ts), when it prints anything.
function pooledVpi(cells: ProtectedCells): Block[] {
  if (!cells.hasTable(POOLED_TABLES.vpi)) return [];
  const t = cells.table(POOLED_TABLES.vpi);
  if (t.cells.every((c) => cells.isSuppressed(c))) return [];
  const span = t.columns[0]!.label;
  return [
    P(
      `Eén jaar telt weinig meldingen; daarom staan hieronder ook de meldingen en adviesvragen van ${span} samen (de som over die ${yearsInWords(t, t.columns[0]!.key)}).`,
    ),
    {
      type: "table",
      table: presentTable(
        cells,
        POOLED_TABLES.vpi,
        `Tabel: meldingen en adviesvragen bij de vertrouwenspersoon integriteit, ${span} samen`,
        "Soort",
      ),
    },
  ];
}

// The VPI's own text on its activities, and the activities with registered hours.
function vpiActiviteiten(agg: Aggregates, verslag: ReturnType<typeof verslagVan>, wie: string, N: PeriodeId, L: string): Block[] {
  const activiteiten = [...new Set(agg.vpiUren.filter((u) => u.jaar === N && u.activiteit !== "afhandeling").map((u) => u.activiteit))];
  const activiteitenTekst = sectionText(verslag, "Activiteiten");
  const activiteitenBlocks: Block[] = [
    ...(activiteitenTekst ? [{ type: "markdown" as const, html: activiteitenTekst }] : []),
    ...(activiteiten.length
      ? [
          P(`Geregistreerde tijd van ${wie} naast de meldingen:`),
          { type: "list" as const, items: activiteiten.map((a) => ACTIVITEIT_LABEL[a]) },
        ]
      : []),
  ];
  // "Nothing registered" only when there is neither a text nor registered hours.
  if (activiteitenBlocks.length === 0)
    activiteitenBlocks.push(P(`Voor ${L} zijn geen activiteiten van ${wie} beschreven of geregistreerd.`));
  return activiteitenBlocks;
}

/**
 * The VPI's own counting rule (not the VPOO's aard list): what the real VPI report counts
 * separately. Mirrors countsInTotal in domain/counting.ts for regeling integriteit.
 */
const VPI_TELREGEL =
  "Telregel: als melding telt een melding van een vermoeden van een misstand. Een adviesvraag over integriteit wordt apart geteld en telt niet mee als melding.";

const TELWOORD = ["geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"];

/**
 * The VPI team of the period, from vertrouwenspersonen.csv (regeling integriteit). Counsellors
 * are known by role, and their number is no melding count: printed as constants.
 */
function vpiTeam(d: Dataset, agg: Aggregates, book: FigureBook): { aantal: number; zin: string } {
  const N = agg.jaar;
  const vps = d.vertrouwenspersonen.filter((vp) => vp.regeling === "integriteit" && activeIn(vp, agg.periode.van, agg.periode.tot));
  const f = (value: number, row: string) =>
    book.add({
      id: `vpi-team/${N}/${row}`,
      table: "Tekst: team integriteit",
      row,
      column: String(N),
      kind: "constante",
      universe: null,
      scope: null,
      value,
      display: TELWOORD[value] ?? formatGetal(value),
    });
  const n = vps.length;
  if (n === 0) return { aantal: 0, zin: `In ${agg.periode.label} was er geen vertrouwenspersoon integriteit aangesteld.` };
  const groepen = [
    { g: "ambtelijk", w: "uit de ambtelijke organisatie" },
    { g: "fractie", w: "uit de fracties" },
    { g: "extern", w: "extern" },
  ].flatMap(({ g, w }) => {
    const k = vps.filter((vp) => vp.groep === g).length;
    return k ? [{ k, w, g }] : [];
  });
  const herkomst =
    groepen.length === 1
      ? n === 1
        ? groepen[0]!.w
        : `${n === 2 ? "beiden" : "allen"} ${groepen[0]!.w}`
      : groepen.map((x) => `${f(x.k, x.g)} ${x.w}`).join(" en ");
  return {
    aantal: n,
    zin: `In ${agg.periode.label} ${n === 1 ? "was er" : "waren er"} ${f(n, "totaal")} ${n === 1 ? "vertrouwenspersoon" : "vertrouwenspersonen"} integriteit, ${herkomst}.`,
  };
}
