// Mechanism 4 of issue 11: Appendix B printed "de registratie telt 1" for a year the VPI
// report hides, internal words, and figures from after the report's date. It may print only
// published figures, and only those known at the report's date.
import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/aggregate/index.ts";
import type { PeriodeId } from "../../src/domain/periods.ts";
import type { Dataset } from "../../src/domain.ts";
import { present } from "../../src/present/index.ts";
import type { Block, Section } from "../../src/present/model.ts";
import { describe as describeTables } from "../../src/protect/describe.ts";
import { protect } from "../../src/protect/index.ts";
import { historieWarnings } from "../../src/validate/consistency.ts";
import { dataset, INSTELLINGEN, melding } from "../fixtures/dataset.ts";

const text = (b: Block): string =>
  b.type === "paragraph" ? b.text : b.type === "markdown" ? b.html : b.type === "list" ? b.items.join("\n") : "";

async function appendix(d: Dataset, jaar: PeriodeId) {
  const agg = aggregate(d, jaar);
  const description = describeTables(agg, d, { audience: "openbaar", k: 5 });
  const protectedReport = await protect(description, { k: 5, protectZeros: false, dominance: 0.85, pProcent: 15 }, []);
  const { model, figures } = present({ d, agg, protectedReport, audience: "openbaar", k: 5, warnings: historieWarnings(d) });
  const section = model.sections.find((s: Section) => s.id === "verantwoording")!;
  return { text: section.blocks.map(text).join("\n"), figures };
}

// 2018: 6 counted meldingen (historie says 10); 2019: 7 (historie 21); 2020: 5. One VPI melding
// in 2019, which the Sociaal Jaarverslag 2020 published as 0.
const d = dataset({
  meldingen: [
    ...Array.from({ length: 6 }, (_, i) => melding({ jaar: 2018, maand: 1 + i, herkomst: i % 2 ? "fractie" : "ambtelijk" })),
    ...Array.from({ length: 7 }, (_, i) => melding({ jaar: 2019, maand: 1 + i, herkomst: i % 2 ? "fractie" : "ambtelijk" })),
    ...Array.from({ length: 5 }, (_, i) => melding({ jaar: 2020, maand: 1 + i, herkomst: i % 2 ? "fractie" : "ambtelijk" })),
    melding({ jaar: 2019, regeling: "integriteit", aard: "integriteitskwestie", vertrouwenspersonen: ["VP-I1"] }),
  ],
  historie: [
    { jaar: 2018, reeks: "meldingen_vpoo", waarde: 10, bron: "Jaarverslag VPOO 2018" },
    { jaar: 2019, reeks: "meldingen_vpoo", waarde: 21, bron: "Jaarverslag VPOO 2019" },
    { jaar: 2020, reeks: "meldingen_vpoo", waarde: 18, bron: "Jaarverslag VPOO 2020" },
    { jaar: 2019, reeks: "meldingen_vpi", waarde: 0, bron: "Sociaal Jaarverslag 2020, §14" },
  ],
});

describe("bijlage B: verantwoording", () => {
  it("de waarschuwingen noemen tellingen van de registratie (voor de console) — de bijlage niet", async () => {
    expect(
      historieWarnings(d)
        .map((w) => w.melding)
        .join("\n"),
    ).toContain("de registratie telt 1");
    const { text: t } = await appendix(d, 2019);
    expect(t).not.toMatch(/registratie telt/);
    expect(t).not.toMatch(/meldingen_vpoo|meldingen_vpi|lineaire programmering/);
    // 6 and 7 are counts of the registration, 1 the hidden VPI count: none is printed here.
    for (const n of ["6", "7", " 1 "]) expect(t).not.toContain(`: ${n.trim()} (`);
  });

  it("noemt alleen gepubliceerde cijfers van vóór de datum van het verslag, elk als cijfer in figures.json", async () => {
    const { text: t, figures } = await appendix(d, 2019);
    expect(t).toContain("Meldingen ongewenste omgangsvormen 2018: 10 (Jaarverslag VPOO 2018)");
    expect(t).toContain("Meldingen ongewenste omgangsvormen 2019: 21 (Jaarverslag VPOO 2019)");
    // 2020 figures, and a source of 2020, were not known when the 2019 report was written.
    expect(t).not.toContain("2020");
    const printed = figures.figures.filter((f) => f.table === "Bijlage: verantwoording van de cijfers").map((f) => [f.column, f.value]);
    expect(printed).toEqual([
      ["2018", 10],
      ["2019", 21],
    ]);
  });

  it("het verslag over 2018 noemt geen later cijfer", async () => {
    const { text: t } = await appendix(d, 2018);
    expect(t).toContain("2018: 10");
    expect(t).not.toMatch(/2019|2020/);
  });

  it("een periodeverslag (2018 t/m november 2019) noemt het jaartotaal 2019 niet: dat jaar was nog niet om", async () => {
    const periods = { ...d, instellingen: { ...INSTELLINGEN, perioden: [{ van: "2018-01", tot: "2019-11" }] } };
    const { text: t } = await appendix(periods, "2018-01..2019-11");
    expect(t).toContain("2018: 10");
    expect(t).not.toContain("2019: 21");
  });
});
