import { describe, expect, it } from "vitest";
import { countedMeldingen, countingRuleText, countsInTotal, recordYears } from "../../src/domain/counting.ts";
import { aggregate } from "../../src/aggregate/index.ts";
import type { Aggregates } from "../../src/aggregate/types.ts";
import { activiteiten, dataset, HISTORIE, melding } from "../fixtures/dataset.ts";

const sum = (xs: number[]) => Math.round(10 * xs.reduce((s, x) => s + x, 0)) / 10;
const serie = (agg: Aggregates) => agg.meldingenSerie.map((s) => [s.jaar, s.waarde, s.bron]);

describe("telregel", () => {
  const d = dataset({
    meldingen: [
      melding({ jaar: 2020, aard: "pesten" }),
      melding({ jaar: 2020, aard: "pesten" }),
      melding({ jaar: 2020, aard: "adviesvraag" }),
      melding({ jaar: 2020, aard: "corona-gerelateerd" }),
      melding({ jaar: 2020, aard: "corona-gerelateerd" }),
      melding({ jaar: 2020, regeling: "integriteit", aard: "adviesvraag", vertrouwenspersonen: ["VP-I1"] }),
      melding({ jaar: 2020, regeling: "integriteit", aard: "integriteitskwestie", vertrouwenspersonen: ["VP-I1"] }),
    ],
  });

  it("laat een aard met telt_mee nee buiten het totaal", () => {
    expect(
      countedMeldingen(d, 2020, "ongewenste-omgangsvormen")
        .map((m) => m.aard)
        .sort(),
    ).toEqual(["adviesvraag", "pesten", "pesten"]);
    const agg = aggregate(d, 2020);
    expect(agg.meldingenSerie).toEqual([{ jaar: 2020, waarde: 3, bron: "registratie" }]);
    // Registered (for hours per melding) still includes them.
    expect(agg.geregistreerd).toEqual([{ jaar: 2020, n: 5 }]);
  });

  it("een adviesvraag is bij de vertrouwenspersoon integriteit geen melding, bij ongewenste omgangsvormen wel", () => {
    const vpi = d.meldingen.filter((m) => m.regeling === "integriteit");
    expect(
      countsInTotal(
        d,
        vpi.find((m) => m.aard === "adviesvraag")!,
      ),
    ).toBe(false);
    expect(
      countsInTotal(
        d,
        vpi.find((m) => m.aard === "integriteitskwestie")!,
      ),
    ).toBe(true);
    expect(
      countsInTotal(
        d,
        d.meldingen.find((m) => m.regeling === "ongewenste-omgangsvormen" && m.aard === "adviesvraag")!,
      ),
    ).toBe(true);
    const agg = aggregate(d, 2020);
    expect(agg.vpi).toEqual([{ jaar: 2020, meldingen: 1, adviesvragen: 1 }]);
    expect(agg.vpiSerie).toEqual([{ jaar: 2020, waarde: 1, bron: "registratie" }]);
  });

  it("integriteitsmeldingen komen niet in de cellen van ongewenste omgangsvormen", () => {
    const agg = aggregate(d, 2020);
    expect(sum(agg.meldingCellen.map((c) => c.n))).toBe(5);
    expect(agg.urenCellen.some((c) => c.vertrouwenspersoon === "VP-I1")).toBe(false);
  });

  it("noemt de uitgesloten categorie in de telregel, alleen in de jaren dat ze geldt", () => {
    expect(countingRuleText(d, 2020)).toContain('"Corona: thuiswerken, eenzaamheid, niet verbonden voelen"');
    expect(countingRuleText(d, 2019)).toBe("Alle geregistreerde meldingen tellen mee in het totaal.");
  });
});

