// The one place that talks to HiGHS (LP/MIP solver compiled to WebAssembly).
//
// Why a wrapper at all:
// - Loading the Wasm runtime costs tens of milliseconds, so it is loaded once (lazy singleton).
// - The audit solves hundreds of small problems that differ only in objective and a few row
//   bounds; a persistent native model (`PersistentModel`) avoids rebuilding them each time.
// - Outcomes other than "optimal" must never be mistaken for numbers: infeasible and unbounded
//   problems become typed errors, everything else a `SolverError`.
// - A Wasm solver that threw may have left its instance in a bad state, so after any exception
//   the native model is thrown away and rebuilt from the JavaScript copy we keep.
//
// Models are passed to HiGHS as structured sparse arrays (no text parsing, no names needed).
// lp-text.ts renders the same model as CPLEX LP text, for debugging.

import highsModule from "highs";
import type { Highs, Model, ModelData, OptionValue, VariableType } from "highs";

type Loader = (typeof import("highs"))["default"];
// The package ships one CommonJS-flavoured declaration file; under NodeNext TypeScript then
// types the default import as the module object. At runtime the ESM build's default export is
// the loader itself. Accept both shapes.
const loaderModule = highsModule as unknown as Loader | { default: Loader };
const highsLoader: Loader = typeof loaderModule === "function" ? loaderModule : loaderModule.default;

let runtime: Promise<Highs> | undefined;

/** The shared HiGHS runtime, loaded on first use. */
export function loadHighs(): Promise<Highs> {
  runtime ??= highsLoader().catch((error: unknown) => {
    runtime = undefined; // allow a later retry instead of caching the failure
    throw error;
  });
  return runtime;
}

/** Forget the runtime (after a Wasm abort); the next `loadHighs` instantiates a fresh one. */
function discardHighs(): void {
  runtime = undefined;
}

export interface LinearTerm {
  col: number;
  coef: number;
}

export interface LinearColumn {
  lo: number;
  /** May be Infinity. */
  hi: number;
  integer: boolean;
  /** Objective coefficient; 0 when omitted. */
  cost?: number;
  /** Only used by `toLpText` in lp-text.ts (made LP-safe there). */
  name?: string;
}

export interface LinearRow {
  terms: LinearTerm[];
  /** May be -Infinity. */
  lo: number;
  /** May be Infinity. */
  hi: number;
  name?: string;
}

export interface LinearModel {
  sense: "min" | "max";
  columns: LinearColumn[];
  rows: LinearRow[];
}

export interface SolveOptions {
  /** Solve the LP relaxation (integrality ignored); row duals are then returned. */
  relax?: boolean;
  /** Seconds; on reaching it with an incumbent the result has status "feasible". */
  timeLimit?: number;
}

export interface LinearSolution {
  /** "feasible": a limit stopped the solver with a solution that is not proven optimal. */
  status: "optimal" | "feasible";
  objective: number;
  /** Column values, in column order. */
  values: Float64Array;
  /** Row activities. */
  rowValues: Float64Array;
  /** Row duals (shadow prices); only for LP solves (`relax` or a model without integers). */
  rowDuals?: Float64Array;
}

export class SolverInfeasibleError extends Error {
  constructor(message = "HiGHS: het model is onoplosbaar (infeasible)") {
    super(message);
    this.name = "SolverInfeasibleError";
  }
}

export class SolverUnboundedError extends Error {
  constructor(message = "HiGHS: het model is onbegrensd (unbounded)") {
    super(message);
    this.name = "SolverUnboundedError";
  }
}

export class SolverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SolverError";
  }
}

// Exact answers: the default MIP gaps (1e-4 relative) would let the audit report an interval
// end that is only approximately extreme; a fixed seed keeps runs reproducible.
const BASE_OPTIONS: Readonly<Record<string, OptionValue>> = {
  output_flag: false,
  mip_rel_gap: 0,
  mip_abs_gap: 0,
  random_seed: 0,
};

/**
 * For LPs that are re-solved many times with a new objective: primal simplex keeps the previous
 * basis primal feasible after an objective change, and presolve would throw that basis away.
 * Measured ~25× faster per re-solve on a 15-year report than the defaults.
 */
export const HOT_LP_OPTIONS: Readonly<Record<string, OptionValue>> = {
  presolve: "off",
  simplex_strategy: 4,
};

/**
 * For the attacker's MIPs: small, with an integral objective and usually a zero gap at the root.
 * HiGHS's primal heuristics and symmetry detection then cost far more than they save (measured
 * ~4× on a 15-year report). Branch-and-bound alone still proves optimality. The same holds for
 * the pattern-choice MIP of `suppress` (master.ts): 9 → 2 ms per solve on the example report,
 * and no slower on the 10× benchmark tables.
 */
