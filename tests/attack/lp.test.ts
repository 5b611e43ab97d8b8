// The attacker's model asked part by part (LinearModel.inParts) answers every question as the
// whole model does: held against the whole model and against values worked out by hand.
import { describe, expect, it } from "vitest";
import { LinearModel, row, sum, type Expr } from "./lp.ts";

const one = (col: number): Expr => new Map([[col, 1]]);

/** Two parts no row joins: a + b = 5 (whole, b ≤ 2) and c + d = 7, c − d ≥ 1 (whole); e alone, 0..4. */
function twoParts(): { m: LinearModel; a: number; b: number; c: number; d: number; e: number } {
  const m = new LinearModel();
  const [a, b, c, d] = [m.variable("int"), m.variable("int", 0, 2), m.variable("int"), m.variable("int")];
  const e = m.variable("real", 0, 4);
  m.equal(sum(a, b), 5, "a+b");
  m.equal(sum(c, d), 7, "c+d");
  m.constrain(sum(one(c), new Map([[d, -1]])), 1, Infinity, "c-d");
  return { m, a, b, c, d, e };
}

describe("the attacker's model, part by part", () => {
  it("gives every column's range as the whole model and the hand do", async () => {
    const { m, a, b, c, d, e } = twoParts();
    const parts = m.inParts();
    // By hand: a 3..5, b 0..2, c 4..7, d 0..3, e 0..4.
    const hand: [number, number, number][] = [
      [a, 3, 5],
      [b, 0, 2],
      [c, 4, 7],
      [d, 0, 3],
      [e, 0, 4],
    ];
    for (const [col, lo, hi] of hand) {
      expect([await parts.optimum("min", one(col)), await parts.optimum("max", one(col))], `v${col}`).toEqual([lo, hi]);
      expect([await m.optimum("min", one(col)), await m.optimum("max", one(col))], `v${col}`).toEqual([lo, hi]);
    }
    // An objective across both parts: a + c from 7 to 12.
    expect([await parts.optimum("min", sum(a, c)), await parts.optimum("max", sum(a, c))]).toEqual([7, 12]);
  });

  it("joins the parts an extra row joins, and finds a question infeasible or unbounded as the whole model does", async () => {
    const { m, a, b, c, d } = twoParts();
    const parts = m.inParts();
    // a ≥ c joins the parts: a 4..5 (c ≥ 4), c 4..5.
    const joined = [row(sum(one(a), new Map([[c, -1]])), 0, Infinity)];
    for (const q of [parts, m]) {
      expect(await q.optimum("min", one(a), joined)).toBe(4);
      expect(await q.optimum("max", one(c), joined)).toBe(5);
      // b ≥ 3 cannot hold (b ≤ 2); d ≥ 4 neither (c − d ≥ 1 with c + d = 7).
      expect(await q.feasible([row(one(b), 3, Infinity)])).toBe(false);
      expect(await q.optimum("max", one(a), [row(one(d), 4, Infinity)])).toBeNull();
    }
    // A column no row bounds: unbounded above, in both.
    const free = m.variable("int", 0, Infinity);
    const after = m.inParts();
    expect(await after.optimum("max", one(free))).toBe(Infinity);
    expect(await m.optimum("max", one(free))).toBe(Infinity);
  });
});
