// Exact ends of a cell's interval: LP bounds, MIP optima found as cheaply as possible, and
// witnesses left on an end's face for the insider scenarios still to cover.
//
// A MIP costs ~50 ms here, an LP re-solve from the previous basis ~3 ms, so:
//   - The LP interval contains the MIP interval: LP too narrow ⇒ the cell fails, no MIP needed.
//   - An LP bound attained by a witness (witness-pool.ts) is exact.
//   - Only otherwise a MIP is solved, and first a small one (`runWhole`): the LP optimum is
//     usually fractional far from the cell (a year split in thirds that no objective touches
//     since), so every column on which it agrees with a whole witness is fixed at that value and
//     the rest goes to HiGHS as a separate model of a few hundred columns. When that MIP reaches
//     the LP bound it is optimal for the full problem; otherwise the full MIP decides.
import type { AttackModels, Solved } from "./attack-models.ts";
import { ONE, snap, VALUE_TOL, INTEGRALITY_TOL, type AuditorOptions, type AuditorStats, type Bound, type Face } from "./audit-types.ts";
import { SolverInfeasibleError, SolverUnboundedError, type LinearSolution, type LinearTerm } from "./highs.ts";
import type { WitnessPool } from "./witness-pool.ts";

export class ExactEnds {
  readonly stats: AuditorStats = { wholeLps: 0, restrictedHits: 0, restrictedMisses: 0, fullMips: 0 };

  constructor(
    private readonly models: AttackModels,
    private readonly pool: WitnessPool,
    private readonly options: AuditorOptions,
  ) {}

  /** LP bound of an end, rounded outward to whole numbers for whole cells (still a valid bound). */
  async lpBound(cell: number, sense: "min" | "max"): Promise<Bound> {
    const m = this.models;
    const sol = await m.run(m.lp, sense, m.objective(cell));
    if (typeof sol === "string") return sol;
    if (m.whole(sol.values)) this.pool.remember(sol.values);
    const v = sol.objective;
    if (!m.isIntegral(cell)) return snap(v);
    // "+ 0" turns a -0 from ceil(-1e-9) into 0.
    return (sense === "min" ? Math.ceil(v - VALUE_TOL) : Math.floor(v + VALUE_TOL)) + 0;
  }

  /** The exact end by a MIP (found as cheaply as `runWhole` can). */
  async mipEnd(cell: number, sense: "min" | "max"): Promise<Bound> {
    const sol = await this.runWhole(sense, this.models.objective(cell));
    if (typeof sol === "string") return sol;
    this.pool.remember(sol.values);
    return this.models.isIntegral(cell) ? Math.round(sol.objective) : snap(sol.objective);
  }

  /**
   * Exact end of the cell in the current scenario, also trying to leave witnesses on that end's
   * face that hold a melding in each `open` insider cell. The LP bound is exact when a witness
   * attains it; otherwise the MIP decides. With insider cells to cover and a whole-number cell,
   * the MIP objective is K·cell ∓ Σ t_q with K = |open| + 1: one unit of the cell outweighs every
   * t together, so the optimum is still the exact end, and among such optima one that covers as
   * many insider cells as possible. Repeated while that makes progress.
   */
  async endWithCover(cell: number, sense: "min" | "max", open: readonly number[]): Promise<Bound> {
    const m = this.models;
    const bound = await this.lpBound(cell, sense);
    if (typeof bound === "string") return bound;
    const face = (v: number): Face => (sense === "min" ? { le: v } : { ge: v });
    const attained = this.pool.range(cell, m.currentScenario, face(bound)) !== undefined;
    let todo = open.filter((q) => !this.pool.hasWitness(cell, q, face(bound)));
    if (attained && todo.length === 0) return bound;
    if (!m.isIntegral(cell) || todo.length === 0) return attained ? bound : this.mipEnd(cell, sense);

    let end: number = bound;
    for (;;) {
      const k = todo.length + 1;
      for (const q of todo) m.setCol(m.numX + q, 0, 1);
      let sol: Solved;
      try {
        const sign = sense === "min" ? -1 : 1;
        sol = await this.runWhole(sense, [
          ...m.objective(cell).map((t) => ({ col: t.col, coef: k })),
          ...todo.map((q) => ({ col: m.numX + q, coef: sign })),
        ]);
      } finally {
        for (const q of todo) m.setCol(m.numX + q, 0, 0);
      }
      if (typeof sol === "string") return sol;
      const point = this.pool.remember(sol.values);
      end = point.sums[cell] ?? end;
      const next = todo.filter((q) => (point.sums[q] ?? 0) < ONE);
      if (next.length === 0 || next.length === todo.length) return end;
      todo = next;
    }
  }

