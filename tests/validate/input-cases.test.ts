// The input cases of issue 4 that are not a single refused field: two readings of a file,
// what Excel leaves behind, files that are not CSV at all, and repeated activity rows.
import { describe, it, expect } from "vitest";
import { ingest } from "../../src/ingest/index.ts";
import { validate } from "../../src/validate/index.ts";
import { baseTables, check, csvText, makeRawInput, meldingenWith, setCell, utf8, VANDAAG, type Rows } from "../fixtures/make-fixtures.ts";

describe("never a silent guess between two readings", () => {
  it("a header with both ';' and ',' asks for --scheidingsteken; with it the file is read", () => {
    const text = "jaar;reeks;waarde;bron\r\n2015;meldingen_vpoo;4;Jaarverslag 2015, tabel 1\r\n".replace("bron", "bron,toelichting");
    const r = check({ tables: { "historie.csv": text } });
    expect(r.dataset).toBeNull();
    expect(r.problems).toEqual([
      {
        bestand: "historie.csv",
        regel: 1,
        kolom: null,
        waarde: null,
        melding: "de kopregel bevat zowel ';' als ','; geef het scheidingsteken op met --scheidingsteken ';' of --scheidingsteken ','",
      },
    ]);
    // With the separator given, the column "bron,toelichting" is simply unknown: a real message, not a guess.
    const withSep = validate(ingest(makeRawInput({ tables: { "historie.csv": text } }), { separator: ";" }), VANDAAG);
    expect(withSep.problems.map((p) => [p.bestand, p.regel, p.kolom])).toEqual([
      ["historie.csv", 1, "bron"],
      ["historie.csv", 1, "bron,toelichting"],
    ]);
  });

  it("a label that fits two codes is refused, not resolved to one of them", () => {
    const vocab = [...baseTables()["vocabulaire.csv"], ["aard", "pesten-online", "Pesten", "2011", "", "", "", "ja"]];
    const r = check({ tables: { "vocabulaire.csv": vocab, "meldingen.csv": meldingenWith([0, "aard", "Pesten"]) } });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ bestand: "meldingen.csv", regel: 2, kolom: "aard", waarde: "Pesten" });
    expect(r.problems[0]!.melding).toBe("dubbelzinnig: past bij pesten en pesten-online; gebruik de code");
  });
});

describe("what Excel leaves behind is accepted", () => {
  it("trailing empty columns and rows (;;; lines) in every file give the same dataset", () => {
    const padded = Object.fromEntries(
      Object.entries(baseTables()).map(([file, rows]) => [
        file,
        [...rows.map((r) => [...r, "", "", ""]), ...Array.from({ length: 3 }, () => Array<string>(rows[0]!.length + 3).fill(""))],
      ]),
    ) as Record<string, Rows>;
    const r = check({ tables: padded });
    expect(r.problems).toEqual([]);
    expect(r.dataset).toEqual(check().dataset);
  });

  it("ja, Ja and JA (and nee, Nee, NEE) are the same answer; anything else is refused", () => {
    for (const ja of ["ja", "Ja", "JA", " ja "]) {
      const r = check({ tables: { "meldingen.csv": meldingenWith([1, "geen_interventie", ja]) } });
      expect(r.problems, ja).toEqual([]);
      expect(r.dataset!.meldingen[1]!.geenInterventie).toBe(true);
    }
    for (const nee of ["nee", "Nee", "NEE"]) {
      const r = check({ tables: { "meldingen.csv": meldingenWith([0, "geen_interventie", nee]) } });
      expect(r.dataset!.meldingen[0]!.geenInterventie, nee).toBe(false);
    }
    for (const other of ["j", "yes", "waar", "1"]) {
      const r = check({ tables: { "meldingen.csv": meldingenWith([1, "geen_interventie", other]) } });
      expect(r.problems, other).toEqual([
        { bestand: "meldingen.csv", regel: 3, kolom: "geen_interventie", waarde: other, melding: "geldig is: ja of nee" },
      ]);
    }
  });

  it("dates as DD-MM-JJJJ, D-M-JJJJ, D/M/JJJJ, JJJJ-MM-DD and JJJJ-MM all give the month", () => {
    for (const datum of ["05-03-2021", "5-3-2021", "5/3/2021", "2021-03-05", "2021-03", "2021-3"]) {
      const r = check({ tables: { "meldingen.csv": meldingenWith([1, "datum", datum]) } });
      expect(r.problems, datum).toEqual([]);
      expect(r.dataset!.meldingen[1]!.datum, datum).toEqual({ jaar: 2021, maand: 3 });
    }
  });

  it("Windows-1252 with a label holding é, CRLF and a BOM-less file", () => {
    const vocab = setCell(baseTables()["vocabulaire.csv"], 0, "label", "Pesten en treiteren (café)");
    const text = csvText(vocab, { sep: ";", eol: "\r\n" });
    const bytes = new Uint8Array([...text].map((c) => (c === "é" ? 0xe9 : c.charCodeAt(0))));
    const raw = makeRawInput();
    raw.tables["vocabulaire.csv"] = { bestand: "vocabulaire.csv", bytes };
    const r = validate(ingest(raw), VANDAAG);
    expect(r.problems).toEqual([]);
    expect(r.dataset!.vocabulaire[0]!.label).toBe("Pesten en treiteren (café)");
  });
});

