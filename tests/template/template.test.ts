// The registration template: its sheets, columns, drop-down lists and input checks, and the
// promise that a workbook filled in from it passes `check` unchanged.
import { describe, it, expect } from "vitest";
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { templateWorkbook, CODES_SHEET, UITLEG_SHEET, type TemplateInput } from "../../src/template/index.ts";
import { standaardTemplateInput, templateInputFromData } from "../../src/template/from-data.ts";
import { standaardVocabulaire } from "../../src/template/standaard-vocabulaire.ts";
import { TEMPLATE_TABLES } from "../../src/template/fields.ts";
import { ingestAll } from "../../src/ingest/index.ts";
import { readRawInput } from "../../src/ingest/raw-input.ts";
import { check } from "../../src/pipeline.ts";
import { validate } from "../../src/validate/index.ts";
import { MELDING_COLUMNS } from "../../src/validate/meldingen.ts";
import { ACTIVITEIT_COLUMNS, HISTORIE_COLUMNS, KLACHT_COLUMNS } from "../../src/validate/other-tables.ts";
import { VP_COLUMNS } from "../../src/validate/vertrouwenspersonen.ts";
import { VOCABULAIRE_COLUMNS } from "../../src/validate/vocabulaire.ts";
import { BASE_INSTELLINGEN, csvText, makeRawInput, utf8 } from "../fixtures/make-fixtures.ts";

const ROOT = join(import.meta.dirname, "..", "..");

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

type Validation = {
  type: string;
  formulae: unknown[];
  operator?: string;
  errorStyle?: string;
  allowBlank?: boolean;
  error?: string;
  prompt?: string;
};
const validationAt = (ws: ExcelJS.Worksheet, address: string) =>
  (ws as unknown as { dataValidations: { model: Record<string, Validation | undefined> } }).dataValidations.model[address];
const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

/** The codes a list validation offers, read from the range its formula names. */
function listCodes(wb: ExcelJS.Workbook, formula: string): string[] {
  const m = /^(\w+)!\$([A-Z])\$(\d+):\$([A-Z])\$(\d+)$/.exec(formula);
  if (!m) throw new Error(`unexpected list formula ${formula}`);
  const ws = wb.getWorksheet(m[1]!)!;
  const out: string[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) {
    const v = ws.getCell(`${m[2]}${r}`).value;
    if (v !== null && v !== undefined) out.push(String(v));
  }
  return out;
}

