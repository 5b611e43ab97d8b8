// Two readers of one publication: the public reader (threshold 5) and the confidential reader,
// who also holds the confidential reports (threshold 3). One pattern must hold for both. Every
// expected pattern below is worked out by hand in its comment.
import { describe, expect, it } from "vitest";
import { suppress } from "../../../src/protect/engine/index.ts";
import type { EngineCell, SuppressionProblem } from "../../../src/protect/engine/index.ts";

const cell = (id: string, terms: number[], value: number, status: EngineCell["status"], requiredWidth = 0): EngineCell => ({
  id,
  terms,
  value,
  status,
  requiredWidth,
  cost: value,
});
const vars = (n: number) => Array.from({ length: n }, () => ({ integer: true }));

describe("suppress with a second reader", () => {
  // a = 1, b = 6, c = 10, total 17 printed. Alone: hide a and the cheaper b (a + b = 7, so a is
  // 0..7, an insider in b knows 0..6). The confidential reader also holds b = 6 from their own
  // report: then a = 17 − 6 − 10 = 1. Hiding c instead: a + c = 11 for both readers (0..11,
  // an insider in c 0..10), and b is no help to anyone: {a, c}, cost 10.
  const base: SuppressionProblem = {
    vars: vars(3),
    cells: [
      cell("a", [0], 1, "primary", 4),
      cell("b", [1], 6, "candidate"),
      cell("c", [2], 10, "candidate"),
      cell("T", [0, 1, 2], 17, "fixed"),
    ],
    facts: [],
  };

  it("without the second reader: a and its cheapest complement b", async () => {
    expect((await suppress(base)).suppressed.sort()).toEqual(["a", "b"]);
  });

  it("a reader who knows b from another report: the complement moves to c", async () => {
    const r = await suppress({ ...base, readers: [{ cells: [cell("b", [1], 6, "fixed"), cell("a", [0], 1, "primary", 2)], facts: [] }] });
    expect(r.suppressed.sort()).toEqual(["a", "c"]);
    expect(r.cost).toBe(10);
  });

  it("a reader who knows b and c: a follows from the total, no pattern helps (refused)", async () => {
    await expect(
      suppress({
        ...base,
        readers: [{ cells: [cell("b", [1], 6, "fixed"), cell("c", [2], 10, "fixed"), cell("a", [0], 1, "primary", 2)], facts: [] }],
      }),
    ).rejects.toThrow(/Cel a kan niet beschermd worden/);
  });

  it("a cell the other reader must not learn is hidden, with a complement, though it is safe for the first reader", async () => {
    // a = 6, b = 7, c = 8, total 21: nothing is small. The second reader needs a kept at width 2
    // (their report hid it): hide a and the cheaper b (a + b = 13; an insider in b: 0..12).
    const problem: SuppressionProblem = {
      vars: vars(3),
      cells: [
        cell("a", [0], 6, "candidate"),
        cell("b", [1], 7, "candidate"),
        cell("c", [2], 8, "candidate"),
        cell("T", [0, 1, 2], 21, "fixed"),
      ],
      facts: [],
    };
    expect((await suppress(problem)).suppressed).toEqual([]);
    const r = await suppress({ ...problem, readers: [{ cells: [cell("a", [0], 6, "primary", 2)], facts: [] }] });
    expect(r.suppressed.sort()).toEqual(["a", "b"]);
  });

  it("a figure only the second reader holds (b + c = 16 from their report): the total must go", async () => {
    // a = 1 (primary for both), b = 6, c = 10, total 17, now a candidate costing 100. With the
    // total printed the second reader gets a = 17 − 16 = 1 whatever else is hidden; with the
    // total hidden, a is in no printed figure: {a, T}, cost 100.
    const problem: SuppressionProblem = {
      vars: vars(3),
      cells: [
        cell("a", [0], 1, "primary", 4),
        cell("b", [1], 6, "candidate"),
        cell("c", [2], 10, "candidate"),
        { ...cell("T", [0, 1, 2], 17, "candidate"), cost: 100 },
      ],
      facts: [],
    };
    expect((await suppress(problem)).suppressed.sort()).toEqual(["a", "b"]);
    const r = await suppress({
      ...problem,
      readers: [{ cells: [cell("vertrouwelijk:b+c", [1, 2], 16, "fixed"), cell("a", [0], 1, "primary", 2)], facts: [] }],
    });
    expect(r.suppressed.sort()).toEqual(["T", "a"]);
  });

  it("a figure hidden in a report only the second reader holds (a + b = 13) stays protected", async () => {
    // a = 6, b = 7, c = 8, total 21. Printing all gives a + b = 13. Hiding a alone: a = 21 − 7 − 8.
    // {a, b}: a + b = 21 − 8 exactly. {a, c}: a + c = 14, so a + b = 7..21 (insider in c: 7..20),
    // cost 14; {b, c}: cost 15. So {a, c}.
    const problem: SuppressionProblem = {
      vars: vars(3),
      cells: [
        cell("a", [0], 6, "candidate"),
        cell("b", [1], 7, "candidate"),
        cell("c", [2], 8, "candidate"),
        cell("T", [0, 1, 2], 21, "fixed"),
      ],
      facts: [],
    };
    const r = await suppress({ ...problem, readers: [{ cells: [cell("vertrouwelijk:a+b", [0, 1], 13, "primary", 2)], facts: [] }] });
    expect(r.suppressed.sort()).toEqual(["a", "c"]);
    expect(r.cost).toBe(14);
  });

  it("refuses a second reader's cell that is already printed for everyone", async () => {
    await expect(suppress({ ...base, readers: [{ cells: [cell("T", [0, 1, 2], 17, "primary", 2)], facts: [] }] })).rejects.toThrow(
      /Cel T kan niet beschermd worden/,
    );
  });
});
