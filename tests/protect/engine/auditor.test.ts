import { describe, expect, it } from "vitest";
import { Auditor, type AuditorStats } from "../../../src/protect/engine/auditor.ts";
import { suppress } from "../../../src/protect/engine/index.ts";
import type { SuppressionProblem } from "../../../src/protect/engine/index.ts";
import { reportTables } from "../../../bench/protection-tables.ts";

// The restricted MIP (columns fixed at a known whole point, see Auditor.runWhole) is a shortcut:
// it must give exactly the intervals the full MIP gives. These linked multi-year tables are the
// kind where the LP optima are fractional and the shortcut is taken most.

async function exactIntervals(problem: SuppressionProblem, suppressed: ReadonlySet<string>, restrictedMips: boolean) {
  const auditor = await Auditor.create(problem.vars, problem.cells, problem.facts, { restrictedMips });
  try {
    auditor.setPublished(problem.cells.map((c) => !suppressed.has(c.id)));
    const out: string[] = [];
    for (let i = 0; i < problem.cells.length; i++) {
      const cell = problem.cells[i];
      if (!cell || !suppressed.has(cell.id)) continue;
      const r = await auditor.audit(i, cell.requiredWidth, { insider: true, stopAtFailure: false });
      out.push(`${cell.id} [${r.lo}, ${r.hi}] ${r.scenario} ${r.ok}`);
    }
    return { intervals: out, stats: { ...auditor.stats } as AuditorStats };
  } finally {
    auditor.dispose();
  }
}

/** Suppress, then audit the pattern exactly with and without restricted MIPs. */
async function bothWays(problem: SuppressionProblem) {
  const result = await suppress(problem, { insider: true });
  const suppressed = new Set(result.suppressed);
  expect(suppressed.size).toBeGreaterThan(4);
  const fast = await exactIntervals(problem, suppressed, true);
  const full = await exactIntervals(problem, suppressed, false);
  expect(fast.intervals).toEqual(full.intervals);
  return { fast: fast.stats, full: full.stats };
}

describe("auditor: restricted MIPs", () => {
  for (const [years, seed] of [
    [4, 1],
    [5, 2],
    [6, 3],
  ] as const) {
    it(`give the same exact intervals as full MIPs (${years} linked years, seed ${seed})`, async () => {
      const { fast, full } = await bothWays(reportTables(years, seed));
      // The comparison means something only if the shortcut was taken.
      expect(fast.restrictedHits).toBeGreaterThan(0);
      expect(full.restrictedHits + full.restrictedMisses).toBe(0);
      expect(full.fullMips).toBeGreaterThan(fast.fullMips);
    });
  }

  it("give the same exact intervals when some variables are not whole numbers (hours beside counts)", async () => {
    // Every third inner variable continuous: cells over them have fractional interval ends, and
    // a restricted MIP may only stop at the LP bound itself, not at the bound rounded inward.
    const base = reportTables(5, 4);
    const { fast } = await bothWays({ ...base, vars: base.vars.map((v, i) => ({ ...v, integer: i % 3 !== 0 })) });
    expect(fast.restrictedHits + fast.wholeLps).toBeGreaterThan(0);
  });
});
