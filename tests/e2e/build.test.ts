// End to end: the real command on a copy of the example data, the PDF read back and held
// against figures.json and against figures computed by hand from the published reports.
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { FiguresFile } from "../../src/present/figures.ts";
import { readPdf, type PdfContents } from "../helpers/pdf-read.ts";
import { cli, copyOfExampleData } from "../helpers/cli.ts";

const normalise = (s: string) => s.replace(/\s+/g, " ");

describe("jaarverslag build --year 2020 (openbaar)", () => {
  let work: string;
  let out: string;
  let figures: FiguresFile;
  let pdf: PdfContents;
  let text: string;

  beforeAll(async () => {
    work = join(copyOfExampleData("jaarverslag-e2e-"), "..");
    out = join(work, "reports");
    const result = await cli(["build", "--year", "2020", "--data", join(work, "data"), "--out", out]);
    expect(result.stderr).toContain("audit geslaagd");
    expect(result.code).toBe(0);
    figures = JSON.parse(readFileSync(join(out, "2020", "jaarverslag-vpoo-2020.figures.json"), "utf8")) as FiguresFile;
    pdf = await readPdf(readFileSync(join(out, "2020", "jaarverslag-vpoo-2020.pdf")));
    text = normalise(pdf.pages.join("\n"));
  });

  it("prints every table row exactly as figures.json has it", () => {
    const rows = new Map<string, string[]>();
    for (const f of figures.figures.filter((x) => x.table.startsWith("Tabel: "))) {
      const key = `${f.table}|${f.row}`;
      rows.set(key, [...(rows.get(key) ?? []), f.display]);
    }
    expect(rows.size).toBeGreaterThan(20);
    for (const [key, displays] of rows) {
      const label = key.split("|")[1]!;
      if (label.length > 40) continue; // long labels wrap inside their cell
      expect(text, key).toContain(normalise(`${label} ${displays.join(" ")}`));
    }
  });

  it("prints every sentence figure in its sentence", () => {
    for (const f of figures.figures.filter((x) => x.table.startsWith("Tekst: "))) {
      expect(text).toContain(f.display);
    }
    expect(text).toContain("in totaal 13 meldingen ontvangen, tegen 21 in 2019");
    expect(text).toContain("in totaal 37 uur besteed, gemiddeld 2,1 uur per geregistreerde melding");
  });

  it("agrees with the published figures where they are safe (hand-computed)", () => {
    const value = (id: string) => figures.figures.find((f) => f.id.endsWith(id))?.value;
    expect(value("|herkomst/2020/totaal")).toBe(13);
    expect(value("|herkomst/2019/totaal")).toBe(21);
    expect(value("|uren-activiteit/2019/training")).toBe(120);
    expect(value("|uren-activiteit/2020/totaal")).toBe(167); // 48 + 40 + 10 + 32 + 37
    expect(value("|uren-groep/2020/ambtelijk")).toBe(96);
    // Pesten stands apart (3, 6, 3 in 2018–2020): 2019's 6 printed, the small years hidden
    // rather than merged; over 2018–2020 together 12.
    expect(value("|aard/2019/pesten")).toBe(6);
    expect(value("|aard/2020/pesten")).toBeNull();
    expect(value("|aard-periode/2018..2020/pesten")).toBe(12);
    expect(text).toContain("Pesten x 6 x");
  });

  it("never prints a count below the threshold, and marks every suppressed figure alike", () => {
    for (const f of figures.figures) {
      if (f.kind === "aantal" && f.value !== null) expect(f.value === 0 || f.value >= 5, f.id).toBe(true);
      if (f.value === null) expect(f.display).toBe("x");
    }
    // The real 2018 report printed "10% afkomstig van de fracties" (1 melding): not here.
    expect(figures.figures.filter((f) => f.kind === "aandeel" && f.row === "Fracties")).toEqual([]);
    expect(text).not.toMatch(/Fracties [1-4]\b/);
    expect(text).not.toMatch(/een melder heeft/i);
  });

  it("keeps per-counsellor figures out of the public report and its internal log out of the report folder's public files", () => {
    expect(figures.figures.some((f) => f.table.includes("groep vertrouwenspersonen (vertrouwelijk)"))).toBe(false);
    const publicFiles = readdirSync(join(out, "2020"));
    expect(publicFiles.sort()).toEqual(["intern", "jaarverslag-vpoo-2020.figures.json", "jaarverslag-vpoo-2020.html", "jaarverslag-vpoo-2020.pdf"]);
    expect(readFileSync(join(out, "2020", "jaarverslag-vpoo-2020.figures.json"), "utf8")).not.toMatch(/primair|secundair|reden/);
  });

  it("generates section numbers and contents that agree", () => {
    const toc = text.slice(text.indexOf("Inhoud"), text.indexOf("Leeswijzer", text.indexOf("Inhoud") + 10) + 200);
    for (const heading of ["3.1 Aantal meldingen", "3.2 Aard van de meldingen", "3.5 Verantwoording van de tijdsbesteding", "8 Klachtencommissie"]) {
      expect(toc).toContain(heading);
      expect(text.split(heading).length, heading).toBeGreaterThanOrEqual(3); // contents + heading
    }
  });

  it("passes `jaarverslag audit` on what it wrote", async () => {
    const result = await cli(["audit", join(out, "2020", "jaarverslag-vpoo-2020.figures.json"), "--data", join(work, "data")]);
    expect(result.stdout).toContain("voldoende beschermd");
    expect(result.code).toBe(0);
  });

  it("writes the ledger, and a failed build leaves earlier reports and the ledger untouched", async () => {
    const ledger = join(work, "data", "gepubliceerd", "jaarverslag-vpoo-2020-openbaar.json");
    expect(existsSync(ledger)).toBe(true);
    const before = readFileSync(join(out, "2020", "jaarverslag-vpoo-2020.pdf"));
    const ledgerBefore = readFileSync(ledger);
    const meldingen = join(work, "data", "meldingen.csv");
    const original = readFileSync(meldingen, "utf8");
    writeFileSync(meldingen, original.replace(/^id,/, "naam,id,").replace(/\n(M[^\n]*)/, "\nJansen,$1"));
    try {
      const result = await cli(["build", "--year", "2020", "--data", join(work, "data"), "--out", out]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('meldingen.csv, regel 1, kolom naam: onbekende kolom "naam"');
      expect(result.stderr).toContain("Er is niets geschreven");
      expect(readFileSync(join(out, "2020", "jaarverslag-vpoo-2020.pdf")).equals(before)).toBe(true);
      expect(readFileSync(ledger).equals(ledgerBefore)).toBe(true);
      expect(readdirSync(join(out, "2020")).some((n) => n.endsWith(".tmp"))).toBe(false);
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
