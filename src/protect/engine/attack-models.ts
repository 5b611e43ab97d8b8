// The attacker's model, kept twice in HiGHS: an LP (re-solved hot from the previous basis) and
// a MIP with the same rows. Columns: one per (merged) inner variable, then one t_c per cell
// (pinned to 0 unless an objective asks for it, see exact-ends.ts). Rows: one per cell, one
// per fact, one t_c − Σ_c x ≤ 0 per cell. The publication pattern and an insider scenario
// only change row bounds:
//   published cell  →  Σ x = value           (the reader knows it)
//   suppressed cell →  free row              (no information)
//   insider in q    →  Σ_q x ≥ 1             (a melder knows their own melding is in q)
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
import { reduceVariables } from "./reduce.ts";
import { INTEGRALITY_TOL, PUBLIC, type AuditCell } from "./audit-types.ts";
import type { EngineVar, LinearFact } from "./types.ts";

export type Solved = LinearSolution | "infeasible" | "unbounded";

export class AttackModels {
  private published: boolean[];
  /** The insider scenario whose row is set now (PUBLIC when none). */
  private scenario = PUBLIC;

  private constructor(
    readonly lp: PersistentModel,
    readonly mip: PersistentModel,
    readonly cells: readonly AuditCell[],
    readonly cellCols: readonly (readonly number[])[],
    readonly facts: readonly { terms: LinearTerm[]; lo: number; hi: number }[],
    readonly integerCols: readonly number[],
    /** Number of x columns; t_c is column numX + c. */
    readonly numX: number,
  ) {
    this.published = cells.map(() => false);
  }

  static async create(vars: readonly EngineVar[], cells: readonly AuditCell[], facts: readonly LinearFact[]): Promise<AttackModels> {
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
    return new AttackModels(
      lp,
      mip,
      cells,
      reduced.cellCols,
      facts.map((fact, f) => ({ terms: reduced.factTerms[f] ?? [], lo: fact.lo, hi: fact.hi })),
      reduced.columns.flatMap((c, j) => (c.integer ? [j] : [])),
      numX,
    );
  }

  get currentScenario(): number {
    return this.scenario;
  }

  isPublished(cell: number): boolean {
    return this.published[cell] === true;
  }

  /** The cells the reader sees, as set by setPublished. */
  get pattern(): readonly boolean[] {
    return this.published;
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
  }

  /** Runs `fn` with an insider in `scenario` (Σ_q x ≥ 1); one scenario at a time. */
  async withScenario<T>(scenario: number, fn: () => Promise<T>): Promise<T> {
    if (scenario === PUBLIC) return fn();
    if (this.isPublished(scenario)) throw new Error("Een insider-scenario vraagt een onderdrukte cel");
    if (this.scenario !== PUBLIC) throw new Error("Insider-scenario's zijn niet te stapelen");
    this.setRow(scenario, 1, Infinity);
    this.scenario = scenario;
    try {
      return await fn();
    } finally {
      this.scenario = PUBLIC;
      this.setRow(scenario, -Infinity, Infinity);
    }
  }

  async run(model: PersistentModel, sense: "min" | "max", objective: LinearTerm[]): Promise<Solved> {
    model.setObjective(sense, objective);
    try {
      return await model.solve();
    } catch (error) {
      if (error instanceof SolverInfeasibleError) return "infeasible";
      if (error instanceof SolverUnboundedError) return "unbounded";
      throw error;
    }
  }

  setCol(col: number, lo: number, hi: number): void {
    this.lp.setColBounds(col, lo, hi);
    this.mip.setColBounds(col, lo, hi);
  }

  /** The cell's sum as an objective. */
  objective(cell: number): LinearTerm[] {
    const cols = this.cellCols[cell];
    if (!cols) throw new Error(`Cel ${cell} bestaat niet`);
    return cols.map((col) => ({ col, coef: 1 }));
  }

  /** Whether a solution is whole on every integer column. */
  whole(x: Float64Array): boolean {
    for (const col of this.integerCols) {
      const v = x[col] ?? 0;
      if (Math.abs(v - Math.round(v)) > INTEGRALITY_TOL) return false;
    }
    return true;
  }

  /** Whether the cell is a sum of whole numbers only (then its interval ends are whole). */
  isIntegral(cell: number): boolean {
    return (this.cellCols[cell] ?? []).every((col) => this.mip.isInteger(col));
  }

  /**
   * Whether the objective is whole at every MIP optimum: whole coefficients on integer x
   * columns, and on t columns of cells that are sums of integer columns only (at an optimum
   * t_q = min(1, Σ_q x), whole when Σ_q x is). An hours cell is not.
   */
  wholeObjective(objective: readonly LinearTerm[]): boolean {
    return objective.every(
      (t) => Number.isInteger(t.coef) && (t.col < this.numX ? this.mip.isInteger(t.col) : this.isIntegral(t.col - this.numX)),
    );
  }

  dispose(): void {
    this.lp.dispose();
    this.mip.dispose();
  }

  private setRow(row: number, lo: number, hi: number): void {
    this.lp.setRowBounds(row, lo, hi);
    this.mip.setRowBounds(row, lo, hi);
  }
}
