// The attacker's computation, kept in persistent HiGHS models so that both `attack` (one pattern,
// every suppressed cell, exact intervals) and `suppress` (many patterns, only "does every primary
// pass?") can reuse it.
//
// Model: one column per (merged) inner variable, 0 ≤ x ≤ upper, integer where counts are; one
// row per cell and one per fact. The publication pattern only changes row bounds:
//   published cell  →  Σ x = value           (the reader knows it)
//   suppressed cell →  free row              (no information)
//   insider in q    →  Σ_q x ≥ 1             (a melder knows their own melding is in q)
//
// Interval ends are MIP optima (an attacker who knows counts are whole can be sharper than the LP
// relaxation). A MIP costs ~50 ms here, an LP re-solve from the previous basis ~3 ms, so:
//   - The LP and the MIP live in two models: LP re-solves stay hot-started.
//   - The LP interval contains the MIP interval: LP too narrow ⇒ the cell fails, no MIP needed.
//   - Every whole-number solution met is kept ("pool", as its cell sums). Points that fit the
//     current pattern are integer witnesses: the MIP interval contains their range. Witnesses
//     wide enough ⇒ the cell passes, no MIP needed. An LP bound attained by a witness is exact.
//   - Only otherwise a MIP is solved, and first a small one (`runWhole`): the LP optimum is
//     usually fractional far from the cell (a year split in thirds that no objective touches
//     since), so every column on which it agrees with a whole witness is fixed at that value and
//     the rest goes to HiGHS as a separate model of a few hundred columns. When that MIP reaches
//     the LP bound it is optimal for the full problem; otherwise the full MIP decides.
// Insider scenarios are the expensive part (one per other suppressed cell q). A scenario cannot
// narrow an end if a witness at that end already has Σ_q ≥ 1. So when an end needs a MIP anyway,
// its objective also asks for a witness covering as many scenarios as possible (see
// `endWithCover`; auxiliary columns t_q ≤ min(1, Σ_q x), one per cell, pinned to 0 otherwise).
// Only scenarios left uncovered are solved one by one, again LP first.

import {
  HOT_LP_OPTIONS,
  LEAN_MIP_OPTIONS,
  PersistentModel,
  SolverInfeasibleError,
  SolverUnboundedError,
  type LinearColumn,
  type LinearRow,
  type LinearSolution,
  type LinearTerm,
} from "./highs.ts";
import { componentRoots, reduceVariables } from "./reduce.ts";
import type { EngineVar, LinearFact } from "./types.ts";

export interface AuditCell {
  id: string;
  terms: readonly number[];
  /** The value a reader sees when the cell is published (ignored while suppressed). */
  value: number;
}

/** Scenario index: PUBLIC, or the index of the cell an insider's own melding lies in. */
export const PUBLIC = -1;

export interface Interval {
  lo: number;
  hi: number;
}

/** The attack on one suppressed cell (protect/audit.ts has the AuditResult of a whole figures file). */
export interface CellAudit extends Interval {
  /** Scenario giving the narrowest interval (full audit), or the first failing one (pass mode). */
  scenario: number;
  ok: boolean;
}

export interface AuditorOptions {
  /**
   * Try a restricted MIP around a known whole point before the full MIP (default true). Off only
   * to compare against in tests and benchmarks: the answers are the same, only slower.
   */
  restrictedMips?: boolean;
}

/** How the MIP optima were found (for tests and benchmarks). */
export interface AuditorStats {
  /** LP optimum already whole. */
  wholeLps: number;
  /** Restricted MIP reached the LP bound. */
  restrictedHits: number;
  /** Restricted MIP fell short of the LP bound (the full MIP followed). */
  restrictedMisses: number;
  fullMips: number;
}

export type Verdict =
  | { verdict: "pass"; unboundedAbove?: boolean }
  | { verdict: "impossible" }
  | { verdict: "fail"; lo: number; hi: number };

