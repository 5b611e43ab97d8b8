// An oracle for disclosure control that shares nothing with src/protect/engine: it enumerates
// every table of non-negative whole numbers that agrees with what is printed, and reads each
// hidden cell's possible values off that list. Only for tables small enough to enumerate.
//
// The model (the same facts the engine's attack is given, written out independently):
// - inner variables x_0..x_{n-1}, whole numbers ≥ 0, each with an optional upper bound;
// - a published cell says Σ_{i ∈ terms} x_i = value;
// - a suppressed cell is Σ_{i ∈ terms} x_i, unknown to the reader.
// An insider is a melder who knows their own melding lies in another suppressed cell q, so
// Σ_q ≥ 1. A melder whose cell q lies inside the attacked cell p (q's terms ⊆ p's terms) is a
// contributor to p, not an attacker of it: that scenario is left out, as the audit defines it.
//
// A variable in no published cell and without an upper bound can be any whole number ≥ 0; it is
// not enumerated but reasoned about (see `scenarioRange`), so every table stays finite.

export interface OracleTable {
  /** One entry per inner variable: its upper bound, or undefined for none. */
  upper: (number | undefined)[];
  published: { id: string; terms: number[]; value: number }[];
  suppressed: { id: string; terms: number[] }[];
}

export interface PossibleValues {
  lo: number;
  /** Infinity when the cell has no upper limit. */
  hi: number;
  /** Every value the cell can take, ascending; null when there are infinitely many. */
  values: number[] | null;
}

export interface OracleAnswer {
  /** Per suppressed cell: what a reader can deduce. */
  public: Map<string, PossibleValues>;
  /** Per suppressed cell p and insider cell q (feasible scenarios only): what that insider can deduce about p. */
  insider: Map<string, Map<string, PossibleValues>>;
  /** Number of whole-number tables that agree with what is printed (the free variables set to 0). */
  tables: number;
}

/** Refuse to enumerate beyond this many tables: the test's generator must stay small. */
const MAX_TABLES = 2_000_000;

/**
 * All assignments of the bounded variables that satisfy every published equation. A variable's
 * bound is its own upper bound and the value of every published cell that holds it.
 */
function* solutions(table: OracleTable, bounded: number[], bound: number[]): Generator<number[]> {
  const n = table.upper.length;
  const x = new Array<number>(n).fill(0);
  const remaining = table.published.map((c) => c.value);
  // For each variable: the published cells that hold it, and the cells it is the last to fill.
  const holds: number[][] = Array.from({ length: n }, () => []);
  table.published.forEach((c, ci) => new Set(c.terms).forEach((t) => holds[t]!.push(ci)));
  const order = new Map(bounded.map((v, i) => [v, i]));
  const closes: number[][] = Array.from({ length: n }, () => []);
  table.published.forEach((c, ci) => {
    const last = [...new Set(c.terms)].sort((a, b) => order.get(a)! - order.get(b)!).at(-1);
    if (last !== undefined) closes[last]!.push(ci);
  });
  // A published cell with no variables must be 0 to be consistent.
  if (table.published.some((c) => c.terms.length === 0 && c.value !== 0)) return;

  function* place(k: number): Generator<number[]> {
    if (k === bounded.length) {
      yield x;
      return;
    }
    const v = bounded[k]!;
    let max = bound[v]!;
    for (const ci of holds[v]!) max = Math.min(max, remaining[ci]!);
    for (let value = 0; value <= max; value++) {
      // A cell this variable closes must come out exactly.
      if (closes[v]!.some((ci) => remaining[ci]! !== value)) continue;
      x[v] = value;
      for (const ci of holds[v]!) remaining[ci]! -= value;
      yield* place(k + 1);
      for (const ci of holds[v]!) remaining[ci]! += value;
    }
    x[v] = 0;
  }
  yield* place(0);
}

interface Cell {
  id: string;
  terms: Set<number>;
  /** Variables of the cell that no published cell or bound limits. */
  free: number[];
}

/**
 * What p can be, given one table of the bounded variables (p's and q's bounded parts bp, bq),
 * in the public scenario (q undefined) or with an insider in q. Null: the scenario is impossible
 * with this table.
 */
function scenarioRange(p: Cell, bp: number, q: Cell | undefined, bq: number): { lo: number; hi: number } | null {
  const hi = p.free.length > 0 ? Infinity : bp;
  if (!q || bq >= 1) return { lo: bp, hi };
  // q must get its melding from a free variable: one outside p costs p nothing, one inside p adds 1.
  if (q.free.some((v) => !p.terms.has(v))) return { lo: bp, hi };
  if (q.free.length > 0) return { lo: bp + 1, hi };
  return null;
}

