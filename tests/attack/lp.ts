// The attacker's own linear programme: a model written as CPLEX LP text and solved by the
// `highs` package's one-shot solver. Written apart from src/protect/engine (which the
// attacker checks), so that a mistake there cannot hide here.
import highsModule from "highs";

type Loader = () => Promise<{
  solve(
    text: string,
    options?: Record<string, unknown>,
  ): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };
}>;
const loaderModule = highsModule as unknown as Loader | { default: Loader };
const loader: Loader = typeof loaderModule === "function" ? loaderModule : loaderModule.default;
let solver: ReturnType<Loader> | undefined;

/** A linear expression: column index → coefficient. */
export type Expr = Map<number, number>;

export function sum(...parts: (Expr | number)[]): Expr {
  const out: Expr = new Map();
  for (const part of parts) {
    if (typeof part === "number") {
      out.set(part, (out.get(part) ?? 0) + 1);
      continue;
    }
    for (const [col, coef] of part) out.set(col, (out.get(col) ?? 0) + coef);
  }
  return out;
}

export function scale(e: Expr, factor: number): Expr {
  return new Map([...e].map(([c, v]) => [c, v * factor]));
}

interface Column {
  kind: "int" | "real" | "bin";
  lo: number;
  hi: number;
}

interface Row {
  expr: Expr;
  lo: number;
  hi: number;
  /** Which reading of the documents the row comes from (for reports when rows contradict). */
  source: string;
}

export class LinearModel {
  readonly cols: Column[] = [];
  readonly rows: Row[] = [];

  variable(kind: Column["kind"], lo = 0, hi = Infinity): number {
    this.cols.push({ kind, lo, hi: kind === "bin" ? 1 : hi });
    return this.cols.length - 1;
  }

  /** lo ≤ expr ≤ hi. */
  constrain(expr: Expr, lo: number, hi: number, source: string): void {
    this.rows.push({ expr, lo, hi, source });
  }

  equal(expr: Expr, value: number, source: string): void {
    this.constrain(expr, value, value, source);
  }

  /** expr = 0 or expr ≥ k ("a row standing alone passed the merge rule"). */
  zeroOrAtLeast(expr: Expr, k: number, big: number, source: string): void {
    const b = this.variable("bin");
    this.constrain(sum(expr, new Map([[b, -big]])), -Infinity, 0, source);
    this.constrain(sum(expr, new Map([[b, -k]])), 0, Infinity, source);
  }

  /**
   * The model as CPLEX LP text, with `extra` rows appended (the scenario of one question); with
   * `part`, only the rows and columns of that part (see `inParts`).
   */
  text(sense: "min" | "max", objective: Expr, extra: Row[] = [], part?: { rows: Row[]; cols: ReadonlySet<number> }): string {
    const term = (e: Expr) => {
      const parts = [...e].filter(([, v]) => v !== 0).map(([c, v]) => `${v < 0 ? "-" : "+"} ${Math.abs(v)} v${c}`);
      return parts.length ? parts.join(" ") : "0 v0";
    };
    const lines = [sense === "min" ? "Minimize" : "Maximize", ` obj: ${term(objective)}`, "Subject To"];
    let n = 0;
    for (const row of [...(part?.rows ?? this.rows), ...extra]) {
      if (row.expr.size === 0) continue;
      if (row.lo === row.hi) lines.push(` r${n++}: ${term(row.expr)} = ${row.lo}`);
      else {
        if (row.lo > -Infinity) lines.push(` r${n++}: ${term(row.expr)} >= ${row.lo}`);
        if (row.hi < Infinity) lines.push(` r${n++}: ${term(row.expr)} <= ${row.hi}`);
      }
    }
    lines.push("Bounds");
    const kept = (i: number) => !part || part.cols.has(i);
    this.cols.forEach((c, i) => {
      if (kept(i)) lines.push(` ${c.lo} <= v${i} <= ${c.hi === Infinity ? "+inf" : c.hi}`);
    });
    const ints = this.cols.map((c, i) => (c.kind === "int" && kept(i) ? `v${i}` : "")).filter(Boolean);
    const bins = this.cols.map((c, i) => (c.kind === "bin" && kept(i) ? `v${i}` : "")).filter(Boolean);
    if (ints.length) lines.push("General", ` ${ints.join(" ")}`);
    if (bins.length) lines.push("Binary", ` ${bins.join(" ")}`);
    lines.push("End");
    return lines.join("\n");
  }

