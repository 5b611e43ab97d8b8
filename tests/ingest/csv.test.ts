import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { fcParams } from "../helpers/fast-check.ts";
import { detectSeparator, parseCsv, type CsvResult, type CsvTable } from "../../src/ingest/csv.ts";

function table(r: CsvResult): CsvTable {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r.table;
}

describe("detectSeparator", () => {
  it("finds ';' (Dutch Excel)", () => {
    expect(detectSeparator("id;datum;uren\n1,5;2;3")).toBe(";");
  });
  it("finds ','", () => {
    expect(detectSeparator("id,datum,uren\r\nx;y,1,2")).toBe(",");
  });
  it("gives null when the header holds both", () => {
    expect(detectSeparator("id;datum,uren\n")).toBeNull();
  });
  it("ignores separators inside quotes in the header", () => {
    expect(detectSeparator('"a,b";c\n')).toBe(";");
    expect(detectSeparator('"a;b",c\n')).toBe(",");
  });
  it("looks only at the header line", () => {
    expect(detectSeparator("id\n1;2,3\n")).toBe(",");
  });
});

describe("parseCsv", () => {
  it("reads CRLF files with header on line 1 and rows from line 2", () => {
    const t = table(parseCsv("m.csv", "id;uren\r\nM1;2,5\r\nM2;3\r\n"));
    expect(t.bestand).toBe("m.csv");
    expect(t.header).toEqual(["id", "uren"]);
    expect(t.rows).toEqual([
      { regel: 2, values: { id: "M1", uren: "2,5" } },
      { regel: 3, values: { id: "M2", uren: "3" } },
    ]);
  });

  it("reads comma-separated files with quoted decimal commas", () => {
    const t = table(parseCsv("m.csv", 'id,uren\nM1,"2,5"\n'));
    expect(t.rows).toEqual([{ regel: 2, values: { id: "M1", uren: "2,5" } }]);
  });

  it("keeps separators, doubled quotes and newlines inside quoted fields", () => {
    const t = table(parseCsv("x.csv", 'a;b\r\n"een; twee";"zei ""ja""\nen nee"\r\n'));
    expect(t.rows).toEqual([{ regel: 2, values: { a: "een; twee", b: 'zei "ja"\nen nee' } }]);
  });

  it("counts lines correctly after a multi-line quoted field", () => {
    const text = 'a;b\n1;"x\ny\nz"\n3;4\n5;6\n';
    const t = table(parseCsv("x.csv", text));
    expect(t.rows.map((r) => r.regel)).toEqual([2, 5, 6]);
  });

  it("counts lines correctly for Excel's LF-inside-cell in a CRLF file", () => {
    const t = table(parseCsv("x.csv", 'a;b\r\n1;"x\ny"\r\n3;4\r\n'));
    expect(t.rows.map((r) => r.regel)).toEqual([2, 4]);
  });

  it("reports a too-long row on its own line, also after a multi-line field", () => {
    const r = parseCsv("x.csv", 'a;b\n1;"x\ny"\n3;4;5\n');
    expect(r).toEqual({
      ok: false,
      problems: [{ bestand: "x.csv", regel: 4, kolom: null, waarde: null, melding: "de regel heeft 3 velden, de kopregel maar 2" }],
    });
  });

  it("drops trailing empty columns and trailing/empty rows that Excel leaves", () => {
    const t = table(parseCsv("x.csv", "a;b;;\r\n1;2;;\r\n\r\n3;;;\r\n;;;\r\n;;;\r\n"));
    expect(t.header).toEqual(["a", "b"]);
    expect(t.rows).toEqual([
      { regel: 2, values: { a: "1", b: "2" } },
      { regel: 4, values: { a: "3", b: "" } },
    ]);
  });

  it("fills missing cells of a short row with empty strings and trims cells", () => {
    const t = table(parseCsv("x.csv", "a;b;c\n 1 \n"));
    expect(t.rows).toEqual([{ regel: 2, values: { a: "1", b: "", c: "" } }]);
  });

  it("reads a file without a final newline and strips a BOM", () => {
    const t = table(parseCsv("x.csv", "\uFEFFid;datum\r\nM1;2021-01"));
    expect(t.header).toEqual(["id", "datum"]);
    expect(t.rows).toEqual([{ regel: 2, values: { id: "M1", datum: "2021-01" } }]);
  });

  it("reports every too-long row, not only the first", () => {
    const r = parseCsv("x.csv", "a,b\n1,2,3\n4,5\n6,7,8,9\n");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.regel, p.melding])).toEqual([
      [2, "de regel heeft 3 velden, de kopregel maar 2"],
      [4, "de regel heeft 4 velden, de kopregel maar 2"],
    ]);
  });

  it("says in Dutch that an empty file needs a header", () => {
    for (const text of ["", "  \r\n\r\n", "\uFEFF"]) {
      const r = parseCsv("leeg.csv", text);
      expect(r).toEqual({
        ok: false,
        problems: [
          {
            bestand: "leeg.csv",
            regel: null,
            kolom: null,
            waarde: null,
            melding: "het bestand is leeg; er hoort minstens een kopregel met kolomnamen in te staan",
          },
        ],
      });
    }
  });

  it("gives a header-only file zero rows", () => {
    const t = table(parseCsv("x.csv", "id;datum\r\n"));
    expect(t.rows).toEqual([]);
  });

  it("refuses a header with both separators unless one is given", () => {
    const r = parseCsv("x.csv", "a;b,c\n1;2,3\n");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ bestand: "x.csv", regel: 1 });
      expect(r.problems[0]!.melding).toMatch(/zowel ';' als ','/);
    }
    expect(table(parseCsv("x.csv", "a;b,c\n1;2,3\n", ";")).rows).toEqual([{ regel: 2, values: { a: "1", "b,c": "2,3" } }]);
  });

  it("reports an unclosed quote in Dutch with a line number", () => {
    const r = parseCsv("x.csv", 'a;b\n1;2\n3;"open\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.bestand).toBe("x.csv");
    expect(r.problems[0]!.regel).toEqual(expect.any(Number));
    expect(r.problems[0]!.melding).toMatch(/^dit is geen leesbaar CSV-bestand \(een aanhalingsteken/);
  });
});

