// End to end: the real command on a copy of the example data, the PDF read back and held
// against figures.json and against figures computed by hand from the published reports.
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { FiguresFile } from "../../src/present/figures.ts";
import { readPdf, type PdfContents, type TextPosition } from "../helpers/pdf-read.ts";
import { builtOnce, buildStep } from "../helpers/built-once.ts";
import { cli } from "../helpers/cli.ts";

const normalise = (s: string) => s.replace(/\s+/g, " ");

/** The text items of a page grouped into visual lines (same baseline), top to bottom, each left to right. */
function visualLines(pdf: PdfContents): TextPosition[][] {
  const lines: TextPosition[][] = [];
  for (const page of pdf.layout) {
    const onPage: TextPosition[][] = [];
    for (const item of page.items.filter((i) => i.str.trim() !== "")) {
      const line = onPage.find((l) => Math.abs(l[0]!.y - item.y) <= 2);
      if (line) line.push(item);
      else onPage.push([item]);
    }
    onPage.sort((a, b) => b[0]!.y - a[0]!.y);
    lines.push(...onPage.map((l) => l.sort((a, b) => a.x - b.x)));
  }
  return lines;
}

/**
 * A table as printed: found by its caption (which may wrap onto a second line), the header line
 * under it, and its rows: every following line that starts where the header starts. Each row
 * is its cells left to right (a cell is one text item; a label is one cell).
 */
function findTable(pdf: PdfContents, title: string): { header: string[]; rows: string[][] } {
  const lines = visualLines(pdf);
  const text = (l: TextPosition[]) => l.map((i) => i.str.trim()).join(" ");
  // A caption may wrap onto a second line (after a dash, as in "2018–" / "2020 samen", with no space).
  const joined = (i: number) => [`${text(lines[i]!)} ${text(lines[i + 1] ?? [])}`, `${text(lines[i]!)}${text(lines[i + 1] ?? [])}`];
  const at = lines.findIndex((l, i) => text(l) === title || joined(i).includes(title));
  if (at < 0) throw new Error(`tabel niet gevonden: ${title}`);
  const first = text(lines[at]!) === title ? at + 1 : at + 2;
  const header = lines[first]!;
  const rows: string[][] = [];
  for (let i = first + 1; i < lines.length && Math.abs(lines[i]![0]!.x - header[0]!.x) < 1; i++) {
    const cells = lines[i]!.map((c) => c.str.trim());
    // A label that wraps in its cell: a line with only the label column continues the row above.
    const previous = rows.at(-1);
    if (cells.length === 1 && previous && previous.length > 1) previous[0] = `${previous[0]} ${cells[0]}`;
    else rows.push(cells);
  }
  return { header: header.map((c) => c.str.trim()), rows };
}

// The concept of 2020, and the same adopted after it (shared with tests/e2e/register.test.ts).
const CONCEPT_2020 = builtOnce("jaarverslag-e2e-", buildStep("--year", "2020"));
const ADOPTED_2020 = builtOnce("jaarverslag-e2e-", buildStep("--year", "2020"), buildStep("--year", "2020", "--vaststellen"));

