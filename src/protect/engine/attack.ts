// The audit: what can a reader deduce about each suppressed cell from everything published?
//
// For every suppressed cell p: minimise and maximise Σ p subject to every published cell's sum
// equal to its value, every fact lo ≤ Σ coef·x ≤ hi, 0 ≤ x ≤ upper and integrality (a MIP: the
// LP relaxation can be wider than what an attacker who knows counts are whole can deduce).
//
// Insider scenarios (`input.insider`), the singleton problem: a melder knows their own melding
// lies in some other suppressed cell q, i.e. Σ_q ≥ 1. For every such q that can hold a melding
// (the scenario is feasible, i.e. max Σ_q ≥ 1) we recompute p's interval with Σ_q ≥ 1 added and
// report the narrowest one. Neighbourhood choice: q is considered when it is linked to p through
// published cells and facts, transitively (p's and q's variables lie in one connected block of
// the constraint system). This is exactly the set of q that can change p's interval, so it is the
// same as "all q" but cheaper; the one-hop version would miss chains like p+b=5, b+q=5.
// Scenarios are only re-solved for an interval end whose public optimum has Σ_q < 1.

import { Auditor, PUBLIC, type AuditorOptions } from "./auditor.ts";
import type { AttackInput, CellInterval } from "./types.ts";

export async function attack(input: AttackInput, options: AuditorOptions = {}): Promise<CellInterval[]> {
  const ids = new Set<string>();
  for (const c of [...input.published, ...input.suppressed]) {
    if (ids.has(c.id)) throw new Error(`Cel-id ${c.id} komt dubbel voor in de aanval`);
    ids.add(c.id);
  }
  const cells = [
    ...input.published.map((c) => ({ id: c.id, terms: c.terms, value: c.value })),
    ...input.suppressed.map((c) => ({ id: c.id, terms: c.terms, value: 0 })),
  ];
  const auditor = await Auditor.create(input.vars, cells, input.facts, options);
  try {
    auditor.setPublished(cells.map((_, i) => i < input.published.length));
    const results: CellInterval[] = [];
    const wanted = input.audited ? new Set(input.audited) : null;
    for (let k = 0; k < input.suppressed.length; k++) {
      const cell = input.suppressed[k];
      if (!cell || (wanted && !wanted.has(cell.id))) continue;
      const index = input.published.length + k;
      const r = await auditor.audit(index, cell.requiredWidth, { insider: input.insider, stopAtFailure: false });
      results.push({
        id: cell.id,
        lo: r.lo,
        hi: r.hi,
        requiredWidth: cell.requiredWidth,
        ok: r.ok,
        scenario: r.scenario === PUBLIC ? "publiek" : `insider in ${cells[r.scenario]?.id}`,
      });
    }
    return results;
  } finally {
    auditor.dispose();
  }
}
