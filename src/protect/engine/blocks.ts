// A suppression problem split into independent blocks, each solved on its own (suppress.ts).
//
// Two cells or facts are in one block when they share an inner variable, for the problem's own
// reader and for every other reader (problem.readers): a reader's own cells (what only they hold
// or need hidden) and facts link what they touch, and a reader's view of one of the problem's
// cells is that cell. Blocks are the connected components of that relation.
//
// ## Why solving block by block is exact
//
// The attacker's model (attack-models.ts) has one row per cell and per fact, over the inner
// variables; rows of different blocks share no column. So for a cell p of block B:
//   - Public scenario: min/max of Σ_p x subject to every row is the same LP/MIP as subject to
//     B's rows alone — the other blocks only add constraints on other columns, and they are
//     feasible (the true values satisfy them).
//   - Insider in q: the row Σ_q x ≥ 1 touches q's block only. If q is in another block, p's
//     interval is either unchanged (q's block stays feasible) or the scenario is impossible
//     (and skipped, audit-pass.ts / audit-exact.ts). Neighbourhood.relevantScenarios already
//     leaves such q out for this reason. So p's narrowest interval depends on B's pattern only.
//   - A second reader's auditor is the same model over their cells and facts: the same holds.
// Hence a pattern passes every reader's audit iff each block's part of it does, the feasible
// patterns are the products of the blocks' feasible parts, and — the cost being a sum over
// cells — the least total cost is the sum of the blocks' least costs. The relation cuts
// (relations.ts: equal term sets, a total and its parts) only relate cells that share
// variables, so they stay within a block too. Cells with no terms (always 0) each form a block
// of their own. Every reader's requirement lives in the block of its cell.
//
// What is NOT the same as solving the whole: among equally cheap patterns suppress takes the
// one with the earliest ids by the candidates' rank (suppress.ts, masterCosts) — now the rank
// within the block. And a cut or a time limit now applies per block.
//
// ## Canonical form (the caches' key)
//
// A block is returned renumbered so that the same block gets the same text in any problem it
// occurs in (another candidate layout, a registration with one other melding): variables sorted
// by where they occur (the ids of their cells and facts, with coefficients) and their bounds,
// cells and facts by id, terms ascending. Two variables with the same signature are
// interchangeable, so their order does not change the text. suppress always solves this
// canonical form, so a block's result is a function of its key: a cache per block gives
// exactly what solving it gives.
import type { EngineCell, LinearFact, ReaderView, SuppressionProblem } from "./types.ts";

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(terms: readonly number[]): void {
    const first = terms[0];
    if (first === undefined) return;
    const root = this.find(first);
    for (const t of terms) {
      const r = this.find(t);
      if (r !== root) this.parent[r] = root;
    }
  }
}

interface Parts {
  cells: EngineCell[];
  facts: LinearFact[];
  readers: ReaderView[];
}

/**
 * The problem's independent blocks that need a suppression (a block without any primary cell,
 * for any reader, suppresses nothing and is left out), each as a canonical sub-problem, in the
 * order of their smallest cell id.
 */
export function splitBlocks(problem: SuppressionProblem): SuppressionProblem[] {
  const views = problem.readers ?? [];
  const n = problem.vars.length;
  for (const terms of allTerms(problem)) {
    for (const t of terms) {
      if (!Number.isInteger(t) || t < 0 || t >= n) throw new Error(`Term ${t} verwijst naar een onbekende variabele`);
    }
  }
  const uf = new UnionFind(n);
  for (const terms of allTerms(problem)) uf.union(terms);

  const mainById = new Map(problem.cells.map((c) => [c.id, c]));
  const blocks = new Map<string, Parts>();
  const blockOf = (terms: readonly number[], id: string): Parts => {
    const key = terms.length > 0 ? `v${uf.find(terms[0]!)}` : `leeg:${id}`;
    let parts = blocks.get(key);
    if (!parts) {
      parts = { cells: [], facts: [], readers: views.map(() => ({ cells: [], facts: [] })) };
      blocks.set(key, parts);
    }
    return parts;
  };
  for (const c of problem.cells) blockOf(c.terms, c.id).cells.push(c);
  const constantFacts: LinearFact[] = [];
  for (const f of problem.facts) {
    if (f.terms.length === 0) constantFacts.push(f);
    else
      blockOf(
        f.terms.map((t) => t.index),
        f.id,
      ).facts.push(f);
  }
  const constantViewFacts: LinearFact[][] = views.map(() => []);
  views.forEach((view, r) => {
    for (const c of view.cells) {
      // A reader's view of one of the problem's cells is that cell (readers.ts uses its terms).
      const main = mainById.get(c.id);
      blockOf(main ? main.terms : c.terms, c.id).readers[r]!.cells.push(main ? { ...c, terms: main.terms, value: main.value } : c);
    }
    for (const f of view.facts) {
      if (f.terms.length === 0) constantViewFacts[r]!.push(f);
      else
        blockOf(
          f.terms.map((t) => t.index),
          f.id,
        ).readers[r]!.facts.push(f);
    }
  });

  const out: { first: string; problem: SuppressionProblem }[] = [];
  for (const parts of blocks.values()) {
    // A fact without variables (0 within its bounds, or not) holds or fails for every block alike.
    parts.facts.push(...constantFacts);
    parts.readers.forEach((v, r) => v.facts.push(...constantViewFacts[r]!));
    const needs = parts.cells.some((c) => c.status === "primary") || parts.readers.some((v) => v.cells.some((c) => c.status === "primary"));
    if (!needs) continue;
    const ids = [...parts.cells.map((c) => c.id), ...parts.readers.flatMap((v) => v.cells.map((c) => c.id))];
    const first = ids.reduce((a, b) => (compareIds(a, b) <= 0 ? a : b));
    out.push({ first, problem: canonical(problem, parts) });
  }
  return out.sort((a, b) => compareIds(a.first, b.first)).map((b) => b.problem);
}

