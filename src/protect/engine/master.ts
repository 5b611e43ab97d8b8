// The pattern-choice MIP of `suppress`: one binary y_c per candidate cell (1 = suppress),
// minimise Σ cost_c·y_c, subject to the constraints (`cuts`) collected so far. It knows nothing
// about tables; `suppress` decides which cuts are valid.

import { LEAN_MIP_OPTIONS, PersistentModel, SolverError } from "./highs.ts";

export interface Cut {
  /** Candidate indices with coefficients. */
  terms: { cand: number; coef: number }[];
  /** Σ coef·y ≥ lo. */
  lo: number;
}

export class MasterProblem {
  private readonly seen = new Set<string>();

  private constructor(
    private readonly model: PersistentModel,
    private readonly size: number,
  ) {}

  static async create(costs: readonly number[]): Promise<MasterProblem> {
    const model = await PersistentModel.create(
      {
        sense: "min",
        columns: costs.map((cost) => ({ lo: 0, hi: 1, integer: true, cost })),
        rows: [],
      },
      LEAN_MIP_OPTIONS,
    );
    return new MasterProblem(model, costs.length);
  }

  /** Add a cut; returns false when the identical cut is already present. */
  addCut(cut: Cut): boolean {
    const byCand = new Map<number, number>();
    for (const t of cut.terms) byCand.set(t.cand, (byCand.get(t.cand) ?? 0) + t.coef);
    const terms = [...byCand.entries()].filter(([, coef]) => coef !== 0).sort((a, b) => a[0] - b[0]);
    const key = `${cut.lo}|${terms.map(([c, v]) => `${c}:${v}`).join(",")}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.model.addRow({ terms: terms.map(([col, coef]) => ({ col, coef })), lo: cut.lo, hi: Infinity });
    return true;
  }

  /** Solve; throws SolverInfeasibleError when the cuts exclude every pattern. */
  async solve(timeLimit: number): Promise<{ chosen: boolean[]; optimal: boolean }> {
    if (this.size === 0) {
      // No candidates: the only pattern is "suppress nothing extra" (valid unless a cut says
      // otherwise, and every cut with no terms and lo > 0 was turned into an error earlier).
      return { chosen: [], optimal: true };
    }
    const sol = await this.model.solve({ timeLimit });
    if (sol.values.length !== this.size) throw new SolverError("Masterprobleem: onverwachte oplossing");
    return { chosen: Array.from(sol.values, (v) => v > 0.5), optimal: sol.status === "optimal" };
  }

  dispose(): void {
    this.model.dispose();
  }
}