/** A whole-number solution, stored as its cell sums plus the cells where it differs from the stored values. */
interface PoolPoint {
  sums: Float64Array;
  differs: Int32Array;
  /** Column values; kept for the newest points only (anchors for restricted MIPs). */
  x?: Float64Array;
}

type Bound = number | "infeasible" | "unbounded";

const WIDTH_TOL = 1e-9;
/** A sum this close to 1 counts as "the insider's cell holds a melding". */
const ONE = 1 - 1e-6;
/** LP values this close to a whole number count as whole. */
const INTEGRALITY_TOL = 1e-7;
const VALUE_TOL = 1e-6;
/** Oldest witnesses are dropped beyond this many (memory: one sum per cell each). */
const POOL_LIMIT = 2000;
/** Newest witnesses that keep their column values (memory: one value per column each). */
const ANCHOR_LIMIT = 32;

export class Auditor {
  private published: boolean[];
  private roots: Int32Array | undefined;
  private readonly pool: PoolPoint[] = [];
  /** Pool points that fit the current pattern (lazily rebuilt after a pattern change). */
  private fitting: PoolPoint[] | undefined;

  private constructor(
    private readonly lp: PersistentModel,
    private readonly mip: PersistentModel,
    private readonly cells: readonly AuditCell[],
    private readonly cellCols: readonly (readonly number[])[],
    private readonly facts: readonly { terms: LinearTerm[]; lo: number; hi: number }[],
    private readonly integerCols: readonly number[],
    /** Number of x columns; t_c is column numX + c. */
    private readonly numX: number,
    private readonly options: AuditorOptions,
  ) {
    this.published = cells.map(() => false);
  }

  static async create(
    vars: readonly EngineVar[],
    cells: readonly AuditCell[],
    facts: readonly LinearFact[],
    options: AuditorOptions = {},
  ): Promise<Auditor> {
    const reduced = reduceVariables(vars, cells, facts);
    const numX = reduced.columns.length;
    const columns = (integer: boolean): LinearColumn[] => [
      ...reduced.columns.map((c) => ({ lo: 0, hi: c.upper, integer: integer && c.integer })),
      ...cells.map(() => ({ lo: 0, hi: 0, integer: false })), // t_c, see header
    ];
    const rows: LinearRow[] = [
      ...reduced.cellCols.map((cols) => ({ terms: cols.map((col) => ({ col, coef: 1 })), lo: -Infinity, hi: Infinity })),
      ...facts.map((fact, f) => ({ terms: reduced.factTerms[f] ?? [], lo: fact.lo, hi: fact.hi })),
      // t_c − Σ_c x ≤ 0
      ...reduced.cellCols.map((cols, c) => ({
        terms: [{ col: numX + c, coef: 1 }, ...cols.map((col) => ({ col, coef: -1 }))],
        lo: -Infinity,
        hi: 0,
      })),
    ];
    const lp = await PersistentModel.create({ sense: "min", columns: columns(false), rows }, HOT_LP_OPTIONS);
    const mip = await PersistentModel.create({ sense: "min", columns: columns(true), rows }, LEAN_MIP_OPTIONS);
    return new Auditor(
      lp,
      mip,
      cells,
      reduced.cellCols,
      facts.map((fact, f) => ({ terms: reduced.factTerms[f] ?? [], lo: fact.lo, hi: fact.hi })),
      reduced.columns.flatMap((c, j) => (c.integer ? [j] : [])),
      numX,
      options,
    );
  }

  readonly stats: AuditorStats = { wholeLps: 0, restrictedHits: 0, restrictedMisses: 0, fullMips: 0 };

  get size(): number {
    return this.cells.length;
  }

  /** Whether the cell is a sum of whole numbers only (then its interval ends are whole). */
  isIntegral(cell: number): boolean {
    return (this.cellCols[cell] ?? []).every((col) => this.mip.isInteger(col));
  }

