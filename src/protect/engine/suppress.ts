// Secondary suppression: choose complementary cells so that every primary cell passes the audit,
// at minimum total cost. Exact in the tau-Argus "OPT" sense, by row generation:
//
//   master MIP (binary y_c per candidate: 1 = suppress)  →  pattern S
//   audit S (the same computation as `attack`)           →  failing primaries
//   per failing primary: add a cut that S violates        →  repeat until S passes.
//
// ## Why every cut is valid (excludes no pattern that is needed for optimality)
//
// Write T ⊆ U when pattern T suppresses a subset of what U suppresses (T publishes more).
// Monotonicity: if T ⊆ U then P_T ⊆ P_U (more equations), so every public interval under T lies
// inside the one under U. For an insider scenario "q ≥ 1" with q ∈ T the same holds. If q ∉ T,
// T publishes q's true value v_q; when v_q ≥ 1 that equation implies Σ_q ≥ 1, so T's public
// interval lies inside U's insider-q interval. Hence: U fails ⇒ every T ⊆ U fails ("monotone").
//
// The one gap: the audit also considers hypothetical insiders in cells that could be ≥ 1 but
// truly hold 0 (v_q = 0). Publishing such a q removes the scenario, so T ⊆ U with q ∉ T may pass.
// And with q ∈ T the scenario may become impossible (T pins Σ_q = 0, then it is not considered).
//
// Cut from a failing pattern U (failing primary p, failing scenario σ), with B = the candidates U
// publishes: "at least one cell of B must be suppressed", Σ_{c∈B} y_c ≥ 1. It excludes exactly
// the patterns T ⊆ U. Valid by monotonicity when σ is public or an insider in q with v_q ≥ 1, or q
// is a whole-number primary with positive required width (if T pinned q to 0, q itself fails).
// For a hypothetical insider in a whole-number candidate q with v_q = 0 we add "or publish q":
// Σ_{c∈B} y_c + (1 − y_q) ≥ 1. It excludes T ⊆ U with q ∈ T; such a T either fails too (the
// scenario survives, only narrower) or pins Σ_q = 0, and then T \ {q} publishes an implied
// equation only: same audit, strictly lower cost, and not excluded by this cut (y_q = 0). So an
// optimal passing pattern is never excluded. Any other case (real-valued q, a zero primary with
// width 0) gets the plain no-good Σ_{c∉U} y_c + Σ_{c∈U} (1 − y_c) ≥ 1, which excludes U alone.
//
// Strengthening: B is replaced by the published candidates whose rows carry a non-zero LP dual
// in p's attack (the "binding" cells) when the pattern U' that publishes only those (and the fixed
// cells) still fails in σ — verified by the audit itself, not assumed. The cut is then argued on U'.
//
// Initial cuts need no attack: for every relation (equal term sets, a total and its parts) that
// contains a primary, if all other members were published the primary would be exact. So at least
// one other member must be suppressed (skipped when another member is primary).
//
// Because every new cut is violated by the current pattern, no pattern repeats and the loop ends.
// The final pattern passes the audit and, if the last master MIP was optimal, it is optimal: the
// best passing pattern satisfies every cut, so the master's optimum cannot cost more.

//
// Independent blocks. `suppress` splits the problem into blocks that share no inner variable
// (for any reader) and runs everything above per block (`suppressBlock`); blocks.ts says why the
// joined result is the least-cost passing pattern of the whole. The tie-break ranks candidates
// within their block.
//
// Several readers. A pattern may have to hold for more than one reader (problem.readers: the
// confidential reader, who also holds the confidential reports and has a lower threshold).
// Each reader has an auditor of their own; a failure of any reader's primary yields a cut in the
// same way, over the candidates that reader sees printed. Monotonicity holds per reader (for
// every reader, publishing more only narrows intervals), so every argument above holds for
// each reader's cuts, and the final pattern passes every reader's audit.

import { NotProtectableError } from "./not-protectable.ts";
import { PUBLIC } from "./auditor.ts";
import { SolverInfeasibleError } from "./highs.ts";
import { MasterProblem, type Cut } from "./master.ts";
import { splitBlocks } from "./blocks.ts";
import { checkReaderViews, createReaders, readerPublished, withOtherReadersHidden, type Reader } from "./readers.ts";
import { RelationFinder } from "./relations.ts";
import type { EngineCell, SuppressionProblem, SuppressionResult } from "./types.ts";