export const LEAN_MIP_OPTIONS: Readonly<Record<string, OptionValue>> = {
  mip_detect_symmetry: false,
  mip_heuristic_run_feasibility_jump: false,
  mip_heuristic_run_rins: false,
  mip_heuristic_run_rens: false,
  mip_heuristic_run_root_reduced_cost: false,
  mip_heuristic_run_zi_round: false,
  mip_heuristic_run_shifting: false,
};

/** A row left with fixed columns only must hold within this (relative) tolerance. */
const FIXED_ROW_TOL = 1e-9;

// HiGHS model status codes (highs.constants.modelStatus), named here for readability.
const STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  unbounded: 10,
  objectiveBound: 11,
  objectiveTarget: 12,
  timeLimit: 13,
  iterationLimit: 14,
  unknown: 15,
  solutionLimit: 16,
  interrupted: 17,
} as const;
const LIMIT_STATUSES: ReadonlySet<number> = new Set([
  STATUS.objectiveBound,
  STATUS.objectiveTarget,
  STATUS.timeLimit,
  STATUS.iterationLimit,
  STATUS.solutionLimit,
  STATUS.interrupted,
]);

/** Errors that describe the problem, not a solver breakdown (no rebuild needed). */
function isOutcome(error: unknown): boolean {
  return error instanceof SolverInfeasibleError || error instanceof SolverUnboundedError || error instanceof SolverError;
}

/** Throws a SolverError when the model is malformed (sizes, bounds, column indices). */
export function checkModel(model: LinearModel): void {
  const n = model.columns.length;
  model.columns.forEach((c, j) => {
    if (Number.isNaN(c.lo) || Number.isNaN(c.hi) || c.lo > c.hi) {
      throw new SolverError(`Kolom ${j}: ongeldige grenzen [${c.lo}, ${c.hi}]`);
    }
    if (c.cost !== undefined && !Number.isFinite(c.cost)) {
      throw new SolverError(`Kolom ${j}: ongeldige kostencoëfficiënt ${c.cost}`);
    }
  });
  model.rows.forEach((r, i) => checkRow(r, i, n));
}

function checkRow(r: LinearRow, i: number, numCols: number): void {
  if (Number.isNaN(r.lo) || Number.isNaN(r.hi)) {
    throw new SolverError(`Rij ${i}: ongeldige grenzen [${r.lo}, ${r.hi}]`);
  }
  const seen = new Set<number>();
  for (const t of r.terms) {
    if (!Number.isInteger(t.col) || t.col < 0 || t.col >= numCols) {
      throw new SolverError(`Rij ${i}: kolom ${t.col} bestaat niet`);
    }
    if (!Number.isFinite(t.coef)) throw new SolverError(`Rij ${i}: ongeldige coëfficiënt ${t.coef}`);
    if (seen.has(t.col)) throw new SolverError(`Rij ${i}: kolom ${t.col} komt dubbel voor`);
    seen.add(t.col);
  }
}

function toModelData(highs: Highs, model: LinearModel): ModelData {
  const n = model.columns.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of model.rows) {
    // HiGHS wants each row's column indices in a fixed order for reproducibility.
    const sorted = [...row.terms].sort((a, b) => a.col - b.col);
    for (const t of sorted) {
      indices.push(t.col);
      values.push(t.coef);
    }
    starts.push(indices.length);
  }
  const continuous: VariableType = highs.constants.variableType.continuous;
  const integer: VariableType = highs.constants.variableType.integer;
  return {
    numCols: n,
    numRows: model.rows.length,
    sense: model.sense === "max" ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: model.columns.map((c) => c.cost ?? 0),
    colLower: model.columns.map((c) => c.lo),
    colUpper: model.columns.map((c) => c.hi),
    rowLower: model.rows.map((r) => r.lo),
    rowUpper: model.rows.map((r) => r.hi),
    matrix: { format: "csr", numRows: model.rows.length, numCols: n, starts, indices, values },
    integrality: model.columns.map((c) => (c.integer ? integer : continuous)),
  };
}

/**
 * A model kept alive inside HiGHS between solves. Changes go to both the native model and the
 * JavaScript copy, so the native side can always be rebuilt after a solver exception.
 * Not reentrant (HiGHS solves synchronously; callers await one solve at a time).
 */
