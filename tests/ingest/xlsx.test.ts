import { describe, it, expect } from "vitest";
import ExcelJS from "exceljs";
import { cellText, columnLetter, dateText, numberText, pickSheet, readSheets, readWorkbook, type Sheet } from "../../src/ingest/xlsx.ts";
import { ingest, ingestAll } from "../../src/ingest/index.ts";
import type { RawInput, TableFile } from "../../src/ingest/raw-input.ts";
import { validate } from "../../src/validate/index.ts";
import { baseTables, check, makeRawInput, MELDING_HEADER, utf8, VANDAAG } from "../fixtures/make-fixtures.ts";
import { workbookBytes, workbookFile } from "./xlsx-helpers.ts";

async function sheets(bytes: Uint8Array): Promise<Sheet[]> {
  const r = await readWorkbook({ bestand: "w.xlsx", bytes });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.sheets;
}

/** The base registration with some tables moved from CSV into workbooks. */
async function withWorkbooks(edit: (raw: RawInput) => Promise<void>): Promise<RawInput> {
  const raw = makeRawInput();
  await edit(raw);
  return raw;
}

describe("cellText: Excel cell types become the contract's text", () => {
  it("dates become DD-MM-JJJJ (UTC, as exceljs reads them)", () => {
    expect(cellText(new Date(Date.UTC(2021, 2, 5)))).toEqual({ ok: true, text: "05-03-2021" });
    expect(dateText(new Date(Date.UTC(2020, 11, 31, 23, 59)))).toBe("31-12-2020");
    expect(cellText(new Date(Number.NaN)).ok).toBe(false);
  });

  it("numbers get a decimal comma and lose float noise", () => {
    expect(numberText(2.5)).toBe("2,5");
    expect(numberText(16)).toBe("16");
    expect(numberText(0.1 + 0.2)).toBe("0,3");
    expect(numberText(2021)).toBe("2021");
    expect(numberText(1.125)).toBe("1,1250"); // "1,125" would be two readings in text
    expect(numberText(1000)).toBe("1000");
    expect(cellText(123456789)).toEqual({ ok: true, text: "123456789" });
  });

  it("booleans become ja/nee, rich text and hyperlinks their text", () => {
    expect(cellText(true)).toEqual({ ok: true, text: "ja" });
    expect(cellText(false)).toEqual({ ok: true, text: "nee" });
    expect(cellText({ richText: [{ text: "Seksuele " }, { text: "intimidatie" }] })).toEqual({ ok: true, text: "Seksuele intimidatie" });
    expect(cellText({ text: "a@b.nl", hyperlink: "mailto:a@b.nl" })).toEqual({ ok: true, text: "a@b.nl" });
    expect(cellText(null)).toEqual({ ok: true, text: "" });
  });

  it("a formula gives its computed value; without one, or with an error value, a Dutch problem", () => {
    expect(cellText({ formula: "1+1,5", result: 2.5 })).toEqual({ ok: true, text: "2,5" });
    expect(cellText({ formula: "A1", result: new Date(Date.UTC(2021, 0, 2)) })).toEqual({ ok: true, text: "02-01-2021" });
    const noResult = cellText({ formula: "A1" });
    expect(noResult.ok).toBe(false);
    if (!noResult.ok) expect(noResult.error).toMatch(/formule zonder berekende waarde/);
    const error = cellText({ error: "#N/A" });
    expect(error).toMatchObject({ ok: false, text: "#N/A" });
  });

  it("names columns as Excel does", () => {
    expect([1, 2, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AZ", "AAA"]);
  });
});

describe("sheetTable", () => {
  it("uses Excel's row numbers, skips empty rows and trailing empty columns", async () => {
    const bytes = await workbookBytes([
      { name: "meldingen", rows: [["id", "uren", null], ["M1", "2,5"], [], ["M2", "3"], [null, null, null]], typed: true },
    ]);
    const [s] = await sheets(bytes);
    expect(s!.table).toEqual({
      bestand: "w.xlsx, tabblad meldingen",
      header: ["id", "uren"],
      kopregel: 1,
      rows: [
        { regel: 2, values: { id: "M1", uren: "2,5" } },
        { regel: 4, values: { id: "M2", uren: "3" } },
      ],
    });
  });

  it("takes the first filled row as the header, wherever it is", async () => {
    const bytes = await workbookBytes([
      {
        name: "x",
        rows: [
          ["a", "b"],
          ["1", "2"],
        ],
        offset: 2,
      },
    ]);
    const [s] = await sheets(bytes);
    expect(s!.table?.kopregel).toBe(3);
    expect(s!.table?.rows).toEqual([{ regel: 4, values: { a: "1", b: "2" } }]);
  });

  it("refuses a value in a column without a header name, with the cell", async () => {
    const bytes = await workbookBytes([
      {
        name: "x",
        rows: [
          ["a", "b"],
          ["1", "2", "Jan"],
        ],
      },
    ]);
    const [s] = await sheets(bytes);
    expect(s!.problems).toEqual([
      {
        bestand: "w.xlsx, tabblad x",
        regel: 2,
        kolom: "C",
        waarde: "Jan",
        melding: "cel C2 heeft een waarde, maar kolom C heeft geen naam in de kopregel (regel 1)",
      },
    ]);
    expect(s!.table?.rows).toEqual([]);
  });

  it("refuses merged cells instead of guessing which row the value belongs to", async () => {
    const bytes = await workbookBytes(
      [
        {
          name: "x",
          rows: [
            ["a", "b"],
            ["1", "x"],
            ["2", ""],
          ],
        },
      ],
      (wb) => wb.worksheets[0]!.mergeCells("B2:B3"),
    );
    const [s] = await sheets(bytes);
    expect(s!.problems).toEqual([
      {
        bestand: "w.xlsx, tabblad x",
        regel: 3,
        kolom: "b",
        waarde: null,
        melding: "cel B3 is samengevoegd met B2; maak de samenvoeging ongedaan en vul elke cel apart in",
      },
    ]);
  });

  it("reports an Excel error value and a formula without a value on their cell", async () => {
    const bytes = await workbookBytes(
      [
        {
          name: "x",
          rows: [
            ["a", "b"],
            ["1", "2"],
          ],
        },
      ],
      (wb) => {
        wb.worksheets[0]!.getCell("A2").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
        wb.worksheets[0]!.getCell("B2").value = { formula: "A2*2" } as ExcelJS.CellFormulaValue;
      },
    );
    const [s] = await sheets(bytes);
    expect(s!.problems.map((p) => [p.regel, p.kolom, p.waarde])).toEqual([
      [2, "a", "#DIV/0!"],
      [2, "b", null],
    ]);
    expect(s!.problems[0]!.melding).toMatch(/Excel-foutwaarde #DIV\/0!/);
  });

  it("an empty sheet has no table", async () => {
    const [s] = await sheets(await workbookBytes([{ name: "leeg", rows: [] }]));
    expect(s!.table).toBeNull();
  });
});

describe("readWorkbook refuses what is not an .xlsx, in Dutch", () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ["empty", new Uint8Array(), /^het bestand is leeg$/],
    ["a CSV named .xlsx", utf8("id;datum\r\nM1;2021-01\r\n"), /geen Excel-werkboek \(\.xlsx\)/],
    [
      "an old .xls / password-protected workbook",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /oud Excel-bestand \(\.xls\)/,
    ],
    ["a broken zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /kan niet worden gelezen/],
  ];
  for (const [name, bytes, message] of cases) {
    it(name, async () => {
      const r = await readWorkbook({ bestand: "meldingen.xlsx", bytes });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ bestand: "meldingen.xlsx", regel: null });
      expect(r.problems[0]!.melding).toMatch(message);
    });
  }
});

