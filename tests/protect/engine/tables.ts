// Small hand-made table fixtures for the engine tests (not a test file itself).
import { attack } from "../../../src/protect/engine/index.ts";
import type { CellInterval, CellStatus, EngineCell, SuppressionProblem } from "../../../src/protect/engine/index.ts";

export interface TableOptions {
  /** Counts below this (and above 0) are primary. */
  threshold?: number;
  requiredWidth?: number;
  /** Cost of suppressing a cell; default its value. */
  cost?: (value: number, id: string) => number;
  /** Status overrides by id (e.g. a fixed total from last year's report). */
  status?: Record<string, CellStatus>;
  /** Prefix for ids, to build linked tables. */
  prefix?: string;
}

/**
 * An r×c table of counts with row totals, column totals and the grand total. Inner variable
 * (i, j) is variable i·c + j. Ids: "r0c1" inner, "r0T" row total, "Tc1" column total, "TT".
 */
export function table2d(values: number[][], options: TableOptions = {}): SuppressionProblem {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const vars = Array.from({ length: rows * cols }, () => ({ integer: true }));
  const cells: EngineCell[] = [];
  const at = (i: number, j: number): number => i * cols + j;
  const add = (id: string, terms: number[]): void => {
    cells.push(makeCell(`${options.prefix ?? ""}${id}`, terms, sumOf(values, terms, cols), options));
  };
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) add(`r${i}c${j}`, [at(i, j)]);
  for (let i = 0; i < rows; i++)
    add(
      `r${i}T`,
      range(cols).map((j) => at(i, j)),
    );
  for (let j = 0; j < cols; j++)
    add(
      `Tc${j}`,
      range(rows).map((i) => at(i, j)),
    );
  add("TT", range(rows * cols));
  return { vars, cells, facts: [] };
}

export function makeCell(id: string, terms: number[], value: number, options: TableOptions = {}): EngineCell {
  const threshold = options.threshold ?? 5;
  const primary = value > 0 && value < threshold;
  const status = options.status?.[id] ?? (primary ? "primary" : "candidate");
  return {
    id,
    terms,
    value,
    status,
    requiredWidth: status === "primary" ? (options.requiredWidth ?? 4) : 0,
    cost: options.cost ? options.cost(value, id) : value,
  };
}

function sumOf(values: number[][], terms: number[], cols: number): number {
  return terms.reduce((s, t) => s + (values[Math.floor(t / cols)]?.[t % cols] ?? 0), 0);
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Attack the problem as published with the given cells suppressed (primaries always are). */
export async function auditPattern(problem: SuppressionProblem, suppressed: Iterable<string>, insider: boolean): Promise<CellInterval[]> {
  const hidden = new Set(suppressed);
  for (const c of problem.cells) if (c.status === "primary") hidden.add(c.id);
  return attack({
    vars: problem.vars,
    published: problem.cells.filter((c) => !hidden.has(c.id)).map((c) => ({ id: c.id, terms: c.terms, value: c.value })),
    suppressed: problem.cells
      .filter((c) => hidden.has(c.id))
      .map((c) => ({ id: c.id, terms: c.terms, requiredWidth: c.status === "primary" ? c.requiredWidth : 0 })),
    facts: problem.facts,
    insider,
  });
}

/** True when every primary cell keeps its width under the pattern. */
export async function patternPasses(problem: SuppressionProblem, suppressed: Iterable<string>, insider: boolean): Promise<boolean> {
  const intervals = await auditPattern(problem, suppressed, insider);
  return intervals.every((iv) => iv.ok);
}

/**
 * Brute force: the cheapest set of candidate cells whose suppression (with the primaries) passes
 * the audit; undefined when none does. Subsets are tried in order of cost, so the first pass wins.
 */
export async function bruteForceCost(problem: SuppressionProblem, insider: boolean): Promise<number | undefined> {
  const candidates = problem.cells.filter((c) => c.status === "candidate");
  if (candidates.length > 14) throw new Error("te veel kandidaten voor brute force");
  const subsets: { cells: string[]; cost: number }[] = [];
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const chosen = candidates.filter((_, k) => (mask >> k) & 1);
    subsets.push({ cells: chosen.map((c) => c.id), cost: chosen.reduce((s, c) => s + c.cost, 0) });
  }
  subsets.sort((a, b) => a.cost - b.cost);
  for (const s of subsets) {
    if (await patternPasses(problem, s.cells, insider)) return s.cost;
  }
  return undefined;
}
