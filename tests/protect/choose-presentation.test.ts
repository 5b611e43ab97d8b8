// The layout of the aard table is chosen with the suppression. Two tables small enough to
// work by hand, each with the best layout worked out below (k = 5, measure: a category's
// meldingen count 1, a group's ½, "Overige" and x 0; every total 1; and 4 more for each
// melding of the report year, 2021, shown at group level or finer).
import { describe, expect, it } from "vitest";
import type { Term } from "../../src/domain.ts";
import { bestCombinations } from "../../src/protect/choose-presentation.ts";
import { aardTable } from "../../src/protect/describe-aard.ts";
import type { AardTableSource } from "../../src/protect/tables.ts";
import { protect } from "../../src/protect/index.ts";
import type { Description } from "../../src/protect/tables.ts";
import type { Scope } from "../../src/protect/universe.ts";

const term = (code: string, groep: string | null): Term => ({
  soort: "aard",
  code,
  label: code.toUpperCase(),
  geldigVan: 2011,
  geldigTot: null,
  eerdereLabels: [],
  groep,
  teltMee: true,
});
const TERMS = [term("a", "g"), term("b", "g"), term("c", null), term("g", null)];

/** Counts per code in the columns 2020 and 2021. */
function description(values: Record<string, [number, number]>): Description {
  const years = ["2020", "2021"];
  const count = (scope: Scope) =>
    Object.entries(values).reduce(
      (s, [code, v]) =>
        s + (scope["aard"]!.includes(code) ? years.reduce((t, y, i) => t + (scope["jaar"]!.includes(y) ? v[i]! : 0), 0) : 0),
      0,
    );
  const src: AardTableSource = {
    id: "aard",
    title: "Aard",
    columns: years.map((y) => ({ key: y, label: y, jaren: [y] })),
    codes: ["a", "b", "c"],
    apart: [],
    counted: ["a", "b", "c"],
    terms: TERMS,
    labelOf: (c) => c.toUpperCase(),
    count,
  };
  const t = aardTable(src, new Map());
  return {
    universes: [
      {
        id: "meldingen",
        integer: true,
        dimensions: [
          { name: "jaar", categories: years },
          { name: "aard", categories: ["a", "b", "c"] },
        ],
      },
    ],
    tables: [t.table],
    recodings: t.recodings,
    choice: { sources: [src] },
  };
}

const shown = (p: Awaited<ReturnType<typeof protect>>) =>
  p.description.tables[0]!.rows.map((r) => [
    r.label,
    ...["2020", "2021"].map((y) => {
      const c = p.description.tables[0]!.cells.find((x) => x.row === r.key && x.column === y)!;
      return p.suppressed.has(`meldingen:aard=${[...c.scope["aard"]!].sort().join("+")};jaar=${y}`) ? "x" : c.value;
    }),
  ]);

describe("indeling en onderdrukking samen gekozen", () => {
  it("een categorie die in het vorige jaar klein is, blijft apart staan met dat ene cijfer verborgen", async () => {
    // a 1|6, b 9|7, c 12|10 (2021 is the report year). Apart: a 2020 (1) is hidden, and with
    // it the smallest cell of its column, b 2020 (9): figures 6+7+10 + 12 + totals 22+23 = 80,
    // and every 2021 melding is shown per category: + 4·23 = 172. Group g: 10|13 at ½ = 11,5,
    // + c 22 + totals 45 = 78,5, + 4·23 = 170,5. Overige: 67 + 4·10 = 107. Best: apart.
    const p = await protect(description({ a: [1, 6], b: [9, 7], c: [12, 10] }), { k: 5, protectZeros: false, dominance: 0.85 }, []);
    expect(shown(p)).toEqual([
      ["A", "x", 6],
      ["B", "x", 7],
      ["C", 12, 10],
      ["Totaal", 22, 23],
    ]);
    expect(p.informatie).toBe(172);
    expect(p.presentatie!.find((e) => e.gekozen)!.indeling).toEqual({});
  });

  it("een categorie die in het verslagjaar klein is: de groep laat dat jaar helemaal zien", async () => {
    // a 6|1, b 7|9, c 10|12. Apart hides a 2021 (1) and b 2021 (9): 80 + 4·12 (only c of 2021
    // shown) = 128. Group g 13|10: 78,5 + 4·22 = 166,5, nothing hidden. Best: the group.
    const p = await protect(description({ a: [6, 1], b: [7, 9], c: [10, 12] }), { k: 5, protectZeros: false, dominance: 0.85 }, []);
    expect(shown(p)).toEqual([
      ["G", 13, 10],
      ["C", 10, 12],
      ["Totaal", 23, 22],
    ]);
    expect(p.informatie).toBe(166.5);
    expect(p.suppressed.size).toBe(0);
  });

  it("samenvoegen waar dat meer laat zien", async () => {
    // a 3|3, b 3|3, c 10|12. Apart: a and b hidden in both columns (a + b = 6 protects each),
    // measure c 22 + totals 16+18 = 56, + 4·12 (c of 2021) = 104. Group g 6|6 at ½ = 6,
    // nothing hidden: 62 + 4·18 = 134. Overige: 56 + 48 = 104.
    const p = await protect(description({ a: [3, 3], b: [3, 3], c: [10, 12] }), { k: 5, protectZeros: false, dominance: 0.85 }, []);
    expect(shown(p)).toEqual([
      ["G", 6, 6],
      ["C", 10, 12],
      ["Totaal", 16, 18],
    ]);
    expect(p.informatie).toBe(134);
    expect(p.suppressed.size).toBe(0);
    expect(p.description.recodings).toEqual([{ table: "aard", label: "G", members: ["A", "B"] }]);
  });
});

