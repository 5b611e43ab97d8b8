// The attacker's computation, kept in persistent HiGHS models so that both `attack` (one pattern,
// every suppressed cell, exact intervals) and `suppress` (many patterns, only "does every primary
// pass?") can reuse it. The Auditor ties its parts together, each in a file of its own:
//   attack-models.ts  the LP and MIP models, the publication pattern and insider scenarios
//   witness-pool.ts   whole-number solutions met so far ("witnesses") and what they prove
//   exact-ends.ts     exact interval ends: LP bounds, restricted and full MIPs
//   neighbourhood.ts  which insider scenarios can matter for a cell
//   audit-exact.ts    the full audit (exact narrowest interval)
//   audit-pass.ts     the pass-only audit (stops at the first failing scenario)
// Interval ends are MIP optima: an attacker who knows counts are whole can be sharper than the
// LP relaxation.

import { AttackModels } from "./attack-models.ts";
import { auditExact } from "./audit-exact.ts";
import type { AuditParts } from "./audit-parts.ts";
import { auditPass, checkScenario } from "./audit-pass.ts";
import type { AuditCell, AuditorOptions, AuditorStats, CellAudit, Verdict } from "./audit-types.ts";
import { ExactEnds } from "./exact-ends.ts";
import { Neighbourhood } from "./neighbourhood.ts";
import type { EngineVar, LinearFact } from "./types.ts";
import { WitnessPool } from "./witness-pool.ts";

export { PUBLIC, type AuditCell, type AuditorOptions, type AuditorStats, type CellAudit, type Verdict } from "./audit-types.ts";

export class Auditor {
  private constructor(private readonly parts: AuditParts) {}

  static async create(
    vars: readonly EngineVar[],
    cells: readonly AuditCell[],
    facts: readonly LinearFact[],
    options: AuditorOptions = {},
  ): Promise<Auditor> {
    const models = await AttackModels.create(vars, cells, facts);
    const pool = new WitnessPool(cells, models.cellCols, models.integerCols, models.numX);
    pool.setPattern(models.pattern);
    return new Auditor({ models, pool, ends: new ExactEnds(models, pool, options), neighbourhood: new Neighbourhood(models) });
  }

  get stats(): AuditorStats {
    return this.parts.ends.stats;
  }

  get size(): number {
    return this.parts.models.cells.length;
  }

  /** Whether the cell is a sum of whole numbers only (then its interval ends are whole). */
  isIntegral(cell: number): boolean {
    return this.parts.models.isIntegral(cell);
  }

  isPublished(cell: number): boolean {
    return this.parts.models.isPublished(cell);
  }

  /** Set which cells the reader sees. */
  setPublished(published: readonly boolean[]): void {
    const { models, pool, neighbourhood } = this.parts;
    models.setPublished(published);
    pool.setPattern(models.pattern);
    neighbourhood.reset();
  }

  /**
   * Audit one suppressed cell. Full mode (`stopAtFailure` false): exact narrowest interval over
   * the public and all insider scenarios. Pass mode: only whether every scenario keeps the
   * required width; returns at the first failing scenario (its bounds may be LP bounds).
   */
  async audit(cell: number, requiredWidth: number, options: { insider: boolean; stopAtFailure: boolean }): Promise<CellAudit> {
    return options.stopAtFailure
      ? auditPass(this.parts, cell, requiredWidth, options.insider)
      : auditExact(this.parts, cell, requiredWidth, options.insider);
  }

  /** Does the cell keep the required width in this one scenario (under the current pattern)? */
  async check(cell: number, requiredWidth: number, scenario: number): Promise<Verdict> {
    return checkScenario(this.parts, cell, requiredWidth, scenario);
  }

  /**
   * Published cells whose rows carry a non-zero dual in the LP relaxation of the cell's min or
   * max problem (in the given scenario). Dropping the other published rows leaves the LP
   * interval unchanged (the same dual certificate still bounds it); this is a heuristic hint
   * for `suppress`, which verifies any cut it derives from it.
   */
  async bindingCells(cell: number, scenario: number): Promise<number[]> {
    const models = this.parts.models;
    const binding = new Set<number>();
    await models.withScenario(scenario, async () => {
      for (const sense of ["min", "max"] as const) {
        const sol = await models.run(models.lp, sense, models.objective(cell));
        if (typeof sol === "string" || !sol.rowDuals) continue;
        for (let i = 0; i < models.cells.length; i++) {
          if (models.isPublished(i) && Math.abs(sol.rowDuals[i] ?? 0) > 1e-9) binding.add(i);
        }
      }
    });
    return [...binding].sort((a, b) => a - b);
  }

  dispose(): void {
    this.parts.models.dispose();
  }
}
