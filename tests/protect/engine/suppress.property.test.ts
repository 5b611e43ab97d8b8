// Properties over random small tables, and optimality against brute force on tiny ones.
import fc from "fast-check";
import { fcParams } from "../../helpers/fast-check.ts";
import { describe, expect, it } from "vitest";
import { suppress } from "../../../src/protect/engine/index.ts";
import type { SuppressionProblem, SuppressionResult } from "../../../src/protect/engine/index.ts";
import { auditPattern, bruteForceCost, patternPasses, table2d } from "./tables.ts";

const tableArb = (minSide: number, maxSide: number) =>
  fc
    .tuple(fc.integer({ min: minSide, max: maxSide }), fc.integer({ min: minSide, max: maxSide }))
    .chain(([r, c]) => fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

/** suppress, or undefined when it declares the table unprotectable (with the Dutch message). */
async function trySuppress(problem: SuppressionProblem, insider: boolean): Promise<SuppressionResult | undefined> {
  try {
    return await suppress(problem, { insider });
  } catch (error) {
    expect(String(error)).toMatch(/Cel .+ kan niet beschermd worden: /);
    return undefined;
  }
}

const allCandidates = (problem: SuppressionProblem): string[] => problem.cells.filter((c) => c.status !== "fixed").map((c) => c.id);

describe("suppress on random tables (threshold 5, width 4)", () => {
  it("every primary passes the audit of the published result; a refusal is justified", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb(2, 4), fc.boolean(), async (values, insider) => {
        const problem = table2d(values);
        const result = await trySuppress(problem, insider);
        if (!result) {
          // No pattern passes, so in particular suppressing everything does not.
          expect(await patternPasses(problem, allCandidates(problem), insider)).toBe(false);
          return;
        }
        const intervals = await auditPattern(problem, result.suppressed, insider);
        const primaries = problem.cells.filter((c) => c.status === "primary").map((c) => c.id);
        for (const id of primaries) expect(intervals.find((iv) => iv.id === id)?.ok).toBe(true);
        const byId = new Map(problem.cells.map((c) => [c.id, c]));
        expect(result.cost).toBe(result.secondary.reduce((s, id) => s + (byId.get(id)?.cost ?? 0), 0));
        expect(result.secondary.every((id) => byId.get(id)?.status === "candidate")).toBe(true);
        // Never worse than suppressing every candidate.
        const everything = problem.cells.filter((c) => c.status === "candidate").reduce((s, c) => s + c.cost, 0);
        expect(result.cost).toBeLessThanOrEqual(everything);
      }),
      fcParams(30),
    );
  });

  it("the public audit is monotone: suppressing more cells never narrows an interval", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb(2, 4), fc.integer(), async (values, salt) => {
        const problem = table2d(values);
        const ids = problem.cells.map((c) => c.id);
        // Two nested random patterns S ⊆ S' (deterministic from the salt).
        const pick = (k: number) => ids.filter((_, i) => ((salt >>> (i % 31)) ^ (i * k)) % 3 === 0);
        const small = pick(1);
        const large = [...new Set([...small, ...pick(2)])];
        const before = await auditPattern(problem, small, false);
        const after = new Map((await auditPattern(problem, large, false)).map((iv) => [iv.id, iv]));
        for (const iv of before) {
          const wider = after.get(iv.id);
          expect(wider).toBeDefined();
          expect(wider?.lo).toBeLessThanOrEqual(iv.lo);
          expect(wider?.hi).toBeGreaterThanOrEqual(iv.hi);
        }
      }),
      fcParams(30),
    );
  });
});

describe("suppress is optimal: brute force over all patterns of tiny tables", () => {
  it("2×2 and 2×3 tables, with and without the insider attacker", async () => {
    await fc.assert(
      fc.asyncProperty(
        tableArb(2, 3).filter((v) => v.length * (v[0]?.length ?? 0) <= 6),
        fc.boolean(),
        async (values, insider) => {
          const problem = table2d(values);
          const result = await trySuppress(problem, insider);
          const best = await bruteForceCost(problem, insider);
          if (best === undefined) expect(result).toBeUndefined();
          else {
            expect(result).toBeDefined();
            expect(result?.cost).toBe(best);
            expect(result?.optimal).toBe(true);
          }
        },
      ),
      fcParams(25),
    );
  });

  it("many zeros and small cells (insiders in zero cells are hypothetical), counts and hours", async () => {
    // Values 0–4 with threshold 3 give patterns whose failing scenario is an insider in a cell
    // that truly holds 0, and with real-valued variables (hours) one whose cell is not whole:
    // the two cut kinds beyond the plain one (see suppress.ts).
    const smallTable = fc
      .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }))
      .filter(([r, c]) => r * c <= 6)
      .chain(([r, c]) =>
        fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
      );
    await fc.assert(
      fc.asyncProperty(smallTable, fc.boolean(), async (values, hours) => {
        const counts = table2d(values, { threshold: 3, requiredWidth: 3 });
        const problem = hours ? { ...counts, vars: counts.vars.map(() => ({ integer: false })) } : counts;
        const result = await trySuppress(problem, true);
        expect(result?.cost).toBe(await bruteForceCost(problem, true));
      }),
      fcParams(25),
    );
  });

  it("a hand-picked 3×2 table where zeros make hypothetical insiders", async () => {
    // Zeros next to small cells: an insider "in" a zero cell is hypothetical (see suppress.ts).
    const problem = table2d([
      [0, 3],
      [2, 0],
      [7, 9],
    ]);
    for (const insider of [false, true]) {
      const result = await trySuppress(problem, insider);
      const best = await bruteForceCost(problem, insider);
      expect(result?.cost).toBe(best);
    }
  });
});
