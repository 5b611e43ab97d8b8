// The layout of the aard table is chosen with the suppression. Two tables small enough to
// work by hand, each with the best layout worked out below (k = 5, measure: a category's
// meldingen count 1, a group's ½, "Overige" and x 0; every total 1).
import { describe, expect, it } from "vitest";
import type { Term } from "../../src/domain.ts";
import { aardTable, type AardTableSource } from "../../src/protect/describe-aard.ts";
import { protect } from "../../src/protect/index.ts";
import type { Description } from "../../src/protect/tables.ts";
import type { Scope } from "../../src/protect/universe.ts";

const term = (code: string, groep: string | null): Term => ({ soort: "aard", code, label: code.toUpperCase(), geldigVan: 2011, geldigTot: null, eerdereLabels: [], groep, teltMee: true });
const TERMS = [term("a", "g"), term("b", "g"), term("c", null), term("g", null)];

/** Counts per code in the columns 2020 and 2021. */
function description(values: Record<string, [number, number]>): Description {
  const years = ["2020", "2021"];
  const count = (scope: Scope) =>
    Object.entries(values).reduce((s, [code, v]) => s + (scope["aard"]!.includes(code) ? years.reduce((t, y, i) => t + (scope["jaar"]!.includes(y) ? v[i]! : 0), 0) : 0), 0);
  const src: AardTableSource = {
    id: "aard", title: "Aard", columns: years.map((y) => ({ key: y, label: y, jaren: [y] })),
    codes: ["a", "b", "c"], apart: [], counted: ["a", "b", "c"], terms: TERMS, labelOf: (c) => c.toUpperCase(), count,
  };
  const t = aardTable(src, new Map());
  return {
    universes: [{ id: "meldingen", integer: true, dimensions: [{ name: "jaar", categories: years }, { name: "aard", categories: ["a", "b", "c"] }] }],
    tables: [t.table],
    recodings: t.recodings,
    choice: { sources: [src] },
  };
}

const shown = (p: Awaited<ReturnType<typeof protect>>) =>
  p.description.tables[0]!.rows.map((r) => [r.label, ...["2020", "2021"].map((y) => {
    const c = p.description.tables[0]!.cells.find((x) => x.row === r.key && x.column === y)!;
    return p.suppressed.has(`meldingen:aard=${[...c.scope["aard"]!].sort().join("+")};jaar=${y}`) ? "x" : c.value;
  })]);

describe("indeling en onderdrukking samen gekozen", () => {
  it("een categorie die in één jaar klein is, blijft apart staan met dat ene cijfer verborgen", async () => {
    // a 6|1, b 7|9, c 10|12. Apart: a 2021 (1) is hidden, and with it the smallest cell of its
    // column, b 2021 (9): measure 6+7+10 + 12 + totals 23+22 = 80. Group g: 13|10 at ½ = 11,5,
    // + c 22 + totals 45 = 78,5. Overige: 67. Best: apart.
    const p = await protect(description({ a: [6, 1], b: [7, 9], c: [10, 12] }), { k: 5, protectZeros: false, dominance: 0.85 }, []);
    expect(shown(p)).toEqual([["A", 6, "x"], ["B", 7, "x"], ["C", 10, 12], ["Totaal", 23, 22]]);
    expect(p.informatie).toBe(80);
    expect(p.presentatie!.find((e) => e.gekozen)!.indeling).toEqual({});
  });

  it("samenvoegen waar dat meer laat zien", async () => {
    // a 3|3, b 3|3, c 10|12. Apart: a and b hidden in both columns (a + b = 6 protects each),
    // measure c 22 + totals 16+18 = 56. Group g 6|6 at ½ = 6, nothing hidden: 62. Overige: 56.
    const p = await protect(description({ a: [3, 3], b: [3, 3], c: [10, 12] }), { k: 5, protectZeros: false, dominance: 0.85 }, []);
    expect(shown(p)).toEqual([["G", 6, 6], ["C", 10, 12], ["Totaal", 16, 18]]);
    expect(p.informatie).toBe(62);
    expect(p.suppressed.size).toBe(0);
    expect(p.description.recodings).toEqual([{ table: "aard", label: "G", members: ["A", "B"] }]);
  });
});
