import { describe, expect, it } from "vitest";
import { componentRoots, reduceVariables } from "../../../src/protect/engine/reduce.ts";

describe("merging indistinguishable variables", () => {
  it("merges variables with the same cells, facts and integrality; sums their bounds", () => {
    const reduced = reduceVariables(
      [
        { integer: true, upper: 2 },
        { integer: true, upper: 3.5 }, // a count of at most 3.5 is at most 3
        { integer: false, upper: 1 }, // hours never merge with counts
        { integer: true }, // in another cell
        { integer: true }, // in no cell at all: dropped
      ],
      [
        { id: "a", terms: [0, 1, 2] },
        { id: "b", terms: [3] },
      ],
      [],
    );
    expect(reduced.columns).toEqual([
      { upper: 5, integer: true },
      { upper: 1, integer: false },
      { upper: Infinity, integer: true },
    ]);
    expect(reduced.cellCols).toEqual([[0, 1], [2]]);
  });

  it("keeps variables apart when a fact weighs them differently", () => {
    const reduced = reduceVariables(
      [{ integer: true }, { integer: true }],
      [{ id: "a", terms: [0, 1] }],
      [
        {
          id: "f",
          terms: [
            { index: 0, coef: 1 },
            { index: 1, coef: 2 },
          ],
          lo: 0,
          hi: 3,
        },
      ],
    );
    expect(reduced.columns).toHaveLength(2);
    expect(reduced.factTerms).toEqual([
      [
        { col: 0, coef: 1 },
        { col: 1, coef: 2 },
      ],
    ]);
  });

  it("refuses terms that do not exist or repeat", () => {
    expect(() => reduceVariables([{ integer: true }], [{ id: "a", terms: [1] }], [])).toThrow(/Cel a: term 1 bestaat niet/);
    expect(() => reduceVariables([{ integer: true }], [{ id: "a", terms: [0, 0] }], [])).toThrow(/dubbel/);
  });

  it("links columns through rows", () => {
    const roots = componentRoots(5, [[0, 1], [1, 2], [3]]);
    expect(roots[0]).toBe(roots[2]);
    expect(roots[3]).not.toBe(roots[0]);
    expect(roots[4]).not.toBe(roots[3]);
  });
});
