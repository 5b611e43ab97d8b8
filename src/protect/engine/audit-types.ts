// What the auditor's parts share: its public types, the scenario numbering and the tolerances.

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
  { verdict: "pass"; unboundedAbove?: boolean } | { verdict: "impossible" } | { verdict: "fail"; lo: number; hi: number };

/** An end of a cell's interval, or why there is none. */
export type Bound = number | "infeasible" | "unbounded";

/** A limit on the cell's value: at most `le`, at least `ge`. */
export interface Face {
  le?: number;
  ge?: number;
}

export const WIDTH_TOL = 1e-9;
/** A sum this close to 1 counts as "the insider's cell holds a melding". */
export const ONE = 1 - 1e-6;
/** LP values this close to a whole number count as whole. */
export const INTEGRALITY_TOL = 1e-7;
export const VALUE_TOL = 1e-6;

export function contradiction(): Error {
  return new Error("De gepubliceerde cijfers en feiten zijn onderling strijdig: geen enkele invulling past");
}

/** Remove solver noise from a non-whole value. */
export function snap(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}