export interface SuppressOptions {
  /** Master MIP solves before falling back to a heuristic repair (then `optimal` is false). */
  maxIterations?: number;
  /** Protect against an attacker who is one of the melders (default true). */
  insider?: boolean;
  /** See `AuditorOptions.restrictedMips` (default true; off only to compare in benchmarks). */
  restrictedMips?: boolean;
}

const TOL = 1e-9;
/** Seconds per master MIP; on reaching it the incumbent is used and `optimal` becomes false. */
const MASTER_TIME_LIMIT = 60;

interface Failure {
  /** Index into the readers (0: the problem's own reader); primary and scenario are that reader's cells. */
  reader: number;
  primary: number;
  scenario: number;
  lo: number;
  hi: number;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function notProtectable(cell: EngineCell, reason: string, from: string[] = []): NotProtectableError {
  return new NotProtectableError(cell.id, from, reason);
}

function costGranularity(costs: readonly number[]): number {
  for (let d = 0; d <= 6; d++) {
    const scale = 10 ** d;
    if (costs.every((c) => Math.abs(c * scale - Math.round(c * scale)) <= 1e-9 * Math.max(1, Math.abs(c * scale)))) return 1 / scale;
  }
  return 1e-6;
}

function formatNumber(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : "∞";
}

/** How one block is solved: `suppressBlock`, or a caller's cache or worker pool in front of it. */
export type SolveBlock = (block: SuppressionProblem, options: SuppressOptions) => Promise<SuppressionResult>;

export interface BlockSolving {
  /** Default `suppressBlock` in this thread; must return what it returns for the same block. */
  solveBlock?: SolveBlock;
  /** Start every block at once (for a solveBlock that runs elsewhere); default one after another. */
  concurrent?: boolean;
}

/**
 * The least-cost pattern for the whole problem: validated, split into independent blocks
 * (blocks.ts, which says why that is exact), each solved by `how.solveBlock`, the results joined.
 */
export async function suppress(
  problem: SuppressionProblem,
  options: SuppressOptions = {},
  how: BlockSolving = {},
): Promise<SuppressionResult> {
  const cells = validCells(problem);
  const anyPrimary = [cells, ...(problem.readers ?? []).map((r) => r.cells)].some((cs) => cs.some((c) => c.status === "primary"));
  if (!anyPrimary) return { suppressed: [], secondary: [], cost: 0, optimal: true, iterations: 0 };
  checkReaderViews(cells, problem.readers ?? []);
  const solveBlock = how.solveBlock ?? suppressBlock;
  const blocks = splitBlocks(problem);
  const settled: PromiseSettledResult<SuppressionResult>[] = [];
  if (how.concurrent) settled.push(...(await Promise.allSettled(blocks.map((b) => solveBlock(b, options)))));
  else
    for (const b of blocks) {
      try {
        settled.push({ status: "fulfilled", value: await solveBlock(b, options) });
      } catch (reason) {
        // The first refusal in block order, as when solved one after another.
        settled.push({ status: "rejected", reason });
        break;
      }
    }
  const results: SuppressionResult[] = [];
  for (const s of settled) {
    if (s.status === "rejected") throw s.reason;
    results.push(s.value);
  }
  return joinResults(results);
}

function joinResults(results: readonly SuppressionResult[]): SuppressionResult {
  return {
    suppressed: results.flatMap((r) => r.suppressed).sort(compareIds),
    secondary: results.flatMap((r) => r.secondary).sort(compareIds),
    cost: results.reduce((sum, r) => sum + r.cost, 0),
    optimal: results.every((r) => r.optimal),
    iterations: results.reduce((sum, r) => sum + r.iterations, 0),
  };
}

/** The problem's cells with every other reader's hidden cells made primary, in id order; refuses a malformed problem. */
function validCells(problem: SuppressionProblem): EngineCell[] {
  const ids = new Set<string>();
  for (const c of problem.cells) {
    if (ids.has(c.id)) throw new Error(`Cel-id ${c.id} komt dubbel voor`);
    ids.add(c.id);
    if (!Number.isFinite(c.value)) throw new Error(`Cel ${c.id}: waarde ${c.value} is ongeldig`);
    if (!Number.isFinite(c.cost)) throw new Error(`Cel ${c.id}: kosten ${c.cost} zijn ongeldig`);
    if (c.status === "primary" && !(c.requiredWidth >= 0)) {
      throw new Error(`Cel ${c.id}: vereiste breedte ${c.requiredWidth} is ongeldig`);
    }
  }
  // Canonical order (by id): the result must not depend on the order of the input.
  return withOtherReadersHidden(problem.cells, problem.readers ?? []).sort((a, b) => compareIds(a.id, b.id));
}

/**
 * One block (or any problem) solved as a whole: master MIP, audits, cuts. `suppress` calls it
 * per independent block; a worker or cache calls it for the blocks it is handed.
 */
export async function suppressBlock(problem: SuppressionProblem, options: SuppressOptions = {}): Promise<SuppressionResult> {
  const cells = validCells(problem);
  const anyPrimary = [cells, ...(problem.readers ?? []).map((r) => r.cells)].some((cs) => cs.some((c) => c.status === "primary"));
  if (!anyPrimary) {
    return { suppressed: [], secondary: [], cost: 0, optimal: true, iterations: 0 };
  }
  const candOf = new Int32Array(cells.length).fill(-1);
  let candidates = 0;
  cells.forEach((c, i) => {
    if (c.status === "candidate") candOf[i] = candidates++;
  });
  const readers = await createReaders(problem, cells, candOf, options.restrictedMips ?? true);
  try {
    const run = new SuppressionRun(cells, readers, options.insider ?? true);
    return await run.solve(options.maxIterations ?? 200);
  } finally {
    for (const r of readers) r.auditor.dispose();
  }
}

class SuppressionRun {
  private readonly candidates: number[] = [];

