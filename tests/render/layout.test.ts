// Page layout of the report templates in real Chromium: long tables repeat their header row
// on every page, short tables stay whole, and no heading or table caption is left alone at
// the foot of a page. Reports are built in code and rendered through templates/ as the CLI
// does (renderHtml → Renderer.pdf).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Block, OwnTextHtml, PresentedTable, ReportModel, Section } from "../../src/present/model.ts";
import { KORTE_TABEL, renderHtml, shiftHeadings } from "../../src/render/html.ts";
import { openRenderer, type Renderer } from "../../src/render/pdf.ts";
import type { PdfMeta } from "../../src/render/pdf-finish.ts";
import { readPdf, type PdfContents } from "../helpers/pdf-read.ts";
import { bodyLines, headingsAtFoot, MARGIN, pageLines, squash } from "./pdf-inspect.ts";

const meta: PdfMeta = {
  title: "Jaarverslag proef 2020",
  subject: "Opmaakproef",
  author: "Vertrouwenspersonen",
  lang: "nl-NL",
  runningHeader: "Jaarverslag proef 2020",
  confidential: false,
  creationDate: new Date("2021-03-02T12:00:00Z"),
};

const SENTENCE = "De vertrouwenspersonen luisteren, denken mee en wijzen de weg naar hulp of naar een klacht bij de commissie. ";

function paragraph(sentences: number): Block {
  return { type: "paragraph", text: SENTENCE.repeat(sentences).trim() };
}

function table(id: string, rows: number, caption = `Tabel: proef ${id}`): PresentedTable {
  return {
    id,
    caption,
    headers: ["Periode", "Aantal meldingen", "Uren"],
    rows: Array.from({ length: rows }, (_, i) => ({
      label: `Rij ${id}-${String(i + 1).padStart(3, "0")}`,
      cells: [String(i % 30), `${i % 7},5`],
      total: false,
    })),
    notes: [`Noot bij ${id}.`],
  };
}

function model(sections: Section[]): ReportModel {
  const number = (list: Section[], prefix = ""): void =>
    list.forEach((s, i) => {
      s.number = `${prefix}${i + 1}`;
      number(s.subsections, `${s.number}.`);
    });
  number(sections);
  const toc: ReportModel["toc"] = [];
  const walk = (list: Section[], level: number): void =>
    list.forEach((s) => {
      toc.push({ number: s.number, title: s.title, id: s.id, level });
      walk(s.subsections, level + 1);
    });
  walk(sections, 1);
  return {
    document: "proef",
    titel: meta.title,
    ondertitel: "Openbare versie",
    organisatie: "Proeforganisatie",
    jaar: 2020,
    vertrouwelijk: false,
    datum: "2 maart 2021",
    auteurs: "Vertrouwenspersonen",
    telregel: "",
    markering: "x",
    sections,
    toc,
  };
}

function section(id: string, title: string, blocks: Block[], subsections: Section[] = []): Section {
  return { id, number: "", title, blocks, subsections };
}

/** Every heading and caption the reader must never find alone at the foot of a page. */
function headingsOf(m: ReportModel): string[] {
  const out = ["Inhoud", ...m.toc.map((t) => `${t.number} ${t.title}`)];
  const walk = (list: Section[]): void =>
    list.forEach((s) => {
      for (const b of s.blocks) {
        if (b.type === "table") out.push(b.table.caption);
        if (b.type === "markdown") for (const h of b.html.matchAll(/<h\d[^>]*>(.*?)<\/h\d>/g)) out.push(h[1]!);
      }
      walk(s.subsections);
    });
  walk(m.sections);
  return out;
}

let renderer: Renderer;

beforeAll(async () => {
  renderer = await openRenderer();
});

afterAll(async () => {
  await renderer?.close();
});

async function render(m: ReportModel): Promise<PdfContents> {
  return readPdf(await renderer.pdf(renderHtml(m, new Map()), meta));
}

describe("shiftHeadings", () => {
  it("puts the counsellors' top heading directly below the section heading, keeping relative levels", () => {
    expect(shiftHeadings('<h4>Trends</h4><p>x</p><h5 id="a">Sub</h5>', 1)).toBe('<h2>Trends</h2><p>x</p><h3 id="a">Sub</h3>');
    expect(shiftHeadings("<h2>Trends</h2>", 2)).toBe("<h3>Trends</h3>");
    expect(shiftHeadings("<p>geen kop</p><hr>", 1)).toBe("<p>geen kop</p><hr>");
  });
});