describe("pickSheet: the sheet named after the table, else the only filled one, never a guess", () => {
  const sheet = (naam: string, filled: boolean): Sheet => ({
    naam,
    bestand: `m.xlsx, tabblad ${naam}`,
    table: filled ? { bestand: naam, header: ["id"], rows: [] } : null,
    problems: [],
  });
  it("takes the named sheet among several", () => {
    expect(pickSheet("meldingen.csv", "m.xlsx", [sheet("Blad1", true), sheet("Meldingen", true)]).bestand).toBe(
      "m.xlsx, tabblad Meldingen",
    );
  });
  it("takes the first sheet when the others are empty", () => {
    expect(pickSheet("meldingen.csv", "m.xlsx", [sheet("Blad1", true), sheet("Blad2", false), sheet("Blad3", false)]).bestand).toBe(
      "m.xlsx, tabblad Blad1",
    );
  });
  it("refuses two filled sheets, neither named after the table", () => {
    const s = pickSheet("meldingen.csv", "m.xlsx", [sheet("2020", true), sheet("2021", true)]);
    expect(s.table).toBeNull();
    expect(s.problems[0]!.melding).toBe(
      'het werkboek heeft meer dan één gevuld tabblad (2020, 2021); geef het tabblad met de gegevens de naam "meldingen" of verwijder de andere tabbladen',
    );
  });
  it("refuses a workbook without data", () => {
    expect(pickSheet("meldingen.csv", "m.xlsx", [sheet("Blad1", false)]).problems[0]!.melding).toMatch(/^het werkboek is leeg/);
  });
});