  /**
   * A MIP optimum, found cheaply where possible.
   *
   * 1. The LP (hot-started, ~2 ms): if its optimum is whole it is a MIP optimum.
   * 2. A restricted MIP: every column on which the LP optimum agrees with a whole witness of
   *    this pattern and scenario (the anchor) is fixed at that value. The restricted problem
   *    contains the anchor, and the LP optimum, so when its MIP optimum reaches the LP bound, no
   *    point of the full problem does better. When the objective takes whole values at every
   *    MIP optimum (`wholeObjective`), the bound is the LP optimum rounded inward. The LP optimum
   *    typically differs from the anchor only near the cell, so this MIP is a fraction of the
   *    full one (~3× faster on a 15-year report: HiGHS's presolve is most of a MIP's time there).
   * 3. Otherwise the full MIP.
   */
  private async runWhole(sense: "min" | "max", objective: LinearTerm[]): Promise<Solved> {
    const m = this.models;
    const relaxed = await m.run(m.lp, sense, objective);
    if (typeof relaxed !== "string" && m.whole(relaxed.values)) {
      this.stats.wholeLps++;
      return relaxed;
    }
    const anchor = this.options.restrictedMips === false ? undefined : this.pool.anchor(m.currentScenario);
    if (typeof relaxed !== "string" && anchor) {
      const restricted = await this.restrictedMip(sense, objective, relaxed, anchor);
      if (restricted) {
        this.stats.restrictedHits++;
        return restricted;
      }
      this.stats.restrictedMisses++;
    }
    this.stats.fullMips++;
    return m.run(m.mip, sense, objective);
  }

  private async restrictedMip(
    sense: "min" | "max",
    objective: LinearTerm[],
    relaxed: LinearSolution,
    anchor: Float64Array,
  ): Promise<LinearSolution | undefined> {
    const m = this.models;
    const fixedCols: number[] = [];
    const fixedValues: number[] = [];
    for (const col of m.integerCols) {
      const w = anchor[col] ?? 0;
      if (Math.abs((relaxed.values[col] ?? 0) - w) <= INTEGRALITY_TOL) {
        fixedCols.push(col);
        fixedValues.push(w);
      }
    }
    const lp = relaxed.objective;
    const bound = !m.wholeObjective(objective) ? lp : sense === "min" ? Math.ceil(lp - VALUE_TOL) : Math.floor(lp + VALUE_TOL);
    m.mip.setObjective(sense, objective);
    let restricted: LinearSolution;
    try {
      restricted = await m.mip.solveWithColumnsFixed(Int32Array.from(fixedCols), Float64Array.from(fixedValues));
    } catch (error) {
      // Cannot happen while the anchor fits (it is a point of the restricted problem); any
      // outcome other than a solution just means: solve the full MIP.
      if (error instanceof SolverInfeasibleError || error instanceof SolverUnboundedError) return undefined;
      throw error;
    }
    if (restricted.status !== "optimal") return undefined;
    const tol = VALUE_TOL * Math.max(1, Math.abs(bound));
    const reached = sense === "min" ? restricted.objective <= bound + tol : restricted.objective >= bound - tol;
    return reached ? restricted : undefined;
  }
}
