// Primary rules: which published figures are unsafe on their own.
import type { TableCell } from "./tables.ts";

export interface PrimaryRules {
  /** Minimum cell size k for this audience. */
  k: number;
  protectZeros: boolean;
  /** Hours are unsafe when one counsellor contributes more than this share of the cell. */
  dominance: number;
  /**
   * The p%-rule: hours are unsafe when the second-largest contributor could estimate the
   * largest to within p% (total − largest − second < p/100 · largest). Default 15.
   */
  pProcent?: number;
}

const DEFAULT_P_PROCENT = 15;

/** The reason a cell is unsafe (Dutch, for the internal log), or null when it is safe. */
export function primaryReason(cell: TableCell, rules: PrimaryRules): string | null {
  if (cell.kind === "aantal") {
    if (cell.value === 0) return rules.protectZeros ? "nul wordt beschermd (instelling nullenPubliceren: false)" : null;
    if (cell.value < rules.k) return `aantal ${cell.value} is kleiner dan de drempel ${rules.k}`;
    return null;
  }
  if (cell.meldingenBehind !== null && cell.meldingenBehind > 0 && cell.meldingenBehind < rules.k) {
    return `uren over ${cell.meldingenBehind} meldingen, minder dan de drempel ${rules.k}`;
  }
  const total = cell.contributions.reduce((s, x) => s + x, 0);
  const largest = Math.max(0, ...cell.contributions);
  if (total > 0 && largest / total > rules.dominance) {
    return `één vertrouwenspersoon heeft ${Math.round((100 * largest) / total)}% van deze uren (grens ${Math.round(100 * rules.dominance)}%)`;
  }
  // The p%-rule: the second-largest contributor subtracts their own hours from the total and
  // is left with the largest plus the rest; when the rest is below p% of the largest, that
  // estimate is too close. In a group of two the rest is 0: each knows the other's hours.
  const p = rules.pProcent ?? DEFAULT_P_PROCENT;
  const [first = 0, second = 0] = [...cell.contributions].sort((a, b) => b - a);
  const rest = total - first - second;
  if (total > 0 && rest < (p / 100) * first - 1e-9) {
    return cell.contributions.filter((x) => x > 0).length <= 2
      ? `uren van ${cell.contributions.filter((x) => x > 0).length === 1 ? "één vertrouwenspersoon" : "twee vertrouwenspersonen: elk kan de uren van de ander uitrekenen"} (p%-regel, p = ${p})`
      : `de op één na grootste bijdrager kan de uren van de grootste tot op ${p}% schatten (p%-regel)`;
  }
  return null;
}

/**
 * How wide the attacker's interval around a protected cell must be. For counts: at least
 * k possible whole values (hi − lo ≥ k − 1), so the reader learns no more than
 * "a small number". For hours: half the value, so no counsellor's hours can be estimated.
 */
export function requiredWidth(cell: TableCell, rules: PrimaryRules): number {
  return cell.kind === "aantal" ? rules.k - 1 : Math.max(1, cell.value / 2);
}