describe("the template workbook", async () => {
  const input: TemplateInput = { ...standaardTemplateInput(), maxUrenPerMelding: 25 };
  const wb = await load(await templateWorkbook(input));
  const ws = (name: string) => wb.getWorksheet(name)!;

  it("has one sheet per input table, then Codes and Uitleg", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "meldingen",
      "vertrouwenspersonen",
      "activiteiten",
      "klachten",
      "historie",
      "vocabulaire",
      CODES_SHEET,
      UITLEG_SHEET,
    ]);
  });

  it("has the columns in contract order, the same lists validate checks", () => {
    expect(header(ws("meldingen"))).toEqual([...MELDING_COLUMNS]);
    expect(header(ws("vertrouwenspersonen"))).toEqual([...VP_COLUMNS]);
    expect(header(ws("activiteiten"))).toEqual([...ACTIVITEIT_COLUMNS]);
    expect(header(ws("klachten"))).toEqual([...KLACHT_COLUMNS]);
    expect(header(ws("historie"))).toEqual([...HISTORIE_COLUMNS]);
    expect(header(ws("vocabulaire"))).toEqual([...VOCABULAIRE_COLUMNS]);
  });

  it("checks hours (decimal from 0 to maxUrenPerMelding) and dates, on every input row", () => {
    const m = ws("meldingen");
    for (const row of [2, 500, 1001]) {
      expect(validationAt(m, `G${row}`)).toMatchObject({ type: "decimal", operator: "between", errorStyle: "stop", allowBlank: true });
      expect(validationAt(m, `G${row}`)!.formulae.map(Number)).toEqual([0, 25]);
      expect(validationAt(m, `B${row}`)).toMatchObject({ type: "date", operator: "between", errorStyle: "stop" });
    }
    expect(validationAt(m, "G2")!.error).toBe("Vul een aantal uren in van 0 tot en met 25, met een decimale komma (2,5).");
    expect(validationAt(m, "G1002")).toBeUndefined();
    expect(validationAt(ws("activiteiten"), "D2")!.formulae.map(Number)).toEqual([0, 500]);
    expect(validationAt(ws("activiteiten"), "A2")).toMatchObject({ type: "whole", operator: "between" });
    expect(validationAt(ws("vertrouwenspersonen"), "D2")).toMatchObject({ type: "date" });
    expect(validationAt(ws("historie"), "C2")).toMatchObject({ type: "whole", operator: "greaterThanOrEqual" });
  });

  it("offers drop-down lists of exactly the valid codes", () => {
    const m = ws("meldingen");
    const codes = (address: string) => listCodes(wb, String(validationAt(m, address)!.formulae[0]));
    expect(codes("C2")).toEqual(["ongewenste-omgangsvormen", "integriteit"]);
    expect(codes("E2")).toEqual(["fractie", "ambtelijk", "extern"]);
    expect(codes("H2")).toEqual(["afgerond-resultaat", "afgerond-onbekend", "in-behandeling"]);
    expect(codes("K2")).toEqual(["ja", "nee"]);
    const vocab = standaardVocabulaire();
    expect(codes("D2")).toEqual(vocab.filter((t) => t.soort === "aard").map((t) => t.code));
    expect(codes("I2")).toEqual(vocab.filter((t) => t.soort === "interventie").map((t) => t.code));
    expect(codes("J2")).toEqual(vocab.filter((t) => t.soort === "resultaat").map((t) => t.code));
    expect(listCodes(wb, String(validationAt(ws("activiteiten"), "C2")!.formulae[0]))).toEqual([
      "training",
      "intervisie",
      "voorlichting",
      "overleg",
      "supervisie",
    ]);
    expect(listCodes(wb, String(validationAt(ws("klachten"), "D2")!.formulae[0]))).toEqual([
      "gegrond",
      "ongegrond",
      "deels-gegrond",
      "ingetrokken",
    ]);
    // Fixed lists are strict; vocabulary lists and multi-code cells warn but let a label or a|b through.
    expect(validationAt(m, "C2")!.errorStyle).toBe("stop");
    expect(validationAt(m, "D2")!.errorStyle).toBe("warning");
    expect(validationAt(m, "I2")!.errorStyle).toBe("warning");
    // Counsellors come from their own sheet, so a new one appears in the list at once.
    expect(validationAt(m, "F2")!.formulae[0]).toBe("vertrouwenspersonen!$A$2:$A$1001");
    expect(validationAt(ws("activiteiten"), "B2")).toMatchObject({ errorStyle: "stop", formulae: ["vertrouwenspersonen!$A$2:$A$1001"] });
  });

  it("puts every code with its Dutch label on the sheet Codes", () => {
    const rows = (ws(CODES_SHEET).getSheetValues() as unknown[][]).slice(2).map((r) => [r[1], r[2], r[3]]);
    expect(rows).toContainEqual(["aard", "seksuele-intimidatie", "Seksuele intimidatie"]);
    expect(rows).toContainEqual(["status", "in-behandeling", "Op 31 december nog in behandeling"]);
    expect(rows).toContainEqual(["herkomst", "extern", "Extern (extern personeel, stagiairs)"]);
    for (const t of standaardVocabulaire()) expect(rows).toContainEqual([t.soort, t.code, t.label]);
  });

  it("explains every column of every table in Dutch on the sheet Uitleg", () => {
    const rows = Array.from(ws(UITLEG_SHEET).getSheetValues() as unknown[][], (r) => (r ?? []).slice(1));
    for (const t of TEMPLATE_TABLES) {
      for (const [naam, veld] of Object.entries(t.velden)) {
        const row = rows.find((r) => r[0] === t.file.replace(".csv", "") && r[1] === naam);
        expect(row?.slice(2, 4), naam).toEqual([veld.verplicht ? "ja" : "nee", veld.uitleg]);
        if (veld.voorbeeld) expect(row![4]).toBe(veld.voorbeeld);
      }
    }
    expect(String(rows[1]![0])).toBe("Registratie vertrouwenspersonen: uitleg");
    expect(rows.some((r) => String(r[0] ?? "").includes("25 uur per melding"))).toBe(true);
  });

  it("prefills the vocabulary, and leaves the other sheets empty without a data folder", () => {
    expect(ws("vocabulaire").actualRowCount).toBe(1 + standaardVocabulaire().length);
    for (const name of ["meldingen", "vertrouwenspersonen", "activiteiten", "klachten", "historie"])
      expect(ws(name).actualRowCount, name).toBe(1);
  });
});