  /**
   * The optimum of `objective`, or null when the rows (with `extra`) cannot all hold;
   * ±Infinity when unbounded.
   */
  async optimum(sense: "min" | "max", objective: Expr, extra: Row[] = []): Promise<number | null> {
    return (await this.solve(sense, objective, extra))?.value ?? null;
  }

  /** The optimum and a solution attaining it (column index → value); null when infeasible. */
  async solve(
    sense: "min" | "max",
    objective: Expr,
    extra: Row[] = [],
    part?: { rows: Row[]; cols: ReadonlySet<number> },
  ): Promise<{ value: number; at: (e: Expr) => number } | null> {
    solver ??= loader();
    const highs = await solver;
    const result = highs.solve(this.text(sense, objective, extra, part), { mip_rel_gap: 0, mip_abs_gap: 1e-7, output_flag: false });
    if (result.Status === "Optimal") {
      const columns = result.Columns;
      return { value: result.ObjectiveValue, at: (e) => [...e].reduce((s, [c, v]) => s + v * (columns[`v${c}`]?.Primal ?? 0), 0) };
    }
    if (result.Status === "Infeasible") return null;
    if (result.Status === "Unbounded" || result.Status === "Primal infeasible or unbounded") {
      // Tell an unbounded objective from an empty model.
      const feasible = (await this.solve(sense, new Map(), extra, part)) !== null;
      return feasible ? { value: sense === "max" ? Infinity : -Infinity, at: () => NaN } : null;
    }
    throw new Error(`HiGHS: ${result.Status}`);
  }

  async feasible(extra: Row[] = []): Promise<boolean> {
    return (await this.optimum("min", new Map(), extra)) !== null;
  }

  /**
   * The model as it is now, asked part by part; only for a model known to be feasible (the
   * attack checks that first, and leaves the model alone while it asks). No row joins two
   * parts, so the rows a question does not reach (through its objective, its extra rows and the
   * rows between their columns) hold on their own columns whatever the question's part does:
   * the optimum over the part alone is the optimum over the whole model, and the question is
   * infeasible or unbounded exactly when it is so on the part. The solver then reads and
   * solves a fraction of the model (the years and universes a target lies in).
   */
  inParts(): Questions {
    const rows = [...this.rows];
    const parent = this.cols.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    const join = (e: Expr) => {
      const [first, ...rest] = [...e.keys()];
      for (const c of rest) parent[find(c)] = find(first!);
    };
    for (const r of rows) join(r.expr);
    const rowsOf = new Map<number, Row[]>();
    const colsOf = new Map<number, number[]>();
    const add = <T>(map: Map<number, T[]>, root: number, item: T) => {
      const list = map.get(root);
      if (list) list.push(item);
      else map.set(root, [item]);
    };
    for (const r of rows) {
      const first = r.expr.keys().next();
      if (!first.done) add(rowsOf, find(first.value), r);
    }
    this.cols.forEach((_, i) => add(colsOf, find(i), i));
    const partOf = (objective: Expr, extra: Row[]) => {
      const roots = new Set([...objective.keys(), ...extra.flatMap((r) => [...r.expr.keys()])].map(find));
      return {
        rows: [...roots].flatMap((root) => rowsOf.get(root) ?? []),
        cols: new Set([...roots].flatMap((root) => colsOf.get(root) ?? [])),
      };
    };
    const solve = (sense: "min" | "max", objective: Expr, extra: Row[] = []) =>
      this.solve(sense, objective, extra, partOf(objective, extra));
    return {
      solve,
      optimum: async (sense, objective, extra = []) => (await solve(sense, objective, extra))?.value ?? null,
      feasible: async (extra = []) => (await solve("min", new Map(), extra)) !== null,
    };
  }
}

/** The questions an attack asks of a model (LinearModel.inParts). */
export interface Questions {
  solve(sense: "min" | "max", objective: Expr, extra?: Row[]): Promise<{ value: number; at: (e: Expr) => number } | null>;
  optimum(sense: "min" | "max", objective: Expr, extra?: Row[]): Promise<number | null>;
  feasible(extra?: Row[]): Promise<boolean>;
}

export function row(expr: Expr, lo: number, hi: number, source = "scenario"): Row {
  return { expr, lo, hi, source };
}
