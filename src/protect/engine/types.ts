// The linear view of disclosure control (as in GaussSuppression: published = Xᵀ · inner).
// Every published figure is a sum of inner variables (the cells of the finest
// cross-classification). The engine knows nothing of meldingen or years: `describe`
// builds these structures from the report's tables, `present` from figures.json.

export interface EngineVar {
  /** Counts are whole numbers; hours are not. */
  integer: boolean;
  /** Known upper bound, if any (lower bound is always 0). */
  upper?: number;
}

export type CellStatus =
  /** Unsafe by a primary rule: must be suppressed and protected. */
  | "primary"
  /** May be published or chosen as a complementary (secondary) cell. */
  | "candidate"
  /** Already known to every reader (an earlier report, a published total): never suppressed. */
  | "fixed";

export interface EngineCell {
  id: string;
  /** Indices into `vars`; the cell is the sum of these inner variables. */
  terms: number[];
  /** True value, known to the protector only. */
  value: number;
  status: CellStatus;
  /** For primary cells: the attacker's interval must satisfy hi − lo ≥ requiredWidth. */
  requiredWidth: number;
  /** Information lost when this cell is suppressed (higher = keep published). */
  cost: number;
}

/** A published linear fact beyond plain cells: lo ≤ Σ coef·x ≤ hi (a rounded share, a bound). */
export interface LinearFact {
  id: string;
  terms: { index: number; coef: number }[];
  lo: number;
  hi: number;
}

export interface SuppressionProblem {
  vars: EngineVar[];
  cells: EngineCell[];
  facts: LinearFact[];
  /**
   * Other readers the same pattern must also hold for (the confidential reader, who holds more
   * reports and has a lower threshold). Each sees the pattern of `cells` with their own
   * knowledge and requirements; see ReaderView.
   */
  readers?: ReaderView[];
}

/**
 * A second reader of the same publication. A cell whose id is one of the problem's cells is that
 * cell: "fixed" here means this reader knows it anyway (from a report only they hold), "primary"
 * that it must stay hidden for them too with their own required width (the pattern then
 * suppresses it), "candidate" that it is printed or hidden as the pattern says, with no
 * requirement of this reader. Any other cell is this reader's own: "fixed" (a figure only they
 * hold) or "primary" (hidden in a report only they hold, to be protected at their width).
 */
export interface ReaderView {
  cells: EngineCell[];
  facts: LinearFact[];
}

export interface SuppressionResult {
  /** Ids of all suppressed cells: primary and secondary. */
  suppressed: string[];
  /** Ids of the secondary (complementary) cells only, for the internal log. */
  secondary: string[];
  cost: number;
  /** True when the solver proved the pattern optimal among patterns that pass the audit. */
  optimal: boolean;
  iterations: number;
}

/** What an attacker sees: the published cells with their values, the suppressed ones without. */
export interface AttackInput {
  vars: EngineVar[];
  published: { id: string; terms: number[]; value: number }[];
  suppressed: { id: string; terms: number[]; requiredWidth: number }[];
  facts: LinearFact[];
  /**
   * Also attack as an insider: a melder who knows their own melding lies in another
   * suppressed cell (that cell is then known to be ≥ 1). The singleton problem.
   */
  insider: boolean;
  /**
   * The suppressed cells whose intervals are wanted, by id (all when absent). The others stay
   * in the model as cells an insider's own melding may lie in. (An array, not a set: the input
   * is written as JSON for the run's cache.)
   */
  audited?: string[];
}

export interface CellInterval {
  id: string;
  lo: number;
  hi: number;
  requiredWidth: number;
  ok: boolean;
  /** "publiek", or "insider in <cell id>" for the scenario that gave the narrowest interval. */
  scenario: string;
}

/**
 * Where an attack runs: the engine's `attack`, or what returns the same intervals for the same
 * input (the test run's disk cache, src/audit-cache.ts).
 */
export type RunAttack = (input: AttackInput) => Promise<CellInterval[]>;