describe("jaarverslag build --year 2020 (openbaar)", () => {
  let work: string;
  let out: string;
  let figures: FiguresFile;
  let pdf: PdfContents;
  let text: string;

  beforeAll(async () => {
    // The concept, shared with other files (tests/helpers/built-once.ts).
    const built = await CONCEPT_2020();
    work = built.root;
    out = built.out;
    const result = built.results[0]!;
    expect(result.stderr).toContain("audit geslaagd");
    expect(result.code).toBe(0);
    figures = JSON.parse(readFileSync(join(out, "2020", "jaarverslag-vpoo-2020.figures.json"), "utf8")) as FiguresFile;
    pdf = await readPdf(readFileSync(join(out, "2020", "jaarverslag-vpoo-2020.pdf")));
    text = normalise(pdf.pages.join("\n"));
  });

  it("prints every table row of figures.json on one line of its own table: label, then each value under its column", () => {
    const tables = new Map<string, FiguresFile["figures"]>();
    for (const f of figures.figures.filter((x) => x.table.startsWith("Tabel: ") && !x.layout))
      tables.set(f.table, [...(tables.get(f.table) ?? []), f]);
    expect(tables.size).toBeGreaterThanOrEqual(6);
    let rows = 0;
    for (const [title, cells] of tables) {
      const table = findTable(pdf, title);
      const columns = table.header.slice(1);
      // The klachten table is printed transposed: a row per year, one column named after the figures' row.
      if (columns.length === 1 && cells.every((c) => c.row.toLowerCase() === columns[0]!.toLowerCase())) {
        for (const c of cells) {
          const found = table.rows.filter((r) => r[0] === c.column || r[0]!.startsWith(`${c.column} (`));
          expect(found, `${title} | ${c.column}`).toEqual([[found[0]?.[0], c.display]]);
          rows++;
        }
        continue;
      }
      for (const row of new Set(cells.map((c) => c.row))) {
        const inRow = cells.filter((c) => c.row === row);
        // The hand-made expectation: the row label, and under each column of the header its display.
        const expected = [row, ...columns.map((column) => inRow.find((c) => c.column === column)?.display ?? "")];
        expect(
          inRow.every((c) => columns.includes(c.column)),
          `${title} | ${row}: kolommen ${inRow.map((c) => c.column).join(", ")} / ${columns.join(", ")}`,
        ).toBe(true);
        const found = table.rows.filter((r) => r[0] === row);
        expect(found, `${title} | ${row}`).toEqual([expected]);
        rows++;
      }
    }
    expect(rows).toBeGreaterThan(20);
  });

  it("prints every sentence figure in its own sentence (hand-written from the 2020 figures)", () => {
    const sentences: Record<string, string> = {
      "Tekst: aantal meldingen|herkomst/2020/totaal":
        "In 2020 hebben de vertrouwenspersonen in totaal 13 meldingen ontvangen, tegen 21 in 2019.",
      "Tekst: aantal meldingen|herkomst/2019/totaal": "in totaal 13 meldingen ontvangen, tegen 21 in 2019.",
      "Tekst: aantal meldingen|aard/2020/corona-gerelateerd":
        'Daarnaast zijn er 5 meldingen geregistreerd in de categorie "Corona: thuiswerken, eenzaamheid, niet verbonden voelen"',
      "Tekst: tijdsbesteding|uren-meldingen/2020/afhandeling": "hebben de vertrouwenspersonen in 2020 in totaal 37 uur besteed",
      // 37 / 18 = 2,06 → 2,1; 18 = 13 that count + 5 corona.
      "Tekst: tijdsbesteding|gemiddelde|2020": "gemiddeld 2,1 uur per melding over alle 18 geregistreerde meldingen",
      "Tekst: tijdsbesteding|geregistreerd|2020": "gemiddeld 2,1 uur per melding over alle 18 geregistreerde meldingen",
      "Tekst: tijdsbesteding|herkomst/2020/totaal": "(de 13 die meetellen en 5 in de categorie",
      "Tekst: tijdsbesteding|aard/2020/corona-gerelateerd": "(de 13 die meetellen en 5 in de categorie",
      // Herkomst pooled over 2019–2020: ambtelijk (with extern, none) 17 + 11 = 28 of 21 + 13 = 34 → 82,4%.
      "aandeel/2019..2020/ambtelijk": "Over 2019–2020 kwam het merendeel van de meldingen (82%) uit de ambtelijke organisatie.",
      "team/2020/totaal": "In 2020 bestond het team uit 6 vertrouwenspersonen:",
      "team/2020/fractie": "3 vanuit de fracties,",
      "team/2020/ambtelijk": "2 vanuit de ambtelijke organisatie",
      "team/2020/extern": "en 1 externe vertrouwenspersoon.",
    };
    const textFigures = figures.figures.filter((x) => x.table.startsWith("Tekst: "));
    // Every sentence figure has its sentence here: a new one cannot slip by untested.
    expect(textFigures.map((f) => f.id).sort()).toEqual(Object.keys(sentences).sort());
    for (const f of textFigures) {
      const sentence = sentences[f.id]!;
      expect(sentence.split(/[\s:;"()]+|[.,](?=\s|$)/), f.id).toContain(f.display);
      expect(text, f.id).toContain(sentence);
    }
  });

  it("agrees with the published figures where they are safe (hand-computed)", () => {
    const value = (id: string) => figures.figures.find((f) => f.id.endsWith(id))?.value;
    expect(value("|herkomst/2020/totaal")).toBe(13);
    expect(value("|herkomst/2019/totaal")).toBe(21);
    expect(value("|uren-activiteit/2019/training")).toBe(120);
    expect(value("|uren-activiteit/2020/totaal")).toBe(167); // 48 + 40 + 10 + 32 + 37
    // 96 hours of two ambtelijke counsellors: each could work out the other's (p%-rule), so
    // hidden — and with it the external counsellor's, else 167 − 68 − 3 would give it away.
    expect(value("|uren-groep/2020/ambtelijk")).toBeNull();
    expect(value("|uren-groep/2020/extern")).toBeNull();
    expect(value("|uren-groep/2020/fractie")).toBe(68);
    // Pesten and roddelen (3+0, 6+0, 3+2 in 2018–2020) on the group's row in the yearly
    // table, so 2020's two roddelen are shown too (the report year counts most); 2018 (3)
    // hidden. Over 2018–2020 together Pesten stands apart: 12.
    expect(value("|aard/2019/pesten-en-roddelen")).toBe(6);
    expect(value("|aard/2020/pesten-en-roddelen")).toBe(5);
    expect(value("|aard/2018/pesten-en-roddelen")).toBeNull();
    expect(value("|aard-periode/2018..2020/pesten")).toBe(12);
    expect(text).toContain("Pesten en roddelen x 6 5");
    // The same rows as printed, read from the tables themselves.
    const row = (title: string, label: string) => findTable(pdf, title).rows.filter((r) => r[0] === label);
    expect(row("Tabel: meldingen naar herkomst van de melder", "Totaal")).toEqual([["Totaal", "10", "21", "13"]]);
    expect(row("Tabel: tijdsbesteding naar activiteit (uren)", "Training")).toEqual([["Training", "120", "48"]]);
    expect(row("Tabel: tijdsbesteding naar activiteit (uren)", "Totaal")).toEqual([["Totaal", "254", "167"]]);
    // 96 hours of two ambtelijke counsellors: each could work out the other's (p%-rule), so x.
    expect(row("Tabel: tijdsbesteding naar groep vertrouwenspersonen, 2020 (uren)", "Vanuit de ambtelijke organisatie")).toEqual([
      ["Vanuit de ambtelijke organisatie", "x"],
    ]);
  });

  it("never prints a count below the threshold, and marks every suppressed figure alike", () => {
    for (const f of figures.figures) {
      if (f.kind === "aantal" && f.value !== null && !f.layout) expect(f.value === 0 || f.value >= 5, f.id).toBe(true);
      // A list's "grens" (named: used at least 5 times) has no value and is no hidden number.
      if (f.value === null && f.kind !== "grens") expect(f.display).toBe("x");
    }
    // The real 2018 report printed "10% afkomstig van de fracties" (1 melding): not here.
    expect(figures.figures.filter((f) => f.kind === "aandeel" && f.row === "Fracties")).toEqual([]);
    const fracties = findTable(pdf, "Tabel: meldingen naar herkomst van de melder").rows.filter((r) => r[0] === "Fracties");
    expect(fracties).toHaveLength(1);
    for (const cell of fracties[0]!.slice(1)) expect(cell === "x" || cell === "0" || Number(cell) >= 5, cell).toBe(true);
    expect(text).not.toMatch(/een melder heeft/i);
  });

  it("keeps per-counsellor figures out of the public report and its internal log out of the report folder's public files", () => {
    expect(figures.figures.some((f) => f.table.includes("groep vertrouwenspersonen (vertrouwelijk)"))).toBe(false);
    const publicFiles = readdirSync(join(out, "2020"));
    expect(publicFiles.sort()).toEqual(["jaarverslag-vpoo-2020.figures.json", "jaarverslag-vpoo-2020.html", "jaarverslag-vpoo-2020.pdf"]);
    // The internal log lives with the data, outside the folder that is copied to the intranet.
    expect(existsSync(join(work, "data", "intern", "2020", "2020-openbaar.onderdrukkingslog.json"))).toBe(true);
    expect(readFileSync(join(out, "2020", "jaarverslag-vpoo-2020.figures.json"), "utf8")).not.toMatch(/primair|secundair|reden/);
  });

  it("generates section numbers and contents that agree", () => {
    // From the contents to the first paragraph of the leeswijzer (a concept has an unnumbered
    // "Concept" section before it).
    const toc = text.slice(text.indexOf("Inhoud"), text.indexOf("Dit jaarverslag beschrijft"));
    for (const heading of [
      "3.1 Aantal meldingen",
      "3.2 Aard van de meldingen",
      "3.5 Verantwoording van de tijdsbesteding",
      "9 Klachtencommissie",
    ]) {
      expect(toc).toContain(heading);
      expect(text.split(heading).length, heading).toBeGreaterThanOrEqual(3); // contents + heading
    }
  });

  it("passes `jaarverslag audit` on what it wrote", async () => {
    const result = await cli(["audit", join(out, "2020", "jaarverslag-vpoo-2020.figures.json"), "--data", join(work, "data")]);
    expect(result.stdout).toContain("voldoende beschermd");
    expect(result.code).toBe(0);
  });

  it("enters an adopted set in the register, and a failed build leaves earlier reports and the register untouched", async () => {
    // The concept above is not in the register; adopting it is.
    expect(existsSync(join(work, "data", "gepubliceerd"))).toBe(false);
    // The concept adopted, shared with other files: a copy of the folder after both builds.
    const afterAdoption = await ADOPTED_2020();
    const adopted = afterAdoption.results[1]!;
    expect(adopted.code).toBe(0);
    const adoptedWork = afterAdoption.root;
    const adoptedOut = afterAdoption.out;
    const ledger = join(adoptedWork, "data", "gepubliceerd", "2020-openbaar-woordenlijst-versie-1.json");
    expect(existsSync(ledger)).toBe(true);
    const before = readFileSync(join(adoptedOut, "2020", "jaarverslag-vpoo-2020.pdf"));
    const ledgerBefore = readFileSync(ledger);
    const meldingen = join(adoptedWork, "data", "meldingen.csv");
    const original = readFileSync(meldingen, "utf8");
    writeFileSync(meldingen, original.replace(/^id,/, "naam,id,").replace(/\n(M[^\n]*)/, "\nJansen,$1"));
    try {
      const result = await cli([
        "build",
        "--year",
        "2020",
        "--vaststellen",
        "--herziening",
        "--reden",
        "proef",
        "--data",
        join(adoptedWork, "data"),
        "--out",
        adoptedOut,
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('meldingen.csv, regel 1, kolom naam: onbekende kolom "naam"');
      expect(result.stderr).toContain("Er is niets geschreven");
      expect(readFileSync(join(adoptedOut, "2020", "jaarverslag-vpoo-2020.pdf")).equals(before)).toBe(true);
      expect(readFileSync(ledger).equals(ledgerBefore)).toBe(true);
      expect(readdirSync(join(adoptedOut, "2020")).some((n) => n.endsWith(".tmp"))).toBe(false);
    } finally {
      writeFileSync(meldingen, original);
    }
  });

  it("answers a usage error with exit code 2 and a Dutch message", async () => {
    const result = await cli(["build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("geef het verslagjaar op");
  });

  it("check: 0 for the example data", async () => {
    const result = await cli(["check", "--data", join(work, "data")]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("De gegevens zijn in orde");
  });
});
