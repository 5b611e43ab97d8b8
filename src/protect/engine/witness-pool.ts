// The pool of whole-number solutions the auditor has met ("witnesses"), as their cell sums.
// A point that fits the current pattern is a whole solution the reader cannot rule out, so
// the exact interval of a cell contains the range of the fitting points: wide enough ⇒ the
// cell passes without a MIP, and an LP bound attained by a witness is exact.
import { ONE, PUBLIC, VALUE_TOL, type AuditCell, type Face, type Interval } from "./audit-types.ts";

/** A whole-number solution, stored as its cell sums plus the cells where it differs from the stored values. */
export interface PoolPoint {
  sums: Float64Array;
  differs: Int32Array;
  /** Column values; kept for the newest points only (anchors for restricted MIPs). */
  x?: Float64Array;
}

/** Oldest witnesses are dropped beyond this many (memory: one sum per cell each). */
const POOL_LIMIT = 2000;
/** Newest witnesses that keep their column values (memory: one value per column each). */
const ANCHOR_LIMIT = 32;

export class WitnessPool {
  private readonly pool: PoolPoint[] = [];
  /** Pool points that fit the current pattern (lazily rebuilt after a pattern change). */
  private fitting: PoolPoint[] | undefined;
  private published: readonly boolean[] = [];

  constructor(
    private readonly cells: readonly AuditCell[],
    private readonly cellCols: readonly (readonly number[])[],
    private readonly integerCols: readonly number[],
    /** Number of x columns (the t columns are not stored). */
    private readonly numX: number,
  ) {}

  /** The reader now sees these cells: which points fit is worked out again. */
  setPattern(published: readonly boolean[]): void {
    this.published = published;
    this.fitting = undefined;
  }

  /** Store a whole solution found under the current pattern (and scenario). */
  remember(values: Float64Array): PoolPoint {
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

  /** Range of the cell over fitting points (with Σ_q ≥ 1 for an insider scenario, and a limit). */
  range(cell: number, scenario: number, limit: Face = {}): Interval | undefined {
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

  hasWitness(cell: number, q: number, limit: Face): boolean {
    return this.range(cell, q, limit) !== undefined;
  }

  /** Width the MIP interval has at least, by the fitting witnesses (−Infinity without any). */
  widthOfWitnesses(cell: number, scenario: number): number {
    const r = this.range(cell, scenario);
    return r ? r.hi - r.lo : -Infinity;
  }

  /**
   * The newest whole witness (with column values) that fits the pattern and the scenario.
   * Measured against "the witness closest to the LP optimum": that one leaves fewer columns
   * free, but its restricted MIP misses the LP bound five times as often.
   */
  anchor(scenario: number): Float64Array | undefined {
    const points = this.fittingPoints();
    for (let k = points.length - 1; k >= 0; k--) {
      const p = points[k] as PoolPoint;
      if (!p.x) break; // older points have dropped their values
      if (scenario === PUBLIC || (p.sums[scenario] ?? 0) >= ONE) return p.x;
    }
    return undefined;
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
}