describe("ingest with workbooks", () => {
  it("reads meldingen.xlsx in place of meldingen.csv: the same dataset, messages with Excel's row numbers", async () => {
    const raw = await withWorkbooks(async (r) => {
      delete r.tables["meldingen.csv"];
      r.werkboeken = { "meldingen.csv": await workbookFile("meldingen.xlsx", [{ name: "Blad1", rows: baseTables()["meldingen.csv"] }]) };
    });
    const fromXlsx = validate(await ingestAll(raw), VANDAAG);
    expect(fromXlsx.problems).toEqual([]);
    expect(fromXlsx.dataset!.meldingen).toEqual(check().dataset!.meldingen);
    expect(fromXlsx.bestanden["meldingen.csv"]).toBe("meldingen.xlsx, tabblad Blad1");
  });

  it("reads registratie.xlsx with a sheet per table (and ignores Codes, Uitleg and empty sheets)", async () => {
    const base = baseTables();
    const raw = makeRawInput({ tables: Object.fromEntries(Object.keys(base).map((k) => [k, null])) });
    raw.registratie = await workbookFile("registratie.xlsx", [
      ...Object.entries(base).map(([file, rows]) => ({ name: file.replace(".csv", ""), rows })),
      {
        name: "Codes",
        rows: [
          ["lijst", "code"],
          ["x", "y"],
        ],
      },
      { name: "Uitleg", rows: [["vrije tekst"]] },
      { name: "Blad3", rows: [] },
    ]);
    const r = validate(await ingestAll(raw), VANDAAG);
    expect(r.problems).toEqual([]);
    expect(r.dataset).toEqual(check().dataset);
  });

  it("gives Excel's row and the sheet in every message", async () => {
    const rows = baseTables()["meldingen.csv"].map((r) => [...r]);
    rows[3]![6] = "-1"; // uren of the third melding, Excel row 4
    const raw = makeRawInput({ tables: { "meldingen.csv": null } });
    raw.registratie = await workbookFile("registratie.xlsx", [{ name: "meldingen", rows, offset: 1 }]);
    const r = validate(await ingestAll(raw), VANDAAG);
    expect(r.problems).toEqual([
      { bestand: "registratie.xlsx, tabblad meldingen", regel: 5, kolom: "uren", waarde: "-1", melding: "uren kunnen niet negatief zijn" },
    ]);
  });

  it("a date typed into the hours column is refused, not read as a number", async () => {
    const raw = makeRawInput({ tables: { "meldingen.csv": null } });
    raw.werkboeken = {
      "meldingen.csv": await workbookFile("meldingen.xlsx", [{ name: "meldingen", rows: baseTables()["meldingen.csv"] }], (wb) => {
        wb.worksheets[0]!.getCell("G2").value = new Date(Date.UTC(2021, 1, 1)); // "1-2" became 1 February
      }),
    };
    const r = validate(await ingestAll(raw), VANDAAG);
    expect(r.problems).toEqual([
      {
        bestand: "meldingen.xlsx, tabblad meldingen",
        regel: 2,
        kolom: "uren",
        waarde: "01-02-2021",
        melding: "geen getal; schrijf uren als 2 of 2,5",
      },
    ]);
  });

  it("refuses a table given twice (CSV and workbook), naming both", async () => {
    const raw = makeRawInput();
    raw.werkboeken = { "klachten.csv": await workbookFile("klachten.xlsx", [{ name: "klachten", rows: baseTables()["klachten.csv"] }]) };
    const r = validate(await ingestAll(raw), VANDAAG);
    expect(r.dataset).toBeNull();
    expect(r.problems).toEqual([
      {
        bestand: "klachten.csv",
        regel: null,
        kolom: null,
        waarde: null,
        melding:
          "de tabel klachten staat op meer dan één plaats (klachten.csv; klachten.xlsx, tabblad klachten); laat er één over, zodat vaststaat welke gegevens gelden",
      },
    ]);
  });

  it("refuses a table both in its own workbook and as a sheet of registratie.xlsx", async () => {
    const raw = makeRawInput({ tables: { "historie.csv": null } });
    raw.werkboeken = { "historie.csv": await workbookFile("historie.xlsx", [{ name: "Blad1", rows: baseTables()["historie.csv"] }]) };
    raw.registratie = await workbookFile("registratie.xlsx", [{ name: "historie", rows: baseTables()["historie.csv"] }]);
    const r = validate(await ingestAll(raw), VANDAAG);
    expect(r.problems.map((p) => p.melding)).toEqual([
      expect.stringMatching(
        /^de tabel historie staat op meer dan één plaats \(historie\.xlsx, tabblad Blad1; registratie\.xlsx, tabblad historie\)/,
      ),
    ]);
  });

  it("refuses an unknown filled sheet in registratie.xlsx", async () => {
    const raw = makeRawInput();
    raw.registratie = await workbookFile("registratie.xlsx", [
      {
        name: "aantekeningen",
        rows: [
          ["wie", "wat"],
          ["x", "y"],
        ],
      },
    ]);
    const r = validate(await ingestAll(raw), VANDAAG);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ bestand: "registratie.xlsx, tabblad aantekeningen", regel: null });
    expect(r.problems[0]!.melding).toMatch(/^onbekend tabblad "aantekeningen"/);
  });

  it("names a file of nearly the right name when a table is missing", () => {
    const raw = makeRawInput({ tables: { "meldingen.csv": null } });
    raw.bestandsnamen = ["Meldingen.CSV", "instellingen.json"];
    const p = ingest(raw).problems;
    expect(p).toHaveLength(1);
    expect(p[0]!.melding).toMatch(/^dit bestand ontbreekt in de gegevensmap; wel gevonden: Meldingen\.CSV\./);
  });

  it("refuses a workbook saved with the name .csv, and says what to do", async () => {
    const raw = makeRawInput();
    raw.tables["klachten.csv"] = {
      bestand: "klachten.csv",
      bytes: await workbookBytes([{ name: "klachten", rows: baseTables()["klachten.csv"] }]),
    };
    const p = ingest(raw).problems;
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ bestand: "klachten.csv", regel: null });
    expect(p[0]!.melding).toMatch(/Excel-werkboek.*klachten\.xlsx/);
  });

  it("ingest without the workbooks read first is a programming error, not a silent skip", async () => {
    const raw = makeRawInput();
    raw.werkboeken = { "klachten.csv": await workbookFile("klachten.xlsx", [{ name: "klachten", rows: baseTables()["klachten.csv"] }]) };
    expect(() => ingest(raw)).toThrow(/ingestAll/);
    expect((await readSheets(raw)).sources["klachten.csv"]).toHaveLength(1);
  });

  it("a workbook with only the header row of meldingen is 'no meldingen', like a header-only CSV", async () => {
    const raw = makeRawInput({ tables: { "meldingen.csv": null } });
    raw.werkboeken = {
      ["meldingen.csv" as TableFile]: await workbookFile("meldingen.xlsx", [{ name: "meldingen", rows: [MELDING_HEADER] }]),
    };
    const r = validate(await ingestAll(raw), VANDAAG);
    expect(r.problems).toEqual([
      {
        bestand: "meldingen.xlsx, tabblad meldingen",
        regel: null,
        kolom: null,
        waarde: null,
        melding: "er staan geen meldingen in het bestand, alleen de kopregel",
      },
    ]);
  });
});
