import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FONT_FAMILY, fontFaceCss } from "../../src/render/fonts.ts";
import { vegaLiteToSvg } from "../../src/render/charts.ts";
import { openRenderer } from "../../src/render/pdf.ts";
import type { Renderer } from "../../src/render/pdf.ts";
import type { PdfMeta } from "../../src/render/pdf-finish.ts";
import { outlineTitles, readPdf } from "../helpers/pdf-read.ts";

const MM = 72 / 25.4;

const meta: PdfMeta = {
  title: "Jaarverslag vertrouwenspersonen 2020",
  subject: "Meldingen bij de vertrouwenspersonen in 2020",
  author: "Vertrouwenspersonen",
  keywords: ["jaarverslag", "vertrouwenspersonen"],
  lang: "nl-NL",
  runningHeader: "Jaarverslag vertrouwenspersonen 2020",
  confidential: false,
  creationDate: new Date("2021-03-01T00:00:00Z"),
};

function page(body: string): string {
  return `<!doctype html>
<html lang="nl-NL"><head><meta charset="utf-8"><title>${meta.title}</title>
<style>${fontFaceCss()}
body { font-family: '${FONT_FAMILY}', sans-serif; font-size: 10.5pt; margin: 0; }
.pagina { break-after: page; }
</style></head><body>${body}</body></html>`;
}

const report = page(`
<h1>Jaarverslag 2020</h1>
<p>De vertrouwenspersonen besteedden 21,5 uur aan meldingen.</p>
<h2>Meldingen per aard</h2>
<table>
  <caption>Meldingen per aard</caption>
  <thead><tr><th scope="col">Aard</th><th scope="col">Aantal</th></tr></thead>
  <tbody><tr><td>Pesten</td><td>12</td></tr><tr><td>Intimidatie</td><td>7</td></tr></tbody>
</table>
<h2>Interventies</h2>
<ul><li>Gesprek met de melder</li><li>Bemiddeling</li></ul>`);

const twoPages = page(`
<section class="pagina"><h1>Deel een</h1><p>Eerste pagina.</p></section>
<section><h1>Deel twee</h1><p>Tweede pagina.</p></section>`);

let renderer: Renderer;

beforeAll(async () => {
  renderer = await openRenderer();
});

afterAll(async () => {
  await renderer?.close();
});

