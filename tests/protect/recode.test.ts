import { describe, expect, it } from "vitest";
import { aardGroups, modesOf, OVERIGE, recodeRows, type GroupMode } from "../../src/protect/recode.ts";
import { VOCABULAIRE } from "../fixtures/dataset.ts";

const label = (code: string) => VOCABULAIRE.find((t) => t.soort === "aard" && t.code === code)?.label ?? code;
const rows = (codes: string[], modes: Record<string, GroupMode>) =>
  recodeRows(aardGroups(codes, VOCABULAIRE), new Map(Object.entries(modes)), label).map((r) => [r.key, r.codes, r.level]);

describe("recodeRows: één modus per groep uit de woordenlijst", () => {
  const codes = ["pesten", "roddelen", "intimidatie", "discriminatie", "niet-gehoord-leidinggevende", "onveilig-voelen"];

  it("groepen in de volgorde van de woordenlijst, met hun leden", () => {
    expect(aardGroups(codes, VOCABULAIRE).map((g) => [g.key, g.members])).toEqual([
      ["pesten-en-roddelen", ["pesten", "roddelen"]],
      ["grensoverschrijdend-gedrag", ["intimidatie", "discriminatie"]],
      ["werkrelatie", ["niet-gehoord-leidinggevende", "onveilig-voelen"]],
    ]);
  });

  it("apart, groep en overige naast elkaar; Overige komt als laatste", () => {
    expect(rows(codes, { "pesten-en-roddelen": "overige", "grensoverschrijdend-gedrag": "groep" })).toEqual([
      ["grensoverschrijdend-gedrag", ["intimidatie", "discriminatie"], "groep"],
      ["niet-gehoord-leidinggevende", ["niet-gehoord-leidinggevende"], "categorie"],
      ["onveilig-voelen", ["onveilig-voelen"], "categorie"],
      [OVERIGE, ["pesten", "roddelen"], "overige"],
    ]);
  });

  it("een code zonder groep is een groep van één: apart of overige, nooit een eigen groepsrij", () => {
    const groups = aardGroups(["eigen-code", "pesten"], VOCABULAIRE);
    expect(groups.map((g) => [g.key, modesOf(g)])).toEqual([
      ["eigen-code", ["apart", "overige"]],
      ["pesten-en-roddelen", ["apart", "overige"]],
    ]);
    expect(rows(["eigen-code", "pesten"], { "eigen-code": "overige" })).toEqual([
      ["pesten", ["pesten"], "categorie"],
      [OVERIGE, ["eigen-code"], "overige"],
    ]);
  });

  it("elke code komt in precies één rij terecht, welke modi ook", () => {
    for (const m of ["apart", "groep", "overige"] as const) {
      const r = rows(codes, { "pesten-en-roddelen": m, "grensoverschrijdend-gedrag": m, werkrelatie: m });
      expect(r.flatMap((x) => x[1] as string[]).sort()).toEqual([...codes].sort());
    }
  });
});
