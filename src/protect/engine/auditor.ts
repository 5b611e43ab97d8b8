// The attacker's computation, kept in one persistent HiGHS model so that both `attack` (one
// pattern, every suppressed cell) and `suppress` (many patterns, the primary cells) can reuse it.
//
// Model: one column per (merged) inner variable, 0 ≤ x ≤ upper, integer where counts are; one
// row per cell and one per fact. The publication pattern only changes row bounds:
//   published cell  →  Σ x = value           (the reader knows it)
//   suppressed cell →  free row              (no information)
//   insider in q    →  Σ_q x ≥ 1             (a melder knows their own melding is in q)
// An interval end is a MIP optimum: the LP relaxation can be wider than what an attacker who
// knows counts are whole numbers can deduce.

import {
  PersistentModel,
  SolverInfeasibleError,
  SolverUnboundedError,
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

interface SolvedInterval extends Interval {
  /** Attacker's solutions at the two ends (absent when not solved, or hi is unbounded). */
  xLo?: Float64Array;
  xHi?: Float64Array;
}

export interface AuditResult extends Interval {
  /** Scenario giving the narrowest interval (PUBLIC on ties). */
  scenario: number;
  ok: boolean;
}

const WIDTH_TOL = 1e-9;
/** A solution value this close to 1 counts as "the insider's cell already holds a melding". */
const ONE = 1 - 1e-6;

export class Auditor {
  private published: boolean[];
  private roots: Int32Array | undefined;

  private constructor(
    private readonly model: PersistentModel,
    private readonly cells: readonly AuditCell[],
    private readonly cellCols: readonly (readonly number[])[],
    private readonly factCols: readonly (readonly number[])[],
    private readonly integral: readonly boolean[],
  ) {
    this.published = cells.map(() => false);
  }

  static async create(
    vars: readonly EngineVar[],
    cells: readonly AuditCell[],
    facts: readonly LinearFact[],
  ): Promise<Auditor> {
    const reduced = reduceVariables(vars, cells, facts);
    const rows: LinearRow[] = [
      ...reduced.cellCols.map((cols) => ({ terms: cols.map((col) => ({ col, coef: 1 })), lo: -Infinity, hi: Infinity })),
      ...facts.map((fact, f) => ({ terms: reduced.factTerms[f] ?? [], lo: fact.lo, hi: fact.hi })),
    ];
    const model = await PersistentModel.create({
      sense: "min",
      columns: reduced.columns.map((c) => ({ lo: 0, hi: c.upper, integer: c.integer })),
      rows,
    });
    const integral = reduced.cellCols.map((cols) => cols.every((c) => reduced.columns[c]?.integer === true));
    return new Auditor(
      model,
      cells,
      reduced.cellCols,
      reduced.factTerms.map((terms) => terms.map((t) => t.col)),
      integral,
    );
  }

  get size(): number {
    return this.cells.length;
  }

  /** Whether the cell is a sum of whole numbers only (then its interval ends are whole). */
  isIntegral(cell: number): boolean {
    return this.integral[cell] === true;
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
      this.model.setRowBounds(i, pub ? value : -Infinity, pub ? value : Infinity);
    });
    this.published = [...published];
    this.roots = undefined;
  }

  /**
   * Interval of `cell` in a scenario. Returns undefined when the insider scenario is impossible
   * (the insider's cell cannot hold a melding given what is published). Throws when the public
   * figures contradict each other.
   */
  async interval(
    cell: number,
    scenario: number,
    need: { lo: boolean; hi: boolean } = { lo: true, hi: true },
  ): Promise<SolvedInterval | undefined> {
    if (scenario !== PUBLIC) {
      if (this.isPublished(scenario)) throw new Error("Een insider-scenario vraagt een onderdrukte cel");
      this.model.setRowBounds(scenario, 1, Infinity);
    }
    try {
      const objective = this.objective(cell);
      const result: SolvedInterval = { lo: 0, hi: Infinity };
      if (need.lo) {
        const sol = await this.optimise("min", objective, scenario);
        if (!sol) return undefined;
        result.lo = this.snap(cell, sol.objective);
        result.xLo = sol.values;
      }
      if (need.hi) {
        try {
          const sol = await this.optimise("max", objective, scenario);
          if (!sol) return undefined;
          result.hi = this.snap(cell, sol.objective);
          result.xHi = sol.values;
        } catch (error) {
          if (!(error instanceof SolverUnboundedError)) throw error;
          result.hi = Infinity;
        }
      }
      return result;
    } finally {
      if (scenario !== PUBLIC) this.model.setRowBounds(scenario, -Infinity, Infinity);
    }
  }

  /**
   * Audit one suppressed cell: the public interval, then (optionally) every insider scenario that
   * can narrow it. `stopAtFailure` returns as soon as some scenario is too narrow (enough for
   * `suppress`); otherwise the narrowest interval over all scenarios is reported.
   */
  async audit(
    cell: number,
    requiredWidth: number,
    options: { insider: boolean; stopAtFailure: boolean },
  ): Promise<AuditResult> {
    const ok = (iv: Interval): boolean => iv.hi - iv.lo >= requiredWidth - WIDTH_TOL;
    const pub = await this.interval(cell, PUBLIC);
    if (!pub) throw new Error("onbereikbaar: het publieke scenario is altijd mogelijk");
    let best: AuditResult = { lo: pub.lo, hi: pub.hi, scenario: PUBLIC, ok: ok(pub) };
    if (!options.insider || (options.stopAtFailure && !best.ok)) return best;

    const reach = this.reachableRoots(cell);
    for (let q = 0; q < this.cells.length; q++) {
      if (q === cell || this.isPublished(q)) continue;
      // Neighbourhood: q matters only if some of its variables are linked to the cell's variables
      // through published cells and facts (transitively). Otherwise the constraint Σ_q ≥ 1 lives
      // in a separate block of the problem and cannot move this cell's interval.
      if (!this.linked(q, reach)) continue;
      // Adding Σ_q ≥ 1 cannot move an end whose optimal solution already has Σ_q ≥ 1.
      const needLo = pub.xLo !== undefined && this.sum(q, pub.xLo) < ONE;
      // An unbounded end stays unbounded: the improving ray survives any extra constraint that
      // leaves the problem feasible.
      const needHi = pub.xHi !== undefined && this.sum(q, pub.xHi) < ONE;
      if (!needLo && !needHi) continue;
      const iv = await this.interval(cell, q, { lo: needLo, hi: needHi });
      if (!iv) continue; // q cannot hold a melding: no insider there
      const candidate = { lo: needLo ? iv.lo : pub.lo, hi: needHi ? iv.hi : pub.hi };
      if (candidate.hi - candidate.lo < best.hi - best.lo - WIDTH_TOL) {
        best = { ...candidate, scenario: q, ok: ok(candidate) };
        if (options.stopAtFailure && !best.ok) return best;
      }
    }
    return best;
  }

  /**
   * Published cells whose rows carry a non-zero dual in the LP relaxation of the cell's min or
   * max problem (in the given scenario). Dropping the other published rows leaves the LP
   * interval unchanged (the same dual certificate still bounds it); this is a heuristic hint
   * for `suppress`, which verifies any cut it derives from it.
   */
  async bindingCells(cell: number, scenario: number): Promise<number[]> {
    if (scenario !== PUBLIC) this.model.setRowBounds(scenario, 1, Infinity);
    const binding = new Set<number>();
    try {
      for (const sense of ["min", "max"] as const) {
        this.model.setObjective(sense, this.objective(cell));
        let sol: LinearSolution;
        try {
          sol = await this.model.solve({ relax: true });
        } catch (error) {
          if (error instanceof SolverUnboundedError || error instanceof SolverInfeasibleError) continue;
          throw error;
        }
        const duals = sol.rowDuals;
        if (!duals) continue;
        for (let i = 0; i < this.cells.length; i++) {
          if (this.isPublished(i) && Math.abs(duals[i] ?? 0) > 1e-9) binding.add(i);
        }
      }
    } finally {
      if (scenario !== PUBLIC) this.model.setRowBounds(scenario, -Infinity, Infinity);
    }
    return [...binding].sort((a, b) => a - b);
  }

  dispose(): void {
    this.model.dispose();
  }

  private objective(cell: number): LinearTerm[] {
    const cols = this.cellCols[cell];
    if (!cols) throw new Error(`Cel ${cell} bestaat niet`);
    return cols.map((col) => ({ col, coef: 1 }));
  }

  private async optimise(
    sense: "min" | "max",
    objective: LinearTerm[],
    scenario: number,
  ): Promise<LinearSolution | undefined> {
    this.model.setObjective(sense, objective);
    try {
      return await this.model.solve();
    } catch (error) {
      if (!(error instanceof SolverInfeasibleError)) throw error;
      if (scenario !== PUBLIC) return undefined;
      throw new Error("De gepubliceerde cijfers en feiten zijn onderling strijdig: geen enkele invulling past");
    }
  }

  /** Remove solver noise: whole-number cells get whole ends, others 9 decimals. */
  private snap(cell: number, v: number): number {
    if (this.isIntegral(cell)) {
      const r = Math.round(v);
      if (Math.abs(v - r) < 1e-6) return r;
    }
    return Math.round(v * 1e9) / 1e9;
  }

  private sum(cell: number, x: Float64Array): number {
    let s = 0;
    for (const col of this.cellCols[cell] ?? []) s += x[col] ?? 0;
    return s;
  }

  private reachableRoots(cell: number): Set<number> {
    if (!this.roots) {
      const rows = [...this.cellCols.filter((_, i) => this.isPublished(i)), ...this.factCols];
      this.roots = componentRoots(this.model.numCols, rows);
    }
    const roots = this.roots;
    return new Set((this.cellCols[cell] ?? []).map((col) => roots[col] as number));
  }

  private linked(q: number, reach: Set<number>): boolean {
    const roots = this.roots;
    if (!roots) return true;
    return (this.cellCols[q] ?? []).some((col) => reach.has(roots[col] as number));
  }
}
