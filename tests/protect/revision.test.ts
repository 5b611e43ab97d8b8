// The revision-exposure rule (src/protect/revision.ts) on tables worked out by hand.
import { describe, expect, it } from "vitest";
import { revisionExposure, oldStates } from "../../src/protect/revision.ts";
import type { LedgerEntry } from "../../src/protect/ledger.ts";
import type { Scope, UniverseSpec } from "../../src/protect/universe.ts";

const k = 5;

/** herkomst × status, one year: four inner cells. */
const universes: UniverseSpec[] = [
  {
    id: "meldingen",
    integer: true,
    dimensions: [
      { name: "jaar", categories: ["2021"] },
      { name: "herkomst", categories: ["f", "a"] },
      { name: "status", categories: ["r", "o"] },
    ],
  },
];
const cell = (herkomst?: string, status?: string): Scope => ({
  jaar: ["2021"],
  ...(herkomst ? { herkomst: [herkomst] } : {}),
  ...(status ? { status: [status] } : {}),
});
const fig = (scope: Scope, value: number | null) => ({ universe: "meldingen" as const, scope, value });

/** A 2×2 table with its margins; inner cells hidden, margins published. */
function marginsOnly(rowF: number, rowA: number, colR: number, colO: number) {
  return [
    fig(cell("f", "r"), null),
    fig(cell("f", "o"), null),
    fig(cell("a", "r"), null),
    fig(cell("a", "o"), null),
    fig(cell("f"), rowF),
    fig(cell("a"), rowA),
    fig(cell(undefined, "r"), colR),
    fig(cell(undefined, "o"), colO),
    fig(cell(), rowF + rowA),
  ];
}

function entry(report: string, figures: ReturnType<typeof fig>[]): LedgerEntry {
  return { report, jaar: 2021, audience: "openbaar", figures };
}

/** True values now, for telling additions from corrections. */
function truth(inner: Record<string, number>) {
  return (_u: string, s: Scope) => {
    let sum = 0;
    for (const h of s["herkomst"] ?? ["f", "a"]) for (const st of s["status"] ?? ["r", "o"]) sum += inner[`${h}${st}`] ?? 0;
    return sum;
  };
}

describe("revision exposure", () => {
  it("refuses when the published margins pin the added melding to one hidden cell", async () => {
    // Sent: rows 10/10, columns 10/10. Now one melding more in (f, r): rows 11/10, columns 11/10.
    // By hand: Δ(a,·) = 0 and Δ(·,o) = 0, so Δ(a,r) = Δ(a,o) = Δ(f,o) = 0 and Δ(f,r) = 1 exactly:
    // the reader knows the late melder is in the hidden cell (fractie, resultaat).
    const findings = await revisionExposure({
      universes,
      k,
      now: marginsOnly(11, 10, 11, 10),
      agreeing: [],
      earlier: [entry("v1", marginsOnly(10, 10, 10, 10))],
      trueValue: truth({ fr: 6, fo: 5, ar: 5, ao: 5 }),
    });
    const pinned = findings.filter((f) => f.soort === "verschil");
    expect(pinned.map((f) => f.key)).toEqual(["meldingen:herkomst=f;jaar=2021;status=r"]);
    expect(pinned[0]!.lo).toBe(1);
    // The hidden cells themselves stay wide (0..10 and 0..11): only the change is exposed.
    expect(findings.filter((f) => f.soort !== "verschil")).toEqual([]);
  });

  it("accepts a change that may lie in either of two hidden cells", async () => {
    // Only the row margins and the total are published (one-dimensional table f/a). Sent f = x,
    // a = x, total 20; now total 21. Δf + Δa = 1: each between 0 and 1, never certain.
    const oneWay = (total: number) => [fig(cell("f"), null), fig(cell("a"), null), fig(cell(), total)];
    const findings = await revisionExposure({
      universes,
      k,
      now: oneWay(21),
      agreeing: [],
      earlier: [entry("v1", oneWay(20))],
      trueValue: truth({ fr: 6, fo: 5, ar: 5, ao: 5 }),
    });
    expect(findings).toEqual([]);
  });

  it("refuses when a new pattern makes the new hidden cell, the old hidden cell and the change exact", async () => {
    // Status split, one year. Sent: r = 8 printed, o hidden, total 20. Now: r hidden, o = 12
    // printed, total 21. By hand: N(r) = 21 − 12 = 9 (one value: "nieuw"); O(o) = 20 − 8 = 12
    // (one value: "eerder" — the sent version was itself unsafe here); Δ(r) = 9 − 8 = 1 exactly
    // ("verschil": the late melding is certainly a hidden r).
    const sent = [fig(cell(undefined, "r"), 8), fig(cell(undefined, "o"), null), fig(cell(), 20)];
    const now = [fig(cell(undefined, "r"), null), fig(cell(undefined, "o"), 12), fig(cell(), 21)];
    const findings = await revisionExposure({
      universes,
      k,
      now,
      agreeing: [],
      earlier: [entry("v1", sent)],
      trueValue: truth({ fr: 5, fo: 6, ar: 4, ao: 6 }),
    });
    const byKind = Object.fromEntries(findings.map((f) => [f.soort, [f.lo, f.hi]]));
    expect(byKind).toEqual({ nieuw: [9, 9], eerder: [12, 12], verschil: [1, 1] });
  });

  it("models no link when a published count went down (a correction), and says nothing", async () => {
    const findings = await revisionExposure({
      universes,
      k,
      now: marginsOnly(9, 10, 9, 10),
      agreeing: [],
      earlier: [entry("v1", marginsOnly(10, 10, 10, 10))],
      trueValue: truth({ fr: 4, fo: 5, ar: 5, ao: 5 }),
    });
    expect(findings).toEqual([]);
  });

  it("keeps versions that contradict each other apart as separate old states", () => {
    const v1 = entry("v1", [fig(cell(), 20)]);
    const v1b = entry("v1-vpi", [fig(cell("f"), 10)]);
    const v2 = entry("v2", [fig(cell(), 21)]);
    expect(oldStates([v1, v1b, v2]).map((s) => s.map((e) => e.report))).toEqual([["v1", "v1-vpi"], ["v2"]]);
  });
});
