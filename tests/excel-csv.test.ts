import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { excelCsv } from "../src/excel-csv.ts";
import { problemsCsv } from "../src/ingest/problem.ts";

// Read back with a different library than the one that writes: csv-parse, as Excel would split it.
const readBack = (text: string) => parse(text.replace(/^\uFEFF/, ""), { delimiter: ";", relax_column_count: false }) as string[][];

describe("excelCsv: CSV for Dutch Excel", () => {
  it("writes the exact bytes for plain cells: BOM, semicolons, CRLF", () => {
    expect(
      excelCsv(
        ["jaar", "aantal"],
        [
          ["2020", 13],
          ["2021", null],
        ],
      ),
    ).toBe("\uFEFFjaar;aantal\r\n2020;13\r\n2021;\r\n");
  });

  it("keeps a label with a semicolon, quotes and a line break in one cell", () => {
    const awkward = 'Pesten; roddelen "en" leugens\nverspreiden';
    const text = excelCsv(
      ["label", "n"],
      [
        [awkward, 5],
        ["<b>vet</b> & zo", 6],
      ],
    );
    expect(readBack(text)).toEqual([
      ["label", "n"],
      [awkward, "5"],
      ["<b>vet</b> & zo", "6"],
    ]);
    // The awkward cell is quoted, a plain one is not.
    expect(text).toContain('"Pesten; roddelen ""en"" leugens\nverspreiden";5\r\n');
    expect(text).toContain("<b>vet</b> & zo;6\r\n");
  });

  it("quotes every data cell, empty ones too, when asked (the problems list)", () => {
    const text = problemsCsv([{ bestand: "meldingen.csv", regel: 4, kolom: "uren", waarde: "1;5", melding: 'geen getal: "1;5"' }]);
    expect(text).toBe('\uFEFFbestand;regel;kolom;waarde;melding\r\n"meldingen.csv";"4";"uren";"1;5";"geen getal: ""1;5"""\r\n');
    expect(readBack(text)[1]).toEqual(["meldingen.csv", "4", "uren", "1;5", 'geen getal: "1;5"']);
  });
});