  isPublished(cell: number): boolean {
    return this.published[cell] === true;
  }

  /** Set which cells the reader sees. */
  setPublished(published: readonly boolean[]): void {
    if (published.length !== this.cells.length) throw new Error("Patroon heeft de verkeerde lengte");
    published.forEach((pub, i) => {
      const value = this.cells[i]?.value ?? 0;
      if (pub && !Number.isFinite(value)) throw new Error(`Cel ${this.cells[i]?.id}: waarde ${value} is ongeldig`);
      this.setRow(i, pub ? value : -Infinity, pub ? value : Infinity);
    });
    this.published = [...published];
    this.roots = undefined;
    this.fitting = undefined;
  }

  /**
   * Audit one suppressed cell. Full mode (`stopAtFailure` false): exact narrowest interval over
   * the public and all insider scenarios. Pass mode: only whether every scenario keeps the
   * required width; returns at the first failing scenario (its bounds may be LP bounds).
   */
  async audit(
    cell: number,
    requiredWidth: number,
    options: { insider: boolean; stopAtFailure: boolean },
  ): Promise<CellAudit> {
    return options.stopAtFailure
      ? this.auditPass(cell, requiredWidth, options.insider)
      : this.auditExact(cell, requiredWidth, options.insider);
  }

  /** Does the cell keep the required width in this one scenario (under the current pattern)? */
  async check(cell: number, requiredWidth: number, scenario: number): Promise<Verdict> {
    return this.withScenario(scenario, () => this.checkHere(cell, requiredWidth, scenario));
  }

  /**
   * Published cells whose rows carry a non-zero dual in the LP relaxation of the cell's min or
   * max problem (in the given scenario). Dropping the other published rows leaves the LP
   * interval unchanged (the same dual certificate still bounds it); this is a heuristic hint
   * for `suppress`, which verifies any cut it derives from it.
   */
  async bindingCells(cell: number, scenario: number): Promise<number[]> {
    const binding = new Set<number>();
    await this.withScenario(scenario, async () => {
      for (const sense of ["min", "max"] as const) {
        const sol = await this.run(this.lp, sense, this.objective(cell));
        if (typeof sol === "string" || !sol.rowDuals) continue;
        for (let i = 0; i < this.cells.length; i++) {
          if (this.isPublished(i) && Math.abs(sol.rowDuals[i] ?? 0) > 1e-9) binding.add(i);
        }
      }
    });
    return [...binding].sort((a, b) => a - b);
  }

  dispose(): void {
    this.lp.dispose();
    this.mip.dispose();
  }

  // ---------------------------------------------------------------------------------------
  // Full (exact) audit

  private async auditExact(cell: number, requiredWidth: number, insider: boolean): Promise<CellAudit> {
    const ok = (iv: Interval): boolean => iv.hi - iv.lo >= requiredWidth - WIDTH_TOL;
    const relevant = insider ? this.relevantScenarios(cell) : [];
    const lo = await this.endWithCover(cell, "min", relevant);
    const hiBound = await this.endWithCover(cell, "max", relevant);
    if (lo === "infeasible" || lo === "unbounded" || hiBound === "infeasible") throw contradiction();
    const hi = hiBound === "unbounded" ? Infinity : hiBound;
    let best: CellAudit = { lo, hi, scenario: PUBLIC, ok: ok({ lo, hi }) };

    for (const q of relevant) {
      // An end with a witness holding a melding in q is not moved by the scenario. An unbounded
      // end needs none: the improving ray survives any extra constraint that leaves it feasible.
      const needLo = !this.hasWitness(cell, q, { le: lo });
      const needHi = Number.isFinite(hi) && !this.hasWitness(cell, q, { ge: hi });
      if (!needLo && !needHi) continue;
      const iv = await this.withScenario(q, async (): Promise<Interval | undefined> => {
        const qlo = needLo ? await this.endWithCover(cell, "min", []) : lo;
        if (qlo === "infeasible" || qlo === "unbounded") return undefined; // q cannot hold a melding
        const qhi = needHi ? await this.endWithCover(cell, "max", []) : hi;
        if (qhi === "infeasible") return undefined;
        return { lo: qlo, hi: qhi === "unbounded" ? Infinity : qhi };
      });
      if (iv && iv.hi - iv.lo < best.hi - best.lo - WIDTH_TOL) best = { ...iv, scenario: q, ok: ok(iv) };
    }
    return best;
  }