describe("tables across pages", () => {
  it.each([
    [3, 90],
    [30, 40],
    [33, 40],
    [36, 40],
    [3, 41],
    [3, 43],
  ])("repeats the header row on every page of a long table and leaves no row alone (opvulling %i, %i rijen)", async (filler, rows) => {
    const pdf = await render(model([section("lang", "Lange tabel", [paragraph(filler), { type: "table", table: table("lang", rows) }])]));
    const pagesWithRows = pdf.layout
      .map((layout, index) => ({ index, lines: bodyLines(layout) }))
      .filter(({ lines }) => lines.some((l) => l.text.startsWith("Rij lang-")));
    expect(pagesWithRows.length).toBeGreaterThanOrEqual(2);
    let seen = 0;
    for (const { index, lines } of pagesWithRows) {
      const header = lines.findIndex((l) => squash(l.text) === squash("Periode Aantal meldingen Uren"));
      const first = lines.findIndex((l) => l.text.startsWith("Rij lang-"));
      expect(header, `pagina ${index + 1}: kopregel van de tabel`).toBeGreaterThanOrEqual(0);
      expect(header, `pagina ${index + 1}: kopregel boven de eerste rij`).toBeLessThan(first);
      const count = lines.filter((l) => l.text.startsWith("Rij lang-")).length;
      expect(count, `pagina ${index + 1}: rijen`).toBeGreaterThanOrEqual(3);
      seen += count;
    }
    expect(seen).toBe(rows);
    // The structure tree still has one header row of TH cells per table (a repeated header
    // row is a painted copy, not a second row of data).
    expect(pdf.structRoles).toEqual(expect.arrayContaining(["Table", "TR", "TH", "TD", "Caption"]));
  });

  it(`keeps a table of up to ${KORTE_TABEL} rows on one page, with its caption and note`, async () => {
    // Push the table towards the foot of the first page by different amounts.
    for (const filler of [28, 31, 34]) {
      const m = model([section("kort", "Korte tabel", [paragraph(filler), { type: "table", table: table("kort", KORTE_TABEL) }])]);
      const pdf = await render(m);
      const pages = pdf.layout
        .map((layout, index) => ({ index, lines: bodyLines(layout).map((l) => l.text) }))
        .filter(({ lines }) =>
          lines.some((t) => t.startsWith("Rij kort-") || t.includes("Tabel: proef kort") || t.includes("Noot bij kort")),
        );
      expect(
        pages.map((p) => p.index),
        `opvulling ${filler}`,
      ).toHaveLength(1);
    }
  });
});

describe("headings at the foot of a page", () => {
  it("never leaves a heading or a table caption as the last text of a page", async () => {
    let pagesChecked = 0;
    for (let filler = 18; filler <= 34; filler += 2) {
      const m = model([
        section(
          "een",
          "Eerste hoofdstuk",
          [paragraph(filler)],
          [
            section("een-a", "Een paragraaf met een kop", [paragraph(4), { type: "table", table: table("a", 6) }]),
            section("een-b", "Nog een paragraaf", [paragraph(3)]),
          ],
        ),
        section("twee", "Tweede hoofdstuk", [
          {
            type: "markdown",
            html: ("<h3>Eigen kop</h3><p>" +
              SENTENCE.repeat(3) +
              "</p><h3>Tweede eigen kop</h3><ul><li>Een punt</li><li>Nog een punt</li></ul>") as OwnTextHtml,
          },
          paragraph((filler % 7) + 2),
          { type: "table", table: table("b", 8) },
        ]),
        section("drie", "Derde hoofdstuk", [paragraph(6)]),
      ]);
      const pdf = await render(m);
      expect(headingsAtFoot(pdf.layout, headingsOf(m)), `opvulling ${filler}`).toEqual([]);
      pagesChecked += pdf.numPages;
    }
    expect(pagesChecked).toBeGreaterThan(20);
  });

  it("finds a heading that is left alone (the check itself)", () => {
    const item = (str: string, x: number, y: number, width: number) => ({ str, x, y, width, height: 10 });
    const layouts = [
      {
        width: 595.28,
        height: 841.89,
        items: [item("Tekst van een alinea.", 60, 700, 120), item("3.1", 60, 686, 14), item("Aantal meldingen", 90, 686, 90)],
      },
      { width: 595.28, height: 841.89, items: [item("x", 60, 700, 6)] },
    ];
    expect(pageLines(layouts[0]!).map((l) => l.text)).toEqual(["Tekst van een alinea.", "3.1 Aantal meldingen"]);
    expect(headingsAtFoot(layouts, ["3.1 Aantal meldingen"])).toHaveLength(1);
    expect(headingsAtFoot(layouts, ["3.2 Aard"])).toHaveLength(0);
    expect(MARGIN.bottom).toBeCloseTo(56.69, 1);
  });
});