export class PersistentModel {
  private native: Model | undefined;
  private readonly spec: LinearModel;
  /** Columns that currently carry a non-zero cost (to reset them cheaply). */
  private costCols: number[] = [];
  private readonly hasIntegers: boolean;
  /** Current native time_limit option (Infinity = HiGHS default). */
  private timeLimit = Infinity;
  /** Whether the native model currently has its integrality (false after an LP solve). */
  private integralityOn = true;

  private constructor(
    private highs: Highs,
    spec: LinearModel,
    private readonly options: Readonly<Record<string, OptionValue>>,
  ) {
    this.spec = {
      sense: spec.sense,
      columns: spec.columns.map((c) => ({ ...c })),
      rows: spec.rows.map((r) => ({ ...r, terms: r.terms.map((t) => ({ ...t })) })),
    };
    this.costCols = this.spec.columns.flatMap((c, j) => ((c.cost ?? 0) !== 0 ? [j] : []));
    this.hasIntegers = this.spec.columns.some((c) => c.integer);
  }

  /** `options`: extra HiGHS options (snake_case names), applied after the base options. */
  static async create(spec: LinearModel, options: Readonly<Record<string, OptionValue>> = {}): Promise<PersistentModel> {
    checkModel(spec);
    const model = new PersistentModel(await loadHighs(), spec, options);
    model.build();
    return model;
  }

  get numRows(): number {
    return this.spec.rows.length;
  }

  get numCols(): number {
    return this.spec.columns.length;
  }

  private build(): void {
    const native = this.highs.createModel(toModelData(this.highs, this.spec));
    native.options.set({ ...BASE_OPTIONS, ...this.options });
    this.native = native;
    this.timeLimit = Infinity;
    this.integralityOn = true;
  }

  private model(): Model {
    if (!this.native) this.build();
    return this.native as Model;
  }

  /**
   * Apply a change to the native model. The JavaScript copy is updated first, so if the native
   * call fails the instance is simply dropped and the next solve rebuilds it with the change.
   */
  private apply(change: (m: Model) => void): void {
    if (!this.native) return; // rebuilt from the copy on the next solve
    try {
      change(this.native);
    } catch {
      this.dropNative();
    }
  }

  /** Replace the objective: `terms` get their coefficient, every other column 0. */
  setObjective(sense: "min" | "max", terms: readonly LinearTerm[]): void {
    for (const t of terms) {
      if (!this.spec.columns[t.col]) throw new SolverError(`Doelfunctie: kolom ${t.col} bestaat niet`);
    }
    const reset = this.costCols;
    for (const j of reset) {
      const col = this.spec.columns[j];
      if (col) col.cost = 0;
    }
    for (const t of terms) {
      const col = this.spec.columns[t.col] as LinearColumn;
      col.cost = (col.cost ?? 0) + t.coef;
    }
    this.costCols = [...new Set(terms.map((t) => t.col))];
    const senseChanged = sense !== this.spec.sense;
    this.spec.sense = sense;
    this.apply((m) => {
      for (const j of reset) m.changeColCost(j, 0);
      for (const j of this.costCols) m.changeColCost(j, this.spec.columns[j]?.cost ?? 0);
      if (senseChanged) {
        m.changeObjectiveSense(
          sense === "max" ? this.highs.constants.objectiveSense.maximize : this.highs.constants.objectiveSense.minimize,
        );
      }
    });
  }

  setRowBounds(row: number, lo: number, hi: number): void {
    const r = this.spec.rows[row];
    if (!r) throw new SolverError(`Rij ${row} bestaat niet`);
    if (r.lo === lo && r.hi === hi) return;
    r.lo = lo;
    r.hi = hi;
    this.apply((m) => m.changeRowBounds(row, lo, hi));
  }

  setColBounds(col: number, lo: number, hi: number): void {
    const c = this.spec.columns[col];
    if (!c) throw new SolverError(`Kolom ${col} bestaat niet`);
    if (c.lo === lo && c.hi === hi) return;
    c.lo = lo;
    c.hi = hi;
    this.apply((m) => m.changeColBounds(col, lo, hi));
  }

  /** Append a row; returns its index. */
  addRow(row: LinearRow): number {
    checkRow(row, this.spec.rows.length, this.spec.columns.length);
    const sorted = [...row.terms].sort((a, b) => a.col - b.col);
    this.spec.rows.push({ ...row, terms: sorted });
    this.apply((m) =>
      m.addRow(row.lo, row.hi, {
        indices: sorted.map((t) => t.col),
        values: sorted.map((t) => t.coef),
      }),
    );
    return this.spec.rows.length - 1;
  }