  constructor(
    private readonly cells: readonly EngineCell[],
    private readonly readers: readonly Reader[],
    private readonly insider: boolean,
  ) {
    cells.forEach((c, i) => {
      if (c.status === "candidate") this.candidates.push(i);
    });
  }

  async solve(maxIterations: number): Promise<SuppressionResult> {
    const master = await MasterProblem.create(this.masterCosts());
    try {
      this.addRelationCuts(master);

      let iterations = 0;
      let checkedMaximal = false;
      let suppressed: boolean[] = [];
      let lastFailing: Failure | undefined;
      while (iterations < maxIterations) {
        iterations++;
        let choice: { chosen: boolean[]; optimal: boolean };
        try {
          choice = await master.solve(MASTER_TIME_LIMIT);
        } catch (error) {
          if (!(error instanceof SolverInfeasibleError)) throw error;
          const cell = lastFailing ? this.cellOf(lastFailing.reader, lastFailing.primary) : this.firstPrimary();
          throw notProtectable(cell, "geen enkel onderdrukkingspatroon laat deze cel (en de andere primaire cellen) de controle doorstaan");
        }
        suppressed = this.pattern(choice.chosen);
        this.setPattern(suppressed);
        const failures = await this.failures();
        if (failures.length === 0) return this.result(suppressed, choice.optimal, iterations);
        if (!checkedMaximal) {
          // Only now: when the first pattern passes, the maximal one cannot fail monotonically
          // (every smaller pattern would fail too), so the check would cost a full round of
          // audits for nothing.
          checkedMaximal = true;
          await this.checkMaximalPattern();
          this.setPattern(suppressed);
        }
        lastFailing = failures[0];
        // Two failing primaries can yield the same cut; only a round without any new cut
        // would loop forever.
        let added = 0;
        for (const failure of failures) {
          const cut = await this.deriveCut(failure, suppressed);
          if (master.addCut(cut)) added++;
        }
        if (added === 0) throw new Error("Onderdrukking: interne fout, geen nieuwe snede gevonden voor een falend patroon");
      }
      return await this.repair(suppressed, iterations);
    } finally {
      master.dispose();
    }
  }

  private cellOf(reader: number, cell: number): EngineCell {
    return this.readers[reader]!.cells[cell]!;
  }

  private firstPrimary(): EngineCell {
    for (const r of this.readers) if (r.primaries.length > 0) return r.cells[r.primaries[0]!]!;
    return this.cells[0]!;
  }

