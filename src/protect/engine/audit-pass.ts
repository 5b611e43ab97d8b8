// The pass-only audit of one suppressed cell (what suppress.ts asks while it searches): does
// the cell keep the required width in every scenario? It stops at the first failing scenario,
// whose bounds may be LP bounds, and uses witnesses wherever they already settle the answer.
import type { AuditParts } from "./audit-parts.ts";
import { contradiction, PUBLIC, WIDTH_TOL, type CellAudit, type Verdict } from "./audit-types.ts";

export async function auditPass(parts: AuditParts, cell: number, requiredWidth: number, insider: boolean): Promise<CellAudit> {
  const { pool, neighbourhood } = parts;
  const pub = await checkHere(parts, cell, requiredWidth, PUBLIC, insider);
  if (pub.verdict === "fail") return { lo: pub.lo, hi: pub.hi, scenario: PUBLIC, ok: false };
  if (!insider) return { lo: NaN, hi: NaN, scenario: PUBLIC, ok: true };
  for (const q of neighbourhood.relevantScenarios(cell)) {
    if (pool.widthOfWitnesses(cell, q) >= requiredWidth - WIDTH_TOL) continue;
    // Unbounded above stays unbounded in any scenario with a whole solution (a witness).
    if (pub.verdict === "pass" && pub.unboundedAbove === true && pool.range(cell, q)) continue;
    const v = await checkScenario(parts, cell, requiredWidth, q);
    if (v.verdict === "fail") return { lo: v.lo, hi: v.hi, scenario: q, ok: false };
  }
  return { lo: NaN, hi: NaN, scenario: PUBLIC, ok: true };
}

/** Does the cell keep the required width in this one scenario (under the current pattern)? */
export function checkScenario(parts: AuditParts, cell: number, requiredWidth: number, scenario: number): Promise<Verdict> {
  return parts.models.withScenario(scenario, () => checkHere(parts, cell, requiredWidth, scenario));
}

/**
 * The pass check in the scenario currently set. With `coverInsiders` (public scenario), the
 * solutions it computes also try to hold a melding in every relevant insider cell.
 */
async function checkHere(parts: AuditParts, cell: number, w: number, scenario: number, coverInsiders = false): Promise<Verdict> {
  const { pool, ends, neighbourhood } = parts;
  const open = coverInsiders ? neighbourhood.relevantScenarios(cell) : [];
  const wide = (q: number): boolean => pool.widthOfWitnesses(cell, q) >= w - WIDTH_TOL;
  if (wide(scenario) && open.every(wide)) return { verdict: "pass" };

  const lo = await ends.lpBound(cell, "min");
  if (lo === "infeasible" || lo === "unbounded") {
    if (scenario === PUBLIC) throw contradiction();
    return { verdict: "impossible" };
  }
  const hiBound = await ends.lpBound(cell, "max");
  if (hiBound === "infeasible") return { verdict: "impossible" };
  const hi = hiBound === "unbounded" ? Infinity : hiBound;
  if (hi - lo < w - WIDTH_TOL) {
    // The LP interval contains the MIP interval: fails, if the scenario has a whole solution.
    if (scenario === PUBLIC || pool.range(cell, scenario)) return { verdict: "fail", lo, hi };
    const m = await ends.mipEnd(cell, "min");
    if (m === "infeasible" || m === "unbounded") return { verdict: "impossible" };
    return { verdict: "fail", lo: m, hi };
  }
  if (wide(scenario) && open.length === 0) return { verdict: "pass", unboundedAbove: hi === Infinity };

  const m = await ends.endWithCover(cell, "min", open);
  if (m === "infeasible" || m === "unbounded") {
    if (scenario === PUBLIC) throw contradiction();
    return { verdict: "impossible" };
  }
  const mb = Number.isFinite(hi) ? await ends.endWithCover(cell, "max", open) : "unbounded";
  const top = mb === "unbounded" ? Infinity : mb === "infeasible" ? m : mb;
  return top - m >= w - WIDTH_TOL ? { verdict: "pass", unboundedAbove: top === Infinity } : { verdict: "fail", lo: m, hi: top };
}