describe("gezamenlijke afhandeling", () => {
  it("verdeelt de uren gelijk over de vertrouwenspersonen, elk in de eigen groep", () => {
    const d = dataset({
      meldingen: [
        melding({ jaar: 2020, uren: 3, vertrouwenspersonen: ["VP-A1", "VP-F1"] }),
        melding({ jaar: 2020, uren: 4.5, vertrouwenspersonen: ["VP-F2", "VP-A1", "VP-E1"] }),
        melding({ jaar: 2020, uren: 2, vertrouwenspersonen: ["VP-A1"] }),
      ],
    });
    const agg = aggregate(d, 2020);
    const af = agg.urenCellen.filter((c) => c.activiteit === "afhandeling");
    const of = (vp: string) => af.find((c) => c.vertrouwenspersoon === vp);
    expect(of("VP-A1")).toMatchObject({ vpgroep: "ambtelijk", uren: 1.5 + 1.5 + 2 });
    expect(of("VP-F1")).toMatchObject({ vpgroep: "fractie", uren: 1.5 });
    expect(of("VP-F2")).toMatchObject({ vpgroep: "fractie", uren: 1.5 });
    expect(of("VP-E1")).toMatchObject({ vpgroep: "extern", uren: 1.5 });
    // Nothing lost or counted twice.
    expect(sum(af.map((c) => c.uren))).toBe(9.5);
    // The melding itself is counted once, for the group of the VP who received it.
    expect(agg.meldingCellen.map((c) => [c.vpgroep, c.n])).toEqual([
      ["ambtelijk", 2],
      ["fractie", 1],
    ]);
  });

  it("telt activiteiten per vertrouwenspersoon, zonder die van de VPI of van latere jaren", () => {
    const d = dataset({
      meldingen: [melding({ jaar: 2020 })],
      activiteiten: [
        ...activiteiten(2020),
        ...activiteiten(2021),
        { jaar: 2020, vertrouwenspersoon: "VP-I1", activiteit: "training", uren: 99 },
      ],
    });
    const agg = aggregate(d, 2020);
    expect(agg.urenCellen.every((c) => c.jaar === 2020)).toBe(true);
    expect(sum(agg.urenCellen.filter((c) => c.activiteit === "training").map((c) => c.uren))).toBe(40);
  });
});

describe("meldingCellen", () => {
  const d = dataset({
    meldingen: [
      melding({ jaar: 2019, aard: "pesten", herkomst: "fractie", status: "in-behandeling", vertrouwenspersonen: ["VP-F1"] }),
      melding({ jaar: 2019, aard: "pesten", herkomst: "fractie", status: "in-behandeling", vertrouwenspersonen: ["VP-F2"] }),
      melding({ jaar: 2019, aard: "pesten", herkomst: "ambtelijk", status: "in-behandeling", vertrouwenspersonen: ["VP-F2"] }),
      melding({ jaar: 2020, aard: "intimidatie", herkomst: "extern", status: "afgerond-onbekend", vertrouwenspersonen: ["VP-E1"] }),
      melding({ jaar: 2020, aard: "corona-gerelateerd" }),
      melding({ jaar: 2021, aard: "pesten" }),
    ],
  });

  it("telt per jaar, aard, herkomst, status en groep, en de cellen tellen op tot alle meldingen", () => {
    const agg = aggregate(d, 2020);
    expect(agg.meldingCellen).toContainEqual({
      jaar: 2019,
      aard: "pesten",
      herkomst: "fractie",
      status: "in-behandeling",
      vpgroep: "fractie",
      n: 2,
    });
    expect(agg.meldingCellen).toContainEqual({
      jaar: 2019,
      aard: "pesten",
      herkomst: "ambtelijk",
      status: "in-behandeling",
      vpgroep: "fractie",
      n: 1,
    });
    for (const y of [2019, 2020]) {
      const cells = agg.meldingCellen.filter((c) => c.jaar === y);
      expect(sum(cells.map((c) => c.n))).toBe(d.meldingen.filter((m) => m.datum.jaar === y).length);
    }
    expect(agg.meldingCellen.every((c) => c.n > 0)).toBe(true);
  });

  it("neemt geen meldingen na het verslagjaar mee", () => {
    const agg = aggregate(d, 2020);
    expect(agg.meldingCellen.some((c) => c.jaar === 2021)).toBe(false);
    expect(agg.recordYears).toEqual([2019, 2020]);
    expect(aggregate(d, 2019).meldingCellen.every((c) => c.jaar === 2019)).toBe(true);
  });
});