describe("Renderer.pdf", () => {
  it("writes text, metadata, language, outline and structure tree", async () => {
    const pdf = await readPdf(await renderer.pdf(report, meta));
    expect(pdf.numPages).toBe(1);
    const text = pdf.pages[0] ?? "";
    expect(text).toContain("Jaarverslag 2020");
    expect(text).toContain("21,5 uur");
    expect(text).toContain("Pesten");
    expect(text).toContain("Gesprek met de melder");
    expect(pdf.info).toMatchObject({
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Keywords: "jaarverslag, vertrouwenspersonen",
      Creator: "jaarverslag",
      Producer: "jaarverslag",
      CreationDate: "D:20210301000000Z",
      ModDate: "D:20210301000000Z",
    });
    expect(pdf.lang).toBe("nl-NL");
    expect(pdf.outline).toEqual([
      {
        title: "Jaarverslag 2020",
        children: [
          { title: "Meldingen per aard", children: [] },
          { title: "Interventies", children: [] },
        ],
      },
    ]);
    expect(pdf.hasStructTree).toBe(true);
    expect(pdf.marked).toBe(true);
    expect(pdf.structRoles).toEqual(expect.arrayContaining(["H1", "H2", "Table", "TH", "TD", "L", "LI"]));
    // The running header, without "Vertrouwelijk" for a public report.
    expect(text).toContain("Jaarverslag vertrouwenspersonen 2020");
    expect(text).not.toContain("Vertrouwelijk");
  });

  it("uses only the embedded font, also in header and footer", async () => {
    const pdf = await readPdf(await renderer.pdf(report, { ...meta, confidential: true }));
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) expect(font).toMatch(/^NotoSans-/);
  });

  it("marks a confidential report on every page and in the keywords", async () => {
    const pdf = await readPdf(await renderer.pdf(twoPages, { ...meta, confidential: true }));
    expect(pdf.numPages).toBe(2);
    for (const text of pdf.pages) {
      expect(text).toMatch(/Jaarverslag vertrouwenspersonen 2020 ?\n?Vertrouwelijk/);
    }
    expect(pdf.info.Keywords).toBe("jaarverslag, vertrouwenspersonen, Vertrouwelijk");
  });

  it("numbers the pages in the footer", async () => {
    const pdf = await readPdf(await renderer.pdf(twoPages, meta));
    expect(pdf.numPages).toBe(2);
    expect(pdf.pages[0]).toContain("pagina 1 van 2");
    expect(pdf.pages[1]).toContain("pagina 2 van 2");
    expect(outlineTitles(pdf.outline)).toEqual(["Deel een", "Deel twee"]);
  });

  it("gives identical bytes for the same input, also from a fresh browser", async () => {
    const chart = await vegaLiteToSvg({
      description: "Meldingen per aard",
      data: {
        values: [
          { aard: "Pesten", aantal: 12 },
          { aard: "Intimidatie", aantal: 7 },
        ],
      },
      mark: { type: "bar", clip: true },
      encoding: { x: { field: "aard", type: "nominal" }, y: { field: "aantal", type: "quantitative" } },
    });
    const rich = report.replace("</body>", `<p>Zie <a href="#grafiek">de grafiek</a>.</p><figure id="grafiek">${chart}</figure></body>`);
    const first = await renderer.pdf(rich, meta);
    // Chromium stamps the current second into the PDF, and numbers table headers after
    // its DOM nodes, which depend on what the browser rendered before.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await renderer.pdf(twoPages, meta);
    const second = await renderer.pdf(rich, meta);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const other = await openRenderer();
    try {
      await other.pdf(report, meta);
      const third = await other.pdf(rich, meta);
      expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
    } finally {
      await other.close();
    }
    // Table headers still point at their header cells.
    const text = Buffer.from(first).toString("latin1");
    const ids = [...text.matchAll(/\/ID \((node\d{8})\)/g)].map((m) => m[1]);
    const headers = [...text.matchAll(/\/Headers \[ \((node\d{8})\) \]/g)].map((m) => m[1]);
    expect(ids).toEqual(["node00000001", "node00000002"]);
    expect(headers.length).toBeGreaterThan(0);
    for (const header of headers) expect(ids).toContain(header);
    // A different date gives a different document (and /ID).
    const later = await renderer.pdf(rich, { ...meta, creationDate: new Date("2021-03-02T00:00:00Z") });
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(false);
    const id = (bytes: Uint8Array) => /\/ID \[ <([0-9A-F]{64})> <\1> \]/.exec(Buffer.from(bytes).toString("latin1"))?.[1];
    expect(id(first)).toBeDefined();
    expect(id(later)).toBeDefined();
    expect(id(later)).not.toBe(id(first));
  });

  it("refuses HTML that asks for anything from outside", async () => {
    await expect(renderer.pdf(page(`<p>Logo</p><img src="http://example.invalid/x.png" alt="logo">`), meta)).rejects.toThrow(
      /externe bron op: http:\/\/example\.invalid\/x\.png.*niets opgehaald/,
    );
    await expect(
      renderer.pdf(page(`<style>p { background: url("https://example.invalid/achtergrond.png"); }</style><p>x</p>`), meta),
    ).rejects.toThrow(/https:\/\/example\.invalid\/achtergrond\.png/);
    await expect(renderer.pdf(page(`<link rel="stylesheet" href="file:///etc/passwd"><p>x</p>`), meta)).rejects.toThrow(
      /file:\/\/\/etc\/passwd/,
    );
    // The session is still usable afterwards.
    const pdf = await readPdf(await renderer.pdf(report, meta));
    expect(pdf.pages[0]).toContain("21,5 uur");
  });

  it("renders an inline chart as a figure with its text", async () => {
    const svg = await vegaLiteToSvg({
      description: "Meldingen per aard in 2020",
      data: {
        values: [
          { aard: "Pesten", aantal: 12 },
          { aard: "Intimidatie", aantal: 7.5 },
        ],
      },
      mark: "bar",
      encoding: {
        y: { field: "aard", type: "nominal", title: "Aard" },
        x: { field: "aantal", type: "quantitative", title: "Aantal meldingen" },
      },
    });
    const pdf = await readPdf(
      await renderer.pdf(page(`<h1>Grafiek</h1><figure>${svg}<figcaption>Meldingen per aard</figcaption></figure>`), meta),
    );
    expect(pdf.structRoles).toContain("Figure");
    // The chart's Dutch description becomes the figure's alternative text.
    expect(pdf.alts).toContain("Meldingen per aard in 2020");
    for (const font of pdf.fonts) expect(font).toMatch(/^NotoSans-/);
  });

  it("keeps all text inside the page margins", async () => {
    const sentence =
      "De vertrouwenspersoon luistert, denkt mee en wijst de weg naar hulp of een klacht; " +
      "een heel-lang-samengesteld-woord-zonder-afbreekmogelijkheid-voor-de-zekerheid staat ertussen. ";
    const pdf = await readPdf(
      await renderer.pdf(page(`<h1>Lange tekst</h1><p>${sentence.repeat(60)}</p>`), { ...meta, confidential: true }),
    );
    expect(pdf.numPages).toBeGreaterThan(1);
    const tolerance = 0.5;
    pdf.layout.forEach((layout, index) => {
      // A4 is 595.28 × 841.89 pt; Chromium rounds to whole device pixels (595.92 × 841.92).
      expect(Math.abs(layout.width - 595.28)).toBeLessThan(1);
      expect(Math.abs(layout.height - 841.89)).toBeLessThan(1);
      for (const item of layout.items) {
        const where = `pagina ${index + 1}: '${item.str}' op x=${item.x.toFixed(1)}, y=${item.y.toFixed(1)}`;
        // Left and right margin hold for everything, header and footer included.
        expect(item.x, where).toBeGreaterThanOrEqual(20 * MM - tolerance);
        expect(item.x + item.width, where).toBeLessThanOrEqual(layout.width - 20 * MM + tolerance);
        if (item.y > layout.height - 22 * MM) {
          // In the top margin: only the running header.
          expect(["Jaarverslag vertrouwenspersonen 2020", "Vertrouwelijk"], where).toContain(item.str.trim());
          expect(item.y, where).toBeLessThan(layout.height);
        } else if (item.y < 20 * MM) {
          // In the bottom margin: only the footer.
          expect(item.str.trim(), where).toMatch(/^(pagina|van|\d+)( (pagina|van|\d+))*$/);
          expect(item.y, where).toBeGreaterThan(0);
        }
      }
    });
  });
});
