// Counting helpers for aggregate: a composite-key counter and arquero's ordering of its cells.
import * as aq from "arquero";
import type { PeriodeId } from "../domain/periods.ts";

/**
 * Cells by a composite key, as nested Maps (one level per key part): no key string per row.
 * Key parts are numbers (years) and codes; Map compares them as arquero's group keys do.
 */
export class Cells<C> {
  private readonly root = new Map<unknown, unknown>();
  private readonly slots: { value: C | undefined }[] = [];

  get size(): number {
    return this.slots.length;
  }

  /** The slot of this key: `value` is undefined the first time. */
  at(keys: readonly unknown[]): { value: C | undefined } {
    let level = this.root;
    const last = keys.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(keys[i]) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(keys[i], next);
      }
      level = next;
    }
    let slot = level.get(keys[last]) as { value: C | undefined } | undefined;
    if (slot === undefined) {
      slot = { value: undefined };
      level.set(keys[last], slot);
      this.slots.push(slot);
    }
    return slot;
  }

  values(): C[] {
    return this.slots.map((s) => s.value!);
  }
}

/**
 * The cells ordered by arquero on `columns`, then in timeline order (arquero orders mixed
 * numbers and keys otherwise); stable within a period.
 */
export function orderedCells<C extends { jaar: PeriodeId }>(
  cells: Cells<C>,
  columns: (keyof C & string)[],
  index: Map<PeriodeId, number>,
): C[] {
  if (cells.size === 0) return [];
  const rows = aq
    .from(cells.values())
    .orderby(...columns)
    .objects() as C[];
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (index.get(a.r.jaar) ?? -1) - (index.get(b.r.jaar) ?? -1) || a.i - b.i)
    .map((x) => x.r);
}