describe("a file that is not CSV at all", () => {
  const cases: [string, Uint8Array][] = [
    ["a letter in plain text", utf8("Beste collega's,\r\n\r\nHierbij de meldingen van dit jaar. Groet, de VP\r\n")],
    ["a JSON file", utf8('{"meldingen": [{"id": "M1"}]}\n')],
    ["an HTML page", utf8("<!DOCTYPE html><html><body><table><tr><td>M1</td></tr></table></body></html>\n")],
    ["a PDF", new Uint8Array([...utf8("%PDF-1.7\n"), 0, 1, 2, 3, 0xff, 0xfe])],
  ];
  for (const [name, bytes] of cases) {
    it(`${name}: refused with the file named and what a CSV needs`, () => {
      const raw = makeRawInput();
      raw.tables["meldingen.csv"] = { bestand: "meldingen.csv", bytes };
      const r = validate(ingest(raw), VANDAAG);
      expect(r.dataset).toBeNull();
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems.every((p) => p.bestand === "meldingen.csv")).toBe(true);
      expect(
        r.problems.some((p) =>
          /geen CSV-bestand|verplichte kolom "id" ontbreekt|geen leesbaar CSV-bestand|de regel heeft \d+ velden, de kopregel maar/.test(
            p.melding,
          ),
        ),
      ).toBe(true);
    });
  }
});

describe("activiteiten", () => {
  it("an activity row for a counsellor who was not active that year is refused; the last active year is fine", () => {
    const rows = setCell(baseTables()["activiteiten.csv"], 1, "jaar", "2021"); // VP-B stopped 2020-06
    expect(check({ tables: { "activiteiten.csv": rows } }).problems).toEqual([
      { bestand: "activiteiten.csv", regel: 3, kolom: "vertrouwenspersoon", waarde: "VP-B", melding: "VP-B was in 2021 niet actief" },
    ]);
    const before = setCell(baseTables()["activiteiten.csv"], 1, "jaar", "2014"); // VP-B started 2015-01
    expect(check({ tables: { "activiteiten.csv": before } }).problems).toMatchObject([
      { regel: 3, kolom: "vertrouwenspersoon", melding: "VP-B was in 2014 niet actief" },
    ]);
  });

  it("a row copied twice (same year, counsellor and activity) is refused, naming the first", () => {
    const rows = [...baseTables()["activiteiten.csv"], ["2021", "VP-A", "training", "16"]];
    expect(check({ tables: { "activiteiten.csv": rows } }).problems).toEqual([
      {
        bestand: "activiteiten.csv",
        regel: 4,
        kolom: "activiteit",
        waarde: "training",
        melding: "VP-A, training, 2021 staat ook op regel 2; tel de uren op in één regel",
      },
    ]);
  });

  it("hours on meldingen are not an activity: they come from meldingen.csv only", () => {
    const rows = [...baseTables()["activiteiten.csv"], ["2021", "VP-A", "meldingen", "3"]];
    const r = check({ tables: { "activiteiten.csv": rows } });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ bestand: "activiteiten.csv", regel: 4, kolom: "activiteit", waarde: "meldingen" });
  });
});
