// The documents as their readers know them (issue 15): every document of `build --all`, for
// 2018–2021, public and confidential, read back from the PDFs (and the charts from the HTML
// and SVG beside them). The oracles are the printed text itself: an average is recomputed
// from the figures printed beside it, a contents entry is held against the page where its
// heading is found, a bundle label against the part's own page footer.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { PDFArray, PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Figure, FiguresFile } from "../../src/present/figures.ts";
import { readPdf, type PdfContents } from "../helpers/pdf-read.ts";
import { builtOnce, buildStep } from "../helpers/built-once.ts";
import { bodyLines, headingsAtFoot, squash } from "../render/pdf-inspect.ts";

type Rij = Record<string, string>;

/** Codes a reader must never see: vocabulary and status codes with a hyphen, regelingen, pseudonyms, historie series. */
function internalCodes(data: string): string[] {
  const lees = (f: string) => parse(readFileSync(join(data, f), "utf8"), { columns: true, skip_empty_lines: true }) as Rij[];
  const codes = new Set<string>([
    "afgerond-resultaat",
    "afgerond-onbekend",
    "in-behandeling",
    "ongewenste-omgangsvormen",
    "telt_mee",
    "geen_interventie",
    "actief_van",
    "actief_tot",
  ]);
  for (const t of lees("vocabulaire.csv")) if (/[-_]/.test(t.code ?? "")) codes.add(t.code!);
  for (const v of lees("vertrouwenspersonen.csv")) codes.add(v.code!);
  // (a series code that is also a Dutch word, "klachten", is no tell)
  for (const h of lees("historie.csv")) if (/[-_]/.test(h.reeks ?? "")) codes.add(h.reeks!);
  return [...codes];
}

const text = (pdf: PdfContents) => pdf.pages.join("\n");

/** HTML to the words a reader sees (entities the templates write decoded). */
const flat = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x3D;/g, "=")
    .replace(/\s+/g, " ")
    .trim();

/** Every font of a PDF has its program embedded (/FontFile, /FontFile2 or /FontFile3 in its descriptor). */
async function fontsNotEmbedded(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const missing: string[] = [];
  const embedded = (font: PDFDict): boolean => {
    const descendants = font.lookupMaybe(PDFName.of("DescendantFonts"), PDFArray);
    if (descendants) return descendants.asArray().every((d) => embedded(doc.context.lookup(d, PDFDict)));
    if (font.get(PDFName.of("Subtype")) === PDFName.of("Type3")) return true;
    const descriptor = font.lookupMaybe(PDFName.of("FontDescriptor"), PDFDict);
    return ["FontFile", "FontFile2", "FontFile3"].some((k) => descriptor?.has(PDFName.of(k)));
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("Font")) continue;
    if (!embedded(object)) missing.push(String(object.get(PDFName.of("BaseFont"))));
  }
  return missing;
}

interface Built {
  dir: string;
  data: string;
  pdfs: Map<string, PdfContents>;
  figures: Map<string, FiguresFile>;
}

/** What one audience's build wrote: its PDFs and figures, read from the folder after that build. */
async function readBuilt(dir: string, audience: "openbaar" | "vertrouwelijk"): Promise<Pick<Built, "pdfs" | "figures">> {
  const suffix = audience === "vertrouwelijk" ? "-vertrouwelijk" : "";
  const pdfs = new Map<string, PdfContents>();
  const figures = new Map<string, FiguresFile>();
  for (const name of readdirSync(dir)) {
    const ownAudience = name.includes("-vertrouwelijk") === (audience === "vertrouwelijk");
    if (!ownAudience) continue;
    if (name.endsWith(".pdf")) pdfs.set(name.replace(`${suffix}.pdf`, ""), await readPdf(readFileSync(join(dir, name))));
    if (name.endsWith(".figures.json"))
      figures.set(name.replace(`${suffix}.figures.json`, ""), JSON.parse(readFileSync(join(dir, name), "utf8")) as FiguresFile);
  }
  return { pdfs, figures };
}

// The public version first: the confidential one treats it as known. The public build (the
// default audience) is shared with other files (tests/helpers/built-once.ts); each audience's
// documents are read right after its own build, and both describe the folder after both.
const publicBuild = (year: number) => buildStep("--year", String(year), "--all");
const confidentialBuild = (year: number) => buildStep("--year", String(year), "--all", "--audience", "vertrouwelijk");

