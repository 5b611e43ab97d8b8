import { describe, it, expect } from "vitest";
import { ingest } from "../../src/ingest/index.ts";
import { makeRawInput, utf8 } from "../fixtures/make-fixtures.ts";

describe("ingest", () => {
  it("reads every table, instellingen and verslagen of a complete input", () => {
    const r = ingest(makeRawInput());
    expect(r.problems).toEqual([]);
    expect(Object.keys(r.tables).sort()).toEqual([
      "activiteiten.csv",
      "historie.csv",
      "klachten.csv",
      "meldingen.csv",
      "vertrouwenspersonen.csv",
      "vocabulaire.csv",
    ]);
    expect(r.tables["meldingen.csv"]!.rows).toHaveLength(4);
    expect(r.instellingen?.json).toMatchObject({ organisatie: "Testorganisatie" });
    expect(r.verslagen.map((v) => [v.jaar, v.secties.map((s) => s.titel)])).toEqual([[2021, ["Voorwoord"]]]);
  });

  it("reads a Windows-1252 file with a BOM-less é", () => {
    const raw = makeRawInput();
    raw.tables["historie.csv"] = {
      bestand: "historie.csv",
      bytes: new Uint8Array([...utf8("jaar;reeks;waarde;bron\r\n2015;klachten;1;Caf"), 0xe9, 0x0d, 0x0a]),
    };
    const r = ingest(raw);
    expect(r.problems).toEqual([]);
    expect(r.tables["historie.csv"]!.rows[0]!.values.bron).toBe("Café");
  });

  it("reports a missing file, a binary file and invalid JSON, and keeps going", () => {
    const raw = makeRawInput({ tables: { "klachten.csv": null } });
    raw.tables["historie.csv"] = { bestand: "historie.csv", bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x00, 0x01, 0x02]) }; // "%PDF" and NUL bytes
    raw.instellingen = { bestand: "instellingen.json", bytes: utf8("{ organisatie: ") };
    const r = ingest(raw);
    expect(r.problems.map((p) => [p.bestand, p.regel])).toEqual([
      ["klachten.csv", null],
      ["historie.csv", null],
      ["instellingen.json", 1],
    ]);
    expect(r.problems[0]!.melding).toBe(
      'dit bestand ontbreekt in de gegevensmap; lever de tabel aan als klachten.csv, als klachten.xlsx of als tabblad "klachten" in registratie.xlsx',
    );
    expect(r.problems[1]!.melding).toMatch(/geen CSV-bestand.*binaire gegevens/);
    expect(r.problems[2]!.melding).toBe("geen geldige JSON: fout op regel 1, teken 3");
    expect(r.tables["meldingen.csv"]).toBeDefined();
  });

  it("says what a zip (an .xlsx saved as .csv) or an old Office file is, instead of reading it as text", () => {
    for (const [bytes, message] of [
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /^dit is geen CSV-bestand maar een Excel-werkboek.*historie\.xlsx$/],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /^dit is geen CSV-bestand maar een oud Excel- of Word-bestand/],
    ] as const) {
      const raw = makeRawInput();
      raw.tables["historie.csv"] = { bestand: "historie.csv", bytes };
      const p = ingest(raw).problems;
      expect(p).toHaveLength(1);
      expect(p[0]!.melding).toMatch(message);
    }
  });

  it("uses a given separator for every table", () => {
    const raw = makeRawInput({ tables: { "historie.csv": "jaar;reeks,x;waarde;bron\n2015;klachten,y;1;b\n" } });
    expect(ingest(raw).problems).toHaveLength(1);
    const r = ingest(raw, { separator: ";" });
    expect(r.problems).toEqual([]);
    expect(r.tables["historie.csv"]!.header).toEqual(["jaar", "reeks,x", "waarde", "bron"]);
  });
});
