// Figures of earlier reports named in the reader's words (present/figure-label.ts): the labels
// below are written out by hand from the report's table titles and the vocabulary.
import { describe, expect, it } from "vitest";
import type { Term } from "../../src/domain.ts";
import { figureLabel, reportLabel } from "../../src/present/figure-label.ts";

const term = (soort: Term["soort"], code: string, label: string, extra: Partial<Term> = {}): Term => ({
  soort,
  code,
  label,
  geldigVan: 2011,
  geldigTot: null,
  eerdereLabels: [],
  groep: null,
  teltMee: true,
  ...extra,
});
const VOCAB: Term[] = [
  term("aard", "corona-gerelateerd", "Corona-gerelateerde gesprekken", { teltMee: false }),
  term("aard", "pesten", "Pesten", { eerdereLabels: [{ totJaar: 2018, label: "Pesterijen" }] }),
  term("interventie", "hart-luchten", "Hart luchten"),
];

describe("figureLabel", () => {
  it("a pooled aard figure: the measure, the category as the table prints it, and the span", () => {
    expect(figureLabel("meldingen", { jaar: ["2018", "2019", "2020"], aard: ["corona-gerelateerd"] }, VOCAB)).toBe(
      "Meldingen naar aard, Corona-gerelateerde gesprekken (telt niet mee), 2018–2020 samen",
    );
  });
  it("the label of the figure's year, after a rename", () => {
    expect(figureLabel("meldingen", { jaar: ["2018"], aard: ["pesten"] }, VOCAB)).toBe("Meldingen naar aard, Pesterijen, 2018");
    expect(figureLabel("meldingen", { jaar: ["2020"], aard: ["pesten"] }, VOCAB)).toBe("Meldingen naar aard, Pesten, 2020");
  });
  it("herkomst, counsellor group, hours, klachten, lists and the VPI", () => {
    expect(figureLabel("meldingen", { jaar: ["2020"], herkomst: ["extern"] }, VOCAB)).toBe(
      "Meldingen naar herkomst van de melder, Extern, 2020",
    );
    expect(figureLabel("uren", { jaar: ["2020"], vpgroep: ["ambtelijk"] }, VOCAB)).toBe(
      "Tijdsbesteding (uren) naar groep vertrouwenspersonen, Vanuit de ambtelijke organisatie, 2020",
    );
    expect(figureLabel("klachten", { jaar: ["2019"] }, VOCAB)).toBe("Klachten bij de klachtencommissie, 2019");
    expect(figureLabel("interventies", { jaar: ["2020"], code: ["hart-luchten"] }, VOCAB)).toBe("Interventies, Hart luchten, 2020");
    expect(figureLabel("vpi", { jaar: ["2021"], aard: ["integriteitskwestie", "fraude"] }, VOCAB)).toBe(
      "Meldingen en adviesvragen bij de vertrouwenspersoon integriteit naar aard, Meldingen van een vermoeden van een misstand, 2021",
    );
    expect(figureLabel("meldingen", { jaar: ["2018-01..2019-11"] }, VOCAB)).toBe("Meldingen, 2018 t/m november 2019");
  });
  it("never the register's internal words", () => {
    const label = figureLabel("meldingen", { jaar: ["2019", "2020", "2021"], aard: ["corona-gerelateerd"], herkomst: ["fractie"] }, VOCAB);
    expect(label).not.toMatch(/aard:|herkomst:|corona-gerelateerd|fractie\b/);
  });
});

describe("reportLabel", () => {
  it("names the document, the audience, the period and the version", () => {
    expect(reportLabel("jaarverslag-vpoo-2020-openbaar")).toBe(
      "het openbare jaarverslag van de vertrouwenspersonen ongewenste omgangsvormen over 2020",
    );
    expect(reportLabel("jaarverslag-vpi-2021-vertrouwelijk (versie 2)")).toBe(
      "het vertrouwelijke jaarverslag van de vertrouwenspersoon integriteit over 2021 (versie 2)",
    );
    expect(reportLabel("iets-anders")).toBe("iets-anders");
  });
});
