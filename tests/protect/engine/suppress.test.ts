import { describe, expect, it } from "vitest";
import { suppress } from "../../../src/protect/engine/index.ts";
import type { SuppressionProblem } from "../../../src/protect/engine/index.ts";
import { auditPattern, bruteForceCost, makeCell, patternPasses, table2d } from "./tables.ts";

/** A one-dimensional row of counts a, b, c, … (one variable each) and its total T. */
function row(values: Record<string, number>, options: Parameters<typeof makeCell>[3] = {}): SuppressionProblem {
  const ids = Object.keys(values);
  const cells = ids.map((id, i) => makeCell(id, [i], values[id] ?? 0, options));
  const total = ids.reduce((s, id) => s + (values[id] ?? 0), 0);
  cells.push(
    makeCell(
      "T",
      ids.map((_, i) => i),
      total,
      options,
    ),
  );
  return { vars: ids.map(() => ({ integer: true })), cells, facts: [] };
}

describe("suppress: tables from the SDC literature", () => {
  it("2×2 with totals and one small cell: the whole rectangle, and brute force agrees it is optimal", async () => {
    //  3 10 | 13
    //  8  9 | 17
    const problem = table2d([
      [3, 10],
      [8, 9],
    ]);
    const result = await suppress(problem, { insider: false });
    expect(result.suppressed).toEqual(["r0c0", "r0c1", "r1c0", "r1c1"]);
    expect(result.secondary).toEqual(["r0c1", "r1c0", "r1c1"]);
    expect(result.cost).toBe(27);
    expect(result.optimal).toBe(true);
    expect(await bruteForceCost(problem, false)).toBe(27);
    expect(await patternPasses(problem, result.suppressed, false)).toBe(true);
  });

  it("3×3 with totals: the cheapest rectangle through the small cell", async () => {
    //  2  9 12 | 23
    //  8 15 11 | 34
    // 10  7 20 | 37
    const problem = table2d([
      [2, 9, 12],
      [8, 15, 11],
      [10, 7, 20],
    ]);
    const result = await suppress(problem, { insider: false });
    // Rectangles through r0c0 cost 9+8+15=32, 12+8+11=31, 9+10+7=26, 12+10+20=42.
    expect(result.secondary).toEqual(["r0c1", "r2c0", "r2c1"]);
    expect(result.cost).toBe(26);
    expect(result.optimal).toBe(true);
    const intervals = await auditPattern(problem, result.suppressed, false);
    expect(intervals.find((iv) => iv.id === "r0c0")).toMatchObject({ lo: 0, hi: 11, ok: true });
  });

  it("a row and its total: one complementary cell is enough (the cheapest that gives the width)", async () => {
    const problem = row({ a: 2, b: 6, c: 9, d: 14 });
    for (const insider of [false, true]) {
      const result = await suppress(problem, { insider });
      expect(result.secondary).toEqual(["b"]);
      expect(result.cost).toBe(6);
    }
  });

  it("the width decides the complement: a complement of 1 cannot give a 1 a width of 4", async () => {
    // a = 1 with b = 1: a + b = 2 gives a ∈ [0, 2] only. c = 6 gives [0, 7].
    const problem = row({ a: 1, b: 1, c: 6, d: 14 }, { cost: (v, id) => (id === "b" ? 0.5 : v) });
    const result = await suppress(problem, { insider: false });
    expect(result.secondary).toEqual(["c"]);
  });
});

describe("suppress: the singleton problem", () => {
  // Two melders of 1 in one row: their sum published lets each learn the other's.
  const problem = row({ a: 1, b: 1, c: 8, d: 9 }, { requiredWidth: 2 });

  it("without the insider attacker the pair protects itself", async () => {
    const result = await suppress(problem, { insider: false });
    expect(result.suppressed).toEqual(["a", "b"]);
    expect(result.secondary).toEqual([]);
  });

  it("with the insider attacker (the default) a third cell is needed", async () => {
    const result = await suppress(problem);
    expect(result.secondary).toEqual(["c"]);
    const intervals = await auditPattern(problem, result.suppressed, true);
    expect(intervals.filter((iv) => iv.id === "a" || iv.id === "b").every((iv) => iv.ok)).toBe(true);
    // And the pair alone is caught by the audit.
    const pairOnly = await auditPattern(problem, ["a", "b"], true);
    expect(pairOnly.find((iv) => iv.id === "a")).toMatchObject({ lo: 0, hi: 1, ok: false, scenario: "insider in b" });
  });
});

