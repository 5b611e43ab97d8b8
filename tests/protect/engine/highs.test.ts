import { describe, expect, it } from "vitest";
import {
  PersistentModel,
  SolverInfeasibleError,
  SolverUnboundedError,
  loadHighs,
  solveLinear,
  type LinearModel,
} from "../../../src/protect/engine/highs.ts";
import { lpName, toLpText } from "../../../src/protect/engine/lp-text.ts";

// max x + y  s.t.  x + 2y ≤ 4,  3x + y ≤ 6,  x, y ≥ 0   (LP optimum (1.6, 1.2), value 2.8)
const model = (integer: boolean): LinearModel => ({
  sense: "max",
  columns: [
    { lo: 0, hi: Infinity, integer, cost: 1, name: "x" },
    { lo: 0, hi: Infinity, integer, cost: 1, name: "y" },
  ],
  rows: [
    {
      terms: [
        { col: 0, coef: 1 },
        { col: 1, coef: 2 },
      ],
      lo: -Infinity,
      hi: 4,
      name: "a",
    },
    {
      terms: [
        { col: 0, coef: 3 },
        { col: 1, coef: 1 },
      ],
      lo: -Infinity,
      hi: 6,
      name: "b",
    },
  ],
});

describe("highs wrapper", () => {
  it("loads the runtime once", async () => {
    expect(await loadHighs()).toBe(await loadHighs());
  });

  it("solves an LP with duals and the MIP version without", async () => {
    const lp = await solveLinear(model(false));
    expect(lp.status).toBe("optimal");
    expect(lp.objective).toBeCloseTo(2.8, 9);
    expect([...lp.values].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([1.6, 1.2]);
    expect([...(lp.rowDuals ?? [])].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0.4, 0.2]);
    const mip = await solveLinear(model(true));
    expect(mip.objective).toBe(2);
    expect(mip.rowDuals).toBeUndefined();
  });

  it("turns infeasible and unbounded models into typed errors (LP and MIP)", async () => {
    const infeasible: LinearModel = {
      sense: "min",
      columns: [{ lo: 0, hi: 3, integer: false, cost: 1 }],
      rows: [{ terms: [{ col: 0, coef: 1 }], lo: 5, hi: Infinity }],
    };
    await expect(solveLinear(infeasible)).rejects.toBeInstanceOf(SolverInfeasibleError);
    for (const integer of [false, true]) {
      const unbounded: LinearModel = {
        sense: "max",
        columns: [
          { lo: 0, hi: Infinity, integer, cost: 1 },
          { lo: 0, hi: Infinity, integer, cost: 0 },
        ],
        rows: [
          {
            terms: [
              { col: 0, coef: 1 },
              { col: 1, coef: -1 },
            ],
            lo: 1,
            hi: Infinity,
          },
        ],
      };
      await expect(solveLinear(unbounded)).rejects.toBeInstanceOf(SolverUnboundedError);
    }
  });

  it("rejects malformed models before they reach the solver", async () => {
    const bad: LinearModel = {
      sense: "min",
      columns: [{ lo: 0, hi: 1, integer: false }],
      rows: [{ terms: [{ col: 3, coef: 1 }], lo: 0, hi: 1 }],
    };
    await expect(solveLinear(bad)).rejects.toThrow(/kolom 3 bestaat niet/);
  });

  it("keeps a model between solves: new objective, new bounds, rebuilt after a broken instance", async () => {
    const persistent = await PersistentModel.create(model(false));
    try {
      expect((await persistent.solve()).objective).toBeCloseTo(2.8, 9);
      persistent.setObjective("min", [{ col: 0, coef: -1 }]);
      expect((await persistent.solve()).objective).toBeCloseTo(-2, 9);
      persistent.setRowBounds(1, -Infinity, 3);
      expect((await persistent.solve()).objective).toBeCloseTo(-1, 9);
      // Break the native instance behind the wrapper's back: the next solve rebuilds it.
      (persistent as unknown as { native: { dispose(): void } }).native.dispose();
      expect((await persistent.solve()).objective).toBeCloseTo(-1, 9);
    } finally {
      persistent.dispose();
      persistent.dispose(); // idempotent
    }
  });

  it("writes CPLEX LP text with safe names that HiGHS reads back to the same optimum", async () => {
    const named = model(true);
    named.columns[0] = { ...named.columns[0]!, name: "e1 aard/ongewenst gedrag (é)" };
    const text = toLpText(named);
    expect(text).toContain("General");
    expect(text).not.toMatch(/[é()/]/);
    const highs = await loadHighs();
    const result = highs.solve(text, { output_flag: false });
    expect(result.Status).toBe("Optimal");
    expect(result.ObjectiveValue).toBe(2);
    expect(lpName("x", 3, "12 €")).toBe("x3_12__");
    expect(lpName("r", 0)).toBe("r0");
  });

  it("solves with columns fixed as a smaller model: same optimum as fixing the bounds", async () => {
    // max x + y with x fixed at 1: row b leaves y ≤ 3, row a leaves y ≤ 1.5 → y = 1 (MIP), 1.5 (LP).
    for (const integer of [true, false]) {
      const persistent = await PersistentModel.create(model(integer));
      const reference = await PersistentModel.create(model(integer));
      try {
        const fixed = await persistent.solveWithColumnsFixed(Int32Array.of(0), Float64Array.of(1));
        reference.setColBounds(0, 1, 1);
        const expected = await reference.solve();
        expect(fixed.objective).toBeCloseTo(expected.objective, 9);
        expect(fixed.objective).toBeCloseTo(integer ? 2 : 2.5, 9);
        expect([...fixed.values]).toEqual([1, integer ? 1 : 1.5]);
        expect([...fixed.rowValues].map((v) => Math.round(v * 1e9) / 1e9)).toEqual(integer ? [3, 4] : [4, 4.5]);
        // The persistent model itself is unchanged: the full optimum again.
        expect((await persistent.solve()).objective).toBeCloseTo(integer ? 2 : 2.8, 9);
      } finally {
        persistent.dispose();
        reference.dispose();
      }
    }
  });

  it("solves with every column fixed (objective from the fixed values) and reports infeasible fixings", async () => {
    const persistent = await PersistentModel.create(model(true));
    try {
      const all = await persistent.solveWithColumnsFixed(Int32Array.of(0, 1), Float64Array.of(2, 0));
      expect(all.objective).toBe(2);
      expect([...all.values]).toEqual([2, 0]);
      // x = 3 breaks row b (3x + y ≤ 6) whatever y is.
      await expect(persistent.solveWithColumnsFixed(Int32Array.of(0), Float64Array.of(3))).rejects.toBeInstanceOf(SolverInfeasibleError);
      await expect(persistent.solveWithColumnsFixed(Int32Array.of(0, 1), Float64Array.of(2, 2))).rejects.toBeInstanceOf(
        SolverInfeasibleError,
      );
      await expect(persistent.solveWithColumnsFixed(Int32Array.of(0), Float64Array.of(-1))).rejects.toThrow(/buiten de grenzen/);
      await expect(persistent.solveWithColumnsFixed(Int32Array.of(1, 0), Float64Array.of(0, 0))).rejects.toThrow(/ongeldige index/);
      await expect(persistent.solveWithColumnsFixed(Int32Array.of(5), Float64Array.of(0))).rejects.toThrow(/ongeldige index/);
    } finally {
      persistent.dispose();
    }
  });
});