function* allTerms(problem: SuppressionProblem): Generator<readonly number[]> {
  for (const c of problem.cells) yield c.terms;
  for (const f of problem.facts) yield f.terms.map((t) => t.index);
  for (const v of problem.readers ?? []) {
    for (const c of v.cells) yield c.terms;
    for (const f of v.facts) yield f.terms.map((t) => t.index);
  }
}

const byId = <T extends { id: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => compareIds(a.id, b.id));

/**
 * The block renumbered canonically (see the header). Readers with no primary cell in the block
 * ask nothing of its pattern (readers.ts: their auditor would have no cell to protect) and are
 * left out, so the block's text does not depend on them.
 */
function canonical(problem: SuppressionProblem, parts: Parts): SuppressionProblem {
  const readers = parts.readers.filter((v) => v.cells.some((c) => c.status === "primary"));
  const cells = byId(parts.cells);
  const facts = byId(parts.facts);
  const views = readers.map((v) => ({ cells: byId(v.cells), facts: byId(v.facts) }));
  const mainIds = new Set(cells.map((c) => c.id));

  // Where each variable occurs; with its bounds, its signature.
  const where = new Map<number, string[]>();
  const note = (v: number, label: string): void => {
    const list = where.get(v);
    if (list) list.push(label);
    else where.set(v, [label]);
  };
  for (const c of cells) for (const t of c.terms) note(t, `c ${c.id}`);
  facts.forEach((f, i) => f.terms.forEach((t) => note(t.index, `f ${i} ${f.id} ${t.coef}`)));
  views.forEach((v, r) => {
    for (const c of v.cells) if (!mainIds.has(c.id)) for (const t of c.terms) note(t, `r${r} c ${c.id}`);
    v.facts.forEach((f, i) => f.terms.forEach((t) => note(t.index, `r${r} f ${i} ${f.id} ${t.coef}`)));
  });
  const signature = (v: number): string => {
    const { integer, upper } = problem.vars[v]!;
    return JSON.stringify([integer, upper ?? null, [...where.get(v)!].sort(compareIds)]);
  };
  const signed = [...where.keys()].map((v) => ({ v, s: signature(v) }));
  signed.sort((a, b) => compareIds(a.s, b.s) || a.v - b.v);
  const index = new Map(signed.map(({ v }, i) => [v, i]));

  const mapTerms = (terms: readonly number[]): number[] => terms.map((t) => index.get(t)!).sort((a, b) => a - b);
  const mapFact = (f: LinearFact): LinearFact => ({
    ...f,
    terms: f.terms.map((t) => ({ index: index.get(t.index)!, coef: t.coef })).sort((a, b) => a.index - b.index || a.coef - b.coef),
  });
  const mapCell = (c: EngineCell): EngineCell => ({ ...c, terms: mapTerms(c.terms) });
  return {
    vars: signed.map(({ v }) => {
      const { integer, upper } = problem.vars[v]!;
      return upper === undefined ? { integer } : { integer, upper };
    }),
    cells: cells.map(mapCell),
    facts: facts.map(mapFact),
    ...(views.length > 0 ? { readers: views.map((v) => ({ cells: v.cells.map(mapCell), facts: v.facts.map(mapFact) })) } : {}),
  };
}
