// Checks across files: historie against the records (both figures named), rows after the
// reporting year, and why hours by activity and hours by counsellor group cannot differ.
import { describe, it, expect } from "vitest";
import { aggregate } from "../../src/aggregate/index.ts";
import { historieWarnings, reportingYearWarnings } from "../../src/validate/consistency.ts";
import { baseTables, check } from "../fixtures/make-fixtures.ts";

describe("historie against the records", () => {
  it("a published total that differs from the records is a warning naming both figures and the source", () => {
    const historie = [...baseTables()["historie.csv"], ["2021", "meldingen_vpoo", "5", "Jaarverslag 2021, tabel 1"]];
    const r = check({ tables: { "historie.csv": historie } });
    expect(r.problems).toEqual([]);
    expect(r.dataset).not.toBeNull();
    expect(r.warnings).toEqual([
      {
        bestand: "historie.csv",
        regel: null,
        kolom: "waarde",
        waarde: "5",
        melding:
          "meldingen_vpoo 2021: gepubliceerd 5 (Jaarverslag 2021, tabel 1), de registratie telt 2 volgens de telregel; het verslag gebruikt 2" +
          "; het gepubliceerde cijfer past bij geen telling van de registratie, dus de controle kan er niet mee rekenen (een lezer kent het wel: controleer de bron)",
      },
    ]);
  });

  it("no warning where they agree, or where the records do not cover the year", () => {
    const historie = [
      ...baseTables()["historie.csv"],
      ["2021", "meldingen_vpoo", "2", "x"],
      ["2021", "klachten", "2", "y"],
      ["2021", "meldingen_vpi", "1", "z"],
    ];
    expect(check({ tables: { "historie.csv": historie } }).warnings).toEqual([]);
  });

  it("names the sheet when historie comes from a workbook", () => {
    const d = check({ tables: { "historie.csv": [...baseTables()["historie.csv"], ["2020", "klachten", "3", "b"]] } }).dataset!;
    expect(historieWarnings(d, "registratie.xlsx, tabblad historie")[0]).toMatchObject({
      bestand: "registratie.xlsx, tabblad historie",
      melding: expect.stringMatching(/^klachten 2020: gepubliceerd 3 \(b\), de registratie telt 0/),
    });
  });
});

describe("rows after the reporting year", () => {
  const d = check().dataset!;

  it("are named per table (meldingen and klachten by id), as warnings", () => {
    expect(reportingYearWarnings(d, 2020)).toEqual([
      {
        bestand: "meldingen.csv",
        regel: null,
        kolom: "datum",
        waarde: null,
        melding: "3 meldingen van na 2020 (M2021-01, M2021-02, M2021-03) tellen niet mee in het verslag over 2020; klopt het jaartal?",
      },
      {
        bestand: "klachten.csv",
        regel: null,
        kolom: "datum",
        waarde: null,
        melding: "2 klachten van na 2020 (K2021-01, K2021-02) tellen niet mee in het verslag over 2020; klopt het jaartal?",
      },
      {
        bestand: "activiteiten.csv",
        regel: null,
        kolom: "jaar",
        waarde: null,
        melding: "1 regel van 2021 telt niet mee in het verslag over 2020",
      },
    ]);
  });

  it("there are none for the last year of the registration; earlier years are the report's comparison", () => {
    expect(reportingYearWarnings(d, 2021)).toEqual([]);
    expect(reportingYearWarnings(d, 2030)).toEqual([]);
  });

  it("a single one is in the singular, and a long list is shortened", () => {
    const one = reportingYearWarnings(
      { ...d, meldingen: d.meldingen.filter((m) => m.id === "M2021-03"), klachten: [], activiteiten: [] },
      2020,
    );
    expect(one.map((w) => w.melding)).toEqual([
      "1 melding van na 2020 (M2021-03) telt niet mee in het verslag over 2020; klopt het jaartal?",
    ]);
    const many = Array.from({ length: 12 }, (_, i) => ({ ...d.meldingen[0]!, id: `M${i}` }));
    expect(
      reportingYearWarnings({ meldingen: many, klachten: [], activiteiten: [] }, 2020, {
        meldingen: "registratie.xlsx, tabblad meldingen",
      })[0],
    ).toMatchObject({
      bestand: "registratie.xlsx, tabblad meldingen",
      melding: expect.stringContaining("(M0, M1, M2, M3, M4, M5, M6, M7, M8, M9 en nog 2)"),
    });
  });
});

describe("hours by activity and hours by counsellor group", () => {
  it("are two groupings of the same rows: per year both add up to the meldingen hours plus the activity rows", () => {
    const d = check().dataset!;
    const agg = aggregate(d, 2021);
    for (const jaar of [2020, 2021]) {
      const cells = agg.urenCellen.filter((c) => c.jaar === jaar);
      const byActivity = new Map<string, number>();
      const byGroup = new Map<string, number>();
      for (const c of cells) {
        byActivity.set(c.activiteit, (byActivity.get(c.activiteit) ?? 0) + c.uren);
        byGroup.set(c.vpgroep, (byGroup.get(c.vpgroep) ?? 0) + c.uren);
      }
      const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
      const oo = (code: string) => d.vertrouwenspersonen.find((v) => v.code === code)!.regeling === "ongewenste-omgangsvormen";
      const expected =
        d.meldingen.filter((m) => m.datum.jaar === jaar && m.regeling === "ongewenste-omgangsvormen").reduce((s, m) => s + m.uren, 0) +
        d.activiteiten.filter((a) => a.jaar === jaar && oo(a.vertrouwenspersoon)).reduce((s, a) => s + a.uren, 0);
      expect(sum(byActivity)).toBeCloseTo(expected, 9);
      expect(sum(byGroup)).toBeCloseTo(expected, 9);
    }
  });
});