  // ---------------------------------------------------------------------------------------
  // Pass/fail audit

  private async auditPass(cell: number, requiredWidth: number, insider: boolean): Promise<CellAudit> {
    const pub = await this.checkHere(cell, requiredWidth, PUBLIC, insider);
    if (pub.verdict === "fail") return { lo: pub.lo, hi: pub.hi, scenario: PUBLIC, ok: false };
    if (!insider) return { lo: NaN, hi: NaN, scenario: PUBLIC, ok: true };
    for (const q of this.relevantScenarios(cell)) {
      if (this.widthOfWitnesses(cell, q) >= requiredWidth - WIDTH_TOL) continue;
      // Unbounded above stays unbounded in any scenario with a whole solution (a witness).
      if (pub.verdict === "pass" && pub.unboundedAbove === true && this.range(cell, q)) continue;
      const v = await this.check(cell, requiredWidth, q);
      if (v.verdict === "fail") return { lo: v.lo, hi: v.hi, scenario: q, ok: false };
    }
    return { lo: NaN, hi: NaN, scenario: PUBLIC, ok: true };
  }

  /**
   * The pass check in the scenario currently set. With `coverInsiders` (public scenario), the
   * solutions it computes also try to hold a melding in every relevant insider cell.
   */
  private async checkHere(cell: number, w: number, scenario: number, coverInsiders = false): Promise<Verdict> {
    const open = coverInsiders ? this.relevantScenarios(cell) : [];
    const wide = (q: number): boolean => this.widthOfWitnesses(cell, q) >= w - WIDTH_TOL;
    if (wide(scenario) && open.every(wide)) return { verdict: "pass" };

    const lo = await this.lpBound(cell, "min");
    if (lo === "infeasible" || lo === "unbounded") {
      if (scenario === PUBLIC) throw contradiction();
      return { verdict: "impossible" };
    }
    const hiBound = await this.lpBound(cell, "max");
    if (hiBound === "infeasible") return { verdict: "impossible" };
    const hi = hiBound === "unbounded" ? Infinity : hiBound;
    if (hi - lo < w - WIDTH_TOL) {
      // The LP interval contains the MIP interval: fails, if the scenario has a whole solution.
      if (scenario === PUBLIC || this.range(cell, scenario)) return { verdict: "fail", lo, hi };
      const m = await this.mipEnd(cell, "min");
      if (m === "infeasible" || m === "unbounded") return { verdict: "impossible" };
      return { verdict: "fail", lo: m, hi };
    }
    if (wide(scenario) && open.length === 0) return { verdict: "pass", unboundedAbove: hi === Infinity };

    const m = await this.endWithCover(cell, "min", open);
    if (m === "infeasible" || m === "unbounded") {
      if (scenario === PUBLIC) throw contradiction();
      return { verdict: "impossible" };
    }
    const mb = Number.isFinite(hi) ? await this.endWithCover(cell, "max", open) : "unbounded";
    const top = mb === "unbounded" ? Infinity : mb === "infeasible" ? m : mb;
    return top - m >= w - WIDTH_TOL
      ? { verdict: "pass", unboundedAbove: top === Infinity }
      : { verdict: "fail", lo: m, hi: top };
  }

  // ---------------------------------------------------------------------------------------
  // Exact ends and witnesses