describe("suppress: linked tables", () => {
  // Table 1 by aard: A1 = 2 (unsafe), A2 = 9, A3 = 6, total T = 17.
  // Table 2 by categorie: K1 = A1 + A2 = 11, K2 = A3 = 6, sharing the total T.
  const vars = [{ integer: true }, { integer: true }, { integer: true }];
  const table1 = [makeCell("A1", [0], 2), makeCell("A2", [1], 9), makeCell("A3", [2], 6), makeCell("T", [0, 1, 2], 17)];
  const table2 = [makeCell("K1", [0, 1], 11), makeCell("K2", [2], 6)];

  it("protecting table 1 alone picks A3, which table 2 gives away by differencing", async () => {
    const alone = await suppress({ vars, cells: table1, facts: [] }, { insider: false });
    expect(alone.secondary).toEqual(["A3"]);
    const joint: SuppressionProblem = { vars, cells: [...table1, ...table2], facts: [] };
    const intervals = await auditPattern(joint, alone.suppressed, false);
    // A1 = K1 − A2 = 11 − 9.
    expect(intervals.find((iv) => iv.id === "A1")).toMatchObject({ lo: 2, hi: 2, ok: false });
  });

  it("protecting both tables together does not leave A1 recoverable", async () => {
    const joint: SuppressionProblem = { vars, cells: [...table1, ...table2], facts: [] };
    const result = await suppress(joint, { insider: false });
    expect(result.secondary).toEqual(["A2"]);
    expect(await patternPasses(joint, result.suppressed, false)).toBe(true);
    expect(await bruteForceCost(joint, false)).toBe(result.cost);
  });
});

describe("suppress: releases over time", () => {
  it("a figure fixed by last year's report forces a different complement", async () => {
    const free = await suppress(row({ a: 2, b: 6, c: 9, d: 14 }), { insider: false });
    expect(free.secondary).toEqual(["b"]);
    const fixed = await suppress(row({ a: 2, b: 6, c: 9, d: 14 }, { status: { b: "fixed" } }), { insider: false });
    expect(fixed.secondary).toEqual(["c"]);
    expect(fixed.cost).toBe(9);
  });

  it("throws a Dutch error naming the cell when fixed figures determine it", async () => {
    const problem = row({ a: 2, b: 6 }, { status: { b: "fixed", T: "fixed" } });
    await expect(suppress(problem)).rejects.toThrow(/^Cel a kan niet beschermd worden: /);
  });

  it("a published share (a derived figure) can make a cell unprotectable", async () => {
    const problem = row({ a: 2, b: 6, c: 9 });
    // "12% of the meldingen" printed next to the total 17: 0.115 ≤ a/17 < 0.125 ⇒ a = 2.
    problem.facts.push({ id: "aandeel-a", terms: [{ index: 0, coef: 1 }], lo: 0.115 * 17, hi: 0.125 * 17 });
    await expect(suppress(problem)).rejects.toThrow(/Cel a kan niet beschermd worden/);
  });
});

describe("suppress: determinism and limits", () => {
  const values = [
    [1, 6, 7, 9],
    [6, 2, 9, 8],
    [8, 9, 11, 3],
  ];

  it("gives the same answer for the same table in any input order", async () => {
    const problem = table2d(values);
    const first = await suppress(problem);
    const again = await suppress(problem);
    const reversed = await suppress({ ...problem, cells: [...problem.cells].reverse() });
    expect(again).toEqual(first);
    expect(reversed).toEqual(first);
    expect(await patternPasses(problem, first.suppressed, true)).toBe(true);
  });

  it("ties between equally cheap complements go to the earliest id", async () => {
    const result = await suppress(row({ a: 2, c: 7, b: 7, d: 14 }), { insider: false });
    expect(result.secondary).toEqual(["b"]);
  });

  it("with too few iterations it still returns a safe pattern, marked not optimal", async () => {
    // Needs several rounds of cuts (found by search; the relation cuts alone are not enough).
    const problem = table2d([
      [11, 7, 8],
      [12, 3, 6],
      [5, 8, 8],
    ]);
    const full = await suppress(problem, { insider: false });
    expect(full.iterations).toBeGreaterThan(1);
    const limited = await suppress(problem, { insider: false, maxIterations: 1 });
    expect(limited.optimal).toBe(false);
    expect(limited.cost).toBeGreaterThanOrEqual(full.cost);
    expect(await patternPasses(problem, limited.suppressed, false)).toBe(true);
  });

  it("no primary cells: nothing to suppress", async () => {
    const result = await suppress(row({ a: 6, b: 9 }));
    expect(result).toEqual({ suppressed: [], secondary: [], cost: 0, optimal: true, iterations: 0 });
  });
});