describe("de gezamenlijke schatting: jaartabel en tabel over drie jaar samen", () => {
  // Yearly 2019 | 2020 | 2021 and pooled 2019–2021, k = 5. a 5|5|3, b 0|0|2 (group g), c 10|10|10.
  // Yearly apart: a 2021 (3) and b 2021 (2) hidden together (5 meldingen: each 0..5, with an
  // insider 0..4, five values). Pooled apart: a 13 minus the printed a 2019 and a 2020 gives
  // a 2021 = 3, so pooled a must go too, and b 2 is small: the pooled table shows only c.
  // Pooled group g: 15 minus the printed 10 leaves a 2021 + b 2021 = 5, already known from the
  // 2021 column: nothing given away, and 2021's a and b are shown at group level.
  // Estimate (figures + 4 per 2021 melding shown at group level or finer):
  //   yearly apart + pooled group: (5+5+10+10+10) + (15·½ + 30) + 4·(3+2+10) = 40 + 37,5 + 60 = 137,5
  //   yearly apart + pooled apart: 40 + 30 + 4·10 = 110
  //   yearly group + pooled group: (3·5·½ + 30) + 37,5 + 60 = 135
  const YEARS = ["2019", "2020", "2021"];
  const V: Record<string, number[]> = { a: [5, 5, 3], b: [0, 0, 2], c: [10, 10, 10] };
  const count = (scope: Scope) =>
    Object.entries(V).reduce(
      (s, [code, v]) =>
        s + (scope["aard"]!.includes(code) ? YEARS.reduce((t, y, i) => t + (scope["jaar"]!.includes(y) ? v[i]! : 0), 0) : 0),
      0,
    );
  const source = (id: string, columns: { key: string; label: string; jaren: string[] }[]): AardTableSource => ({
    id,
    title: id,
    columns,
    codes: ["a", "b", "c"],
    apart: [],
    counted: ["a", "b", "c"],
    terms: TERMS,
    labelOf: (c) => c.toUpperCase(),
    count,
  });
  const yearly = source(
    "aard",
    YEARS.map((y) => ({ key: y, label: y, jaren: [y] })),
  );
  const pooled = source("aard-periode", [{ key: "2019..2021", label: "2019–2021", jaren: YEARS }]);
  const rules = { k: 5, protectZeros: false, dominance: 0.85 };

  it("de schatting zet de groep in de tabel over drie jaar voorop", () => {
    const [first, second] = bestCombinations([yearly, pooled], rules, [], "openbaar", 2);
    expect(Object.fromEntries(first!.modes)).toEqual({
      "aard\u0000g": "apart",
      "aard\u0000c": "apart",
      "aard-periode\u0000g": "groep",
      "aard-periode\u0000c": "apart",
    });
    expect(first!.estimate).toBe(137.5);
    expect(second!.estimate).toBe(135);
  });

  it("en de echte onderdrukking bevestigt haar: alleen a en b van 2021 verborgen", async () => {
    const y = aardTable(yearly, new Map());
    const p0 = aardTable(pooled, new Map());
    const d: Description = {
      universes: [
        {
          id: "meldingen",
          integer: true,
          dimensions: [
            { name: "jaar", categories: YEARS },
            { name: "aard", categories: ["a", "b", "c"] },
          ],
        },
      ],
      tables: [y.table, p0.table],
      recodings: [],
      choice: { sources: [yearly, pooled] },
    };
    const p = await protect(d, rules, []);
    expect(p.presentatie!.find((e) => e.gekozen)!.indeling).toEqual({ "aard-periode: g": "groep" });
    expect([...p.suppressed].sort()).toEqual(["meldingen:aard=a;jaar=2021", "meldingen:aard=b;jaar=2021"]);
  });
});
