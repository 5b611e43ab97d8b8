import { describe, expect, it } from "vitest";
import { RelationFinder } from "../../../src/protect/engine/relations.ts";
import { table2d } from "./tables.ts";

describe("relations visible from term sets", () => {
  const problem = table2d([
    [3, 10],
    [8, 9],
  ]);
  const ids = problem.cells.map((c) => c.id);
  const index = (id: string): number => ids.indexOf(id);
  const names = (relation: number[]): string[] => relation.map((i) => ids[i] ?? "?").sort();

  it("finds the row and the column through an inner cell, and a partition of the grand total", () => {
    const found = new RelationFinder(problem.cells).relationsOf(index("r0c0")).map(names);
    expect(found).toContainEqual(["r0T", "r0c0", "r0c1"]);
    expect(found).toContainEqual(["Tc0", "r0c0", "r1c0"]);
    // TT = r0c0 + (a partition of the rest), greedily with the largest parts first.
    expect(found.some((r) => r.includes("TT"))).toBe(true);
  });

  it("finds a total as the sum of its parts", () => {
    const found = new RelationFinder(problem.cells).relationsOf(index("r0T")).map(names);
    expect(found).toContainEqual(["r0T", "r0c0", "r0c1"]);
    expect(found).toContainEqual(["TT", "r0T", "r1T"]);
  });

  it("pairs cells with the same term set", () => {
    const cells = [{ terms: [0, 1] }, { terms: [1, 0] }, { terms: [0] }];
    expect(new RelationFinder(cells).relationsOf(0)).toContainEqual([0, 1]);
  });

  it("every relation is a true equation: the largest cell is the disjoint union of the others", () => {
    const finder = new RelationFinder(problem.cells);
    const terms = (i: number): number[] => [...(problem.cells[i]?.terms ?? [])].sort((a, b) => a - b);
    for (let p = 0; p < problem.cells.length; p++) {
      for (const relation of finder.relationsOf(p)) {
        expect(relation).toContain(p);
        const [big, ...parts] = [...relation].sort((a, b) => terms(b).length - terms(a).length);
        if (parts.length === 1 && terms(parts[0] as number).length === terms(big as number).length) {
          expect(terms(parts[0] as number)).toEqual(terms(big as number)); // equal term sets
          continue;
        }
        const union = parts.flatMap(terms).sort((a, b) => a - b); // duplicates would show up here
        expect(union).toEqual(terms(big as number));
      }
    }
  });
});
