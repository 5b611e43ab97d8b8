import { describe, it, expect } from "vitest";
import type { Problem } from "../../src/ingest/problem.ts";
import { baseTables, check, meldingenWith, MELDING_HEADER, setCell, type Rows } from "../fixtures/make-fixtures.ts";

/** The one problem of a run, with its place; fails when there are none or more. */
function only(problems: Problem[]): Problem {
  expect(problems, JSON.stringify(problems, null, 1)).toHaveLength(1);
  return problems[0]!;
}

describe("validate: a valid small registration", () => {
  for (const sep of [";", ","] as const) {
    for (const eol of ["\r\n", "\n"] as const) {
      it(`gives a dataset and no problems (separator ${sep}, ${JSON.stringify(eol)})`, () => {
        const r = check({ sep, eol });
        expect(r.problems).toEqual([]);
        expect(r.warnings).toEqual([]);
        expect(r.dataset).not.toBeNull();
        const d = r.dataset!;
        expect(d.meldingen).toEqual([
          {
            id: "M2021-01",
            datum: { jaar: 2021, maand: 2 },
            regeling: "ongewenste-omgangsvormen",
            aard: "pesten",
            herkomst: "ambtelijk",
            vertrouwenspersonen: ["VP-A"],
            uren: 2.5,
            status: "afgerond-resultaat",
            interventies: ["adviesgesprek"],
            resultaten: ["opgelost"],
            geenInterventie: false,
          },
          {
            id: "M2021-02",
            datum: { jaar: 2021, maand: 3 },
            regeling: "ongewenste-omgangsvormen",
            aard: "seksuele-intimidatie",
            herkomst: "fractie",
            vertrouwenspersonen: ["VP-A"],
            uren: 1,
            status: "afgerond-onbekend",
            interventies: [],
            resultaten: [],
            geenInterventie: true,
          },
          {
            id: "M2020-01",
            datum: { jaar: 2020, maand: 5 },
            regeling: "ongewenste-omgangsvormen",
            aard: "intimidatie",
            herkomst: "extern",
            vertrouwenspersonen: ["VP-B", "VP-A"],
            uren: 4.5,
            status: "in-behandeling",
            interventies: ["doorverwezen"],
            resultaten: [],
            geenInterventie: false,
          },
          {
            id: "M2021-03",
            datum: { jaar: 2021, maand: 6 },
            regeling: "integriteit",
            aard: "fraude",
            herkomst: "ambtelijk",
            vertrouwenspersonen: ["VP-I"],
            uren: 3,
            status: "afgerond-resultaat",
            interventies: ["adviesgesprek", "doorverwezen"],
            resultaten: ["gesprek"],
            geenInterventie: false,
          },
        ]);
        expect(d.vertrouwenspersonen.find((v) => v.code === "VP-B")).toEqual({
          code: "VP-B",
          groep: "extern",
          regeling: "ongewenste-omgangsvormen",
          actiefVan: { jaar: 2015, maand: 1 },
          actiefTot: { jaar: 2020, maand: 6 },
        });
        expect(d.activiteiten).toEqual([
          { jaar: 2021, vertrouwenspersoon: "VP-A", activiteit: "training", uren: 16 },
          { jaar: 2020, vertrouwenspersoon: "VP-B", activiteit: "intervisie", uren: 8.5 },
        ]);
        expect(d.klachten).toEqual([
          { id: "K2021-01", datum: { jaar: 2021, maand: 3 }, ontvankelijk: true, advies: "ongegrond" },
          { id: "K2021-02", datum: { jaar: 2021, maand: 9 }, ontvankelijk: null, advies: null },
        ]);
        expect(d.historie).toEqual([{ jaar: 2015, reeks: "meldingen_vpoo", waarde: 4, bron: "Jaarverslag 2015, tabel 1" }]);
        expect(d.vocabulaire).toHaveLength(8);
        expect(d.instellingen).toMatchObject({
          organisatie: "Testorganisatie",
          maxUrenPerMelding: 40,
          namenlijst: ["Sjoerd"],
          drempel: { openbaar: 5, vertrouwelijk: 3 },
        });
        expect(d.verslagen.map((v) => v.jaar)).toEqual([2021]);
      });
    }
  }

  it("accepts a melding in the current month", () => {
    const r = check({ tables: { "meldingen.csv": meldingenWith([0, "datum", "2022-03-31"]) } });
    expect(r.problems).toEqual([]);
  });
});

