// The split into independent blocks (src/protect/engine/blocks.ts) and the per-block caches.
// Oracles: hand-worked intervals and costs, and the brute-force enumeration of
// tests/protect/oracle/brute-force.ts (no import from the engine).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitBlocks, suppress, suppressBlock, type SolveBlock } from "../../../src/protect/engine/index.ts";
import type { EngineCell, SuppressionProblem } from "../../../src/protect/engine/index.ts";
import { diskCachedSuppress } from "../../../src/suppression-cache.ts";
import { bruteForce, protects } from "../oracle/brute-force.ts";
import { makeCell, table2d } from "./tables.ts";

/** Problems side by side: the second's variables after the first's, its ids prefixed. */
function sideBySide(a: SuppressionProblem, b: SuppressionProblem, prefix = "B"): SuppressionProblem {
  const shift = a.vars.length;
  const moved = (c: EngineCell): EngineCell => ({ ...c, id: `${prefix}${c.id}`, terms: c.terms.map((t) => t + shift) });
  return {
    vars: [...a.vars, ...b.vars],
    cells: [...a.cells, ...b.cells.map(moved)],
    facts: [
      ...a.facts,
      ...b.facts.map((f) => ({ ...f, id: `${prefix}${f.id}`, terms: f.terms.map((t) => ({ ...t, index: t.index + shift })) })),
    ],
  };
}

/**
 * Hand-worked: p = x0 = 1 must keep width 2; b = x1 = 5 is printed unless suppressed (cost 1).
 * Alone, p is an unbounded sum nothing else mentions: hiding p alone protects it (cost 0).
 */
const p = makeCell("p", [0], 1, { threshold: 5, requiredWidth: 2 });
const b = { ...makeCell("b", [1], 5, { threshold: 5 }), cost: 1 };
const vars = [{ integer: true }, { integer: true }];

describe("independent blocks", () => {
  it("a fact that links two tables keeps them one block; split apart, the answer would leak", async () => {
    // A published fact x0 + x1 = 6 (a printed share or total) ties p to b.
    const problem: SuppressionProblem = {
      vars,
      cells: [p, b],
      facts: [
        {
          id: "som",
          terms: [
            { index: 0, coef: 1 },
            { index: 1, coef: 1 },
          ],
          lo: 6,
          hi: 6,
        },
      ],
    };
    // Split by cells alone (the fact ignored), p's block would be p alone: cost 0, b printed.
    const naive = await suppress({ vars, cells: [p], facts: [] });
    expect(naive).toMatchObject({ suppressed: ["p"], cost: 0 });
    // By hand: with b = 5 printed and x0 + x1 = 6, p = 1 exactly (width 0 < 2): that pattern leaks.
    // The right answer suppresses b too (then x0 ∈ [0, 6]): cost 1.
    const right = await suppress(problem);
    expect(right).toMatchObject({ suppressed: ["b", "p"], secondary: ["b"], cost: 1, optimal: true });
    expect(splitBlocks(problem)).toHaveLength(1);
  });

  it("a second reader's own figure that links two tables keeps them one block; split apart, the answer would leak", async () => {
    // The second reader holds r = x0 + x1 = 6 from a report of their own, and needs p kept at width 2.
    const reader = { cells: [{ ...makeCell("r", [0, 1], 6), status: "fixed" as const }, { ...p }], facts: [] };
    const problem: SuppressionProblem = { vars, cells: [p, b], facts: [], readers: [reader] };
    const naive = await suppress({ vars, cells: [p], facts: [], readers: [{ cells: [{ ...p }], facts: [] }] });
    expect(naive).toMatchObject({ suppressed: ["p"], cost: 0 });
    // The brute-force oracle, as the second reader sees the naive pattern (r and b printed): p is exact.
    const leak = bruteForce({
      upper: [undefined, undefined],
      published: [
        { id: "r", terms: [0, 1], value: 6 },
        { id: "b", terms: [1], value: 5 },
      ],
      suppressed: [{ id: "p", terms: [0] }],
    });
    expect(leak.public.get("p")).toMatchObject({ lo: 1, hi: 1 });
    expect(protects(leak, [{ id: "p", requiredWidth: 2 }], false)).toBe(false);
    const right = await suppress(problem);
    expect(right).toMatchObject({ suppressed: ["b", "p"], cost: 1, optimal: true });
    expect(splitBlocks(problem)).toHaveLength(1);
  });

  it("the same block gets the same canonical form in another problem (other variable numbers, other order)", () => {
    const a = table2d([
      [1, 6],
      [7, 8],
    ]);
    const other = table2d([
      [2, 9, 9],
      [9, 9, 9],
    ]);
    const x = sideBySide(a, other, "Q");
    // `a` after another table, its cells in reverse order and its variables numbered backwards.
    const n = other.vars.length;
    const y: SuppressionProblem = {
      vars: [...other.vars, ...a.vars],
      cells: [
        ...other.cells.map((c) => ({ ...c, id: `Q${c.id}` })),
        ...[...a.cells].reverse().map((c) => ({ ...c, terms: c.terms.map((t) => n + 3 - t) })),
      ],
      facts: [],
    };
    const blockOf = (problem: SuppressionProblem) => splitBlocks(problem).find((bl) => bl.cells.some((c) => c.id === "r0c0"));
    expect(blockOf(x)).toEqual(blockOf(y));
    expect(blockOf(x)!.cells.map((c) => c.id)).toEqual(a.cells.map((c) => c.id).sort());
    // Blocks in the order of their smallest id: "Qr0c0" < "r0c0".
    expect(splitBlocks(x).map((bl) => bl.cells[0]!.id)).toEqual(["QTT", "TT"]);
  });

  it("a block without any primary cell is not solved", () => {
    const none = table2d([
      [6, 7],
      [8, 9],
    ]);
    expect(
      splitBlocks(
        sideBySide(
          table2d([
            [1, 6],
            [7, 8],
          ]),
          none,
        ),
      ),
    ).toHaveLength(1);
  });

  it("a refusal stays a refusal with its message", async () => {
    // x0 = 1 is primary and b = x0 is fixed: the value is printed anyway.
    const fixed: SuppressionProblem = {
      vars,
      cells: [p, { ...makeCell("f", [0], 1), status: "fixed" }, b],
      facts: [],
    };
    const alone = "Cel p kan niet beschermd worden: de waarde volgt exact uit cellen die altijd gepubliceerd worden (f)";
    await expect(suppressBlock(fixed)).rejects.toThrow(alone);
    await expect(
      suppress(
        sideBySide(
          table2d([
            [1, 6],
            [7, 8],
          ]),
          fixed,
          "Z",
        ),
      ),
    ).rejects.toThrow(alone.replace(/\b(p|f)\b/g, "Z$1"));
  });
});

