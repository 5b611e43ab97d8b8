import { describe, expect, it } from "vitest";
import { attack } from "../../../src/protect/engine/index.ts";
import type { AttackInput } from "../../../src/protect/engine/index.ts";
import { auditPattern, table2d } from "./tables.ts";

const counts = (n: number) => Array.from({ length: n }, () => ({ integer: true }));

describe("attack: hand-computed intervals", () => {
  it("published 10 = a + b with a, b suppressed: each lies in [0, 10]", async () => {
    const result = await attack({
      vars: counts(2),
      published: [{ id: "T", terms: [0, 1], value: 10 }],
      suppressed: [
        { id: "a", terms: [0], requiredWidth: 4 },
        { id: "b", terms: [1], requiredWidth: 4 },
      ],
      facts: [],
      insider: false,
    });
    expect(result).toEqual([
      { id: "a", lo: 0, hi: 10, requiredWidth: 4, ok: true, scenario: "publiek" },
      { id: "b", lo: 0, hi: 10, requiredWidth: 4, ok: true, scenario: "publiek" },
    ]);
  });

  it("a published cell pins the rest: 10 = a + b, b = 7 published gives a = 3 exactly", async () => {
    const [a] = await attack({
      vars: counts(2),
      published: [
        { id: "T", terms: [0, 1], value: 10 },
        { id: "b", terms: [1], value: 7 },
      ],
      suppressed: [{ id: "a", terms: [0], requiredWidth: 1 }],
      facts: [],
      insider: true,
    });
    expect(a).toMatchObject({ lo: 3, hi: 3, ok: false, scenario: "publiek" });
  });

  it("a cell in no published sum is unbounded above; an upper bound on its variable caps it", async () => {
    const [free, capped] = await attack({
      vars: [{ integer: true }, { integer: true, upper: 6 }],
      published: [],
      suppressed: [
        { id: "vrij", terms: [0], requiredWidth: 4 },
        { id: "begrensd", terms: [1], requiredWidth: 7 },
      ],
      facts: [],
      insider: false,
    });
    expect(free).toMatchObject({ lo: 0, hi: Infinity, ok: true });
    expect(capped).toMatchObject({ lo: 0, hi: 6, ok: false });
  });

  it("integrality narrows: a fact 5 ≤ 2a + 2b ≤ 7 means a + b = 3 for counts (LP would say 2.5..3.5)", async () => {
    const input: AttackInput = {
      vars: counts(2),
      published: [],
      suppressed: [
        { id: "a", terms: [0], requiredWidth: 0 },
        { id: "som", terms: [0, 1], requiredWidth: 1 },
      ],
      facts: [
        {
          id: "aandeel",
          terms: [
            { index: 0, coef: 2 },
            { index: 1, coef: 2 },
          ],
          lo: 5,
          hi: 7,
        },
      ],
      insider: false,
    };
    const [a, som] = await attack(input);
    expect(a).toMatchObject({ lo: 0, hi: 3 });
    expect(som).toMatchObject({ lo: 3, hi: 3, ok: false });
    // The same with real-valued variables (hours): the LP interval is the truth.
    const [, somUren] = await attack({ ...input, vars: [{ integer: false }, { integer: false }] });
    expect(somUren).toMatchObject({ lo: 2.5, hi: 3.5, ok: true });
  });

  it("a rounded share published as a fact: 10% of 10 pins the count", async () => {
    // total 10 published; share of a reported as 10% (rounded to whole percent): 0.095 ≤ a/10 < 0.105
    const [a] = await attack({
      vars: counts(3),
      published: [{ id: "totaal", terms: [0, 1, 2], value: 10 }],
      suppressed: [
        { id: "a", terms: [0], requiredWidth: 2 },
        { id: "b", terms: [1], requiredWidth: 0 },
        { id: "c", terms: [2], requiredWidth: 0 },
      ],
      facts: [{ id: "aandeel-a", terms: [{ index: 0, coef: 1 }], lo: 0.95, hi: 1.05 }],
      insider: false,
    });
    expect(a).toMatchObject({ lo: 1, hi: 1, ok: false });
  });
});