describe("validate: each refusal names file, Excel line, column and says why in Dutch", () => {
  it("duplicate id", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([2, "id", "M2021-01"]) } }).problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: 4, kolom: "id", waarde: "M2021-01" });
    expect(p.melding).toBe("deze id staat ook op regel 2; elke melding heeft een eigen id");
  });

  it("unknown aard code, with the nearest suggested", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([0, "aard", "pestn"]) } }).problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: 2, kolom: "aard", waarde: "pestn" });
    expect(p.melding).toMatch(/^onbekende code; bedoelt u "pesten"\?/);
  });

  it("an aard code from another soort is unknown", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([1, "aard", "opgelost"]) } }).problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: 3, kolom: "aard" });
  });

  it("negative hours", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([1, "uren", "-1"]) } }).problems);
    expect(p).toEqual({ bestand: "meldingen.csv", regel: 3, kolom: "uren", waarde: "-1", melding: "uren kunnen niet negatief zijn" });
  });

  it("hours above maxUrenPerMelding", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([3, "uren", "40,5"]) } }).problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: 5, kolom: "uren", waarde: "40,5" });
    expect(p.melding).toMatch(/^meer dan 40 uur aan één melding is niet aannemelijk/);
    // the ceiling comes from instellingen.json
    const r = check({
      tables: { "meldingen.csv": meldingenWith([3, "uren", "40,5"]) },
      instellingen: { organisatie: "T", maxUrenPerMelding: 50 },
    });
    expect(r.problems).toEqual([]);
    expect(check({ tables: { "meldingen.csv": meldingenWith([3, "uren", "40"]) } }).problems).toEqual([]);
  });

  it("a date in the future, against the injected vandaag", () => {
    const tables = { "meldingen.csv": meldingenWith([0, "datum", "01-04-2022"]) };
    const p = only(check({ tables }).problems);
    expect(p).toEqual({
      bestand: "meldingen.csv",
      regel: 2,
      kolom: "datum",
      waarde: "01-04-2022",
      melding: "deze datum ligt in de toekomst",
    });
    expect(check({ tables }, { jaar: 2022, maand: 4 }).problems).toEqual([]);
    expect(check({ tables }, { jaar: 2023, maand: 1 }).problems).toEqual([]);
  });

  it("an impossible date", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([0, "datum", "31-02-2020"]) } }).problems);
    expect(p).toEqual({
      bestand: "meldingen.csv",
      regel: 2,
      kolom: "datum",
      waarde: "31-02-2020",
      melding: "dag 31 bestaat niet in deze maand",
    });
  });

  it("status afgerond-resultaat without resultaten", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([0, "resultaten", ""]) } }).problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: 2, kolom: "resultaten" });
    expect(p.melding).toBe("de status is afgerond-resultaat, maar er is geen resultaat ingevuld");
  });

  it("resultaten with a status other than afgerond-resultaat", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([2, "resultaten", "opgelost"]) } }).problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: 4, kolom: "status", waarde: "in-behandeling" });
  });

  it("geen_interventie ja with interventies", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([0, "geen_interventie", "ja"]) } }).problems);
    expect(p).toEqual({
      bestand: "meldingen.csv",
      regel: 2,
      kolom: "geen_interventie",
      waarde: "ja",
      melding: "er staat 'ja' (geen interventie op verzoek van de melder), maar er zijn wel interventies ingevuld",
    });
  });

  it("geen_interventie nee without interventies", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([1, "geen_interventie", "nee"]) } }).problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: 3, kolom: "interventies" });
  });

  it("a vertrouwenspersoon not active in the month of the melding", () => {
    // VP-B stopped in 2020-06; this melding is from 2021-02.
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([0, "vertrouwenspersoon", "VP-A|VP-B"]) } }).problems);
    expect(p).toEqual({
      bestand: "meldingen.csv",
      regel: 2,
      kolom: "vertrouwenspersoon",
      waarde: "VP-B",
      melding: "VP-B was in 2-2021 niet actief als vertrouwenspersoon",
    });
    // the last active month itself is fine
    expect(check({ tables: { "meldingen.csv": meldingenWith([2, "datum", "30-06-2020"]) } }).problems).toEqual([]);
    const q = only(check({ tables: { "meldingen.csv": meldingenWith([2, "datum", "2020-07"]) } }).problems);
    expect(q).toMatchObject({ regel: 4, kolom: "vertrouwenspersoon", waarde: "VP-B" });
  });

  it("a vertrouwenspersoon of the other regeling", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([3, "vertrouwenspersoon", "VP-A"]) } }).problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: 5, kolom: "vertrouwenspersoon", waarde: "VP-A" });
    expect(p.melding).toBe("VP-A is vertrouwenspersoon voor ongewenste-omgangsvormen, niet voor integriteit");
  });

  it("an unknown vertrouwenspersoon", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([0, "vertrouwenspersoon", "VP-X"]) } }).problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: 2, kolom: "vertrouwenspersoon", waarde: "VP-X" });
    expect(p.melding).toMatch(/^onbekende vertrouwenspersoon; bekend zijn: VP-A, VP-B, VP-C, VP-I$/);
  });

  it("an activity row for a vertrouwenspersoon not active that year", () => {
    const rows = setCell(baseTables()["activiteiten.csv"], 1, "jaar", "2021"); // VP-B stopped in 2020
    const p = only(check({ tables: { "activiteiten.csv": rows } }).problems);
    expect(p).toEqual({
      bestand: "activiteiten.csv",
      regel: 3,
      kolom: "vertrouwenspersoon",
      waarde: "VP-B",
      melding: "VP-B was in 2021 niet actief",
    });
  });

  it("an unknown column (where a name would slip in)", () => {
    const rows: Rows = baseTables()["meldingen.csv"].map((r, i) => [...r, i === 0 ? "opmerking" : "kort"]);
    const r = check({ tables: { "meldingen.csv": rows } });
    const p = only(r.problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: 1, kolom: "opmerking", waarde: null });
    expect(p.melding).toMatch(/^onbekende kolom "opmerking"; alleen toegestaan: id, datum,/);
    expect(r.dataset).toBeNull();
  });

  it("a missing column", () => {
    const rows: Rows = baseTables()["meldingen.csv"].map((r) => r.filter((_, j) => MELDING_HEADER[j] !== "herkomst"));
    const p = only(check({ tables: { "meldingen.csv": rows } }).problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: 1, kolom: "herkomst" });
    expect(p.melding).toMatch(/^verplichte kolom "herkomst" ontbreekt/);
  });

  it("a missing file", () => {
    const r = check({ tables: { "klachten.csv": null } });
    expect(r.dataset).toBeNull();
    expect(only(r.problems)).toEqual({
      bestand: "klachten.csv",
      regel: null,
      kolom: null,
      waarde: null,
      melding:
        'dit bestand ontbreekt in de gegevensmap; lever de tabel aan als klachten.csv, als klachten.xlsx of als tabblad "klachten" in registratie.xlsx',
    });
  });

  it("missing instellingen.json", () => {
    const r = check({ instellingen: null });
    expect(r.dataset).toBeNull();
    expect(only(r.problems)).toMatchObject({
      bestand: "instellingen.json",
      regel: null,
      melding: "dit bestand ontbreekt in de gegevensmap",
    });
  });

  it("an invalid setting names the setting", () => {
    const p = only(check({ instellingen: { organisatie: "T", maxUrenPerMelding: -3 } }).problems);
    expect(p).toMatchObject({ bestand: "instellingen.json", kolom: "maxUrenPerMelding" });
    expect(p.melding).toMatch(/^ongeldige instelling/);
  });

  it("an empty meldingen file (header only)", () => {
    const r = check({ tables: { "meldingen.csv": [MELDING_HEADER] } });
    expect(r.dataset).toBeNull();
    expect(only(r.problems)).toEqual({
      bestand: "meldingen.csv",
      regel: null,
      kolom: null,
      waarde: null,
      melding: "er staan geen meldingen in het bestand, alleen de kopregel",
    });
  });

  it("a completely empty meldingen file", () => {
    const p = only(check({ tables: { "meldingen.csv": "" } }).problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: null });
    expect(p.melding).toMatch(/^het bestand is leeg/);
  });

  it("personal data in a cell", () => {
    const p = only(check({ tables: { "meldingen.csv": meldingenWith([1, "id", "sjoerd@example.nl"]) } }).problems);
    expect(p).toMatchObject({ bestand: "meldingen.csv", regel: 3, kolom: "id", waarde: "sjoerd@example.nl" });
    expect(p.melding).toBe("dit veld lijkt een e-mailadres; persoonsgegevens horen niet in de registratie");
  });

  it("a row with too many fields gets its line even after a multi-line quoted cell", () => {
    const text = [
      MELDING_HEADER.join(";"),
      'M1;2021-02;ongewenste-omgangsvormen;pesten;ambtelijk;VP-A;1;afgerond-onbekend;;;"ja\n"',
      "M2;2021-02;ongewenste-omgangsvormen;pesten;ambtelijk;VP-A;1;afgerond-onbekend;;;ja;extra",
      "",
    ].join("\r\n");
    expect(only(check({ tables: { "meldingen.csv": text } }).problems)).toMatchObject({ bestand: "meldingen.csv", regel: 4, kolom: null });
  });
});