describe("the template from a data folder", () => {
  it("takes the vocabulary, counsellors, historie, the registration of every year and the hours ceiling of the folder", async () => {
    const r = templateInputFromData(await ingestAll(readRawInput(join(ROOT, "data"))));
    expect(r.problems).toEqual([]);
    // data/: 10 + 21 + 19 + 33 meldingen (2018–2021), 74 activity rows, no klachten.
    expect(r.notes).toEqual(["de registratie van eerdere jaren staat in het werkboek: 83 meldingen, 74 regels activiteiten, 0 klachten"]);
    expect(r.input!.vertrouwenspersonen.map((v) => v.code)).toEqual([
      "VP-F1",
      "VP-F2",
      "VP-F3",
      "VP-A1",
      "VP-A2",
      "VP-A3",
      "VP-E1",
      "VP-I1",
      "VP-I2",
    ]);
    expect(r.input!.historie).toHaveLength(18);
    expect(r.input!.maxUrenPerMelding).toBe(40);
    const wb = await load(await templateWorkbook(r.input!));
    const vps = wb.getWorksheet("vertrouwenspersonen")!;
    expect(vps.getCell("A4").value).toBe("VP-F3");
    expect(vps.getCell("E4").value).toEqual(new Date(Date.UTC(2020, 11, 1)));
    expect(vps.getCell("E4").numFmt).toBe("mm-yyyy");
    // The earlier years' rows, typed as the counsellors type them (first row of data/meldingen.csv).
    const meldingen = wb.getWorksheet("meldingen")!;
    expect(meldingen.actualRowCount).toBe(1 + 83);
    expect((meldingen.getRow(2).values as unknown[]).slice(1)).toEqual([
      "M2018-01",
      new Date(Date.UTC(2018, 0, 1)),
      "ongewenste-omgangsvormen",
      "pesten",
      "ambtelijk",
      "VP-A2",
      1,
      "afgerond-onbekend",
      "",
      "",
      "ja",
    ]);
    expect(wb.getWorksheet("activiteiten")!.actualRowCount).toBe(1 + 74);
    // And the instructions say the workbook holds them, what to keep, and which files to remove.
    const uitleg = Array.from(wb.getWorksheet(UITLEG_SHEET)!.getSheetValues() as unknown[][], (row) => String((row ?? [])[1] ?? "")).join(
      "\n",
    );
    expect(uitleg).toContain("ook de eerdere jaren: 83 meldingen uit 2018–2021");
    expect(uitleg).toContain("het aantal meldingen per jaar vanaf 2011");
    expect(uitleg).toContain(
      "Verwijder daarna deze CSV-bestanden uit de gegevensmap, want het werkboek bevat alles wat erin stond (het programma weigert een tabel die op twee plaatsen staat): meldingen.csv, vertrouwenspersonen.csv, activiteiten.csv, klachten.csv, historie.csv, vocabulaire.csv.",
    );
    expect(uitleg).toContain("de map gepubliceerd (het register van verzonden verslagen)");
  });

  it("a template without a data folder says to make it from the data folder when there is a registration", async () => {
    const wb = await load(await templateWorkbook(standaardTemplateInput()));
    const uitleg = Array.from(wb.getWorksheet(UITLEG_SHEET)!.getSheetValues() as unknown[][], (row) => String((row ?? [])[1] ?? "")).join(
      "\n",
    );
    expect(uitleg).toContain("Gebruik dan niet dit lege werkboek, maar maak het met: jaarverslag template --data MAP");
    expect(uitleg).not.toContain("ook de eerdere jaren");
  });

  it("uses its own vocabulary in the drop-down lists", async () => {
    const r = templateInputFromData(await ingestAll(makeRawInput()));
    expect(r.problems).toEqual([]);
    const wb = await load(await templateWorkbook(r.input!));
    expect(listCodes(wb, String(validationAt(wb.getWorksheet("meldingen")!, "D2")!.formulae[0]))).toEqual([
      "pesten",
      "intimidatie",
      "seksuele-intimidatie",
      "fraude",
    ]);
  });

  it("refuses to make a template from a broken vocabulary, and falls back with a note when there is none", async () => {
    const broken = makeRawInput({
      tables: {
        "vocabulaire.csv": csvText([
          ["soort", "code", "label", "geldig_van", "geldig_tot", "eerdere_labels", "groep", "telt_mee"],
          ["aard", "Pesten!", "Pesten", "2011", "", "", "", "ja"],
        ]),
      },
    });
    const r = templateInputFromData(await ingestAll(broken));
    expect(r.input).toBeNull();
    expect(r.problems).toMatchObject([{ bestand: "vocabulaire.csv", regel: 2, kolom: "code" }]);
    const none = templateInputFromData(await ingestAll(makeRawInput({ tables: { "vocabulaire.csv": null, "meldingen.csv": null } })));
    expect(none.problems).toEqual([]);
    expect(none.notes).toEqual(["geen woordenlijst (vocabulaire) in de gegevensmap: de standaardwoordenlijst is gebruikt"]);
    expect(none.input!.vocabulaire).toEqual(standaardVocabulaire());
  });
});

