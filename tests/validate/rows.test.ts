import { describe, it, expect } from "vitest";
import { checkColumns, readRows } from "../../src/validate/rows.ts";
import type { CsvTable } from "../../src/ingest/csv.ts";
import type { Problem } from "../../src/ingest/problem.ts";
import { parseUren } from "../../src/validate/fields.ts";

const COLUMNS = ["jaar", "vertrouwenspersoon", "uren"] as const;
const tableWith = (header: string[], rows: CsvTable["rows"] = []): CsvTable => ({ bestand: "t.csv", header, rows });

describe("checkColumns", () => {
  it("accepts the exact columns in any order", () => {
    expect(checkColumns(tableWith(["uren", "jaar", "vertrouwenspersoon"]), COLUMNS)).toEqual([]);
  });

  it("reports a missing column on line 1", () => {
    const ps = checkColumns(tableWith(["jaar", "uren"]), COLUMNS);
    expect(ps).toEqual([
      {
        bestand: "t.csv",
        regel: 1,
        kolom: "vertrouwenspersoon",
        waarde: null,
        melding: 'verplichte kolom "vertrouwenspersoon" ontbreekt; verwacht zijn de kolommen: jaar, vertrouwenspersoon, uren',
      },
    ]);
  });

  it("reports an unknown column", () => {
    const ps = checkColumns(tableWith(["jaar", "vertrouwenspersoon", "uren", "naam"]), COLUMNS);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ bestand: "t.csv", regel: 1, kolom: "naam" });
    expect(ps[0]!.melding).toMatch(/^onbekende kolom "naam"; alleen toegestaan: jaar, vertrouwenspersoon, uren\./);
  });

  it("reports a duplicate column", () => {
    const ps = checkColumns(tableWith(["jaar", "vertrouwenspersoon", "uren", "jaar"]), COLUMNS);
    expect(ps).toEqual([{ bestand: "t.csv", regel: 1, kolom: "jaar", waarde: null, melding: 'kolom "jaar" staat er twee keer in' }]);
  });

  it("reports a column without a name", () => {
    const ps = checkColumns(tableWith(["jaar", "", "vertrouwenspersoon", "uren"]), COLUMNS);
    expect(ps).toHaveLength(1);
    expect(ps[0]!.melding).toMatch(/kolom zonder naam/);
  });

  it("reports missing, unknown and duplicate together", () => {
    const ps = checkColumns(tableWith(["jaar", "jaar", "opmerking"]), COLUMNS);
    expect(ps.map((p) => p.kolom).sort()).toEqual(["jaar", "opmerking", "uren", "vertrouwenspersoon"]);
  });
});

describe("readRows", () => {
  it("reads no rows when a column is missing, but does with only an extra column", () => {
    const rows = [{ regel: 2, values: { jaar: "2021", uren: "3" } }];
    const problems: Problem[] = [];
    expect(readRows(tableWith(["jaar", "uren"], rows), COLUMNS, problems, [], () => 1)).toEqual([]);
    expect(problems).toHaveLength(1);
  });

  it("collects problems of every row with row and column, and personal data in any cell", () => {
    const rows = [
      { regel: 2, values: { jaar: "2021", vertrouwenspersoon: "VP-A", uren: "abc" } },
      { regel: 3, values: { jaar: "2021", vertrouwenspersoon: "Sjoerd", uren: "2" } },
      { regel: 4, values: { jaar: "2021", vertrouwenspersoon: "VP-B", uren: "1,5" } },
    ];
    const problems: Problem[] = [];
    const out = readRows(tableWith([...COLUMNS], rows), COLUMNS, problems, ["Sjoerd"], (r) => r.field("uren", parseUren));
    expect(out).toContain(1.5);
    expect(out).not.toContain(undefined);
    expect(problems.map((p) => [p.regel, p.kolom, p.waarde])).toEqual([
      [2, "uren", "abc"],
      [3, "vertrouwenspersoon", "Sjoerd"],
    ]);
    expect(problems[1]!.melding).toMatch(/namenlijst; persoonsgegevens horen niet in de registratie$/);
  });
});