describe("parseCsv properties", () => {
  const csvChars = fc.constantFrom('"', ";", ",", "\n", "\r", " ", "a", "b", "é", "\uFEFF", "\t");
  const texts = fc.oneof(fc.string({ unit: csvChars, maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 }), fc.string());

  it("never throws on arbitrary text: it returns a table or problems", () => {
    fc.assert(
      fc.property(texts, fc.constantFrom<";" | "," | undefined>(undefined, ";", ","), (text, sep) => {
        const r = parseCsv("x.csv", text, sep);
        if (r.ok) {
          const lines = r.table.rows.map((row) => row.regel);
          expect(lines.every((l) => l >= 2)).toBe(true);
          expect([...lines].sort((a, b) => a - b)).toEqual(lines);
          expect(new Set(lines).size).toBe(lines.length);
        } else {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) {
            expect(p.bestand).toBe("x.csv");
            expect(p.melding).not.toBe("");
          }
        }
      }),
      fcParams(2000),
    );
  });

  it("reads back what a quoting writer wrote, with the line each row starts on", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "Z", "1", " ", ";", ",", '"', "\n", "é", "|"), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<";" | ",">(";", ","),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 6 }),
        (ncol, sep, eol, rawRows) => {
          const header = ["k1", "k2", "k3", "k4"].slice(0, ncol);
          const rows = rawRows.map((r) => r.slice(0, ncol));
          const quote = (c: string) => (/[;,"\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
          let text = header.join(sep) + eol;
          let line = 2;
          const expected: { regel: number; values: Record<string, string> }[] = [];
          for (const r of rows) {
            const serialised = r.map(quote).join(sep);
            if (r.some((c) => c.trim() !== "")) {
              expected.push({ regel: line, values: Object.fromEntries(header.map((h, i) => [h, r[i]!.trim()])) });
            }
            text += serialised + eol;
            line += 1 + (serialised.match(/\n/g)?.length ?? 0);
          }
          const t = table(parseCsv("x.csv", text));
          expect(t.header).toEqual(header);
          expect(t.rows).toEqual(expected);
        },
      ),
      fcParams(500),
    );
  });
});
