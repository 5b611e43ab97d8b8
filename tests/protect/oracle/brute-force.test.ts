// The oracle itself, on tables worked out by hand (it must be right before it judges anything).
import { describe, expect, it } from "vitest";
import { bruteForce, narrowest, protects } from "./brute-force.ts";

describe("bruteForce: hand-worked tables", () => {
  it("10 = a + b, both hidden: each is 0..10, every value possible", () => {
    const answer = bruteForce({
      upper: [undefined, undefined],
      published: [{ id: "T", terms: [0, 1], value: 10 }],
      suppressed: [
        { id: "a", terms: [0] },
        { id: "b", terms: [1] },
      ],
    });
    expect(answer.public.get("a")).toEqual({ lo: 0, hi: 10, values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(answer.tables).toBe(11);
    // An insider in b (b ≥ 1) knows a ≤ 9.
    expect(answer.insider.get("a")?.get("b")).toMatchObject({ lo: 0, hi: 9 });
  });

  it("a 2×2 table with margins: one hidden inner cell and its row neighbour are exact by subtraction", () => {
    // [[3, 7], [6, 4]]: rows 10, 10; columns 9, 11; total 20. Hide r0c0 and r0c1, publish the rest.
    const answer = bruteForce({
      upper: [undefined, undefined, undefined, undefined],
      published: [
        { id: "r1c0", terms: [2], value: 6 },
        { id: "r1c1", terms: [3], value: 4 },
        { id: "r0T", terms: [0, 1], value: 10 },
        { id: "Tc0", terms: [0, 2], value: 9 },
      ],
      suppressed: [
        { id: "r0c0", terms: [0] },
        { id: "r0c1", terms: [1] },
      ],
    });
    expect(answer.public.get("r0c0")).toEqual({ lo: 3, hi: 3, values: [3] });
    expect(answer.public.get("r0c1")).toEqual({ lo: 7, hi: 7, values: [7] });
  });

  it("the classic four-cell rectangle: [[3, 7], [6, 4]] with all inner cells hidden and margins shown", () => {
    // x00 = t, x01 = 10 − t, x10 = 9 − t, x11 = 1 + t with 0 ≤ t ≤ 9: x00 ∈ 0..9.
    const answer = bruteForce({
      upper: [undefined, undefined, undefined, undefined],
      published: [
        { id: "r0T", terms: [0, 1], value: 10 },
        { id: "r1T", terms: [2, 3], value: 10 },
        { id: "Tc0", terms: [0, 2], value: 9 },
        { id: "Tc1", terms: [1, 3], value: 11 },
      ],
      suppressed: ["r0c0", "r0c1", "r1c0", "r1c1"].map((id, i) => ({ id, terms: [i] })),
    });
    expect(answer.public.get("r0c0")).toMatchObject({ lo: 0, hi: 9 });
    expect(answer.public.get("r1c1")).toMatchObject({ lo: 1, hi: 10 });
    expect(answer.tables).toBe(10);
    // An insider in r1c0 (≥ 1) knows r0c0 ≤ 8.
    expect(answer.insider.get("r0c0")?.get("r1c0")).toMatchObject({ lo: 0, hi: 8 });
    expect(narrowest(answer, "r0c0", true).values.hi - narrowest(answer, "r0c0", true).values.lo).toBe(8);
    expect(protects(answer, [{ id: "r0c0", requiredWidth: 8 }], true)).toBe(true);
    expect(protects(answer, [{ id: "r0c0", requiredWidth: 9 }], true)).toBe(false);
    expect(protects(answer, [{ id: "r0c0", requiredWidth: 9 }], false)).toBe(true);
  });

  it("a cell in no published sum is unbounded; an insider elsewhere in it costs nothing, inside it one", () => {
    const answer = bruteForce({
      upper: [undefined, undefined, 3],
      published: [],
      suppressed: [
        { id: "vrij", terms: [0, 1] },
        { id: "deel", terms: [1] },
        { id: "begrensd", terms: [2] },
        { id: "alles", terms: [0, 1, 2] },
      ],
    });
    expect(answer.public.get("vrij")).toEqual({ lo: 0, hi: Infinity, values: null });
    expect(answer.public.get("begrensd")).toEqual({ lo: 0, hi: 3, values: [0, 1, 2, 3] });
    // "deel" lies inside "vrij": a contributor, not an attacker.
    expect(answer.insider.get("vrij")?.has("deel")).toBe(false);
    // A melding in "vrij" (≥ 1) is outside "begrensd": no change; "alles" needs one in vars 0..2.
    expect(answer.insider.get("begrensd")?.get("vrij")).toEqual({ lo: 0, hi: 3, values: [0, 1, 2, 3] });
    expect(answer.insider.get("deel")?.get("begrensd")).toEqual({ lo: 0, hi: Infinity, values: null });
  });

  it("an insider in a cell pinned to 0 is no scenario; contradictory figures are refused", () => {
    const answer = bruteForce({
      upper: [undefined, undefined],
      published: [
        { id: "T", terms: [0, 1], value: 4 },
        { id: "b0", terms: [1], value: 0 },
      ],
      suppressed: [
        { id: "a", terms: [0] },
        { id: "leeg", terms: [1] },
      ],
    });
    expect(answer.public.get("a")).toEqual({ lo: 4, hi: 4, values: [4] });
    expect(answer.insider.get("a")?.has("leeg")).toBe(false);
    expect(() => bruteForce({ upper: [2], published: [{ id: "T", terms: [0], value: 3 }], suppressed: [] })).toThrow(/geen enkele tabel/);
  });

  it("a hidden sum pinned by subtraction while its parts stay open", () => {
    // T = x0 + x1 + x2 = 4 and x0 = 0 published: S = x1 + x2 = 4 exactly, x1 anything in 0..4.
    const answer = bruteForce({
      upper: [undefined, undefined, undefined],
      published: [
        { id: "T", terms: [0, 1, 2], value: 4 },
        { id: "D", terms: [0], value: 0 },
      ],
      suppressed: [
        { id: "S", terms: [1, 2] },
        { id: "x1", terms: [1] },
      ],
    });
    expect(answer.public.get("S")).toEqual({ lo: 4, hi: 4, values: [4] });
    expect(answer.public.get("x1")).toEqual({ lo: 0, hi: 4, values: [0, 1, 2, 3, 4] });
  });
});