  /** Every reader's auditor sees the pattern (true = suppressed, over the problem's cells). */
  private setPattern(suppressed: readonly boolean[]): void {
    for (const r of this.readers) r.auditor.setPublished(readerPublished(r, suppressed));
  }

  /**
   * Costs with a deterministic tie-break: candidate k (in id order, within the block) gets
   * ε·(k+1) extra, with all ε together below one tenth of the cost granularity, so that the
   * tie-break never changes which total is minimal; it only picks, among equally cheap patterns,
   * the one with the earliest ids. The granularity is 10^-d for the fewest decimals d that write
   * every cost (1 for whole numbers, the usual case; 0.01 for 1005.35): every difference between
   * two totals is a multiple of it. Costs with more than six decimals count as equal below a
   * millionth. (Before the split into blocks it was the smallest positive cost for fractional
   * costs, which let the tie-break outweigh real differences: 1005.35 chosen over 1000.)
   */
  private masterCosts(): number[] {
    const costs = this.candidates.map((c) => this.cells[c]?.cost ?? 0);
    const granularity = costGranularity(costs);
    const n = costs.length;
    const unit = (0.1 * granularity) / ((n * (n + 1)) / 2 || 1);
    return costs.map((c, k) => c + unit * (k + 1));
  }

  private addRelationCuts(master: MasterProblem): void {
    for (const reader of this.readers) {
      const finder = new RelationFinder(reader.cells);
      for (const p of reader.primaries) {
        const cell = reader.cells[p] as EngineCell;
        if (cell.requiredWidth <= TOL) continue;
        for (const relation of finder.relationsOf(p)) {
          const others = relation.filter((c) => c !== p);
          if (others.some((c) => reader.cells[c]?.status === "primary")) continue;
          const cands = others.filter((c) => (reader.candOf[c] ?? -1) >= 0);
          if (cands.length === 0) {
            const names = others.map((c) => reader.cells[c]?.id ?? "");
            throw notProtectable(cell, `de waarde volgt exact uit cellen die altijd gepubliceerd worden (${names.join(", ")})`, names);
          }
          master.addCut({ terms: cands.map((c) => ({ cand: reader.candOf[c] as number, coef: 1 })), lo: 1 });
        }
      }
    }
  }

  /**
   * Suppress every candidate: the widest intervals any pattern can give. A monotone failure here
   * means no pattern can protect the cell (clear error early instead of after many iterations).
   */
  private async checkMaximalPattern(): Promise<void> {
    this.setPattern(this.cells.map((c) => c.status !== "fixed"));
    for (const failure of await this.failures()) {
      if (this.cutKind(failure.reader, failure.scenario) !== "plain") continue;
      const cell = this.cellOf(failure.reader, failure.primary);
      const where = failure.scenario === PUBLIC ? "" : ` voor een insider in ${this.cellOf(failure.reader, failure.scenario).id}`;
      const who = failure.reader === 0 ? "" : " (voor de lezer die ook de andere versie kent)";
      throw notProtectable(
        cell,
        `ook als alle andere cellen onderdrukt worden, ligt de waarde${where}${who} tussen ${formatNumber(failure.lo)} en ` +
          `${formatNumber(failure.hi)} (vereiste breedte ${formatNumber(cell.requiredWidth)})`,
      );
    }
  }

  private pattern(chosen: readonly boolean[]): boolean[] {
    const candOf = this.readers[0]!.candOf;
    return this.cells.map((c, i) => {
      if (c.status === "primary") return true;
      if (c.status === "fixed") return false;
      return chosen[candOf[i] as number] === true;
    });
  }

  /** Primaries that fail under the auditors' current pattern (first failing scenario each), reader by reader. */
  private async failures(): Promise<Failure[]> {
    const failures: Failure[] = [];
    for (const [r, reader] of this.readers.entries()) {
      for (const p of reader.primaries) {
        const cell = reader.cells[p] as EngineCell;
        const a = await reader.auditor.audit(p, cell.requiredWidth, { insider: this.insider, stopAtFailure: true });
        if (!a.ok) failures.push({ reader: r, primary: p, scenario: a.scenario, lo: a.lo, hi: a.hi });
      }
    }
    return failures;
  }

