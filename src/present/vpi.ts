// The jaarverslag of the vertrouwenspersoon integriteit: a short companion to the VPOO
// report, from the same protection.
import { periodLabel } from "../aggregate/periods.ts";
import { countingRuleText } from "../aggregate/counting.ts";
import { barChart } from "./charts.ts";
import type { FiguresFile } from "./figures.ts";
import { finishDocument, startDocument, type DocumentInput } from "./document.ts";
import { seriesRows } from "./series.ts";
import type { Block, PresentedTable, ReportModel, Section } from "./model.ts";
import { presentTable } from "./tables.ts";
import { ACTIVITEIT_LABEL } from "../protect/describe.ts";
import { POOLED_TABLES } from "../protect/describe-pooled.ts";

export const DOCUMENT_VPI = "jaarverslag-vpi";

export function presentVpi(input: DocumentInput): { model: ReportModel; figures: FiguresFile } {
  const { d, agg } = input;
  const { book, cells, N, L } = startDocument(input);
  const P = (html: string): Block => ({ type: "paragraph", html });
  const meldingen = cells.cell("vpi-jaren", "meldingen", String(N))!;
  const advies = cells.cell("vpi-jaren", "adviesvragen", String(N))!;
  const where = "Tekst: integriteit";
  const zin: string[] = [];
  const aantal = (c: typeof meldingen, row: string) => cells.print(c, where, row, String(N), { zeroAsWord: true });
  if (!cells.isSuppressed(meldingen)) zin.push(`In ${L} ontving de vertrouwenspersoon integriteit ${aantal(meldingen, "meldingen")} meldingen van een vermoeden van een misstand.`);
  else zin.push(`Het aantal meldingen bij de vertrouwenspersoon integriteit in ${L} wordt om redenen van anonimiteit niet vermeld.`);
  if (!cells.isSuppressed(advies)) zin.push(`Er ${advies.value === 0 ? "zijn geen" : `zijn ${aantal(advies, "adviesvragen")}`} adviesvragen behandeld.`);

  // Chart of meldingen per year: historie before the records, then protected figures.
  const title = `Meldingen bij de vertrouwenspersoon integriteit ${periodLabel(agg.vpiSerie[0]?.jaar ?? N)}–${L}`;
  const chartWhere = `Grafiek: ${title}`;
  // A chart of nothing but zeros and hidden years tells no more than the table, so it (and
  // its figures) is left out; cells.value records nothing.
  const withChart = agg.vpiSerie.some((s) => (s.bron === "registratie" ? (cells.value("vpi-jaren", "meldingen", String(s.jaar)) ?? 0) : s.waarde) > 0);
  const { points, rows } = withChart ? seriesRows(cells, agg.vpiSerie, chartWhere, "meldingen", ["vpi-jaren", "meldingen"]) : { points: [], rows: [] };
  const data: PresentedTable = { id: "data-vpi", caption: `Cijfers bij de grafiek ${title}`, headers: ["Jaar", "Meldingen"], rows, notes: [] };
  const alt = `Staafdiagram van het aantal meldingen bij de vertrouwenspersoon integriteit per jaar: ${rows.map((r) => `${r.label}: ${r.cells[0]}`).join("; ")}.`;

  // The kinds over the pooled span (describe-pooled.ts), when it prints anything.
  const pooledVpi = (): Block[] => {
    if (!cells.hasTable(POOLED_TABLES.vpi)) return [];
    const t = cells.table(POOLED_TABLES.vpi);
    if (t.cells.every((c) => cells.isSuppressed(c))) return [];
    const span = t.columns[0]!.label;
    return [
      P(`Eén jaar telt weinig meldingen; daarom staan hieronder ook de meldingen en adviesvragen van ${span} samen (de som over die drie jaar).`),
      { type: "table", table: presentTable(cells, POOLED_TABLES.vpi, `Tabel: meldingen en adviesvragen bij de vertrouwenspersoon integriteit, ${span} samen`, "Soort") },
    ];
  };
  const activiteiten = [...new Set(agg.vpiUren.filter((u) => u.jaar === N && u.activiteit !== "afhandeling").map((u) => u.activiteit))];
  const sections: Section[] = [
    {
      id: "vpi-inleiding", number: "", title: "Inleiding", subsections: [],
      blocks: [P("De vertrouwenspersoon integriteit is er voor iedereen die in en voor de Kamer werkt en een vermoeden van een misstand wil bespreken of melden, of advies wil over een integriteitsvraag. Ook dit verslag bevat geen cijfer dat naar een persoon kan wijzen."), P(countingRuleText(d, agg.periode.tot.jaar))],
    },
    {
      id: "vpi-meldingen", number: "", title: "Meldingen en adviesvragen", subsections: [],
      blocks: [
        P(zin.join(" ")),
        { type: "table", table: presentTable(cells, "vpi-jaren", "Tabel: meldingen en adviesvragen bij de vertrouwenspersoon integriteit", "Soort") },
        { type: "table", table: presentTable(cells, "vpi-herkomst", `Tabel: herkomst van de melders, ${L}`, "Herkomst") },
        ...pooledVpi(),
        ...(withChart ? [{ type: "chart" as const, chart: barChart("grafiek-vpi", title, points, "Aantal meldingen", alt, data) }] : []),
      ],
    },
    {
      id: "vpi-activiteiten", number: "", title: "Activiteiten", subsections: [],
      blocks: activiteiten.length
        ? [P("De vertrouwenspersoon integriteit besteedde tijd aan:"), { type: "list", items: activiteiten.map((a) => ACTIVITEIT_LABEL[a]) }]
        : [P("Voor dit jaar zijn geen activiteiten van de vertrouwenspersoon integriteit geregistreerd.")],
    },
    ...(withChart ? [{ id: "bijlage-vpi", number: "", title: "Bijlage: cijfers bij de grafiek", subsections: [], blocks: [{ type: "table" as const, table: data }] }] : []),
  ];
  return finishDocument(input, book, {
    document: DOCUMENT_VPI,
    titel: `Jaarverslag vertrouwenspersoon integriteit ${L}`,
    datum: "",
    auteurs: "De vertrouwenspersoon integriteit",
    sections,
  });
}
