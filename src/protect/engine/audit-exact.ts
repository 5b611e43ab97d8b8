// The full audit of one suppressed cell: its exact narrowest interval over the public scenario
// and every insider scenario that can matter (attack.ts reports it).
//
// Insider scenarios are the expensive part (one per other suppressed cell q). A scenario cannot
// narrow an end if a witness at that end already has Σ_q ≥ 1. So the public ends also ask for
// witnesses covering as many scenarios as possible (ExactEnds.endWithCover); only scenarios left
// uncovered are solved one by one, again LP first.
import type { AuditParts } from "./audit-parts.ts";
import { contradiction, PUBLIC, WIDTH_TOL, type CellAudit, type Interval } from "./audit-types.ts";

export async function auditExact(parts: AuditParts, cell: number, requiredWidth: number, insider: boolean): Promise<CellAudit> {
  const { models, pool, ends, neighbourhood } = parts;
  const ok = (iv: Interval): boolean => iv.hi - iv.lo >= requiredWidth - WIDTH_TOL;
  const relevant = insider ? neighbourhood.relevantScenarios(cell) : [];
  const lo = await ends.endWithCover(cell, "min", relevant);
  const hiBound = await ends.endWithCover(cell, "max", relevant);
  if (lo === "infeasible" || lo === "unbounded" || hiBound === "infeasible") throw contradiction();
  const hi = hiBound === "unbounded" ? Infinity : hiBound;
  let best: CellAudit = { lo, hi, scenario: PUBLIC, ok: ok({ lo, hi }) };

  for (const q of relevant) {
    // An end with a witness holding a melding in q is not moved by the scenario. An unbounded
    // end needs none: the improving ray survives any extra constraint that leaves it feasible.
    const needLo = !pool.hasWitness(cell, q, { le: lo });
    const needHi = Number.isFinite(hi) && !pool.hasWitness(cell, q, { ge: hi });
    if (!needLo && !needHi) continue;
    const iv = await models.withScenario(q, async (): Promise<Interval | undefined> => {
      const qlo = needLo ? await ends.endWithCover(cell, "min", []) : lo;
      if (qlo === "infeasible" || qlo === "unbounded") return undefined; // q cannot hold a melding
      const qhi = needHi ? await ends.endWithCover(cell, "max", []) : hi;
      if (qhi === "infeasible") return undefined;
      return { lo: qlo, hi: qhi === "unbounded" ? Infinity : qhi };
    });
    if (iv && iv.hi - iv.lo < best.hi - best.lo - WIDTH_TOL) best = { ...iv, scenario: q, ok: ok(iv) };
  }
  return best;
}
