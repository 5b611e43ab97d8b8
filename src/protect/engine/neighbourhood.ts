// Which insider scenarios can matter for a cell: the auditor's neighbourhood.
import type { AttackModels } from "./attack-models.ts";
import { componentRoots } from "./reduce.ts";

export class Neighbourhood {
  /** Connected components of the columns through published cells and facts (per pattern). */
  private roots: Int32Array | undefined;

  constructor(private readonly models: AttackModels) {}

  /** The pattern changed: the components are worked out again on next use. */
  reset(): void {
    this.roots = undefined;
  }

  /**
   * Insider cells that can matter for `cell`: suppressed, other than the cell, and linked to it
   * through published cells and facts (transitively). An unlinked q lives in a separate block of
   * the problem, so Σ_q ≥ 1 cannot move the cell's interval.
   */
  relevantScenarios(cell: number): number[] {
    const m = this.models;
    if (!this.roots) {
      const rows = [...m.cellCols.filter((_, i) => m.isPublished(i)), ...m.facts.map((f) => f.terms.map((t) => t.col))];
      this.roots = componentRoots(m.numX, rows);
    }
    const roots = this.roots;
    const own = new Set(m.cellCols[cell] ?? []);
    const reach = new Set([...own].map((col) => roots[col] as number));
    const out: number[] = [];
    for (let q = 0; q < m.cells.length; q++) {
      if (q === cell || m.isPublished(q)) continue;
      // A melder in q ⊆ cell is a contributor to the cell itself: that they know their own
      // melding is in it tells them nothing the cell's protection is about (the same holds for
      // q = cell). Only insiders elsewhere learn something about the cell.
      const cols = m.cellCols[q] ?? [];
      if (cols.length > 0 && cols.every((col) => own.has(col))) continue;
      if (cols.some((col) => reach.has(roots[col] as number))) out.push(q);
    }
    return out;
  }
}
