// Linear relations visible from the term sets alone, used by `suppress` as starting constraints
// for its master problem (before any attack has run).
//
// A relation is a set of cells whose values are tied by one equation:
//   - two cells with the same term set (a = b);
//   - a cell T whose terms are the disjoint union of other cells' terms (T = S1 + … + Sk).
// If every member but one is published, that one is known exactly. So a primary cell that must
// keep a positive width needs at least one other member of each of its relations suppressed.
// Finding all partitions is exponential; we take, for every cell around a primary, one greedy
// partition (largest parts first). Missing relations only cost iterations later, because the
// attack-driven cuts are complete on their own.

export interface TermCell {
  terms: readonly number[];
}

export class RelationFinder {
  private readonly sets: Set<number>[];
  private readonly cellsOfVar = new Map<number, number[]>();

  constructor(private readonly cells: readonly TermCell[]) {
    this.sets = cells.map((c) => new Set(c.terms));
    cells.forEach((c, i) => {
      for (const t of c.terms) {
        const list = this.cellsOfVar.get(t);
        if (list) list.push(i);
        else this.cellsOfVar.set(t, [i]);
      }
    });
  }

  /** Relations containing `focus`, each as sorted cell indices (focus included), deduplicated. */
  relationsOf(focus: number): number[][] {
    const own = this.sets[focus];
    if (!own || own.size === 0) return [];
    const found = new Map<string, number[]>();
    const add = (members: number[]): void => {
      const sorted = [...new Set(members)].sort((a, b) => a - b);
      if (sorted.length >= 2) found.set(sorted.join(","), sorted);
    };

    for (const other of this.supersets(own)) {
      const size = this.sets[other]?.size ?? 0;
      if (other === focus) continue;
      if (size === own.size) {
        add([focus, other]); // same term set
        continue;
      }
      // other ⊋ focus: partition other \ focus.
      const rest = [...(this.sets[other] ?? [])].filter((t) => !own.has(t));
      const parts = this.partition(rest, new Set([focus, other]));
      if (parts) add([other, focus, ...parts]);
    }
    // focus as a total of smaller cells.
    const parts = this.partition([...own], new Set([focus]), own.size);
    if (parts) add([focus, ...parts]);
    return [...found.values()];
  }

  /** Cells whose term set contains all of `terms` (including equal sets). */
  private supersets(terms: Set<number>): number[] {
    const first = terms.values().next().value;
    if (first === undefined) return [];
    return (this.cellsOfVar.get(first) ?? []).filter((c) => {
      const set = this.sets[c];
      if (!set || set.size < terms.size) return false;
      for (const t of terms) if (!set.has(t)) return false;
      return true;
    });
  }

  /**
   * Greedy exact cover of `target` by cells whose terms lie inside it (largest first, then
   * lowest index), skipping `exclude` and cells of size ≥ `maxSize`. Undefined if not covered.
   */
  private partition(target: number[], exclude: Set<number>, maxSize = Infinity): number[] | undefined {
    const targetSet = new Set(target);
    const hits = new Map<number, number>();
    for (const t of target) {
      for (const c of this.cellsOfVar.get(t) ?? []) hits.set(c, (hits.get(c) ?? 0) + 1);
    }
    const inside = [...hits.entries()]
      .filter(([c, h]) => !exclude.has(c) && h === this.sets[c]?.size && h < maxSize)
      .map(([c]) => c)
      .sort((a, b) => (this.sets[b]?.size ?? 0) - (this.sets[a]?.size ?? 0) || a - b);
    const covered = new Set<number>();
    const parts: number[] = [];
    for (const c of inside) {
      const set = this.sets[c] as Set<number>;
      let disjoint = true;
      for (const t of set) {
        if (covered.has(t)) {
          disjoint = false;
          break;
        }
      }
      if (!disjoint) continue;
      for (const t of set) covered.add(t);
      parts.push(c);
      if (covered.size === targetSet.size) return parts;
    }
    return undefined;
  }
}