  /** Solve; throws SolverInfeasibleError / SolverUnboundedError / SolverError. */
  async solve(options: SolveOptions = {}): Promise<LinearSolution> {
    try {
      return this.solveOnce(options);
    } catch (error) {
      if (isOutcome(error)) throw error;
      // A native exception: the instance may be corrupted. Retry on a fresh instance.
      this.dropNative();
    }
    try {
      this.build();
      return this.solveOnce(options);
    } catch (error) {
      if (isOutcome(error)) throw error;
      // Still failing: the Wasm runtime itself may be broken (e.g. after an abort). Reload it.
      this.dropNative();
      discardHighs();
      this.highs = await loadHighs();
      this.build();
      return this.solveOnce(options);
    }
  }

  /**
   * Solve the model with the given columns fixed (lo = hi = value) as a separate, smaller model:
   * fixed columns are substituted into the rows (and the objective), rows left without a free
   * column are checked and dropped. HiGHS's per-solve work (presolve above all) grows with the
   * model, so a MIP over a few hundred free columns of a model with thousands is several times
   * faster this way than with the columns fixed in place. Columns whose bounds are equal count as
   * fixed too. Values and row activities are returned for the full model; no duals.
   * `cols` must increase strictly. Throws SolverInfeasibleError when the fixing leaves no solution.
   */
  async solveWithColumnsFixed(cols: Int32Array, values: Float64Array, options: SolveOptions = {}): Promise<LinearSolution> {
    const n = this.spec.columns.length;
    const fixed = new Float64Array(n).fill(NaN);
    for (let k = 0; k < cols.length; k++) {
      const j = cols[k] as number;
      const c = this.spec.columns[j];
      const v = values[k] as number;
      if (!c || (k > 0 && j <= (cols[k - 1] as number))) throw new SolverError("Vastgezette kolommen: ongeldige index");
      if (!(v >= c.lo && v <= c.hi)) throw new SolverError(`Kolom ${j}: waarde ${v} buiten de grenzen`);
      fixed[j] = v;
    }
    const newIndex = new Int32Array(n).fill(-1);
    const columns: LinearColumn[] = [];
    let offset = 0;
    this.spec.columns.forEach((c, j) => {
      if (Number.isNaN(fixed[j] as number) && c.lo === c.hi) fixed[j] = c.lo;
      const v = fixed[j] as number;
      if (Number.isNaN(v)) {
        newIndex[j] = columns.length;
        columns.push({ lo: c.lo, hi: c.hi, integer: c.integer, cost: c.cost ?? 0 });
      } else {
        offset += (c.cost ?? 0) * v;
      }
    });
    const rows: LinearRow[] = [];
    for (const r of this.spec.rows) {
      let shift = 0;
      const terms: LinearTerm[] = [];
      for (const t of r.terms) {
        const k = newIndex[t.col] as number;
        if (k >= 0) terms.push({ col: k, coef: t.coef });
        else shift += t.coef * (fixed[t.col] as number);
      }
      if (terms.length === 0) {
        const tol = FIXED_ROW_TOL * Math.max(1, Math.abs(shift));
        if (shift < r.lo - tol || shift > r.hi + tol) throw new SolverInfeasibleError();
        continue;
      }
      const lo = r.lo - shift;
      const hi = r.hi - shift;
      // A row that the free columns' bounds already satisfy (a free row, "t − Σx ≤ 0" with t
      // fixed at 0) only costs HiGHS time.
      let minActivity = 0;
      let maxActivity = 0;
      for (const t of terms) {
        const c = columns[t.col] as LinearColumn;
        minActivity += t.coef > 0 ? t.coef * c.lo : t.coef * c.hi;
        maxActivity += t.coef > 0 ? t.coef * c.hi : t.coef * c.lo;
      }
      if (minActivity >= lo && maxActivity <= hi) continue;
      rows.push({ terms, lo, hi });
    }
    const full = Float64Array.from(fixed, (v) => (Number.isNaN(v) ? 0 : v));
    if (columns.length === 0) {
      return { status: "optimal", objective: offset, values: full, rowValues: this.rowActivities(full) };
    }
    const sub = await PersistentModel.create({ sense: this.spec.sense, columns, rows }, this.options);
    try {
      const sol = await sub.solve(options);
      for (let j = 0; j < n; j++) {
        const k = newIndex[j] as number;
        if (k >= 0) full[j] = sol.values[k] ?? 0;
      }
      return { status: sol.status, objective: sol.objective + offset, values: full, rowValues: this.rowActivities(full) };
    } finally {
      sub.dispose();
    }
  }