  /** Which cut the failing scenario supports (see the header comment). */
  private cutKind(r: number, scenario: number): "plain" | "withInsiderCell" | "exact" {
    if (scenario === PUBLIC) return "plain";
    const reader = this.readers[r]!;
    const q = reader.cells[scenario] as EngineCell;
    if (q.value >= 1 - TOL) return "plain";
    const whole = reader.auditor.isIntegral(scenario);
    if (q.status === "primary") return whole && q.requiredWidth > TOL ? "plain" : "exact";
    if (q.status === "candidate" && (reader.candOf[scenario] ?? -1) >= 0) return whole ? "withInsiderCell" : "exact";
    return "exact";
  }

  private async deriveCut(failure: Failure, suppressed: readonly boolean[]): Promise<Cut> {
    const kind = this.cutKind(failure.reader, failure.scenario);
    if (kind === "exact") {
      const chosen = this.candidates.filter((c) => suppressed[c]);
      return {
        terms: this.candidates.map((c) => ({ cand: this.readers[0]!.candOf[c] as number, coef: suppressed[c] ? -1 : 1 })),
        lo: 1 - chosen.length,
      };
    }
    const reader = this.readers[failure.reader]!;
    const isCand = (c: number) => (reader.candOf[c] ?? -1) >= 0;
    const published = reader.cells.flatMap((_, i) => (isCand(i) && !suppressed[reader.mainOf[i]!] ? [i] : []));
    let members = published;
    const binding = (await reader.auditor.bindingCells(failure.primary, failure.scenario)).filter(isCand);
    if (binding.length < published.length) {
      // Verify that publishing only the binding candidates (plus fixed cells) still fails.
      const bindingSet = new Set(binding);
      reader.auditor.setPublished(reader.cells.map((c, i) => c.status === "fixed" || bindingSet.has(i)));
      const width = reader.cells[failure.primary]?.requiredWidth ?? 0;
      const verdict = await reader.auditor.check(failure.primary, width, failure.scenario);
      reader.auditor.setPublished(readerPublished(reader, suppressed));
      if (verdict.verdict === "fail") members = binding;
    }
    const terms = members.map((c) => ({ cand: reader.candOf[c] as number, coef: 1 }));
    if (kind === "withInsiderCell") {
      terms.push({ cand: reader.candOf[failure.scenario] as number, coef: -1 });
      return { terms, lo: 0 };
    }
    if (terms.length === 0) {
      // Only possible when the maximal pattern fails monotonically, which checkMaximalPattern
      // already reported; kept as a guard.
      throw notProtectable(this.cellOf(failure.reader, failure.primary), "ook het maximale patroon faalt");
    }
    return { terms, lo: 1 };
  }

  /**
   * Iteration limit reached: make the last pattern safe greedily by suppressing the published
   * members of each failing primary's cut. Terminates because the pattern only grows.
   */
  private async repair(start: readonly boolean[], iterations: number): Promise<SuppressionResult> {
    const suppressed = [...start];
    const candOf = this.readers[0]!.candOf;
    const cellOfCand = new Map(this.candidates.map((c) => [candOf[c]!, c]));
    for (let round = 0; round <= this.candidates.length; round++) {
      this.setPattern(suppressed);
      const failures = await this.failures();
      if (failures.length === 0) return this.result(suppressed, false, iterations);
      let grew = false;
      for (const failure of failures) {
        const cut = await this.deriveCut(failure, suppressed);
        for (const t of cut.terms) {
          const cell = cellOfCand.get(t.cand) as number;
          if (t.coef > 0 && !suppressed[cell]) {
            suppressed[cell] = true;
            grew = true;
          }
        }
      }
      if (!grew) break;
    }
    throw new Error(`Onderdrukking: geen veilig patroon gevonden binnen ${iterations} iteraties`);
  }

  private result(suppressed: readonly boolean[], optimal: boolean, iterations: number): SuppressionResult {
    const secondary = this.candidates.filter((c) => suppressed[c]);
    const cost = secondary.reduce((sum, c) => sum + (this.cells[c]?.cost ?? 0), 0);
    return {
      suppressed: this.cells.filter((_, i) => suppressed[i]).map((c) => c.id),
      secondary: secondary.map((c) => this.cells[c]?.id as string),
      cost,
      optimal,
      iterations,
    };
  }
}