describe("per-block caches", () => {
  // Three tables side by side; a "registration change" changes one value of the middle one.
  const tables = (middle: number[][]) =>
    sideBySide(
      sideBySide(
        table2d([
          [1, 6],
          [7, 8],
        ]),
        table2d(middle),
        "M",
      ),
      table2d([
        [2, 5],
        [9, 3],
      ]),
      "Z",
    );

  it("a change re-solves only the changed block, and the cached result equals the uncached one", async () => {
    const calls: string[] = [];
    const counting: SolveBlock = (block, options) => {
      calls.push(block.cells.map((c) => c.id).join(" "));
      return suppressBlock(block, options);
    };
    const cached = diskCachedSuppress(mkdtempSync(join(tmpdir(), "jaarverslag-blokken-")), counting);
    const before = tables([
      [2, 8],
      [6, 9],
    ]);
    expect(await cached(before)).toEqual(await suppress(before));
    expect(calls).toHaveLength(3);
    calls.length = 0;
    const after = tables([
      [3, 8],
      [6, 9],
    ]);
    const got = await cached(after);
    expect(calls).toEqual([["MTT", "MTc0", "MTc1", "Mr0T", "Mr0c0", "Mr0c1", "Mr1T", "Mr1c0", "Mr1c1"].join(" ")]);
    expect(got).toEqual(await suppress(after));
    calls.length = 0;
    expect(await cached(before)).toEqual(await suppress(before));
    expect(calls).toEqual([]);
  });

  it("blocks started at once give the same result as one after another", async () => {
    const problem = tables([
      [2, 8],
      [6, 9],
    ]);
    expect(await suppress(problem, {}, { concurrent: true })).toEqual(await suppress(problem));
  });
});

describe("the tie-break within a block", () => {
  // Hand-worked: p = x0 = 1 (primary, width 2), a = x0 + x1 = 6, z = x1 = 5. Printing both a and z
  // gives p = 1; hiding either one leaves p anywhere in [0, 6] (or unbounded): one of them must go.
  const twoChoices = (costA: number, costZ: number): SuppressionProblem => ({
    vars,
    cells: [p, { ...makeCell("a", [0, 1], 6), cost: costA }, { ...makeCell("z", [1], 5), cost: costZ }],
    facts: [],
  });

  it("hides the cheaper cell when the costs differ only in their decimals", async () => {
    expect(await suppress(twoChoices(1005.35, 1000))).toMatchObject({ secondary: ["z"], cost: 1000 });
    expect(await suppress(twoChoices(1000, 1000.05))).toMatchObject({ secondary: ["a"], cost: 1000 });
  });

  it("among equally cheap cells, the earliest id", async () => {
    expect(await suppress(twoChoices(1000, 1000))).toMatchObject({ secondary: ["a"], cost: 1000 });
    expect(await suppress(twoChoices(1000.5, 1000.5))).toMatchObject({ secondary: ["a"], cost: 1000.5 });
  });
});