  private rowActivities(values: Float64Array): Float64Array {
    return Float64Array.from(this.spec.rows, (r) => r.terms.reduce((sum, t) => sum + t.coef * (values[t.col] ?? 0), 0));
  }

  private solveOnce(options: SolveOptions): LinearSolution {
    const m = this.model();
    const relax = options.relax === true && this.hasIntegers;
    // Integrality is toggled lazily: consecutive LP solves then keep HiGHS's simplex basis and
    // re-solve from it (a hot start), which is what makes hundreds of audits cheap.
    this.setIntegrality(m, !relax);
    // The wrapper rejects non-finite option values; 1e300 s is "no limit". Only touch the
    // option when it changes.
    const limit = options.timeLimit ?? 1e300;
    if (limit !== this.timeLimit) {
      m.options.set("time_limit", limit);
      this.timeLimit = limit;
    }
    m.run();
    let status: number = m.getModelStatus();
    if (status === STATUS.unboundedOrInfeasible) status = this.disambiguate(m);
    if (status === STATUS.infeasible) throw new SolverInfeasibleError();
    if (status === STATUS.unbounded) throw new SolverUnboundedError();
    const hasPrimal = Number(m.info.get("primal_solution_status")) === 2;
    if (status === STATUS.optimal || (LIMIT_STATUSES.has(status) && hasPrimal)) {
      const sol = m.getSolution();
      const lp = relax || !this.hasIntegers;
      return {
        status: status === STATUS.optimal ? "optimal" : "feasible",
        objective: m.getObjectiveValue(),
        values: sol.colValue,
        rowValues: sol.rowValue,
        ...(lp && Number(m.info.get("dual_solution_status")) === 2 ? { rowDuals: sol.rowDual } : {}),
      };
    }
    // "Unknown" after a hot start is HiGHS losing its way from a stale basis (met once in an
    // audit of pooled tables): not an outcome of the problem, so solve() retries it on a fresh
    // instance (a plain Error); any other status without a solution is an outcome.
    if (status === STATUS.unknown) throw new Error(`HiGHS eindigde zonder oplossing (modelstatus ${status})`);
    throw new SolverError(`HiGHS eindigde zonder oplossing (modelstatus ${status})`);
  }

  private setIntegrality(m: Model, on: boolean): void {
    if (!this.hasIntegers || on === this.integralityOn) return;
    if (on) {
      m.changeColsIntegrality(
        { kind: "range", from: 0, to: this.spec.columns.length - 1 },
        this.spec.columns.map((c) =>
          c.integer ? this.highs.constants.variableType.integer : this.highs.constants.variableType.continuous,
        ),
      );
    } else {
      m.clearIntegrality();
    }
    this.integralityOn = on;
  }

  /** Whether column j is integer in the model (for callers checking LP solutions). */
  isInteger(col: number): boolean {
    return this.spec.columns[col]?.integer === true;
  }

  /**
   * Presolve may stop at "infeasible or unbounded". Decide by solving the feasibility problem
   * (objective 0): feasible means the original objective was unbounded.
   */
  private disambiguate(m: Model): number {
    const saved = this.costCols.map((j) => this.spec.columns[j]?.cost ?? 0);
    for (const j of this.costCols) m.changeColCost(j, 0);
    try {
      m.run();
      const status = m.getModelStatus();
      if (status === STATUS.optimal) return STATUS.unbounded;
      if (status === STATUS.infeasible) return STATUS.infeasible;
      // Presolve unsure again: ask without presolve.
      m.options.set("presolve", "off");
      try {
        m.run();
        const again = m.getModelStatus();
        return again === STATUS.optimal ? STATUS.unbounded : again === STATUS.infeasible ? STATUS.infeasible : again;
      } finally {
        m.options.set("presolve", "choose");
      }
    } finally {
      this.costCols.forEach((j, k) => m.changeColCost(j, saved[k] ?? 0));
    }
  }

  private dropNative(): void {
    try {
      this.native?.dispose();
    } catch {
      // A broken instance may refuse to dispose; it is discarded either way.
    }
    this.native = undefined;
  }

  /** Free the native memory (Wasm memory is not garbage collected). Idempotent. */
  dispose(): void {
    this.dropNative();
  }
}

/** One-shot solve of a structured model. */
export async function solveLinear(model: LinearModel, options: SolveOptions = {}): Promise<LinearSolution> {
  const persistent = await PersistentModel.create(model);
  try {
    return await persistent.solve(options);
  } finally {
    persistent.dispose();
  }
}