describe("meldingenSerie", () => {
  it("gebruikt historie alleen vóór het eerste registratiejaar; daarna wint de registratie", () => {
    const d = dataset({
      meldingen: [melding({ jaar: 2019 }), melding({ jaar: 2019 }), melding({ jaar: 2020 })],
      historie: [
        ...HISTORIE,
        { jaar: 2019, reeks: "meldingen_vpoo", waarde: 21, bron: "Jaarverslag 2019" },
        { jaar: 2020, reeks: "meldingen_vpoo", waarde: 18, bron: "Jaarverslag 2020" },
        { jaar: 2015, reeks: "klachten", waarde: 2, bron: "Jaarverslag 2015" },
      ],
    });
    const agg = aggregate(d, 2020);
    expect(serie(agg)).toEqual([
      [2016, 9, "Jaarverslag 2016"],
      [2017, 13, "Jaarverslag 2017"],
      [2018, 10, "Jaarverslag 2018"],
      [2019, 2, "registratie"],
      [2020, 1, "registratie"],
    ]);
    // Another reeks does not leak into this one.
    expect(agg.klachtenSerie.map((s) => s.jaar)).toEqual([2015, 2019, 2020]);
  });

  it("een registratiejaar zonder meldingen van ongewenste omgangsvormen telt als 0, niet als historie", () => {
    const d = dataset({
      meldingen: [
        melding({ jaar: 2018, regeling: "integriteit", aard: "integriteitskwestie", vertrouwenspersonen: ["VP-I1"] }),
        melding({ jaar: 2019 }),
      ],
      historie: HISTORIE,
    });
    expect(recordYears(d)).toEqual([2018, 2019]);
    expect(serie(aggregate(d, 2019))).toEqual([
      [2016, 9, "Jaarverslag 2016"],
      [2017, 13, "Jaarverslag 2017"],
      [2018, 0, "registratie"],
      [2019, 1, "registratie"],
    ]);
  });
});

describe("team", () => {
  it("telt actieve vertrouwenspersonen per groep en wie een melding ontving (de eerste genoemde)", () => {
    const d = dataset({
      meldingen: [
        melding({ jaar: 2020, vertrouwenspersonen: ["VP-A1", "VP-F1"] }),
        melding({ jaar: 2020, vertrouwenspersonen: ["VP-F2"] }),
        melding({ jaar: 2021, vertrouwenspersonen: ["VP-E1"] }),
      ],
    });
    const agg = aggregate(d, 2021);
    const t = (jaar: number, groep: string) => agg.team.find((x) => x.jaar === jaar && x.groep === groep);
    expect(t(2020, "fractie")).toEqual({ jaar: 2020, groep: "fractie", aantal: 3, metMelding: 1 });
    // The VPI is ambtelijk but not part of this team.
    expect(t(2020, "ambtelijk")).toEqual({ jaar: 2020, groep: "ambtelijk", aantal: 2, metMelding: 1 });
    expect(t(2020, "extern")).toEqual({ jaar: 2020, groep: "extern", aantal: 1, metMelding: 0 });
    // VP-F3 left at the end of 2020.
    expect(t(2021, "fractie")).toEqual({ jaar: 2021, groep: "fractie", aantal: 2, metMelding: 0 });
    expect(t(2021, "extern")).toEqual({ jaar: 2021, groep: "extern", aantal: 1, metMelding: 1 });
  });
});

describe("een periode zonder meldingen ongewenste omgangsvormen", () => {
  it("geeft lege tabellen in plaats van een fout (alleen integriteitsmeldingen, of een jaar vóór de registratie)", () => {
    const alleenVpi = dataset({
      meldingen: [melding({ jaar: 2020, regeling: "integriteit", aard: "integriteitskwestie", vertrouwenspersonen: ["VP-I1"] })],
    });
    const agg = aggregate(alleenVpi, 2020);
    expect(agg.recordYears).toEqual([2020]);
    expect(agg.meldingCellen).toEqual([]);
    expect(agg.urenCellen.filter((u) => u.activiteit === "afhandeling")).toEqual([]);
    expect(agg.interventies).toEqual([]);
    expect(agg.vpiCellen).toEqual([{ jaar: 2020, aard: "integriteitskwestie", herkomst: "ambtelijk", n: 1 }]);
    expect(agg.vpi).toEqual([{ jaar: 2020, meldingen: 1, adviesvragen: 0 }]);

    const voor = aggregate(dataset({ meldingen: [melding({ jaar: 2021 })] }), 2020);
    expect(voor.recordYears).toEqual([]);
    expect(voor.meldingCellen).toEqual([]);
    expect(voor.vorige).toBeNull();
  });
});