async function buildYear(year: number): Promise<{ openbaar: Built; vertrouwelijk: Built }> {
  const [pub, both] = await Promise.all([
    builtOnce(`jaarverslag-docs-${year}-`, publicBuild(year))(),
    builtOnce(`jaarverslag-docs-${year}-`, publicBuild(year), confidentialBuild(year))(),
  ]);
  for (const { code, stderr } of both.results) {
    expect(stderr).toContain("audit geslaagd");
    expect(code).toBe(0);
  }
  const dir = join(both.out, String(year));
  return {
    openbaar: { dir, data: both.data, ...(await readBuilt(join(pub.out, String(year)), "openbaar")) },
    vertrouwelijk: { dir, data: both.data, ...(await readBuilt(dir, "vertrouwelijk")) },
  };
}

const sameScope = (a: Figure["scope"], b: Figure["scope"]) => JSON.stringify(a) === JSON.stringify(b);

describe.each([2018, 2019, 2020, 2021])("documenten %i", (year) => {
  let builds: { openbaar: Built; vertrouwelijk: Built };
  beforeAll(async () => {
    builds = await buildYear(year);
  }, 400_000);

  describe.each(["openbaar", "vertrouwelijk"] as const)("%s", (audience) => {
    const b = () => builds[audience];

    it("writes the four documents and the bundle", () => {
      expect([...b().pdfs.keys()].sort()).toEqual(
        [
          `jaarverslag-vpi-${year}`,
          `jaarverslag-vpoo-${year}`,
          `klachtencommissie-${year}`,
          `oplegnotitie-presidium-${year}`,
          `presidium-bundel-${year}`,
        ].sort(),
      );
    });

    it("prints no internal code or underscore word", () => {
      const codes = internalCodes(b().data);
      expect(codes.length).toBeGreaterThan(10);
      for (const [name, pdf] of b().pdfs) {
        const t = text(pdf);
        // As a word: "corona-gerelateerde gesprekken" is Dutch, "corona-gerelateerd" alone a code.
        for (const code of codes)
          expect(new RegExp(`(?<![\\p{L}\\d-])${code}(?![\\p{L}\\d-])`, "u").test(t), `${name}: "${code}"`).toBe(false);
        expect(t.match(/\b\p{L}+_\p{L}+\b/gu) ?? [], name).toEqual([]);
      }
    });

    it("prints every average beside the figures it is recomputed from", () => {
      let checked = 0;
      for (const [name, figures] of b().figures) {
        const pdf = b().pdfs.get(name);
        for (const g of figures.figures.filter((f) => f.kind === "gemiddelde" && f.value !== null)) {
          expect(pdf, `${name} has no PDF`).toBeDefined();
          const t = text(pdf!).replace(/\s+/g, " ");
          const here = figures.figures.filter((f) => f.table === g.table && f.column === g.column && f.value !== null);
          const uren = here.find((f) => f.kind === "uren" && f.universe === g.universe && sameScope(f.scope, g.scope));
          const n = here.find(
            (f) => f.kind === "aantal" && f.universe === g.denominator?.universe && sameScope(f.scope, g.denominator?.scope ?? null),
          );
          expect(uren, `${g.id}: hours not printed beside it`).toBeDefined();
          expect(n, `${g.id}: meldingen not printed beside it`).toBeDefined();
          for (const f of [g, uren!, n!]) expect(t, `${g.id}: "${f.display}" not in the text`).toContain(f.display);
          // Recomputed from the printed (rounded) figures: within the rounding of all three.
          expect(Math.abs(uren!.value! / n!.value! - g.value!), g.id).toBeLessThanOrEqual(0.05 + 0.05 / n!.value! + 1e-9);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it("puts in the table of contents the pages where the headings fall", () => {
      for (const name of [`jaarverslag-vpoo-${year}`, `jaarverslag-vpi-${year}`]) {
        const pdf = b().pdfs.get(name)!;
        const tocPage = pdf.pages.findIndex((p) => p.startsWith("Inhoud\n"));
        expect(tocPage, name).toBeGreaterThan(0);
        const entries = pdf.pages[tocPage]!.split("\n").flatMap((line) => {
          const m = /^([0-9A-Z](?:\.\d+)?) (.+) (\d+)$/.exec(line);
          return m ? [{ number: m[1]!, title: m[2]!, page: Number(m[3]) }] : [];
        });
        expect(entries.length, name).toBeGreaterThanOrEqual(3);
        for (const e of entries) {
          const heading = `${e.number} ${e.title}`;
          const found = pdf.pages.findIndex((p) => p.split("\n").includes(heading)) + 1;
          expect(found, `${name}: "${heading}"`).toBeGreaterThan(0);
          expect(e.page, `${name}: "${heading}"`).toBe(found);
        }
      }
    });

    it("labels every page of the bundle with its page in the bundle and in its part", () => {
      const bundle = b().pdfs.get(`presidium-bundel-${year}`)!;
      const parts = [
        `oplegnotitie-presidium-${year}`,
        `jaarverslag-vpoo-${year}`,
        `jaarverslag-vpi-${year}`,
        `klachtencommissie-${year}`,
      ].map((n) => b().pdfs.get(n)!);
      expect(bundle.numPages).toBe(parts.reduce((s, p) => s + p.numPages, 0));
      const labels = ["oplegnotitie", "jaarverslag VPOO", "jaarverslag VPI", "klachtencommissie"];
      let i = 0;
      parts.forEach((part, k) => {
        for (let j = 1; j <= part.numPages; j++, i++) {
          const page = bundle.pages[i]!;
          expect(page, `bundle page ${i + 1}`).toContain(`bundel p. ${i + 1} van ${bundle.numPages} \u2014 ${labels[k]} p. ${j}`);
          // The part's own footer on the same page agrees.
          expect(page).toContain(`pagina ${j} van ${part.numPages}`);
        }
      });
    });

    it("draws the bundle's page labels, like everything else, in the shipped font, embedded", async () => {
      const suffix = audience === "vertrouwelijk" ? "-vertrouwelijk" : "";
      const bundle = b().pdfs.get(`presidium-bundel-${year}`)!;
      for (const font of bundle.fonts) expect(font).toMatch(/^NotoSans-/);
      expect(await fontsNotEmbedded(readFileSync(join(b().dir, `presidium-bundel-${year}${suffix}.pdf`)))).toEqual([]);
    });

    it("never cuts off a chart label (legend or axis)", () => {
      const files = readdirSync(b().dir).filter((n) => n.endsWith(".html") || n.endsWith(".svg"));
      let texts = 0;
      for (const name of files) {
        const content = readFileSync(join(b().dir, name), "utf8");
        for (const svg of content.match(/<svg[\s\S]*?<\/svg>/g) ?? []) {
          for (const m of svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) {
            texts++;
            expect(m[1], name).not.toMatch(/…|\.\.\.$/);
          }
        }
      }
      expect(texts).toBeGreaterThan(20);
    });

    it("gives the VPI its own text, team, rule and date, and the klachtencommissie its own text", () => {
      const vpi = text(b().pdfs.get(`jaarverslag-vpi-${year}`)!);
      const vpoo = text(b().pdfs.get(`jaarverslag-vpoo-${year}`)!);
      expect(vpi).toContain("twee vertrouwenspersonen integriteit");
      expect(vpi).toContain("Een adviesvraag over integriteit wordt apart");
      // The VPOO's counting rule names the VPOO categories; the VPI's does not.
      const vpooRule = /Telregel: [^\n]+/.exec(vpoo)?.[0];
      if (vpooRule) expect(vpi).not.toContain(vpooRule);
      const withText = year >= 2020;
      expect(vpi.includes(`Vastgesteld op 2 maart ${year + 1}`)).toBe(withText);
      expect(vpi.includes("geen activiteiten")).toBe(!withText);
      if (year === 2020) expect(vpi).toContain("De rolomschrijving van de VPI is geactualiseerd.");
      const klachten = text(b().pdfs.get(`klachtencommissie-${year}`)!);
      expect(klachten).toContain("Samenstelling");
      expect(klachten).toContain("een lid namens de fracties");
      expect(klachten).not.toMatch(/kennismaking op prijs/);
    });

    it("gives the oplegnotitie status C, chapter references from the jaarverslag, and the MT's discussion", () => {
      const notitie = text(b().pdfs.get(`oplegnotitie-presidium-${year}`)!).replace(/\s+/g, " ");
      const vpoo = b().pdfs.get(`jaarverslag-vpoo-${year}`)!;
      expect(notitie).toContain("C — vertrouwelijk");
      const meldingen = /^(\d+) Meldingen$/m.exec(vpoo.pages.join("\n"));
      expect(meldingen).not.toBeNull();
      expect(notitie).toContain(`hoofdstuk ${meldingen![1]} (${meldingen![1]}.1 t/m ${meldingen![1]}.5)`);
      const trends = /^(\d+) Trends en aanbevelingen$/m.exec(vpoo.pages.join("\n"));
      expect(notitie).toContain(`In hoofdstuk ${trends![1]} staan de trends en aanbevelingen`);
      if (year >= 2020) expect(notitie).toContain("Bespreking in het MT.");
      if (year === 2021) {
        expect(notitie).toContain("Daarnaast registreerden zij apart 5 gesprekken");
        expect(notitie).toMatch(/vertrouwenspersonen integriteit/);
      }
    });

    it("keeps each chart on the page of what leads into it, and at most a page after its section heading", () => {
      let checked = 0;
      const suffix = audience === "vertrouwelijk" ? "-vertrouwelijk" : "";
      for (const kind of ["vpoo", "vpi"]) {
        const name = `jaarverslag-${kind}-${year}`;
        const html = readFileSync(join(b().dir, `${name}${suffix}.html`), "utf8");
        const pdf = b().pdfs.get(name)!;
        const pages = pdf.pages.map((p) => p.replace(/\s+/g, " "));
        const lines = pdf.pages.map((p) => p.split("\n"));
        const body = html.slice(html.indexOf("<main>")).replace(/<svg[\s\S]*?<\/svg>/g, "");
        for (const m of body.matchAll(/<figure class="grafiek"[\s\S]*?<figcaption><strong>([^<]+)<\/strong>[\s\S]*?<\/figure>/g)) {
          const title = flat(m[1]!);
          const chartPage = pages.findIndex((p) => p.includes(title));
          expect(chartPage, `${name}: ${title}`).toBeGreaterThanOrEqual(0);
          // What leads into the chart: the last words of the block before it, or, when that
          // block is a chart too, that chart's title (every caption ends in the same words).
          const before = body.slice(0, m.index);
          const afterLastFigure = before.slice(before.lastIndexOf("</figure>") + "</figure>".length);
          const previous =
            before.includes("</figure>") && afterLastFigure.trim() === ""
              ? flat(/<figcaption><strong>([^<]+)<\/strong>/.exec(before.slice(before.lastIndexOf('<figure class="grafiek"')))![1]!)
              : flat(before).slice(-25);
          expect(pages[chartPage], `${name}: "${previous}" not on the page of "${title}"`).toContain(previous);
          // Its section's heading ("3.1 Aantal meldingen") on the same page or the one before.
          const heading = [...before.matchAll(/<h[12] id="kop-[^"]+"><span class="nummer">([^<]*)<\/span> ([^<]+)<\/h[12]>/g)].at(-1)!;
          const headingText = `${heading[1]} ${flat(heading[2]!)}`.trim();
          const headingPage = lines.findIndex((l) => l.includes(headingText));
          expect(headingPage, `${name}: heading "${headingText}"`).toBeGreaterThanOrEqual(0);
          expect(
            chartPage - headingPage,
            `${name}: "${title}" is ${chartPage - headingPage} pages after "${headingText}"`,
          ).toBeLessThanOrEqual(1);
          expect(chartPage).toBeGreaterThanOrEqual(headingPage);
          checked++;
        }
      }
      if (year >= 2019) expect(checked).toBeGreaterThan(0);
    });

    it("gives every series of a chart its own colour, years oldest first, earlier reports apart from the registration", () => {
      let legends = 0;
      let sources = 0;
      for (const name of readdirSync(b().dir).filter((n) => n.endsWith(".html") || n.endsWith(".svg"))) {
        const content = readFileSync(join(b().dir, name), "utf8");
        for (const svg of content.match(/<svg[\s\S]*?<\/svg>/g) ?? []) {
          const fills = [...svg.matchAll(/role-legend-symbol"[^>]*><path[^>]*fill="([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
          const labels = [...svg.matchAll(/role-legend-label"[^>]*><text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
          if (labels.length === 0) continue;
          expect(fills.length, `${name}: a colour per legend entry`).toBe(labels.length);
          expect(new Set(fills).size, `${name}: ${labels.join(", ")} share a colour`).toBe(fills.length);
          if (labels.every((l) => /^\d{4}$/.test(l))) expect(labels, name).toEqual([...labels].sort());
          if (labels.includes("uit eerdere verslagen")) {
            expect(labels, name).toContain("uit de registratie");
            sources++;
          }
          legends++;
        }
      }
      // No chart of nothing but zeros (and "x"): each shows at least one figure above 0.
      for (const name of readdirSync(b().dir).filter((n) => n.endsWith(".html"))) {
        for (const m of readFileSync(join(b().dir, name), "utf8").matchAll(/<figure class="grafiek"[^>]*aria-label="([^"]*)"/g)) {
          const figures = m[1]!.replace(/\b(?:19|20)\d{2}\b/g, "").match(/\d+(?:,\d+)?/g) ?? [];
          expect(
            figures.some((f) => Number(f.replace(",", ".")) > 0),
            `${name}: ${m[1]!.slice(0, 80)}`,
          ).toBe(true);
        }
      }
      expect(legends).toBeGreaterThan(2);
      // The 2011→N chart and the klachtencommissie's, in the jaarverslag and in the bundle's parts.
      expect(sources).toBeGreaterThanOrEqual(2);
    });

    it("fits every list's lead-in to the number of items (none, one, several)", () => {
      const suffix = audience === "vertrouwelijk" ? "-vertrouwelijk" : "";
      const seen = new Set<string>();
      for (const doc of [
        `jaarverslag-vpoo-${year}`,
        `jaarverslag-vpi-${year}`,
        `klachtencommissie-${year}`,
        `oplegnotitie-presidium-${year}`,
      ]) {
        const html = readFileSync(join(b().dir, `${doc}${suffix}.html`), "utf8");
        const body = html.slice(html.indexOf("<body>")).replace(/<svg[\s\S]*?<\/svg>/g, "");
        // A sentence announcing something (ending in ":") is followed by what it announces.
        for (const m of body.matchAll(/<p[^>]*>((?:(?!<\/p>)[\s\S])*)<\/p>\s*(<[a-z]+[^>]*>)?/g)) {
          if (!flat(m[1]!).endsWith(":")) continue;
          expect(m[2] ?? "", `${doc}: "${flat(m[1]!)}" announces nothing`).toMatch(/^<(ul|ol|table)|^<div class="(eigen-tekst|tabel)/);
        }
        for (const m of body.matchAll(
          /<p[^>]*>((?:(?!<\/p>)[\s\S])*)<\/p>\s*(?:<div class="eigen-tekst">\s*)?<ul>((?:(?!<\/ul>)[\s\S])*)<\/ul>/g,
        )) {
          const lead = flat(m[1]!)
            .split(/(?<=[.!?])\s+/)
            .at(-1)!;
          const n = (m[2]!.match(/<li[\s>]/g) ?? []).length;
          expect(n, `${doc}: "${lead}" is followed by an empty list`).toBeGreaterThan(0);
          if (!lead.endsWith(":")) continue;
          // The sentence announcing a list speaks of one thing or of several, as the list has.
          const plural = /\b(zijn|hebben|volgende|totalen|interventies|resultaten|aanbevelingen|cijfers)\b/i;
          const singular = /\b(dit (resultaat|cijfer|totaal)|deze (interventie|aanbeveling)|(interventie|resultaat|cijfer|totaal) is)\b/i;
          if (n === 1) expect(lead, `${doc}: one item after "${lead}"`).not.toMatch(plural);
          else expect(lead, `${doc}: ${n} items after "${lead}"`).not.toMatch(singular);
          seen.add(n === 1 ? "een" : "meer");
        }
      }
      // Over 2020 one interventie and one resultaat are named, over 2021 several.
      if (year === 2020) expect(seen).toContain("een");
      if (year >= 2019) expect(seen).toContain("meer");
    });

    it("leaves no heading or table caption alone at the foot of a page, in any document", () => {
      const suffix = audience === "vertrouwelijk" ? "-vertrouwelijk" : "";
      for (const doc of [
        `jaarverslag-vpoo-${year}`,
        `jaarverslag-vpi-${year}`,
        `klachtencommissie-${year}`,
        `oplegnotitie-presidium-${year}`,
      ]) {
        const html = readFileSync(join(b().dir, `${doc}${suffix}.html`), "utf8").replace(/<svg[\s\S]*?<\/svg>/g, "");
        const headings = [...html.matchAll(/<(h[1-6])[^>]*>([\s\S]*?)<\/\1>|<caption>([\s\S]*?)<\/caption>/g)].map((m) =>
          flat(m[2] ?? m[3]!),
        );
        expect(headings.length, doc).toBeGreaterThan(1);
        const layout = b().pdfs.get(doc)!.layout;
        expect(headingsAtFoot(layout, headings), doc).toEqual([]);
        // Nor a heading with a single line of a paragraph that goes on over the page.
        const wanted = new Set(headings.map(squash));
        layout.slice(0, -1).forEach((page, i) => {
          if (i === 0) return; // the title page: its stamp ("Concept") and the authors' line
          const lines = bodyLines(page);
          const [beforeLast, last] = [lines.at(-2), lines.at(-1)];
          if (beforeLast && last && wanted.has(squash(beforeLast.text)))
            expect(last.text, `${doc} p. ${i + 1}: "${beforeLast.text}" + one line`).toMatch(/[.:]$/);
        });
      }
    });

    it("keeps the cover note's status, number and meeting date together on one page", () => {
      const notitie = b().pdfs.get(`oplegnotitie-presidium-${year}`)!;
      const pageOf = (label: string) => notitie.pages.findIndex((p) => p.split("\n").some((l) => l.startsWith(label)));
      const pagesOf = ["Status", "Volgnummer Presidium", "Datum vergadering"].map(pageOf);
      expect(pagesOf[0]).toBeGreaterThanOrEqual(0);
      expect(new Set(pagesOf).size, pagesOf.join(", ")).toBe(1);
    });

    it("reads meldingen per 100 staff from the printed totals, hidden where the total is hidden", () => {
      const lines = text(b().pdfs.get(`jaarverslag-vpoo-${year}`)!).split("\n");
      const start = lines.indexOf("Tabel: meldingen per 100 medewerkers");
      expect(start).toBeGreaterThan(0);
      let rows = 0;
      for (const line of lines.slice(start + 2)) {
        const m = /^(\d{4})(?: \(gepubliceerd\))? (\S+) ([\d.]+) (\S+)$/.exec(line);
        if (!m) break;
        rows++;
        const [meldingen, medewerkers, rate] = [m[2]!, Number(m[3]!.replace(/\./g, "")), m[4]!];
        if (meldingen === "x") expect(rate, line).toBe("x");
        else expect(rate, line).toBe((Math.round((1000 * Number(meldingen)) / medewerkers) / 10).toFixed(1).replace(".", ","));
      }
      // 2011 up to the reported year.
      expect(rows).toBe(year - 2010);
    });

    it("says who joined or left the team, and what became of last year's recommendations", () => {
      const vpoo = text(b().pdfs.get(`jaarverslag-vpoo-${year}`)!).replace(/\s+/g, " ");
      expect(vpoo.includes("Eind december 2020 is een vertrouwenspersoon uit de fracties gestopt.")).toBe(year === 2020);
      expect(vpoo.includes("Per januari 2021 is een vertrouwenspersoon uit de ambtelijke organisatie begonnen.")).toBe(year === 2021);
      expect(vpoo.includes("Opvolging aanbevelingen van vorig jaar")).toBe(year >= 2019);
      if (year === 2020) {
        expect(vpoo).toContain("Publiceer naast dit verslag ook een jaarverslag over integriteit.");
        expect(vpoo).toContain("De vertrouwenspersonen integriteit brengen dit jaar voor het eerst een eigen jaarverslag uit.");
      }
      if (year === 2019) expect(vpoo).toContain("nog niet beschreven wat er met deze aanbevelingen is gebeurd");
    });
  });
});
