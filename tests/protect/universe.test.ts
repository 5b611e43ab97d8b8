import fc from "fast-check";
import { fcParams } from "../helpers/fast-check.ts";
import { describe, expect, it } from "vitest";
import { expandScope, indexUniverses, scopeKey, type Scope, type UniverseSpec } from "../../src/protect/universe.ts";

const universes: UniverseSpec[] = [
  {
    id: "meldingen",
    integer: true,
    dimensions: [
      { name: "jaar", categories: ["2019", "2020"] },
      { name: "aard", categories: ["a", "b", "c"] },
      { name: "herkomst", categories: ["fractie", "ambtelijk"] },
    ],
  },
  {
    id: "uren",
    integer: false,
    dimensions: [
      { name: "jaar", categories: ["2019", "2020"] },
      { name: "activiteit", categories: ["x", "y"] },
    ],
  },
  { id: "klachten", integer: true, dimensions: [{ name: "jaar", categories: ["2019", "2020"] }] },
];
const index = indexUniverses(universes);
const expand = (u: UniverseSpec["id"], s: Scope) => expandScope(universes, index, u, s);

/** Every inner cell of meldingen with its categories, in row-major order. */
const inner = (["2019", "2020"] as const).flatMap((jaar) =>
  ["a", "b", "c"].flatMap((aard) => ["fractie", "ambtelijk"].map((herkomst) => ({ jaar, aard, herkomst }))),
);

describe("indexUniverses", () => {
  it("legt de universa na elkaar in één variabelenruimte", () => {
    expect(index.size).toBe(12 + 4 + 2);
    expect([...index.offsets.entries()]).toEqual([
      ["meldingen", 0],
      ["uren", 12],
      ["klachten", 16],
    ]);
    expect(index.integer.filter((x) => !x)).toHaveLength(4);
    expect(index.integer.slice(12, 16)).toEqual([false, false, false, false]);
  });
});

describe("expandScope", () => {
  it("een weggelaten dimensie betekent: alle categorieën", () => {
    expect(expand("meldingen", {})).toEqual([...Array(12).keys()]);
    expect(expand("meldingen", { jaar: ["2020"] })).toEqual([6, 7, 8, 9, 10, 11]);
    expect(expand("meldingen", { aard: ["b"] })).toEqual([2, 3, 8, 9]);
  });

  it("kiest de juiste cellen, ongeacht de volgorde van de categorieën", () => {
    expect(expand("meldingen", { jaar: ["2019"], aard: ["c", "a"], herkomst: ["ambtelijk"] })).toEqual([1, 5]);
    expect(expand("meldingen", { aard: ["c", "a"] })).toEqual(expand("meldingen", { aard: ["a", "c"] }));
  });

  it("verschuift met de offset van het universum", () => {
    expect(expand("uren", { activiteit: ["y"] })).toEqual([13, 15]);
    expect(expand("klachten", { jaar: ["2020"] })).toEqual([17]);
  });

  it("een onbekende categorie kiest niets; een onbekende dimensie of universum is een fout", () => {
    expect(expand("meldingen", { aard: ["onbekend"] })).toEqual([]);
    expect(() => expand("meldingen", { activiteit: ["x"] })).toThrow(/onbekende dimensie activiteit/);
    expect(() => expandScope(universes.slice(1), indexUniverses(universes.slice(1)), "meldingen", {})).toThrow(/onbekend universum/);
  });

  it("is gelijk aan het filteren van alle binnencellen (willekeurige scopes)", () => {
    const subset = (cats: string[]) => fc.option(fc.subarray(cats), { nil: undefined });
    fc.assert(
      fc.property(subset(["2019", "2020"]), subset(["a", "b", "c", "zz"]), subset(["fractie", "ambtelijk"]), (jaar, aard, herkomst) => {
        const scope: Scope = {};
        if (jaar) scope["jaar"] = jaar;
        if (aard) scope["aard"] = aard;
        if (herkomst) scope["herkomst"] = herkomst;
        const expected = inner.flatMap((c, i) =>
          (!jaar || jaar.includes(c.jaar)) && (!aard || aard.includes(c.aard)) && (!herkomst || herkomst.includes(c.herkomst)) ? [i] : [],
        );
        expect(expand("meldingen", scope)).toEqual(expected);
      }),
      fcParams(200),
    );
  });
});

describe("scopeKey", () => {
  it("hangt niet af van de volgorde van dimensies of categorieën", () => {
    const a = scopeKey("meldingen", { jaar: ["2020"], aard: ["pesten", "roddelen"], herkomst: ["fractie"] });
    const b = scopeKey("meldingen", { herkomst: ["fractie"], aard: ["roddelen", "pesten"], jaar: ["2020"] });
    expect(a).toBe(b);
    expect(a).toBe("meldingen:aard=pesten+roddelen;herkomst=fractie;jaar=2020");
  });

  it("onderscheidt universum, categorieën en een weggelaten dimensie", () => {
    const base = scopeKey("meldingen", { jaar: ["2020"] });
    expect(scopeKey("klachten", { jaar: ["2020"] })).not.toBe(base);
    expect(scopeKey("meldingen", { jaar: ["2019"] })).not.toBe(base);
    expect(scopeKey("meldingen", { jaar: ["2020"], aard: ["pesten"] })).not.toBe(base);
    expect(scopeKey("meldingen", {})).toBe("meldingen:");
  });

  it("verandert de scope niet", () => {
    const scope = { aard: ["roddelen", "pesten"] };
    scopeKey("meldingen", scope);
    expect(scope.aard).toEqual(["roddelen", "pesten"]);
  });

  it("gelijke sleutel ⇒ dezelfde binnencellen (willekeurige permutaties)", () => {
    fc.assert(
      fc.property(
        fc.subarray(["a", "b", "c"], { minLength: 1 }),
        fc.subarray(["2019", "2020"], { minLength: 1 }),
        fc.boolean(),
        (aard, jaar, flip) => {
          const s1: Scope = flip ? { aard, jaar } : { jaar, aard };
          const s2: Scope = { jaar: [...jaar].reverse(), aard: [...aard].reverse() };
          expect(scopeKey("meldingen", s1)).toBe(scopeKey("meldingen", s2));
          expect(expand("meldingen", s1)).toEqual(expand("meldingen", s2));
        },
      ),
      fcParams(100),
    );
  });
});