describe("a workbook filled in from the template passes check unchanged", () => {
  /** Fills rows as a counsellor would: dates as dates, hours as numbers, codes from the lists. */
  async function filled(input: TemplateInput, fill: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = await load(await templateWorkbook(input));
    fill(wb);
    const dir = mkdtempSync(join(tmpdir(), "jaarverslag-template-"));
    writeFileSync(join(dir, "registratie.xlsx"), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    writeFileSync(join(dir, "instellingen.json"), JSON.stringify(BASE_INSTELLINGEN));
    return dir;
  }
  const d = (y: number, m: number, day = 1) => new Date(Date.UTC(y, m - 1, day));

  const fillRows = (wb: ExcelJS.Workbook) => {
    const add = (sheet: string, rows: ExcelJS.CellValue[][]) => rows.forEach((r) => wb.getWorksheet(sheet)!.addRow(r));
    add("vertrouwenspersonen", [
      ["VP-A1", "ambtelijk", "ongewenste-omgangsvormen", d(2016, 1), null],
      ["VP-F1", "fractie", "ongewenste-omgangsvormen", d(2016, 1), d(2023, 6)],
      ["VP-I1", "extern", "integriteit", d(2019, 3), null],
    ]);
    add("meldingen", [
      [
        "M2023-01",
        d(2023, 2, 14),
        "ongewenste-omgangsvormen",
        "pesten",
        "ambtelijk",
        "VP-A1",
        2.5,
        "afgerond-resultaat",
        "hart-luchten|doorverwezen-bmw",
        "zelf-opgelost",
        "nee",
      ],
      [
        "M2023-02",
        d(2023, 5, 3),
        "ongewenste-omgangsvormen",
        "Seksuele intimidatie",
        "fractie",
        "VP-F1|VP-A1",
        6,
        "in-behandeling",
        "hart-luchten",
        null,
        "nee",
      ],
      ["M2023-03", d(2023, 11, 30), "integriteit", "integriteitskwestie", "extern", "VP-I1", 1.25, "afgerond-onbekend", null, null, "ja"],
    ]);
    add("activiteiten", [
      [2023, "VP-A1", "training", 16],
      [2023, "VP-F1", "intervisie", 7.5],
    ]);
    add("klachten", [["K2023-01", d(2023, 9, 1), "ja", "ongegrond"]]);
  };

  it("through the pipeline's check (the template's own vocabulary, no CSV beside it)", async () => {
    const dir = await filled(standaardTemplateInput(), fillRows);
    const r = await check(readRawInput(dir), { jaar: 2024, maand: 3 });
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it("with the values that were typed: dates to the month, hours as numbers, labels to codes", async () => {
    const dir = await filled(standaardTemplateInput(), fillRows);
    const v = validate(await ingestAll(readRawInput(dir)), { jaar: 2024, maand: 3 });
    expect(v.problems).toEqual([]);
    expect(v.dataset!.meldingen.map((m) => [m.id, m.datum, m.aard, m.vertrouwenspersonen, m.uren, m.geenInterventie])).toEqual([
      ["M2023-01", { jaar: 2023, maand: 2 }, "pesten", ["VP-A1"], 2.5, false],
      ["M2023-02", { jaar: 2023, maand: 5 }, "seksuele-intimidatie", ["VP-F1", "VP-A1"], 6, false],
      ["M2023-03", { jaar: 2023, maand: 11 }, "integriteitskwestie", ["VP-I1"], 1.25, true],
    ]);
    expect(v.dataset!.vertrouwenspersonen[1]).toEqual({
      code: "VP-F1",
      groep: "fractie",
      regeling: "ongewenste-omgangsvormen",
      actiefVan: { jaar: 2016, maand: 1 },
      actiefTot: { jaar: 2023, maand: 6 },
    });
    expect(v.dataset!.activiteiten.map((a) => a.uren)).toEqual([16, 7.5]);
    expect(v.bestanden["meldingen.csv"]).toBe("registratie.xlsx, tabblad meldingen");
  });

  it("and a mistake in it is reported with the sheet and Excel's row", async () => {
    const dir = await filled(standaardTemplateInput(), (wb) => {
      fillRows(wb);
      wb.getWorksheet("meldingen")!.getCell("G3").value = 60; // above maxUrenPerMelding (40)
    });
    const r = await check(readRawInput(dir), { jaar: 2024, maand: 3 });
    expect(r.problems).toMatchObject([{ bestand: "registratie.xlsx, tabblad meldingen", regel: 3, kolom: "uren", waarde: "60" }]);
  });

  it("the unfilled template says only that there are no meldingen yet", async () => {
    const dir = await filled(standaardTemplateInput(), () => {});
    const r = await check(readRawInput(dir), { jaar: 2024, maand: 3 });
    expect(r.problems.map((p) => p.melding)).toEqual(["er staan geen meldingen in het bestand, alleen de kopregel"]);
  });

  it("a CSV of the same table beside registratie.xlsx is refused, not silently preferred", async () => {
    const dir = await filled(standaardTemplateInput(), fillRows);
    writeFileSync(join(dir, "vocabulaire.csv"), utf8("soort;code\r\n"));
    const r = await check(readRawInput(dir), { jaar: 2024, maand: 3 });
    expect(r.problems.map((p) => p.melding)).toEqual([
      expect.stringMatching(
        /^de tabel vocabulaire staat op meer dan één plaats \(vocabulaire\.csv; registratie\.xlsx, tabblad vocabulaire\)/,
      ),
    ]);
  });
});