describe("validate: every problem in one run", () => {
  it("lists three different errors in one file as three problems, sorted by line", () => {
    const r = check({
      tables: {
        "meldingen.csv": meldingenWith([2, "uren", "-1"], [0, "aard", "pestn"], [1, "datum", "31-02-2021"]),
      },
    });
    expect(r.dataset).toBeNull();
    expect(r.problems.map((p) => [p.bestand, p.regel, p.kolom])).toEqual([
      ["meldingen.csv", 2, "aard"],
      ["meldingen.csv", 3, "datum"],
      ["meldingen.csv", 4, "uren"],
    ]);
  });

  it("lists errors in several files and several columns of one row together", () => {
    const r = check({
      tables: {
        "meldingen.csv": meldingenWith([0, "herkomst", "intern"], [0, "status", "klaar"]),
        "activiteiten.csv": setCell(baseTables()["activiteiten.csv"], 0, "activiteit", "cursus"),
        "klachten.csv": setCell(baseTables()["klachten.csv"], 1, "id", "K2021-01"),
        "historie.csv": null,
      },
    });
    expect(r.dataset).toBeNull();
    expect(r.problems.map((p) => [p.bestand, p.regel, p.kolom])).toEqual([
      ["activiteiten.csv", 2, "activiteit"],
      ["historie.csv", null, null],
      ["klachten.csv", 3, "id"],
      ["meldingen.csv", 2, "herkomst"],
      ["meldingen.csv", 2, "status"],
    ]);
  });
});
