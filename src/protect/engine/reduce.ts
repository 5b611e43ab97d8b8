// Shrinks the attacker's problem before it reaches the solver, without changing any interval.
//
// Inner variables that occur in exactly the same cells and facts (with the same coefficients and
// the same integrality) are indistinguishable to every constraint and objective the audit uses:
// only their sum matters. They are merged into one column whose upper bound is the sum of the
// bounds. This is exact: for integers every whole sum in [0, Σu] splits into whole parts within
// their bounds, and for reals every sum in [0, Σu] splits too. Integer and real variables are
// never merged together (a real part with upper < 1 could not absorb a fraction).
// Variables that occur nowhere are dropped: they cannot influence any published figure.

import type { EngineVar, LinearFact } from "./types.ts";

interface ReducedColumn {
  upper: number;
  integer: boolean;
}

export interface ReducedProblem {
  columns: ReducedColumn[];
  /** Per cell (same order as the input): its merged columns, ascending. */
  cellCols: number[][];
  /** Per fact: its terms on merged columns. */
  factTerms: { col: number; coef: number }[][];
}

export function reduceVariables(
  vars: readonly EngineVar[],
  cells: readonly { id: string; terms: readonly number[] }[],
  facts: readonly LinearFact[],
): ReducedProblem {
  const n = vars.length;
  vars.forEach((v, i) => {
    if (v.upper !== undefined && (Number.isNaN(v.upper) || v.upper < 0)) {
      throw new Error(`Variabele ${i}: bovengrens ${v.upper} is ongeldig`);
    }
  });
  // Signature of each variable: the cells and facts it occurs in.
  const signature: string[][] = Array.from({ length: n }, () => []);
  cells.forEach((cell, c) => {
    const seen = new Set<number>();
    for (const t of cell.terms) {
      if (!Number.isInteger(t) || t < 0 || t >= n) throw new Error(`Cel ${cell.id}: term ${t} bestaat niet`);
      if (seen.has(t)) throw new Error(`Cel ${cell.id}: term ${t} komt dubbel voor`);
      seen.add(t);
      signature[t]?.push(`c${c}`);
    }
  });
  facts.forEach((fact, f) => {
    if (Number.isNaN(fact.lo) || Number.isNaN(fact.hi) || fact.lo > fact.hi) {
      throw new Error(`Feit ${fact.id}: grenzen [${fact.lo}, ${fact.hi}] zijn ongeldig`);
    }
    const seen = new Set<number>();
    for (const t of fact.terms) {
      if (!Number.isInteger(t.index) || t.index < 0 || t.index >= n) {
        throw new Error(`Feit ${fact.id}: term ${t.index} bestaat niet`);
      }
      if (!Number.isFinite(t.coef)) throw new Error(`Feit ${fact.id}: coëfficiënt ${t.coef} is ongeldig`);
      if (seen.has(t.index)) throw new Error(`Feit ${fact.id}: term ${t.index} komt dubbel voor`);
      seen.add(t.index);
      if (t.coef !== 0) signature[t.index]?.push(`f${f}:${t.coef}`);
    }
  });

  const groupOf = new Int32Array(n).fill(-1);
  const groups = new Map<string, number>();
  const columns: ReducedColumn[] = [];
  for (let i = 0; i < n; i++) {
    const sig = signature[i] ?? [];
    if (sig.length === 0) continue;
    const v = vars[i] as EngineVar;
    // An integer variable with upper 3.5 can be at most 3.
    const upper = v.upper === undefined ? Infinity : v.integer ? Math.floor(v.upper + 1e-9) : v.upper;
    const key = `${v.integer ? "i" : "r"}|${sig.join(",")}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = columns.length;
      groups.set(key, g);
      columns.push({ upper: 0, integer: v.integer });
    }
    groupOf[i] = g;
    const col = columns[g] as ReducedColumn;
    col.upper += upper;
  }

  const cellCols = cells.map((cell) => [...new Set(cell.terms.map((t) => groupOf[t] as number))].sort((a, b) => a - b));
  const factTerms = facts.map((fact) => {
    const byCol = new Map<number, number>();
    for (const t of fact.terms) {
      if (t.coef === 0) continue;
      // Variables of one group share the coefficient (it is part of the signature).
      byCol.set(groupOf[t.index] as number, t.coef);
    }
    return [...byCol.entries()].sort((a, b) => a[0] - b[0]).map(([col, coef]) => ({ col, coef }));
  });
  return { columns, cellCols, factTerms };
}

/** Union-find over columns: which columns are linked through a set of rows. */
export function componentRoots(numCols: number, rows: readonly (readonly number[])[]): Int32Array {
  const parent = new Int32Array(numCols);
  for (let i = 0; i < numCols; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const next = parent[x] as number;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  for (const row of rows) {
    const first = row[0];
    if (first === undefined) continue;
    const root = find(first);
    for (let k = 1; k < row.length; k++) {
      const other = find(row[k] as number);
      if (other !== root) parent[other] = root;
    }
  }
  const roots = new Int32Array(numCols);
  for (let i = 0; i < numCols; i++) roots[i] = find(i);
  return roots;
}