class Collector {
  lo = Infinity;
  hi = -Infinity;
  values = new Set<number>();
  add(r: { lo: number; hi: number }): void {
    this.lo = Math.min(this.lo, r.lo);
    this.hi = Math.max(this.hi, r.hi);
    if (Number.isFinite(r.hi)) for (let v = r.lo; v <= r.hi; v++) this.values.add(v);
  }
  result(): PossibleValues | null {
    if (this.lo === Infinity) return null;
    return { lo: this.lo, hi: this.hi, values: Number.isFinite(this.hi) ? [...this.values].sort((a, b) => a - b) : null };
  }
}

export function bruteForce(table: OracleTable): OracleAnswer {
  const limit: number[] = table.upper.map((u) => u ?? Infinity);
  for (const c of table.published) for (const t of c.terms) limit[t] = Math.min(limit[t]!, c.value);
  const bounded = limit.map((_, i) => i).filter((i) => Number.isFinite(limit[i]));
  const freeVar = new Set(limit.map((_, i) => i).filter((i) => !Number.isFinite(limit[i])));
  const cells: Cell[] = table.suppressed.map((c) => ({
    id: c.id,
    terms: new Set(c.terms),
    free: [...new Set(c.terms)].filter((t) => freeVar.has(t)),
  }));
  const insiderPairs = cells.map((p) => cells.filter((q) => q !== p && q.terms.size > 0 && ![...q.terms].every((t) => p.terms.has(t))));

  const pub = cells.map(() => new Collector());
  const ins = cells.map((_, i) => insiderPairs[i]!.map(() => new Collector()));
  const seen = new Set<string>();
  let tables = 0;
  for (const x of solutions(table, bounded, limit)) {
    if (++tables > MAX_TABLES) throw new Error(`meer dan ${MAX_TABLES} tabellen: te groot voor het orakel`);
    const sums = cells.map((c) => [...c.terms].reduce((s, t) => s + (freeVar.has(t) ? 0 : x[t]!), 0));
    // Tables that differ only outside the suppressed cells tell nothing new.
    const key = sums.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    cells.forEach((p, i) => {
      pub[i]!.add(scenarioRange(p, sums[i]!, undefined, 0)!);
      insiderPairs[i]!.forEach((q, j) => {
        const r = scenarioRange(p, sums[i]!, q, sums[cells.indexOf(q)]!);
        if (r) ins[i]![j]!.add(r);
      });
    });
  }
  if (tables === 0) throw new Error("geen enkele tabel past bij de gepubliceerde cijfers");
  const answer: OracleAnswer = { public: new Map(), insider: new Map(), tables };
  cells.forEach((p, i) => {
    answer.public.set(p.id, pub[i]!.result()!);
    const byQ = new Map<string, PossibleValues>();
    insiderPairs[i]!.forEach((q, j) => {
      const r = ins[i]![j]!.result();
      if (r) byQ.set(q.id, r);
    });
    answer.insider.set(p.id, byQ);
  });
  return answer;
}

/** Every scenario's view of p: the public one first, then each feasible insider. */
export function scenarios(answer: OracleAnswer, id: string): { scenario: string; values: PossibleValues }[] {
  return [
    { scenario: "publiek", values: answer.public.get(id)! },
    ...[...(answer.insider.get(id) ?? new Map<string, PossibleValues>())].map(([q, values]) => ({ scenario: `insider in ${q}`, values })),
  ];
}

/** The narrowest interval over the scenarios considered (only the public one without insiders). */
export function narrowest(answer: OracleAnswer, id: string, insider: boolean): { scenario: string; values: PossibleValues } {
  const all = insider ? scenarios(answer, id) : scenarios(answer, id).slice(0, 1);
  return all.reduce((best, s) => (s.values.hi - s.values.lo < best.values.hi - best.values.lo ? s : best));
}

/**
 * The oracle's verdict on a pattern: every primary cell keeps at least `requiredWidth + 1`
 * possible values (k values for width k − 1), hi − lo ≥ requiredWidth, in every scenario.
 */
export function protects(answer: OracleAnswer, primaries: { id: string; requiredWidth: number }[], insider: boolean): boolean {
  return primaries.every(({ id, requiredWidth }) =>
    (insider ? scenarios(answer, id) : scenarios(answer, id).slice(0, 1)).every(
      ({ values }) => values.hi - values.lo >= requiredWidth && (values.values === null || values.values.length >= requiredWidth + 1),
    ),
  );
}
