// Recode before suppressing: a category with a small count is merged into its group from
// the vocabulary, and a group that is still small into "overige" — what the counsellors
// did by hand in 2018. Only what recoding cannot save is left for suppression.
import type { Term } from "../domain.ts";

export interface RecodeRow {
  /** Codes merged into this row (one for an untouched category). */
  codes: string[];
  key: string;
  label: string;
}

export const OVERIGE = "overige";

/**
 * `counts(codes)` gives the row's count in each column. A row is small when any column
 * holds 1..k−1 (or 0 when zeros are protected).
 */
export function recodeCategories(
  codes: string[],
  terms: Term[],
  labelOf: (code: string) => string,
  counts: (codes: string[]) => number[],
  k: number,
  protectZeros: boolean,
): RecodeRow[] {
  const small = (cs: string[]) => counts(cs).some((n) => (n > 0 || protectZeros) && n < k);
  const groupOf = (code: string) => terms.find((t) => t.soort === "aard" && t.code === code)?.groep ?? null;
  const rows: RecodeRow[] = [];
  const leftovers: string[] = [];
  // Keep the vocabulary's order: groups appear where their first member would.
  const byGroup = new Map<string, string[]>();
  const order: string[] = [];
  for (const code of codes) {
    const g = groupOf(code) ?? code;
    if (!byGroup.has(g)) {
      byGroup.set(g, []);
      order.push(g);
    }
    byGroup.get(g)!.push(code);
  }
  for (const g of order) {
    const members = byGroup.get(g)!;
    if (members.every((c) => !small([c]))) {
      for (const c of members) rows.push({ codes: [c], key: c, label: labelOf(c) });
    } else if (!small(members)) {
      rows.push({ codes: members, key: g, label: labelOf(g) });
    } else {
      leftovers.push(...members);
    }
  }
  if (leftovers.length > 0) rows.push({ codes: leftovers, key: OVERIGE, label: "Overige" });
  return rows;
}