  /**
   * Exact end of the cell in the current scenario, also trying to leave witnesses on that end's
   * face that hold a melding in each `open` insider cell. The LP bound is exact when a witness
   * attains it; otherwise the MIP decides. With insider cells to cover and a whole-number cell,
   * the MIP objective is K·cell ∓ Σ t_q with K = |open| + 1: one unit of the cell outweighs every
   * t together, so the optimum is still the exact end, and among such optima one that covers as
   * many insider cells as possible. Repeated while that makes progress.
   */
  private async endWithCover(cell: number, sense: "min" | "max", open: readonly number[]): Promise<Bound> {
    const bound = await this.lpBound(cell, sense);
    if (typeof bound === "string") return bound;
    const face = (v: number): { le?: number; ge?: number } => (sense === "min" ? { le: v } : { ge: v });
    const attained = this.range(cell, this.currentScenario, face(bound)) !== undefined;
    let todo = open.filter((q) => !this.hasWitness(cell, q, face(bound)));
    if (attained && todo.length === 0) return bound;
    if (!this.isIntegral(cell) || todo.length === 0) return attained ? bound : this.mipEnd(cell, sense);

    let end: number = bound;
    for (;;) {
      const k = todo.length + 1;
      for (const q of todo) this.setCol(this.numX + q, 0, 1);
      let sol: LinearSolution | "infeasible" | "unbounded";
      try {
        const sign = sense === "min" ? -1 : 1;
        sol = await this.runWhole(sense, [
          ...this.objective(cell).map((t) => ({ col: t.col, coef: k })),
          ...todo.map((q) => ({ col: this.numX + q, coef: sign })),
        ]);
      } finally {
        for (const q of todo) this.setCol(this.numX + q, 0, 0);
      }
      if (typeof sol === "string") return sol;
      const point = this.remember(sol.values);
      end = point.sums[cell] ?? end;
      const next = todo.filter((q) => (point.sums[q] ?? 0) < ONE);
      if (next.length === 0 || next.length === todo.length) return end;
      todo = next;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Solves

  private currentScenario = PUBLIC;

  private async withScenario<T>(scenario: number, fn: () => Promise<T>): Promise<T> {
    if (scenario === PUBLIC) return fn();
    if (this.isPublished(scenario)) throw new Error("Een insider-scenario vraagt een onderdrukte cel");
    if (this.currentScenario !== PUBLIC) throw new Error("Insider-scenario's zijn niet te stapelen");
    this.setRow(scenario, 1, Infinity);
    this.currentScenario = scenario;
    try {
      return await fn();
    } finally {
      this.currentScenario = PUBLIC;
      this.setRow(scenario, -Infinity, Infinity);
    }
  }

  /** LP bound of an end, rounded outward to whole numbers for whole cells (still a valid bound). */
  private async lpBound(cell: number, sense: "min" | "max"): Promise<Bound> {
    const sol = await this.run(this.lp, sense, this.objective(cell));
    if (typeof sol === "string") return sol;
    if (this.whole(sol.values)) this.remember(sol.values);
    const v = sol.objective;
    if (!this.isIntegral(cell)) return snap(v);
    // "+ 0" turns a -0 from ceil(-1e-9) into 0.
    return (sense === "min" ? Math.ceil(v - VALUE_TOL) : Math.floor(v + VALUE_TOL)) + 0;
  }

  private async mipEnd(cell: number, sense: "min" | "max"): Promise<Bound> {
    const sol = await this.runWhole(sense, this.objective(cell));
    if (typeof sol === "string") return sol;
    this.remember(sol.values);
    return this.isIntegral(cell) ? Math.round(sol.objective) : snap(sol.objective);
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
  private async runWhole(sense: "min" | "max", objective: LinearTerm[]): Promise<LinearSolution | "infeasible" | "unbounded"> {
    const relaxed = await this.run(this.lp, sense, objective);
    if (typeof relaxed !== "string" && this.whole(relaxed.values)) {
      this.stats.wholeLps++;
      return relaxed;
    }
    const anchor = this.options.restrictedMips === false ? undefined : this.anchor();
    if (typeof relaxed !== "string" && anchor) {
      const restricted = await this.restrictedMip(sense, objective, relaxed, anchor);
      if (restricted) {
        this.stats.restrictedHits++;
        return restricted;
      }
      this.stats.restrictedMisses++;
    }
    this.stats.fullMips++;
    return this.run(this.mip, sense, objective);
  }

  private async restrictedMip(
    sense: "min" | "max",
    objective: LinearTerm[],
    relaxed: LinearSolution,
    anchor: Float64Array,
  ): Promise<LinearSolution | undefined> {
    const fixedCols: number[] = [];
    const fixedValues: number[] = [];
    for (const col of this.integerCols) {
      const w = anchor[col] ?? 0;
      if (Math.abs((relaxed.values[col] ?? 0) - w) <= INTEGRALITY_TOL) {
        fixedCols.push(col);
        fixedValues.push(w);
      }
    }
    const lp = relaxed.objective;
    const bound = !this.wholeObjective(objective)
      ? lp
      : sense === "min"
        ? Math.ceil(lp - VALUE_TOL)
        : Math.floor(lp + VALUE_TOL);
    this.mip.setObjective(sense, objective);
    let restricted: LinearSolution;
    try {
      restricted = await this.mip.solveWithColumnsFixed(Int32Array.from(fixedCols), Float64Array.from(fixedValues));
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

  /**
   * Whether the objective is whole at every MIP optimum: whole coefficients on integer x
   * columns, and on t columns of cells that are sums of integer columns only (at an optimum
   * t_q = min(1, Σ_q x), whole when Σ_q x is). An hours cell is not.
   */
  private wholeObjective(objective: readonly LinearTerm[]): boolean {
    return objective.every(
      (t) => Number.isInteger(t.coef) && (t.col < this.numX ? this.mip.isInteger(t.col) : this.isIntegral(t.col - this.numX)),
    );
  }

  /**
   * The newest whole witness (with column values) that fits the pattern and the current
   * scenario. Measured against "the witness closest to the LP optimum": that one leaves fewer
   * columns free, but its restricted MIP misses the LP bound five times as often.
   */
  private anchor(): Float64Array | undefined {
    const points = this.fittingPoints();
    for (let k = points.length - 1; k >= 0; k--) {
      const p = points[k] as PoolPoint;
      if (!p.x) break; // older points have dropped their values
      if (this.currentScenario === PUBLIC || (p.sums[this.currentScenario] ?? 0) >= ONE) return p.x;
    }
    return undefined;
  }

  private async run(
    model: PersistentModel,
    sense: "min" | "max",
    objective: LinearTerm[],
  ): Promise<LinearSolution | "infeasible" | "unbounded"> {
    model.setObjective(sense, objective);
    try {
      return await model.solve();
    } catch (error) {
      if (error instanceof SolverInfeasibleError) return "infeasible";
      if (error instanceof SolverUnboundedError) return "unbounded";
      throw error;
    }
  }

  private setRow(row: number, lo: number, hi: number): void {
    this.lp.setRowBounds(row, lo, hi);
    this.mip.setRowBounds(row, lo, hi);
  }

  private setCol(col: number, lo: number, hi: number): void {
    this.lp.setColBounds(col, lo, hi);
    this.mip.setColBounds(col, lo, hi);
  }

  private objective(cell: number): LinearTerm[] {
    const cols = this.cellCols[cell];
    if (!cols) throw new Error(`Cel ${cell} bestaat niet`);
    return cols.map((col) => ({ col, coef: 1 }));
  }

  private whole(x: Float64Array): boolean {
    for (const col of this.integerCols) {
      const v = x[col] ?? 0;
      if (Math.abs(v - Math.round(v)) > INTEGRALITY_TOL) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // Pool of whole solutions

  /** Store a whole solution found under the current pattern (and scenario). */
  private remember(values: Float64Array): PoolPoint {
    const x = new Float64Array(this.numX);
    for (let j = 0; j < this.numX; j++) x[j] = values[j] ?? 0;
    for (const col of this.integerCols) x[col] = Math.round(x[col] ?? 0);
    const sums = new Float64Array(this.cells.length);
    const differs: number[] = [];
    this.cellCols.forEach((cols, c) => {
      let s = 0;
      for (const col of cols) s += x[col] ?? 0;
      sums[c] = s;
      if (Math.abs(s - (this.cells[c]?.value ?? 0)) > VALUE_TOL) differs.push(c);
    });
    const point: PoolPoint = { sums, differs: Int32Array.from(differs), x };
    const old = this.pool[this.pool.length - ANCHOR_LIMIT];
    if (old) delete old.x;
    if (this.pool.length >= POOL_LIMIT) this.pool.shift();
    this.pool.push(point);
    this.fitting?.push(point);
    return point;
  }

  /** Pool points that satisfy the current pattern (facts hold for every stored point). */
  private fittingPoints(): PoolPoint[] {
    if (!this.fitting) {
      this.fitting = this.pool.filter((p) => {
        for (const c of p.differs) if (this.published[c]) return false;
        return true;
      });
    }
    return this.fitting;
  }

  /** Range of the cell over fitting points (with Σ_q ≥ 1 for an insider scenario, and a limit). */
  private range(cell: number, scenario: number, limit: { le?: number; ge?: number } = {}): Interval | undefined {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of this.fittingPoints()) {
      if (scenario !== PUBLIC && (p.sums[scenario] ?? 0) < ONE) continue;
      const v = p.sums[cell] ?? 0;
      if (limit.le !== undefined && v > limit.le + VALUE_TOL) continue;
      if (limit.ge !== undefined && v < limit.ge - VALUE_TOL) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return lo <= hi ? { lo, hi } : undefined;
  }

  private hasWitness(cell: number, q: number, limit: { le?: number; ge?: number }): boolean {
    return this.range(cell, q, limit) !== undefined;
  }

  /** Width the MIP interval has at least, by the fitting witnesses (−Infinity without any). */
  private widthOfWitnesses(cell: number, scenario: number): number {
    const r = this.range(cell, scenario);
    return r ? r.hi - r.lo : -Infinity;
  }

  // ---------------------------------------------------------------------------------------
  // Neighbourhood

  /**
   * Insider cells that can matter for `cell`: suppressed, other than the cell, and linked to it
   * through published cells and facts (transitively). An unlinked q lives in a separate block of
   * the problem, so Σ_q ≥ 1 cannot move the cell's interval.
   */
  private relevantScenarios(cell: number): number[] {
    if (!this.roots) {
      const rows = [
        ...this.cellCols.filter((_, i) => this.isPublished(i)),
        ...this.facts.map((f) => f.terms.map((t) => t.col)),
      ];
      this.roots = componentRoots(this.numX, rows);
    }
    const roots = this.roots;
    const own = new Set(this.cellCols[cell] ?? []);
    const reach = new Set([...own].map((col) => roots[col] as number));
    const out: number[] = [];
    for (let q = 0; q < this.cells.length; q++) {
      if (q === cell || this.isPublished(q)) continue;
      // A melder in q ⊆ cell is a contributor to the cell itself: that they know their own
      // melding is in it tells them nothing the cell's protection is about (the same holds for
      // q = cell). Only insiders elsewhere learn something about the cell.
      const cols = this.cellCols[q] ?? [];
      if (cols.length > 0 && cols.every((col) => own.has(col))) continue;
      if (cols.some((col) => reach.has(roots[col] as number))) out.push(q);
    }
    return out;
  }
}

function contradiction(): Error {
  return new Error("De gepubliceerde cijfers en feiten zijn onderling strijdig: geen enkele invulling past");
}

/** Remove solver noise from a non-whole value. */
function snap(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}