describe("attack: the insider (singleton) scenario", () => {
  const singleton: AttackInput = {
    vars: counts(2),
    // Two suppressed cells of 1 whose sum 2 is published.
    published: [{ id: "som", terms: [0, 1], value: 2 }],
    suppressed: [
      { id: "a", terms: [0], requiredWidth: 2 },
      { id: "b", terms: [1], requiredWidth: 2 },
    ],
    facts: [],
    insider: true,
  };

  it("catches two suppressed 1s whose sum is published", async () => {
    const result = await attack(singleton);
    expect(result).toEqual([
      { id: "a", lo: 0, hi: 1, requiredWidth: 2, ok: false, scenario: "insider in b" },
      { id: "b", lo: 0, hi: 1, requiredWidth: 2, ok: false, scenario: "insider in a" },
    ]);
  });

  it("without the insider the same pattern looks safe", async () => {
    const result = await attack({ ...singleton, insider: false });
    expect(result.map((r) => [r.lo, r.hi, r.ok, r.scenario])).toEqual([
      [0, 2, true, "publiek"],
      [0, 2, true, "publiek"],
    ]);
  });

  it("follows chains: p + b = 5 and b + q = 5 published, an insider in q bounds p", async () => {
    const [p] = await attack({
      vars: counts(3),
      published: [
        { id: "pb", terms: [0, 1], value: 5 },
        { id: "bq", terms: [1, 2], value: 5 },
      ],
      suppressed: [
        { id: "p", terms: [0], requiredWidth: 5 },
        // b (variable 1) is no cell of its own: q reaches p only through two published sums.
        { id: "q", terms: [2], requiredWidth: 0 },
      ],
      facts: [],
      insider: true,
    });
    // Publicly p ∈ [0, 5]; q ≥ 1 ⇒ b ≤ 4 ⇒ p ≥ 1.
    expect(p).toMatchObject({ lo: 1, hi: 5, ok: false, scenario: "insider in q" });
  });

  it("ignores insiders in cells that cannot hold a melding, and unlinked ones", async () => {
    const [p] = await attack({
      vars: counts(4),
      published: [
        { id: "T", terms: [0, 1, 2], value: 3 },
        { id: "z", terms: [1], value: 0 },
      ],
      suppressed: [
        { id: "p", terms: [0], requiredWidth: 3 },
        { id: "nul", terms: [1], requiredWidth: 0 }, // equals the published 0: no melding there
        { id: "los", terms: [3], requiredWidth: 0 }, // nothing published links it to p
      ],
      facts: [],
      insider: true,
    });
    expect(p).toMatchObject({ lo: 0, hi: 3, ok: true, scenario: "publiek" });
  });
});

describe("attack: tables", () => {
  it("a 2×2 table with all four inner cells suppressed: each moves along the rectangle", async () => {
    // 3 10 | 13
    // 8  9 | 17
    const problem = table2d([
      [3, 10],
      [8, 9],
    ]);
    const result = await auditPattern(problem, ["r0c1", "r1c0", "r1c1"], false);
    const byId = Object.fromEntries(result.map((r) => [r.id, r]));
    // r0c0 = 3 + k with −3 ≤ k ≤ 8 (r1c1 = 9 − k ≥ 0 and r1c0 = 8 − k ≥ 0, r0c1 = 10 − k ≥ 0 …)
    expect(byId.r0c0).toMatchObject({ lo: 0, hi: 11, ok: true });
    expect(byId.r1c1).toMatchObject({ lo: 6, hi: 17 });
  });

  it("returns results in input order and is deterministic", async () => {
    const problem = table2d([
      [1, 6, 7],
      [6, 2, 9],
      [8, 9, 3],
    ]);
    const pattern = ["r0c1", "r1c0", "r1c2", "r2c1", "r0c2", "r2c0"];
    const first = await auditPattern(problem, pattern, true);
    const second = await auditPattern(problem, pattern, true);
    expect(second).toEqual(first);
    expect(first.map((r) => r.id)).toEqual(problem.cells.filter((c) => c.status === "primary" || pattern.includes(c.id)).map((c) => c.id));
  });

  it("refuses published figures that contradict each other", async () => {
    await expect(
      attack({
        vars: counts(2),
        published: [
          { id: "T", terms: [0, 1], value: 5 },
          { id: "a", terms: [0], value: 6 },
        ],
        suppressed: [{ id: "b", terms: [1], requiredWidth: 1 }],
        facts: [],
        insider: false,
      }),
    ).rejects.toThrow(/strijdig/);
  });

  it("merges variables that no constraint can tell apart without changing intervals", async () => {
    // Variables 0..3 all sit only in cell "a" (and the total): the audit sees one column.
    const [a] = await attack({
      vars: [{ integer: true, upper: 2 }, { integer: true, upper: 2 }, { integer: true }, { integer: true }, { integer: true }],
      published: [{ id: "T", terms: [0, 1, 2, 3, 4], value: 9 }],
      suppressed: [
        { id: "a", terms: [0, 1], requiredWidth: 0 },
        { id: "b", terms: [2, 3, 4], requiredWidth: 0 },
      ],
      facts: [],
      insider: false,
    });
    expect(a).toMatchObject({ lo: 0, hi: 4 });
  });
});
