import { describe, expect, it } from "vitest";
import { OVERIGE, recodeCategories } from "../../src/protect/recode.ts";
import { VOCABULAIRE } from "../fixtures/dataset.ts";

const label = (code: string) => VOCABULAIRE.find((t) => t.soort === "aard" && t.code === code)?.label ?? code;

/** Counts per code in two columns (last year, this year). */
function recode(table: Record<string, [number, number]>, k: number, protectZeros = false) {
  const codes = Object.keys(table);
  const counts = (cs: string[]) => [0, 1].map((i) => cs.reduce((s, c) => s + (table[c]?.[i] ?? 0), 0));
  return recodeCategories(codes, VOCABULAIRE, label, counts, k, protectZeros).map((r) => ({ key: r.key, codes: r.codes, label: r.label }));
}

describe("recodeCategories", () => {
  const table: Record<string, [number, number]> = {
    pesten: [6, 3],
    roddelen: [0, 3],
    intimidatie: [5, 5],
    discriminatie: [5, 6],
    "niet-gehoord-leidinggevende": [2, 1],
    "onveilig-voelen": [1, 2],
    integriteitskwestie: [2, 1],
    adviesvraag: [1, 3],
  };

  it("k = 5: kleine categorieën gaan op in hun groep, een nog te kleine groep in Overige, veilige blijven staan", () => {
    expect(recode(table, 5)).toEqual([
      { key: "pesten-en-roddelen", codes: ["pesten", "roddelen"], label: "Pesten en roddelen" },
      { key: "intimidatie", codes: ["intimidatie"], label: "Intimidatie" },
      { key: "discriminatie", codes: ["discriminatie"], label: "Discriminatie" },
      { key: OVERIGE, codes: ["niet-gehoord-leidinggevende", "onveilig-voelen", "integriteitskwestie", "adviesvraag"], label: "Overige" },
    ]);
  });

  it("k = 3: minder samenvoegen; de groepen werkrelatie (3 en 3) en advies (3 en 4) zijn dan groot genoeg", () => {
    expect(recode(table, 3)).toEqual([
      { key: "pesten", codes: ["pesten"], label: "Pesten" },
      { key: "roddelen", codes: ["roddelen"], label: "Roddelen/leugens verspreiden" },
      { key: "intimidatie", codes: ["intimidatie"], label: "Intimidatie" },
      { key: "discriminatie", codes: ["discriminatie"], label: "Discriminatie" },
      { key: "werkrelatie", codes: ["niet-gehoord-leidinggevende", "onveilig-voelen"], label: "Werkrelatie en veiligheid" },
      { key: "advies-en-integriteit", codes: ["integriteitskwestie", "adviesvraag"], label: "Adviesvraag of integriteitskwestie" },
    ]);
  });

  it("een veilige categorie in een groep met een kleine gaat mee op in de groep", () => {
    expect(recode({ intimidatie: [7, 8], discriminatie: [1, 0] }, 5)).toEqual([
      { key: "grensoverschrijdend-gedrag", codes: ["intimidatie", "discriminatie"], label: "Intimidatie, agressie en discriminatie" },
    ]);
  });

  it("laat alles staan als niets klein is", () => {
    const rows = recode({ pesten: [5, 9], roddelen: [6, 5], adviesvraag: [10, 12] }, 5);
    expect(rows.map((r) => r.key)).toEqual(["pesten", "roddelen", "adviesvraag"]);
    expect(rows.every((r) => r.codes.length === 1)).toBe(true);
  });

  it("nullen zijn veilig, tenzij nullen beschermd worden", () => {
    expect(recode({ pesten: [6, 0], intimidatie: [5, 5] }, 5).map((r) => r.key)).toEqual(["pesten", "intimidatie"]);
    expect(recode({ pesten: [6, 0], intimidatie: [5, 5] }, 5, true).map((r) => r.key)).toEqual(["intimidatie", OVERIGE]);
  });

  it("een code zonder groep die klein is, gaat naar Overige; Overige komt als laatste", () => {
    const rows = recode({ "eigen-code": [1, 0], pesten: [8, 8], intimidatie: [2, 1], discriminatie: [1, 1] }, 5);
    expect(rows.map((r) => [r.key, r.codes])).toEqual([
      ["pesten", ["pesten"]],
      [OVERIGE, ["eigen-code", "intimidatie", "discriminatie"]],
    ]);
  });

  it("elke code komt in precies één rij terecht", () => {
    for (const k of [3, 5]) {
      const rows = recode(table, k);
      expect(rows.flatMap((r) => r.codes).sort()).toEqual(Object.keys(table).sort());
    }
  });
});
