// The feed for HR's Sociaal Jaarverslag, §14: klachten at the klachtencommissie, meldingen at
// the VPOO and at the VPI, one row per year, peildatum 31 December. Every value comes from
// the same protected cells as the jaarverslagen, under the same counting rule.
import { peildatum, periodLabel, type PeriodeId } from "../domain/periods.ts";
import { countingRuleText } from "../domain/counting.ts";
import { groupedBarChart } from "./charts.ts";
import type { FiguresFile } from "./figures.ts";
import { finishDocument, startDocument, type DocumentInput } from "./document.ts";
import type { ChartBlock, PresentedTable } from "./model.ts";
import { excelCsv } from "../excel-csv.ts";

export const DOCUMENT_SJV = "sociaal-jaarverslag";

const SJV_REEKSEN = [
  { key: "klachten", label: "Klachten klachtencommissie", table: "klachten", row: "klachten" },
  { key: "meldingenVpoo", label: "Meldingen vertrouwenspersonen ongewenste omgangsvormen", table: "herkomst", row: "totaal" },
  { key: "meldingenVpi", label: "Meldingen vertrouwenspersoon integriteit", table: "vpi-jaren", row: "meldingen" },
] as const;

interface SjvWaarde {
  value: number | null;
  display: string;
}

export interface SjvFeed {
  /** The reported period (a calendar year, or a period key). */
  jaar: PeriodeId;
  peildatum: string;
  telregel: string;
  markering: string;
  rows: ({ jaar: PeriodeId } & Record<(typeof SJV_REEKSEN)[number]["key"], SjvWaarde>)[];
  notitie: string;
}

export function presentSjv(input: DocumentInput): { feed: SjvFeed; figures: FiguresFile; chart: ChartBlock } {
  const { d, agg } = input;
  const { book, cells, mark, N, L } = startDocument(input);
  // The last five periods of the timeline.
  const years = agg.recordYears.slice(-5);
  const where = `Sociaal Jaarverslag §14, tabel ${periodLabel(years[0] ?? N)}–${L}`;
  const rows: SjvFeed["rows"] = years.map((y) => {
    const row = { jaar: y } as SjvFeed["rows"][number];
    for (const r of SJV_REEKSEN) {
      const c = cells.cell(r.table, r.row, String(y))!;
      const display = cells.print(c, where, r.label, String(y));
      row[r.key] = { value: cells.isSuppressed(c) ? null : c.value, display };
    }
    return row;
  });
  // The feed has no pages to mark: a concept says so in its note (HR copies only adopted figures).
  const concept = input.publicatie?.concept ? "CONCEPT — nog niet vastgesteld; niet overnemen in het Sociaal Jaarverslag. " : "";
  const notitie = concept + changeNote(rows, N, agg.vorige, mark);
  const feed: SjvFeed = {
    jaar: N,
    peildatum: peildatum(agg.periode),
    telregel: countingRuleText(d, agg.periode.tot.jaar),
    markering: mark,
    rows,
    notitie,
  };
  // One group per year, one colour per series: three colours for any number of years, so no
  // two years ever share a colour.
  const points = rows.flatMap((r) =>
    SJV_REEKSEN.filter((s) => r[s.key].value !== null).map((s) => ({ groep: periodLabel(r.jaar), reeks: s.label, y: r[s.key].value! })),
  );
  const table: PresentedTable = {
    id: "sjv",
    caption: where,
    headers: ["Jaar", ...SJV_REEKSEN.map((s) => s.label)],
    rows: rows.map((r) => ({ label: periodLabel(r.jaar), cells: SJV_REEKSEN.map((s) => r[s.key].display), total: false })),
    notes: [`Peildatum ${feed.peildatum}. ${feed.telregel}`],
  };
  const alt = `Staafdiagram van klachten en meldingen per jaar: ${table.rows.map((r) => `${r.label}: ${SJV_REEKSEN.map((s, i) => `${s.label.toLowerCase()} ${r.cells[i]}`).join(", ")}`).join("; ")}.`;
  const chart = groupedBarChart("grafiek-sjv", `Klachten en meldingen ${periodLabel(years[0] ?? N)}–${L}`, points, alt, table, {
    legendTitle: "Reeks",
    xTitle: "Aantal",
  });
  // The feed is no PDF: only its figures.json is used from the document envelope.
  const { figures } = finishDocument(input, book, {
    document: DOCUMENT_SJV,
    titel: `Sociaal Jaarverslag ${L}, §14`,
    datum: "",
    auteurs: "",
    sections: [],
  });
  return { feed, chart, figures };
}

function changeNote(rows: SjvFeed["rows"], N: PeriodeId, V: PeriodeId | null, mark: string): string {
  const L = periodLabel(N);
  const before = V === null ? undefined : rows.find((r) => r.jaar === V);
  const now = rows.find((r) => r.jaar === N);
  if (!now) return "";
  const zinnen = SJV_REEKSEN.map((s) => {
    const a = before?.[s.key];
    const b = now[s.key];
    if (b.value === null) return `${s.label}: in ${L} niet vermeld (${mark}), om herleidbaarheid te voorkomen.`;
    if (!a || a.value === null) return `${s.label}: ${b.display} in ${L}.`;
    if (a.value === b.value) return `${s.label}: gelijk gebleven (${b.display}).`;
    return `${s.label}: ${a.value < b.value ? "gestegen" : "gedaald"} van ${a.display} in ${periodLabel(V!)} naar ${b.display} in ${L}.`;
  });
  return `Wijzigingen ten opzichte van ${V === null ? "de vorige periode" : periodLabel(V)}: ${zinnen.join(" ")}`;
}

export function sjvCsv(feed: SjvFeed): string {
  // HR opens it in Excel on a Dutch laptop (see excel-csv.ts).
  return excelCsv(
    ["jaar", ...SJV_REEKSEN.map((s) => s.label)],
    feed.rows.map((r) => [periodLabel(r.jaar), ...SJV_REEKSEN.map((s) => r[s.key].display)]),
  );
}
